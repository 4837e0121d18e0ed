using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using WebexConnect.Results;

namespace WebexConnect.Commands
{
    /// <summary>
    /// <para type="synopsis">Sends an RCS message (text, media, rich card, carousel or agent event) to every number piped in or given to -To.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "ConnectRcs", DefaultParameterSetName = TextSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SendResult))]
    public sealed class SendConnectRcsCommand : SendCommandBase
    {
        private const string TextSet = "Text";
        private const string CardSet = "Card";
        private const string CarouselSet = "Carousel";
        private const string AgentEventSet = "AgentEvent";

        /// <summary>The E.164 number(s); several in one call receive the identical message in one destination object.</summary>
        // By property name only, and not Mandatory: see DESIGN.md's binding recipe. A plain string piped by itself
        // arrives as -InputObject; a row without a destination gets its Invalid result from ProcessRecord.
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Phone", "Mobile", "MobileNumber", "PhoneNumber", "MobilePhone", "Msisdn", "Number")]
        [DestinationArgument("msisdn", "Send-ConnectRcs")]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public ConnectDestination[]? To { get; set; } = Array.Empty<ConnectDestination>();

        /// <inheritdoc />
        [Parameter(ParameterSetName = TextSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = CardSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = CarouselSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = AgentEventSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = TemplateSet, ValueFromPipelineByPropertyName = true)]
        [IdTextArgument(nameof(CorrelationId))] // a JSON row's object member is that row's Invalid result
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public override string? CorrelationId { get; set; }

        /// <inheritdoc />
        [Parameter(ParameterSetName = TextSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = CardSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = CarouselSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = AgentEventSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = TemplateSet, ValueFromPipelineByPropertyName = true)]
        [RowTimeArgument("SendAt")]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public override DateTimeOffset? SendAt { get; set; }

        /// <summary>The text (at most 1024 characters), with $(name) variables; binds from a Text column too.</summary>
        // Not Mandatory: a short CSV line binds $null, and that row gets its Invalid result instead of a binder error.
        [Parameter(ParameterSetName = TextSet, ValueFromPipelineByPropertyName = true)]
        [FileLinesArgument] // -Text (Get-Content file.txt): the file's lines, one text
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? Text { get; set; }

        /// <summary>The public URL of an image, video or file to send instead of a text; binds from a MediaUrl column too (each row its own).</summary>
        // In the Text set, by property name, and not Mandatory: a CSV of recipients each with their own boarding pass or image
        // (Phone, MediaUrl) sends each row its file, and a row whose cell is empty sends its text, or gets its Invalid result.
        // A Media set of its own could not take the column: PowerShell picks the default set for a piped row, and a row
        // with a Text and a MediaUrl would silently lose its image there. A row with both is refused (RcsRules).
        [Parameter(ParameterSetName = TextSet, ValueFromPipelineByPropertyName = true)]
        [Alias("MediaContentUrl")] // the JSON name, content.mediaContentUrl: what a script moved from Invoke-RestMethod types
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? MediaUrl { get; set; }

        /// <summary>
        /// A rich card from New-ConnectRcsCard, or a script block that makes each piped row's own card from $_:
        /// -Card { New-ConnectRcsCard -Title $_.Title -MediaUrl $_.ImageUrl }. A row whose block fails is that row's Invalid result.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = CardSet, HelpMessage = "A rich card from New-ConnectRcsCard.")]
        // Not ValidateNotNull: in a script's loop of one-row calls, -Card (New-ConnectRcsCard ...) is $null when that row's card
        // could not be made, and PowerShell's refusal left the row without a result. The command refuses it itself (RcsRules):
        // the one row's Invalid result, or for piped rows the command's stop before anything is sent.
        [AllowNull]
        [RowScriptArgument(nameof(Card), suggestions: false, list: false)]
        [EmptyCellArgument] // a loop's empty cell or a database's NULL is no card: the row's Invalid result, not the statement's end
        [RcsCardArgument(Single = true)] // a card saved with ConvertTo-Json or Export-Clixml and read back; @($card)
        [Alias("RichCard")] // the JSON name, content.richCard: what a script moved from Invoke-RestMethod types
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public RcsCard? Card { get; set; }

