using System;
using System.Collections.Generic;
using System.Management.Automation;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a rich card for Send-ConnectRcs -Card (standalone) or -Carousel.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ConnectRcsCard")]
    [OutputType(typeof(RcsCard))]
    public sealed class NewConnectRcsCardCommand : PSCmdlet
    {
        /// <summary>The card's title (at most 200 characters); empty or $null is no title. Binds from a Title column.</summary>
        // By property name, as each of the card's fields: Import-Csv products.csv | New-ConnectRcsCard makes one card per
        // product row for -Carousel. Before, no parameter took pipeline input and every row was refused.
        // Its length is checked by this cmdlet, not by a validation attribute: a piped row that an attribute refuses never
        // reaches ProcessRecord, so its error could not name the row, and every later row's number would be one short.
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RowCellCompleter))]
        public string? Title { get; set; }

        /// <summary>The card's description (at most 2000 characters); empty or $null is no description.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [FileLinesArgument] // -Description (Get-Content offer.txt): the file's lines, one text
        [ArgumentCompleter(typeof(RowCellCompleter))]
        public string? Description { get; set; }

        /// <summary>The public URL of the card's image or video; empty or $null is no media. Binds from a MediaUrl or Image column.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Image", "ImageUrl")] // the column names a product list uses for its picture
        [ArgumentCompleter(typeof(RowCellCompleter))]
        public string? MediaUrl { get; set; }

        /// <summary>The media's height; carousels allow Short and Medium only.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EnumArgument(typeof(RcsMediaHeight), nameof(MediaHeight))] // 'Large' is this card's error, not the statement's end
        public RcsMediaHeight? MediaHeight { get; set; }

        /// <summary>Layout of a standalone card: media beside (Horizontal) or above (Vertical) the text.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EnumArgument(typeof(RcsCardOrientation), nameof(Orientation))]
        public RcsCardOrientation? Orientation { get; set; }

        /// <summary>Where the thumbnail sits on a horizontal card.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EnumArgument(typeof(RcsThumbnailAlignment), nameof(ThumbnailAlignment))]
        public RcsThumbnailAlignment? ThumbnailAlignment { get; set; }

        /// <summary>Suggestion chips on the card: at most 4 on a standalone card, 2 on a carousel card. Binds from a Suggestions property.</summary>
        // Not ValidateNotNull: a chip New-ConnectRcsSuggestion could not make is $null, and PowerShell's refusal ended the
        // statement around it (a script's loop lost that row's result). This cmdlet refuses it (RcsCardSuggestionNotMade).
        // By property name, under the card's own name for its chips: $card | New-ConnectRcsCard -Title 'New' (a copy with
        // one change) dropped the card's chips without a word, while its title, text and media carried over.
        // Their number is checked by this cmdlet, not by ValidateCount(0, 4): PowerShell's "no more than 4 value(s)" named
        // neither the service's limit nor where the other chips can go, and refused a piped card without naming its row.
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Suggestions")]
        [AllowNull]
        [ChipArgument] // 'Yes' where a chip goes is this card's error with its advice, not the statement's end
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public RcsSuggestion[]? Suggestion { get; set; }

        /// <summary>
        /// The piped row itself; its columns bind to the parameters above by name. You rarely set this yourself: piping fills it.
        /// </summary>
        // Read only to find a layout column that bound to nothing: PowerShell leaves a compiled cmdlet's parameter unbound,
        // without a word, when a piped property's value does not convert to its type. A MediaHeight cell 'Large' made a card
        // of the service's default height, and the admin never learned the column was not read.
        [Parameter(ValueFromPipeline = true)]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public PSObject? InputObject { get; set; }

        /// <summary>The error of a card with nothing to show.</summary>
        internal const string EmptyCardErrorId = "EmptyRcsCard";

        /// <summary>The error of a piped row whose MediaHeight, Orientation or ThumbnailAlignment names no value of that parameter.</summary>
        internal const string InvalidLayoutErrorId = "InvalidRcsCardLayout";

        /// <summary>The error of a title or description longer than a rich card allows.</summary>
        internal const string TextTooLongErrorId = "RcsCardTextTooLong";

        /// <summary>The error of a $null among the card's chips: one New-ConnectRcsSuggestion could not make.</summary>
        internal const string SuggestionNotMadeErrorId = "RcsCardSuggestionNotMade";

        /// <summary>The error of more suggestion chips than a rich card takes.</summary>
        internal const string TooManySuggestionsErrorId = "RcsCardTooManySuggestions";

        // The service's limits for a rich card (API.md).
        private const int MaxTitleLength = 200;
        private const int MaxDescriptionLength = 2000;

        // The piped rows so far, counted from 1, to name the row that gave an empty card.
        private long _row;

        // The parameters given on the command line, read before the first row is bound: PowerShell keeps a parameter an
        // earlier row bound by property name in MyInvocation.BoundParameters, so it cannot tell this row's columns apart.
        private HashSet<string> _commandLine = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        // A piped hashtable's keys, bound as an object's properties are: PowerShell binds none of them, so
        // @{ Title = 'Tea'; Image = '...' } | New-ConnectRcsCard was refused as a row that "gives no Title".
        private DictionaryRowBinding? _dictionaryRows;

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            _commandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
            _dictionaryRows = DictionaryRowBinding.For(this);
            // One note a call with nothing piped (a carousel's cards are several); piped, the cards are no -Card's or -Carousel's.
            if (MyInvocation.ExpectingInput) UnmadeCard.Take();
            else UnmadeCard.Begin();
            // With nothing piped, the one card's problems are written by MakeCard as errors that do not stop the statement: in a
            // script's loop (Send-ConnectRcs -To $r.Phone -Card (New-ConnectRcsCard -Title $r.Title)) a stop here ended the
            // Send-ConnectRcs around it too, and the loop's results had no result for that row.
            if (!MyInvocation.ExpectingInput) return;
            // Piped, a -Title or -Description given on the command line is every card's: it stops the command before any row is read.
            foreach (var (name, text, max) in TextLimits())
            {
                if (!MyInvocation.BoundParameters.ContainsKey(name)) continue;
                if (ValidateOptionalLengthAttribute.Problem(text, max) is string problem)
                    ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-{name}: {problem} Shorten it. No card was made."),
                        TextTooLongErrorId, ErrorCategory.InvalidArgument, text));
            }
            if (UnnamedLayout(commandLine: true) is string unnamed)
                ThrowTerminatingError(new ErrorRecord(new ArgumentException(unnamed), InvalidLayoutErrorId, ErrorCategory.InvalidArgument, null));
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Suggestion)) && TooManySuggestions() is string tooMany)
                ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-Suggestion: {tooMany}. No card was made."),
                    TooManySuggestionsErrorId, ErrorCategory.InvalidArgument, Suggestion));
        }

        /// <summary>
        /// Writes why this card was not made. With nothing piped, it is also noted for Send-ConnectRcs (UnmadeCard), whose -Card
        /// is then $null: that row's Invalid result says what was wrong with its card.
        /// </summary>
        private void Refuse(ErrorRecord refused)
        {
            if (!MyInvocation.ExpectingInput) UnmadeCard.Note(refused.Exception.Message.Replace(" No card was made.", ""));
            WriteError(refused);
        }

        /// <summary>Where a problem is: "Row 2: Title" for a piped row, "-Title" for the command line's one card.</summary>
        private string Where(string name) => MyInvocation.ExpectingInput ? "Row " + _row + ": " + name : "-" + name;

        /// <summary>An error's target: the piped row's number, or the command line's value.</summary>
        private object? Target(object? value) => MyInvocation.ExpectingInput ? _row : value;

        /// <summary>
        /// What is wrong with a $null among the chips (-Suggestion (New-ConnectRcsSuggestion $r.Label) whose label was too long),
        /// or -Suggestion $null given: what New-ConnectRcsSuggestion said of each (UnmadeSuggestions), when it is known; else null.
        /// </summary>
        private string? NullSuggestion()
        {
            var given = _commandLine.Contains(nameof(Suggestion));
            IReadOnlyList<RcsSuggestion?>? chips = Suggestion ?? (given ? new RcsSuggestion?[] { null } : null);
            // A text given where a chip goes ('Yes') is a $null too (ChipArgument): named with its advice, and not counted
            // among the chips New-ConnectRcsSuggestion could not make.
            var texts = ChipArgumentAttribute.TextsFor(Suggestion);
            var nulls = UnmadeSuggestions.NullsIn(chips);
            var textCount = 0;
            for (var i = 0; texts is not null && i < texts.Count; i++)
                if (texts[i] is not null) textCount++;
            if (nulls == 0) return null;
            var said = UnmadeSuggestions.Take(nulls - textCount);
            var problems = new List<string>(nulls);
            for (int i = 0, n = 0; i < chips!.Count; i++)
            {
                if (chips[i] is not null) continue;
                if (texts?[i] is string text)
                {
                    problems.Add($"{Where(nameof(Suggestion))}[{i}]: {ChipArgumentAttribute.Problem(text)}");
                    continue;
                }
                var why = said is null ? "" : ", as its error said: " + said[n++].Replace(" No suggestion was made.", "").TrimEnd('.');
                problems.Add($"{Where(nameof(Suggestion))}[{i}] is $null: New-ConnectRcsSuggestion made no chip{why}");
            }
            return string.Join("; ", problems) + (said is null && nulls > textCount ? ": correct what its error said, or leave the chip out." : ".");
        }

        /// <summary>What is wrong with the number of chips when the card has more than it takes; else null.</summary>
        private string? TooManySuggestions() =>
            Suggestion is { Length: > RcsCardRules.MaxStandaloneSuggestions } chips
                ? RcsSuggestionRules.TooMany(chips.Length, RcsCardRules.MaxStandaloneSuggestions, "a rich card")
                : null;

        /// <summary>The card's texts the service limits, with their parameter names and limits.</summary>
        private (string Name, string? Text, int Max)[] TextLimits() =>
            new[] { (nameof(Title), Title, MaxTitleLength), (nameof(Description), Description, MaxDescriptionLength) };

        /// <summary>
        /// What is wrong with a MediaHeight, Orientation or ThumbnailAlignment that names none of its parameter's values: the
        /// command line's (<paramref name="commandLine"/>: only its), or this row's column. The whole error's text, or null.
        /// </summary>
        // The command line's 'Large' reaches here as a value the enum does not define (EnumArgument): PowerShell's binder
        // refused it before, and ended the statement around it, so a script's loop lost that row's result.
        // A piped row's cell that bound to nothing is read from the parameter's value, not from BoundParameters: PowerShell
        // resets a parameter a row bound before binding the next, but leaves its name in BoundParameters, so a 'Large' after a
        // row's 'Short' looked bound and made a card of the service's default height without a word. (A piped object's cell
        // reaches EnumArgument too; a hashtable's key that does not convert is left unbound by DictionaryRowBinding.)
        private string? UnnamedLayout(bool commandLine)
        {
            foreach (var (name, type, bound) in new[]
            {
                (nameof(MediaHeight), typeof(RcsMediaHeight), (Enum?)MediaHeight),
                (nameof(Orientation), typeof(RcsCardOrientation), Orientation),
                (nameof(ThumbnailAlignment), typeof(RcsThumbnailAlignment), ThumbnailAlignment),
            })
            {
                var given = _commandLine.Contains(name);
                if (commandLine && !given) continue;
                var text = EnumArgumentAttribute.RefusedText(name, bound);
                if (text is null && bound is null && !given && InputObject is not null &&
                    InputRow.ValueOf(InputObject, name) is { } cell && !string.IsNullOrWhiteSpace(cell.ToString())) text = cell.ToString();
                if (text is null) continue;
                var values = string.Join(", ", Enum.GetNames(type));
                return given
                    ? $"-{name}: {InputEcho.Quote(text)} is none of {values}: give one of them, or leave -{name} out for the service's default. No card was made."
                    : $"Row {_row}: {name}: {InputEcho.Quote(text)} is none of {values}. Correct the cell, or leave it empty for the service's default. No card was made.";
            }
            return null;
        }

        /// <summary>
        /// Whether -MediaUrl was given for this card, empty or not: on the command line, or as a column (or key) of this row
        /// under MediaUrl or an alias. An empty one is a card without media, where -MediaHeight has nothing to apply to.
        /// </summary>
        // Read from the row itself, not from BoundParameters: PowerShell keeps there a name an earlier row bound and never
        // lists a hashtable's keys, so a CSV row with an empty Image cell made a card while the same hashtable row
        // (Image = '') stopped the command.
        private bool MediaUrlGiven()
        {
            if (_commandLine.Contains(nameof(MediaUrl))) return true;
            if (InputObject is null) return false;
            var columns = InputRow.Read(InputObject).Columns;
            foreach (var name in PipelineColumns.NamesOf(GetType(), ParameterSetName, nameof(MediaUrl)))
                foreach (var column in columns)
                    if (string.Equals(column.Key, name, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            // A piped hashtable's keys set the card's fields for this row only, as an object's properties would.
            using (_dictionaryRows!.Bind(this, InputObject)) MakeCard();
        }

        private void MakeCard()
        {
            // A card is built once and sent to every row: "Hi $(Name)" in double quotes would reach all of them as "Hi ".
            // Piped, every card's; with nothing piped, the one card's (a loop's row keeps its result).
            if (ExpandedSubstitutions.Error(this, ExpandedSubstitutions.RcsTextParameters) is ErrorRecord expanded)
            {
                if (MyInvocation.ExpectingInput) ThrowTerminatingError(expanded);
                Refuse(expanded);
                return;
            }
            // The height is written into the card's media object beside the URL: alone it makes a media without a file.
            // An empty -MediaUrl (a product row without an image, the same -MediaHeight for every card) is a card
            // without media, so the height has nothing to apply to.
            // Spaces around the URL are not part of it: Excel and hand edits leave them after a cell's text (Import-Csv keeps
            // them), and the card went out with "url":"https://.../shoe.png ", a link the handset fetches with the space.
            // One of spaces only is kept as given: Send-ConnectRcs refuses it, with its -MediaHeight, before sending.
            var mediaUrl = string.IsNullOrWhiteSpace(MediaUrl) ? MediaUrl : MediaUrl!.Trim();
            var hasMedia = !string.IsNullOrEmpty(mediaUrl);
            _row++; // every row that reaches here, so each error names the row of the CSV it came from
            // Before -MediaHeight's need of -MediaUrl: 'Large' without a picture is first of all no height.
            if (UnnamedLayout(commandLine: false) is string unnamed)
            {
                Refuse(new ErrorRecord(new ArgumentException(unnamed), InvalidLayoutErrorId, ErrorCategory.InvalidArgument, Target(null)));
                return;
            }
            if (MediaHeight is not null && !hasMedia && !MediaUrlGiven())
            {
                // A piped row without a media column is refused alone, as a row's too-long title is: before, it ended the
                // command, and the rows after it got no card and no error.
                const string fix = "the height is that of the card's image or video. ";
                var piped = MyInvocation.ExpectingInput;
                var noMedia = new ErrorRecord(new ArgumentException(piped
                        ? "Row " + _row + ": MediaHeight " + MediaHeight + " needs a MediaUrl (or Image) value in the same row: " + fix +
                          "Give the row its MediaUrl, or leave its MediaHeight out. No card was made."
                        : "-MediaHeight needs -MediaUrl: " + fix + "Add -MediaUrl, or leave -MediaHeight out."),
                    "MediaHeightWithoutMediaUrl", ErrorCategory.InvalidArgument, Target(MediaHeight));
                Refuse(noMedia);
                return;
            }

            // A product name or text from a catalogue export longer than the card allows: that row alone is refused, named
            // by its number and column, so the admin knows which line of the CSV to shorten.
            foreach (var (name, text, max) in TextLimits())
            {
                if (ValidateOptionalLengthAttribute.Problem(text, max) is not string problem) continue;
                Refuse(new ErrorRecord(new ArgumentException($"{Where(name)}: {problem} Shorten it. No card was made."),
                    TextTooLongErrorId, ErrorCategory.InvalidArgument, Target(text)));
                return;
            }

            if (NullSuggestion() is string unmade)
            {
                Refuse(new ErrorRecord(new ArgumentException(unmade + " No card was made."), SuggestionNotMadeErrorId, ErrorCategory.InvalidArgument, Target(null)));
                return;
            }

            // A copy of a card with its chips ($card | New-ConnectRcsCard) that has more than a card takes: that row alone.
            if (TooManySuggestions() is string tooMany)
            {
                Refuse(new ErrorRecord(new ArgumentException($"{(MyInvocation.ExpectingInput ? Where("Suggestions") : "-Suggestion")}: {tooMany}. No card was made."),
                    TooManySuggestionsErrorId, ErrorCategory.InvalidArgument, Target(Suggestion)));
                return;
            }

            // A card with no title, no description and no media shows nothing on the phone, and the service refuses it.
            // Before, New-ConnectRcsCard made it without a word and Send-ConnectRcs refused it later, far from the typo
            // (-Titel) or the blank CSV line that made it. A piped row is refused alone; the other rows still make cards.
            // The error's target is that row's number (this cmdlet binds a row's columns, never the row itself), so a script
            // reading -ErrorVariable finds which row it was without parsing the message.
            if (string.IsNullOrEmpty(Title) && string.IsNullOrEmpty(Description) && !hasMedia)
            {
                var which = MyInvocation.ExpectingInput ? "Row " + _row + " gives no Title, Description or MediaUrl (or Image) value: " : "";
                var empty = new ErrorRecord(new ArgumentException(which +
                    "a card needs something to show: give -Title, -Description or -MediaUrl (empty or $null is the same as none). No card was made."),
                    EmptyCardErrorId, ErrorCategory.InvalidArgument, Target(null));
                Refuse(empty);
                return;
            }

            WriteObject(new RcsCard
            {
                // An empty CSV cell is a field not given, as the service reads a missing one.
                Title = string.IsNullOrEmpty(Title) ? null : Title,
                Description = string.IsNullOrEmpty(Description) ? null : Description,
                MediaUrl = hasMedia ? mediaUrl : null,
                // The journal of a version before the trim names the send by the URL as given: a re-run after the update finds it so.
                MediaUrlAsGiven = hasMedia && mediaUrl!.Length != MediaUrl!.Length ? MediaUrl : null,
                MediaHeight = hasMedia ? MediaHeight : null,
                HeightWithoutMedia = hasMedia ? null : MediaHeight,
                Orientation = Orientation,
                ThumbnailAlignment = ThumbnailAlignment,
                Suggestions = Suggestion ?? Array.Empty<RcsSuggestion>(),
            });
        }
    }
}
