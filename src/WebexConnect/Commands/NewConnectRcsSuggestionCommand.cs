using System;
using System.Globalization;
using System.Management.Automation;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a suggestion chip (reply, link, call, location, share location or calendar event) for an RCS message or card.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ConnectRcsSuggestion", DefaultParameterSetName = ReplySet)]
    [OutputType(typeof(RcsSuggestion))]
    public sealed class NewConnectRcsSuggestionCommand : PSCmdlet
    {
        private const string ReplySet = "Reply";
        private const string OpenUrlSet = "OpenUrl";
        private const string DialPhoneSet = "DialPhone";
        private const string ViewLocationSet = "ViewLocation";
        private const string ViewAddressSet = "ViewLocationByAddress";
        private const string ShareLocationSet = "ShareLocation";
        private const string CalendarEventSet = "CalendarEvent";

        /// <summary>The chip's label (at most 25 characters).</summary>
        [Parameter(Mandatory = true, Position = 0, HelpMessage = "The chip's label, at most 25 characters.")]
        // Its length is checked by this cmdlet (RcsSuggestionLabelTooLong), not by a validation attribute: PowerShell's refusal
        // had PowerShell's ErrorId (ParameterArgumentValidationError), which a script cannot tell from any other parameter's, and
        // it ended the Send-ConnectRcs around it too, so a loop's row had no result. An empty one likewise (RcsSuggestionValueMissing):
        // Mandatory refused a CSV's empty Label cell, and its error ended the statement around it.
        [AllowNull]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(RowCellCompleter))]
        public string DisplayText { get; set; } = "";

        /// <summary>Data returned to your app when the user taps the chip; a reply without it returns its label.</summary>
        [Parameter(Position = 1)]
        [ArgumentCompleter(typeof(RowCellCompleter))]
        public string? PostbackData { get; set; }

        /// <summary>Open this URL when tapped.</summary>
        [Parameter(Mandatory = true, ParameterSetName = OpenUrlSet, HelpMessage = "The URL to open.")]
        // Not ValidateNotNullOrEmpty, nor for -Phone, -Address and -Title: an empty cell is this chip's error (RcsSuggestionValueMissing),
        // where PowerShell's refusal ended the statement around it and a script's loop lost that row's result.
        [AllowNull]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(RowCellCompleter))]
        public string Url { get; set; } = "";

        /// <summary>Dial this number when tapped.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DialPhoneSet, HelpMessage = "The number to dial, e.g. +447700900001.")]
        [AllowNull]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(RowCellCompleter))]
        public string Phone { get; set; } = "";

        /// <summary>Show this latitude on a map when tapped.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ViewLocationSet, HelpMessage = "Latitude in degrees.")]
        [CoordinateArgument(nameof(Latitude))]
        // Its range is checked by this cmdlet (RcsSuggestionCoordinateOutOfRange), not by ValidateRange, whose refusal ended the
        // statement around it: a script's loop lost the row whose cell held 91.
        [ArgumentCompleter(typeof(RowCellCompleter))]
        public double Latitude { get; set; }

        /// <summary>Show this longitude on a map when tapped.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ViewLocationSet, HelpMessage = "Longitude in degrees.")]
        [CoordinateArgument(nameof(Longitude))]
        [ArgumentCompleter(typeof(RowCellCompleter))]
        public double Longitude { get; set; }

        /// <summary>Show this address or query on a map (alone, or as the label of -Latitude/-Longitude).</summary>
        [Parameter(ParameterSetName = ViewLocationSet)]
        [Parameter(Mandatory = true, ParameterSetName = ViewAddressSet, HelpMessage = "The address or place to show.")]
        [AllowNull]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(RowCellCompleter))]
        public string? Address { get; set; }

        /// <summary>Ask the user to share their location.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ShareLocationSet, HelpMessage = "Ask the user to share their location.")]
        public SwitchParameter ShareLocation { get; set; }

        /// <summary>The calendar event's start.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CalendarEventSet, HelpMessage = "When the event starts.")]
        // Read as -SendAt is: a local time in the hour the clocks skip is refused with the nearest times there are (before, .NET
        // read it an hour off without a word), and one they show twice is read as the second, with a warning (ClockChanges).
        [RowTimeArgument(nameof(StartTime), CommandLineOnly = true)]
        [ArgumentCompleter(typeof(RowCellCompleter))]
        public DateTimeOffset StartTime { get; set; }

        /// <summary>The calendar event's end.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CalendarEventSet, HelpMessage = "When the event ends.")]
        [RowTimeArgument(nameof(EndTime), CommandLineOnly = true)]
        [ArgumentCompleter(typeof(RowCellCompleter))]
        public DateTimeOffset EndTime { get; set; }

        /// <summary>The calendar event's title.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CalendarEventSet, HelpMessage = "The event's title.")]
        [AllowNull]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(RowCellCompleter))]
        public string Title { get; set; } = "";

        /// <summary>The calendar event's description.</summary>
        [Parameter(ParameterSetName = CalendarEventSet)]
        [ArgumentCompleter(typeof(RowCellCompleter))]
        public string? Description { get; set; }

        /// <summary>The error of a chip's label longer than the service allows.</summary>
        internal const string LabelTooLongErrorId = "RcsSuggestionLabelTooLong";

        /// <summary>The error of a chip whose label, link, number, address or event title is empty.</summary>
        internal const string ValueMissingErrorId = "RcsSuggestionValueMissing";

        /// <summary>The error of a latitude or longitude outside the degrees there are.</summary>
        internal const string CoordinateOutOfRangeErrorId = "RcsSuggestionCoordinateOutOfRange";

        /// <summary>The error of a calendar event that ends before it starts.</summary>
        internal const string EndTimeBeforeStartTimeErrorId = "EndTimeBeforeStartTime";

        /// <summary>
        /// Writes why no chip was made, as an error that does not stop the statement, and notes it (UnmadeSuggestions) for the
        /// command the chip was for: in a script's loop (-Suggestion (New-ConnectRcsSuggestion $r.Label ...)) the chip is then
        /// $null, and that row's Invalid result says what its error said. A stop ended the Send-ConnectRcs too, and the row
        /// had no result.
        /// </summary>
        private void Refuse(string errorId, string why, object? target)
        {
            UnmadeSuggestions.Note(why);
            WriteError(new ErrorRecord(new ArgumentException(why + " No suggestion was made."), errorId, ErrorCategory.InvalidArgument, target));
        }

        /// <summary>What makes this chip one the service would refuse, before it is made: the error's ID, its words and target; else null.</summary>
        private (string ErrorId, string Why, object? Target)? Problem()
        {
            var (name, value, what) = ParameterSetName switch
            {
                OpenUrlSet => (nameof(Url), Url, "a chip that opens a web page needs its URL"),
                DialPhoneSet => (nameof(Phone), Phone, "a chip that dials needs the number"),
                ViewAddressSet => (nameof(Address), Address, "a chip that shows a place needs its address"),
                CalendarEventSet => (nameof(Title), Title, "a calendar event's chip needs the event's title"),
                _ => (null, null, null),
            };
            // Label and link both empty: a spreadsheet row without a button (ButtonText and ButtonUrl cells left empty), in a card's
            // script block that makes every row's chip. Before, "Give one, or leave the chip out" left the admin to find how a
            // chip is left out for some rows only, and the row, picture and text and all, was Invalid.
            if (string.IsNullOrWhiteSpace(DisplayText) && name is not null && string.IsNullOrWhiteSpace(value))
                return (ValueMissingErrorId, $"-DisplayText and -{name} are both empty, as a row without a chip gives: make the chip only " +
                    $"for rows that have one, e.g. -Suggestion @(if ($_.ButtonText) {{ New-ConnectRcsSuggestion $_.ButtonText -{name} $_.Button{name} }}). " +
                    "Else give both.", DisplayText);
            if (string.IsNullOrWhiteSpace(DisplayText))
                return (ValueMissingErrorId, "-DisplayText is empty: a chip needs a label, the text on it. Give one, or leave the chip out.", DisplayText);
            if (DisplayText.Length > RcsSuggestionRules.MaxDisplayTextCharacters)
                return (LabelTooLongErrorId, $"-DisplayText {InputEcho.Quote(DisplayText)} has {DisplayText.Length} characters: a chip's label takes at most " +
                    $"{RcsSuggestionRules.MaxDisplayTextCharacters} (the service's limit). Shorten it.", DisplayText);
            if (name is not null && string.IsNullOrWhiteSpace(value))
                return (ValueMissingErrorId, $"-{name} is empty: {what}. Give it, or leave the chip out.", value);
            if (ParameterSetName == ViewLocationSet)
            {
                foreach (var (parameter, degrees) in new[] { (nameof(Latitude), Latitude), (nameof(Longitude), Longitude) })
                    if (CoordinateArgumentAttribute.NotANumber(parameter, degrees) is string notANumber)
                        return (CoordinateArgumentAttribute.NotANumberErrorId, notANumber, degrees);
                if (double.IsNaN(Latitude) || Latitude < -90 || Latitude > 90)
                    return (CoordinateOutOfRangeErrorId, $"-Latitude {Latitude.ToString(CultureInfo.InvariantCulture)} is not a latitude: use -90 to 90 degrees.", Latitude);
                if (double.IsNaN(Longitude) || Longitude < -180 || Longitude > 180)
                    return (CoordinateOutOfRangeErrorId, $"-Longitude {Longitude.ToString(CultureInfo.InvariantCulture)} is not a longitude: use -180 to 180 degrees.", Longitude);
            }
            if (ParameterSetName != CalendarEventSet) return null;
            // RowTimeArgument marks a time it cannot read (or one the clocks skip) rather than throwing, for the send commands'
            // one-row calls; the chip is not made, with the words PowerShell's binder had.
            foreach (var (parameter, time) in new[] { (nameof(StartTime), StartTime), (nameof(EndTime), EndTime) })
                if (UnreadableTime.Of(time) is { } unreadable) return (unreadable.ErrorId, unreadable.StopOf(parameter), unreadable.Text);
            if (EndTime <= StartTime)
                return (EndTimeBeforeStartTimeErrorId, $"-EndTime {CommonRules.Format(EndTime)} must be after -StartTime {CommonRules.Format(StartTime)}: " +
                    "the event must end after it starts. Correct one of the two.", EndTime);
            return null;
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            // Not a stop: in a script's loop (-Suggestion (New-ConnectRcsSuggestion $r.Label ...)) the chip is then $null, and
            // Send-ConnectRcs gives that row its Invalid result; a stop ended the Send-ConnectRcs too, and the row had no result.
            if (Problem() is var (errorId, why, target))
            {
                Refuse(errorId, why, target);
                return;
            }
            // A local time the clocks show twice: said once for each such time, however many chips (a loop's calls) have it.
            if (ParameterSetName == CalendarEventSet &&
                (TwiceShownWarning.ForChip(nameof(StartTime), StartTime) ?? TwiceShownWarning.ForChip(nameof(EndTime), EndTime)) is string twice) WriteWarning(twice);
            // A suggestion is built once and sent to every row: "Hi $(Name)" in double quotes would reach all of them as "Hi ".
            if (ExpandedSubstitutions.Error(this, ExpandedSubstitutions.RcsTextParameters) is ErrorRecord expanded)
            {
                UnmadeSuggestions.Note(expanded.Exception.Message);
                WriteError(expanded);
                return;
            }

            var set = ParameterSetName;
            WriteObject(new RcsSuggestion
            {
                Type = TypeOf(set),
                DisplayText = DisplayText,
                // A reply's postback is how the app learns which reply was tapped, and every documented request has one.
                PostbackData = PostbackData ?? (set == ReplySet ? DisplayText : null),
                // Without the spaces a CSV cell leaves around them (Import-Csv keeps them): a link or number with a space
                // went out as written, and the handset opened a link with the space in it.
                Url = set == OpenUrlSet ? Url.Trim() : null,
                // The journal of a version before the trim names the send by the URL (or number) as given: a re-run after the update finds it so.
                UrlAsGiven = set == OpenUrlSet && Url.Trim().Length != Url.Length ? Url : null,
                Phone = set == DialPhoneSet ? Phone.Trim() : null,
                PhoneAsGiven = set == DialPhoneSet && Phone.Trim().Length != Phone.Length ? Phone : null,
                Latitude = set == ViewLocationSet ? Latitude : null,
                Longitude = set == ViewLocationSet ? Longitude : null,
                // An empty -Address beside -Latitude/-Longitude is no label, as an empty CSV cell is no value.
                Address = set == ViewAddressSet || (set == ViewLocationSet && !string.IsNullOrWhiteSpace(Address)) ? Address : null,
                StartTime = set == CalendarEventSet ? StartTime : null,
                EndTime = set == CalendarEventSet ? EndTime : null,
                MeetingTitle = set == CalendarEventSet ? Title : null,
                MeetingDescription = set == CalendarEventSet ? Description : null,
            });
        }

        private static RcsSuggestionType TypeOf(string parameterSet) => parameterSet switch
        {
            OpenUrlSet => RcsSuggestionType.OpenUrl,
            DialPhoneSet => RcsSuggestionType.DialPhone,
            ViewLocationSet or ViewAddressSet => RcsSuggestionType.ViewLocation,
            ShareLocationSet => RcsSuggestionType.ShareLocation,
            CalendarEventSet => RcsSuggestionType.CalendarEvent,
            _ => RcsSuggestionType.Reply,
        };
    }
}