        /// <summary>2 to 10 rich cards from New-ConnectRcsCard, shown side by side; or a script block that makes each piped row's cards from $_.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CarouselSet, HelpMessage = "2 to 10 rich cards from New-ConnectRcsCard.")]
        // Not ValidateNotNullOrEmpty, as -Card: in a script's loop of one-row calls a card New-ConnectRcsCard could not make is
        // $null, or a $null among the cards, and PowerShell's refusal left the row without a result. RcsRules refuses it: the
        // one row's Invalid result, or for piped rows the command's stop before anything is sent.
        [AllowNull]
        [AllowEmptyCollection]
        [RowScriptArgument(nameof(Carousel), suggestions: false, list: true)]
        [EmptyCellArgument] // as -Card's
        [RcsCardArgument]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public RcsCard[]? Carousel { get; set; } = Array.Empty<RcsCard>();

        /// <summary>The width of the carousel's cards.</summary>
        [Parameter(ParameterSetName = CarouselSet)]
        [EnumArgument(typeof(RcsCarouselWidth), nameof(CarouselWidth), blankIsNone: false)] // 'Huge' is the row's Invalid result, not the statement's end
        public RcsCarouselWidth CarouselWidth { get; set; } = RcsCarouselWidth.Medium;

        /// <summary>IsTyping shows a typing indicator; Read marks the message -EventMessageId as read.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AgentEventSet, HelpMessage = "IsTyping or Read.")]
        [EnumArgument(typeof(RcsAgentEvent), nameof(AgentEvent), blankIsNone: false)]
        public RcsAgentEvent AgentEvent { get; set; }

        /// <summary>With -AgentEvent Read: the ID of the received message to mark as read.</summary>
        [Parameter(ParameterSetName = AgentEventSet)]
        [IdTextArgument(nameof(EventMessageId))]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? EventMessageId { get; set; }

        /// <summary>
        /// Suggestion chips from New-ConnectRcsSuggestion (at most 10); or a script block that makes each piped row's own chips
        /// from $_: -Suggestion { New-ConnectRcsSuggestion 'Track' -Url $_.TrackUrl }.
        /// </summary>
        // Not ValidateNotNull: a chip New-ConnectRcsSuggestion could not make is $null, and PowerShell's refusal left a one-row
        // call's row without a result. RcsSuggestionRules refuses it, as -Card's $null (and -Suggestion $null, below).
        [Parameter]
        [Alias("Suggestions")] // the JSON name, content.suggestions: what a script moved from Invoke-RestMethod types
        [RowScriptArgument(nameof(Suggestion), suggestions: true, list: true)]
        [EmptyCellArgument(Chips = true)] // a loop's empty cell or a database's NULL is no chips, as -Suggestion left out
        [ChipArgument] // a loop's -Suggestion $r.Answer ('Yes') is the row's Invalid result with New-ConnectRcsCard's advice, not the statement's end
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public RcsSuggestion[]? Suggestion { get; set; }

        /// <summary>Fall back to SMS when the number cannot receive RCS (needs -FallbackSenderId and -FallbackText).</summary>
        [Parameter]
        [SwitchArgument(nameof(SmsFallback))]
        public SwitchParameter SmsFallback { get; set; }

        /// <summary>The SMS sender ID used for the fallback.</summary>
        [Parameter]
        [Alias("SmsSenderId")] // the JSON name, options.smsSenderId: what a script moved from Invoke-RestMethod types
        [IdTextArgument(nameof(FallbackSenderId))]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? FallbackSenderId { get; set; }

        /// <summary>The SMS text used for the fallback (at most 1024 characters), with $(name) variables; binds from a FallbackText column too (each row its own).</summary>
        // By property name, as -Text: a CSV with each customer's own fallback in a FallbackText column sent none before (the
        // column was only a substitution, and -SmsFallback stopped the run for a -FallbackText "the same for every row").
        // Read only with -SmsFallback: without it no row falls back, and the column stays a substitution (RcsContentColumns warns).
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [FileLinesArgument] // -FallbackText (Get-Content fallback.txt), as -Text takes a file's lines
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? FallbackText { get; set; }

        /// <summary>The recipient's carrier ID, when known.</summary>
        [Parameter]
        [IdTextArgument(nameof(CarrierId))]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? CarrierId { get; set; }

        /// <summary>GTR IDs, one per number; binds from a GtrId column too.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string[]? GtrId { get; set; }

        /// <summary>Which delivery webhooks to receive.</summary>
        [Parameter]
        [Alias("RequestedReceipts")] // the JSON name, requestedReceipts: what a script moved from Invoke-RestMethod types
        [RequestedReceiptArgument(MessageChannel.Rcs)] // a loop's 'yes' cell is that row's Invalid result, not the ValidateSet's stop
        [ValidateSet("Sent", "Delivered", "Read", "Failed", "Clicked")]
        public string[]? RequestedReceipt { get; set; }

        private readonly SmsCostWarnings _fallbackCostWarnings = new SmsCostWarnings();
        private FilledTextLine? _filledLine;
        private readonly CardsWithoutPicture _cardsWithoutPicture = new CardsWithoutPicture();
        // -Card, -Carousel or -Suggestion given as a script block: run for each row (null for the usual command).
        private RowContentScripts? _rowScripts;
        // The script blocks' $_['Column'] reads were told of (RowContentScripts.IndexedCellsWarning), or had nothing to tell.
        private bool _indexedCellsTold;
        // -Text or -MediaUrl on the command line: that content is every row's, and the other one's column is not read.
        private bool _textGiven;
        private bool _mediaUrlGiven;
        // -FallbackText on the command line (or by $PSDefaultParameterValues): every row's, templated by its $(name) variables.
        private bool _fallbackTextGiven;
        // What New-ConnectRcsCard said when it made no card for a -Card that is $null (UnmadeCard); else null.
        private string? _cardNotMade;
        // What -Card was given when it was an empty or NULL cell (EmptyCellArgument); else null.
        private string? _cardGivenEmpty;
        // What New-ConnectRcsCard said for each $null card of -Carousel, in order (UnmadeCard); else null.
        private IReadOnlyList<string>? _cardsNotMade;
        // What New-ConnectRcsSuggestion said for each $null chip of -Suggestion, in order (UnmadeSuggestions); else null.
        private IReadOnlyList<string>? _suggestionsNotMade;
        // What is wrong with each chip of -Suggestion that was given as a text (ChipArgument), by slot; else null.
        private string?[]? _suggestionTexts;

        private protected override MessageChannel ChannelKind => MessageChannel.Rcs;

        private protected override IReadOnlyList<ConnectDestination>? Destinations => To;

        private protected override IReadOnlyList<string>? RequestedReceiptNames => RequestedReceipt;

        private protected override IReadOnlyList<string>? GtrIds => Trimmed(GtrId);

        private protected override IReadOnlyList<string>? GtrIdsAsGiven => ReferenceEquals(Trimmed(GtrId), GtrId) ? null : GtrId;

        /// <summary>
        /// The GTR IDs without the spaces a CSV cell leaves around them (Import-Csv keeps them): "g-3 " went out as an ID
        /// the carrier does not know. The same array when there is nothing to take off, as there is on most rows.
        /// </summary>
        private static string[]? Trimmed(string[]? ids)
        {
            if (ids is null) return null;
            string[]? trimmed = null;
            for (var i = 0; i < ids.Length; i++)
            {
                var id = ids[i];
                if (id is null || id.Length == 0 || (!char.IsWhiteSpace(id[0]) && !char.IsWhiteSpace(id[id.Length - 1]))) continue;
                trimmed ??= (string[])ids.Clone();
                trimmed[i] = id.Trim();
            }
            return trimmed ?? ids;
        }

        /// <summary>
        /// The piped call that replaces a loop of one-row calls: each row's card from a script block, each row's file or fallback from
        /// its column. None for an agent event (no column gives a Read event its message ID) nor with -CarrierId (none gives each
        /// row its carrier): a loop is the way to send those a row's own value, and advice to pipe would lose it.
        /// </summary>
        private protected override string? PipedExample =>
            ParameterSetName == AgentEventSet || MyInvocation.BoundParameters.ContainsKey(nameof(CarrierId)) ? null
            : ParameterSetName == CardSet ? "Import-Csv ./offers.csv | Send-ConnectRcs -From acme-app -Card { New-ConnectRcsCard -Title $_.Title -MediaUrl $_.ImageUrl }"
            : ParameterSetName == CarouselSet ? "Import-Csv ./offers.csv | Send-ConnectRcs -From acme-app -Carousel { New-ConnectRcsCard -Title $_.Title1; New-ConnectRcsCard -Title $_.Title2 }"
            : ParameterSetName == TemplateSet ? "Import-Csv ./people.csv | Send-ConnectRcs -From acme-app -TemplateId welcome"
            : _mediaUrlGiven ? "Import-Csv ./passes.csv | Send-ConnectRcs -From acme-app, its MediaUrl column giving each row its file"
            : "Import-Csv ./people.csv | Send-ConnectRcs -From acme-app -Text 'Hi $(Name)'";

        private protected override int PerRowContentLength => 6;

        private protected override void ReadPerRowContent(object?[] content)
        {
            content[0] = RowText;
            // A row's own file is a message of its own; rows with the same file share one, and so their requests.
            content[1] = RowMediaUrl;
            // A row's own card or chips (script blocks) make a message of its own too; rows whose cards are alike still share
            // requests, as the engine batches by what the message says, not by which object says it.
            _rowScripts?.Read(InputObject);
            content[2] = _rowScripts?.Card;
            content[3] = _rowScripts?.Cards;
            content[4] = _rowScripts?.Suggestions;
            // A row's own fallback text (its FallbackText cell) is a message of its own: options.text is the request's.
            content[5] = RowFallbackText;
        }

        /// <summary>
        /// -SmsFallback:$false (or a cell read as False): the fallback is turned off on purpose, so -FallbackSenderId and -FallbackText
        /// are not sent. Before, they stopped the command as "given without SmsFallback", and a loop that turns the fallback on per
        /// row (-SmsFallback:($u.Fallback -eq 'yes') -FallbackSenderId Desk -FallbackText $u.Sms) lost every row that said no.
        /// Left out, -SmsFallback is still missing for them: that is what the stop is for.
        /// </summary>
        private bool FallbackTurnedOff => !SmsFallback.IsPresent && MyInvocation.BoundParameters.ContainsKey(nameof(SmsFallback));

        /// <summary>
        /// The row's SMS fallback text: -FallbackText's, or the row's FallbackText cell with -SmsFallback. Without -SmsFallback a
        /// FallbackText column is not read (no row falls back to SMS; it stays a substitution): only a command-line -FallbackText
        /// is then kept, for the rules to stop the run that gives it without -SmsFallback.
        /// </summary>
        private string? RowFallbackText => SmsFallback.IsPresent || _fallbackTextGiven ? FallbackText : null;

        /// <inheritdoc />
        private protected override ValidationProblem? RowContentProblem => _rowScripts?.Problem ?? PipedCardProblem() ?? EmptyFallbackCell();

        /// <summary>
        /// -FallbackText 'SMS: $(FallbackText)', the way each row's own fallback was given before the column bound -FallbackText,
        /// and a row whose FallbackText cell is empty: its SMS carried none of the row's fallback ('SMS: ', or nothing), Queued,
        /// where the same empty cell bound to -FallbackText makes the row Invalid. Refused alike, naming the column.
        /// </summary>
        private ValidationProblem? EmptyFallbackCell()
        {
            if (!SmsFallback.IsPresent || !_fallbackTextGiven || !(FallbackText is string template) || InputObject is null) return null;
            foreach (var column in PipelineColumns.NamesOf(GetType(), ParameterSetName, nameof(FallbackText)))
            {
                // Matched as the service matches $(name): exactly.
                if (template.IndexOf("$(" + column + ")", StringComparison.Ordinal) < 0) continue;
                // A missing or $null cell is PersonalisedText's "has no value".
                if (InputRow.ValueOf(InputObject, column) is { } cell && string.IsNullOrWhiteSpace(cell.ToString()))
                    return new ValidationProblem(nameof(FallbackText), $"the row's {column} cell is empty, and -FallbackText {InputEcho.Quote(template)} " +
                        "fills it in: the SMS sent when the number cannot receive RCS would carry none of the row's own text. Fill the cell, " +
                        "or send the row without -SmsFallback");
            }
            return null;
        }

        /// <summary>
        /// A card piped in as the row ($card | Send-ConnectRcs -To ..., Import-Csv | New-ConnectRcsCard | Send-ConnectRcs): a row gives
        /// the recipient and its values, not the content, and the card's MediaUrl bound -MediaUrl, so its picture alone went out as
        /// a file, Queued, without its title, text and chips. Refused for that row, with the two ways that send the card.
        /// </summary>
        private ValidationProblem? PipedCardProblem() =>
            InputObject?.BaseObject is RcsCard card
                ? new ValidationProblem("Card", $"the row is a rich card ({InputEcho.Quote(card.ToString())}), and a piped row gives the " +
                    "recipient, not the content (its picture alone would go as a file): give the card to -Card, or pipe the CSV's rows " +
                    "and make each row's card in a script block: -Card { New-ConnectRcsCard -Title $_.Title -MediaUrl $_.ImageUrl }")
                : null;

        /// <inheritdoc />
        private protected override IEnumerable<string> PerRowParameters => _rowScripts?.Parameters ?? Array.Empty<string>();

        /// <inheritdoc />
        /// <remarks>
        /// -FallbackText only with -SmsFallback: without it, its problem is the missing switch, every call's. -Carousel and
        /// -Suggestion too: a loop that builds each row's cards or chips (-Carousel $null when New-ConnectRcsCard made none)
        /// keeps a result for that row.
        /// </remarks>
        private protected override IEnumerable<string> ContentWithoutColumn =>
            SmsFallback ? new[] { nameof(FallbackText), nameof(Card), nameof(Carousel), nameof(Suggestion) } : new[] { nameof(Card), nameof(Carousel), nameof(Suggestion) };

        /// <inheritdoc />
        /// <remarks>
        /// A FallbackText column binds -FallbackText, so a one-row call's -FallbackText would be its row's own; without
        /// -SmsFallback its problem is the missing switch, which every call of a loop shares, so it stops the command. So is
        /// -FallbackSenderId's then (a wrong one with -SmsFallback is the row's), and the base's (-ContactPolicyGroup).
        /// </remarks>
        private protected override IEnumerable<string> OneRowCallSettings =>
            SmsFallback ? base.OneRowCallSettings : base.OneRowCallSettings.Concat(new[] { nameof(FallbackText), nameof(FallbackSenderId) });

        /// <summary>The row's text: none beside a command-line -MediaUrl, whose rows are that file (a Text column is then a substitution, as before).</summary>
        private string? RowText => ParameterSetName == TextSet && !_mediaUrlGiven ? Text : null;

        /// <summary>The row's file: none beside a command-line -Text (RcsContentColumns warns), nor for an empty cell, whose row sends its text.</summary>
        /// <remarks>
        /// As given, spaces around it included: the payload sends it trimmed and encoded (WireUrl), so a cell Excel or a hand
        /// edit left "https://.../al.png " in still shares its request with the rows of the same file. Kept as given here
        /// because the journals of earlier versions name the send by the URL as given, or trimmed (the version that trimmed it
        /// here): a journaled re-run looks the row up under each (Engine Payload/UrlForm.cs).
        /// </remarks>
        private string? RowMediaUrl => ParameterSetName == TextSet && !_textGiven && !string.IsNullOrWhiteSpace(MediaUrl) ? MediaUrl : null;

        /// <summary>
        /// Beside a command-line -Text or -MediaUrl, the other one's column is not the content: it stays a substitution. So does a
        /// FallbackText column without -SmsFallback (<see cref="RowFallbackText"/>).
        /// </summary>
        private protected override IReadOnlyCollection<string> BoundColumns
        {
            get
            {
                var columns = new HashSet<string>(base.BoundColumns, StringComparer.OrdinalIgnoreCase);
                if (_textGiven) columns.ExceptWith(PipelineColumns.NamesOf(GetType(), TextSet, nameof(MediaUrl)));
                if (_mediaUrlGiven) columns.ExceptWith(PipelineColumns.NamesOf(GetType(), TextSet, nameof(Text)));
                // A command-line -FallbackText '$(FallbackText)' reads the column as a substitution, as it did before the column bound.
                if (!SmsFallback.IsPresent || _fallbackTextGiven) columns.ExceptWith(PipelineColumns.NamesOf(GetType(), ParameterSetName, nameof(FallbackText)));
                return columns;
            }
        }

        /// <summary>
        /// A FallbackText column that the command line's -FallbackText names as $(FallbackText) is read, as a substitution: "is not
        /// read" would be untrue of the way a FallbackText column was sent before it bound -FallbackText.
        /// </summary>
        private protected override IReadOnlyDictionary<string, string> NotReadColumns(IReadOnlyDictionary<string, string> givenOnCommandLine) =>
            _fallbackTextGiven && FallbackText is string template
                ? givenOnCommandLine.Where(c => c.Value != nameof(FallbackText) || template.IndexOf("$(" + c.Key + ")", StringComparison.OrdinalIgnoreCase) < 0)
                    .ToDictionary(c => c.Key, c => c.Value, StringComparer.OrdinalIgnoreCase)
                : givenOnCommandLine;

        private protected override Func<string, string?>? ColumnOfOtherCommand =>
            column => RcsContentColumns.FallbackNotRead(column, SmsFallback.IsPresent) ?? RcsContentColumns.Warning(MyInvocation.MyCommand.Name, column, _textGiven,
                ParameterSetName == TextSet ? null : ParameterSetName == TemplateSet ? nameof(TemplateId) : ParameterSetName,
                _rowScripts?.Parameters.Contains(ParameterSetName) == true);

        /// <inheritdoc />
        private protected override Func<string, bool>? ColumnReadByScript => column => _rowScripts?.MayRead(column) == true;

        /// <inheritdoc />
        private protected override bool IsContent(string parameter) => parameter != nameof(FallbackText);

        /// <inheritdoc />
        private protected override IReadOnlyList<string> ContentGivers(string parameter) =>
            parameter == nameof(Text) ? new[] { nameof(Text), nameof(MediaUrl) } : base.ContentGivers(parameter);

        private protected override ConnectMessage CreateMessage(SharedPart shared)
        {
            var set = ParameterSetName;
            var mediaUrl = RowMediaUrl;
            return new RcsMessage(shared)
            {
                ContentType = mediaUrl is null ? ContentTypeOf(set) : RcsContentType.Media,
                // Kept beside a file, for RcsRules to refuse the row that gives both: an RCS message is one or the other.
                Text = RowText,
                MediaUrl = mediaUrl,
                // A script block's: the row's own (none when it failed, and the row is Invalid for that).
                Card = set != CardSet ? null : _rowScripts is null ? Card : _rowScripts.CardOr(Card),
                CardNotMade = set == CardSet ? _cardNotMade : null,
                CardGivenEmpty = set == CardSet ? _cardGivenEmpty : null,
                CardsNotMade = set == CarouselSet ? _cardsNotMade : null,
                Cards = set != CarouselSet ? Array.Empty<RcsCard>() : (_rowScripts is null ? Carousel : _rowScripts.CardsOr(Carousel)) ?? Array.Empty<RcsCard>(),
                CarouselWidth = set == CarouselSet ? CarouselWidth : null,
                AgentEvent = set == AgentEventSet ? AgentEvent : null,
                EventMessageId = set == AgentEventSet ? EventMessageId : null,
                Suggestions = (_rowScripts is null ? Suggestion : _rowScripts.SuggestionsOr(Suggestion)) ?? NoSuggestion,
                SuggestionsNotMade = _suggestionsNotMade,
                SuggestionSlotProblems = _suggestionTexts,
                SmsFallback = SmsFallback ? true : null,
                FallbackSenderId = FallbackTurnedOff ? null : FallbackSenderId,
                FallbackText = FallbackTurnedOff ? null : RowFallbackText,
                CarrierId = CarrierId,
            };
        }

        /// <summary>
        /// No chips: none, or for a -Suggestion given as $null (a chip New-ConnectRcsSuggestion could not make) a list of that one
        /// $null, which RcsSuggestionRules refuses. Before, PowerShell refused it; sent without it, the row would lose its chip
        /// without a word.
        /// </summary>
        private IReadOnlyList<RcsSuggestion> NoSuggestion =>
            MyInvocation.BoundParameters.ContainsKey(nameof(Suggestion)) ? new RcsSuggestion[] { null! } : Array.Empty<RcsSuggestion>();

        private protected override void CheckParameters()
        {
            _rowScripts = RowContentScripts.Of(Card, Carousel, Suggestion);
            // Read right after binding, as the card was made just before: a New-ConnectRcsCard that wrote an error left -Card $null.
            _cardNotMade = ParameterSetName == CardSet && Card is null ? UnmadeCard.Take() : null;
            // Taken whatever the set, as the notes above: a $null -Card is then told apart from a loop's empty or NULL cell.
            var givenEmpty = EmptyCellArgumentAttribute.TakeEmptyCard();
            _cardGivenEmpty = ParameterSetName == CardSet && Card is null ? givenEmpty : null;
            // A carousel's cards, each its own call: the notes of those not made, paired with its $null cards (and forgotten either way).
            _cardsNotMade = UnmadeCard.TakeEach(ParameterSetName == CarouselSet && RowScript.Of(Carousel) is null ? Carousel?.Count(card => card is null) ?? 0 : 0);
            // Taken whatever the chips: a later statement's $null chip is never blamed on what these said.
            // A text given where a chip goes ('Yes', a loop's $r.Answer) is a $null too (ChipArgument): named with its advice, and
            // not counted among the chips New-ConnectRcsSuggestion could not make. Before, PowerShell's binder refused it ("Cannot
            // convert the "Yes" value ... to type RcsSuggestion"), and a loop's row had no result.
            var texts = ChipArgumentAttribute.TextsFor(Suggestion);
            _suggestionTexts = texts is null ? null : texts.Select(text => text is null ? null : ChipArgumentAttribute.Problem(text)).ToArray();
            _suggestionsNotMade = UnmadeSuggestions.Take(UnmadeSuggestions.NullsIn(Suggestion ?? NoSuggestion) - (texts?.Count(text => text is not null) ?? 0));
            // What the command line gave (BoundParameters holds no row's columns yet), $PSDefaultParameterValues included.
            _textGiven = MyInvocation.BoundParameters.ContainsKey(nameof(Text));
            _mediaUrlGiven = MyInvocation.BoundParameters.ContainsKey(nameof(MediaUrl));
            _fallbackTextGiven = MyInvocation.BoundParameters.ContainsKey(nameof(FallbackText));
            if (_textGiven && _mediaUrlGiven) TakeTheCommandLinesContent();
            if (ParameterSetName == CarouselSet) RefuseUnnamed(nameof(CarouselWidth), CarouselWidth);
            if (ParameterSetName == AgentEventSet) RefuseUnnamed(nameof(AgentEvent), AgentEvent);
            // -Carousel is the same for every row: its warning comes once, before the first.
            if (ParameterSetName == CarouselSet && Carousel is not null && RowScript.Of(Carousel) is null && CarouselLayoutWarning.For(Carousel) is string layout) WriteNamedWarning(layout);
        }

        /// <summary>
        /// A -CarouselWidth or -AgentEvent that names none of its values ('Huge' from a CSV cell; EnumArgument let it through):
        /// with nothing piped, the one row's Invalid result; piped, the command's stop before any row. PowerShell's binder refused
        /// it before, and its error ended the statement, so a script's loop of one-row calls lost that row's result.
        /// </summary>
        private void RefuseUnnamed(string parameter, Enum value)
        {
            if (EnumArgumentAttribute.RefusedText(parameter, value) is not string text) return;
            var problem = $"{InputEcho.Quote(text)} is none of {string.Join(", ", Enum.GetNames(value.GetType()))}: give one of them" +
                (parameter == nameof(CarouselWidth) ? ", or leave -CarouselWidth out for Medium." : ".");
            RefuseValue(parameter, "InvalidParameterValue", "-" + parameter + ": " + problem, new ValidationProblem(parameter, problem), text, givenForTheRow: true);
        }

        /// <summary>
        /// -Text and -MediaUrl both bound: the one typed on the command line is sent when $PSDefaultParameterValues gave the
        /// other, as when the two were in parameter sets apart and PowerShell left out a default of the set not chosen (a
        /// script's default -MediaUrl stopped every -Text of that script). Typed both, or given both by defaults, the command
        /// stops before anything is sent, naming the defaults.
        /// </summary>
        private void TakeTheCommandLinesContent()
        {
            var textDefault = DefaultParameterValues.KeyThatGave(this, nameof(Text));
            var mediaUrlDefault = DefaultParameterValues.KeyThatGave(this, nameof(MediaUrl));
            if ((textDefault is null) != (mediaUrlDefault is null))
            {
                var (given, byDefault, key) = textDefault is null ? (nameof(Text), nameof(MediaUrl), mediaUrlDefault) : (nameof(MediaUrl), nameof(Text), textDefault);
                WriteVerbose("-" + byDefault + " from $PSDefaultParameterValues['" + key + "'] is not sent: -" + given + " on the command line " +
                    "takes its place, as an RCS message is a text or a file.");
                if (textDefault is null) _mediaUrlGiven = false;
                else _textGiven = false;
                return;
            }
            var defaults = textDefault is null ? "" : " $PSDefaultParameterValues['" + textDefault + "'] gave -Text, and " +
                "$PSDefaultParameterValues['" + mediaUrlDefault + "'] gave -MediaUrl: remove the one this command should not send.";
            // Apart in parameter sets before -MediaUrl bound a column too; PowerShell then refused the pair itself.
            ThrowParameterError("InvalidParameterValue", "Give -Text or -MediaUrl, not both: an RCS message is a text or a file. " +
                "To send a picture with words, make it a rich card: -Card (New-ConnectRcsCard -Description '...' -MediaUrl '...')." + defaults, MediaUrl);
        }

        /// <remarks>A text message's filled text; a card's and a carousel's words are checked for their limits, not shown.</remarks>
        private protected override IReadOnlyList<string> ContentPreview(ConnectMessage sent, Recipient recipient, long row) =>
            sent is RcsMessage rcs ? (_filledLine ??= new FilledTextLine(SentTexts)).For(rcs, recipient, row) : Array.Empty<string>();

        /// <summary>The SMS fallback every phone without RCS gets is billed by the part: the same warnings as Send-ConnectSms's text.</summary>
        /// <remarks>Also says, once a run and by -Verbose, that a card went without the picture -MediaHeight was given for.</remarks>
        private protected override IReadOnlyList<string> WarningsBeforeRow(ConnectMessage message, long row)
        {
            if (_cardsWithoutPicture.Note(message, row) is string note) WriteVerbose(note);
            var cost = _fallbackCostWarnings.Before(message, row);
            // Once a run, at the first Import-Csv row: a hashtable row's $_['ImageUrl'] reads its cell, and says nothing.
            if (_indexedCellsTold || _rowScripts is null || InputObject?.BaseObject is not PSCustomObject) return cost;
            _indexedCellsTold = true;
            return _rowScripts.IndexedCellsWarning(InputObject) is string indexed ? new[] { indexed }.Concat(cost).ToList() : cost;
        }

        private static RcsContentType ContentTypeOf(string parameterSet) => parameterSet switch
        {
            CardSet => RcsContentType.Standalone,
            CarouselSet => RcsContentType.Carousel,
            AgentEventSet => RcsContentType.AgentEvent,
            _ => RcsContentType.Text,
        };
    }
}
