using System;
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
        // it ended the Send-ConnectRcs around it too, so a loop's row had no result. Mandatory already refuses an empty label.
        [ArgumentCompleter(typeof(RowCellCompleter))]
        public string DisplayText { get; set; } = "";

        /// <summary>Data returned to your app when the user taps the chip; a reply without it returns its label.</summary>
        [Parameter(Position = 1)]
        [ArgumentCompleter(typeof(RowCellCompleter))]
        public string? PostbackData { get; set; }

        /// <summary>Open this URL when tapped.</summary>
        [Parameter(Mandatory = true, ParameterSetName = OpenUrlSet, HelpMessage = "The URL to open.")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RowCellCompleter))]
        public string Url { get; set; } = "";

        /// <summary>Dial this number when tapped.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DialPhoneSet, HelpMessage = "The number to dial, e.g. +447700900001.")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RowCellCompleter))]
        public string Phone { get; set; } = "";

        /// <summary>Show this latitude on a map when tapped.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ViewLocationSet, HelpMessage = "Latitude in degrees.")]
        [CoordinateArgument(nameof(Latitude))]
        [ValidateRange(-90.0, 90.0)]
        [ArgumentCompleter(typeof(RowCellCompleter))]
        public double Latitude { get; set; }

        /// <summary>Show this longitude on a map when tapped.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ViewLocationSet, HelpMessage = "Longitude in degrees.")]
        [CoordinateArgument(nameof(Longitude))]
        [ValidateRange(-180.0, 180.0)]
        [ArgumentCompleter(typeof(RowCellCompleter))]
        public double Longitude { get; set; }

        /// <summary>Show this address or query on a map (alone, or as the label of -Latitude/-Longitude).</summary>
        [Parameter(ParameterSetName = ViewLocationSet)]
        [Parameter(Mandatory = true, ParameterSetName = ViewAddressSet, HelpMessage = "The address or place to show.")]
        [ValidateNotNullOrEmpty]
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
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RowCellCompleter))]
        public string Title { get; set; } = "";

        /// <summary>The calendar event's description.</summary>
        [Parameter(ParameterSetName = CalendarEventSet)]
        [ArgumentCompleter(typeof(RowCellCompleter))]
        public string? Description { get; set; }

        /// <summary>The error of a chip's label longer than the service allows.</summary>
        internal const string LabelTooLongErrorId = "RcsSuggestionLabelTooLong";

        private void RefuseUnreadable(string parameter, DateTimeOffset time)
        {
            if (UnreadableTime.Of(time) is { } unreadable)
                ThrowTerminatingError(new ErrorRecord(new ArgumentException(unreadable.StopOf(parameter)), unreadable.ErrorId,
                    ErrorCategory.InvalidArgument, unreadable.Text));
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            // Not a stop: in a script's loop (-Suggestion (New-ConnectRcsSuggestion $r.Label ...)) the chip is then $null, and
            // Send-ConnectRcs gives that row its Invalid result; a stop ended the Send-ConnectRcs too, and the row had no result.
            if (DisplayText.Length > RcsSuggestionRules.MaxDisplayTextCharacters)
            {
                WriteError(new ErrorRecord(new ArgumentException(
                    $"-DisplayText {InputEcho.Quote(DisplayText)} has {DisplayText.Length} characters: a chip's label takes at most " +
                    $"{RcsSuggestionRules.MaxDisplayTextCharacters} (the service's limit). Shorten it. No suggestion was made."),
                    LabelTooLongErrorId, ErrorCategory.InvalidArgument, DisplayText));
                return;
            }
            if (ParameterSetName == CalendarEventSet)
            {
                // RowTimeArgument marks a time it cannot read (or one the clocks skip) rather than throwing, for the send
                // commands' one-row calls; a chip has no row, so the mark stops here as PowerShell's binder would have.
                RefuseUnreadable(nameof(StartTime), StartTime);
                RefuseUnreadable(nameof(EndTime), EndTime);
                // A local time the clocks show twice: said once for the chip, as -SendAt's is for a run.
                var twiceShown = new TwiceShownWarning();
                if ((twiceShown.For(nameof(StartTime), 0, StartTime) ?? twiceShown.For(nameof(EndTime), 0, EndTime)) is string twice) WriteWarning(twice);
            }
            // A suggestion is built once and sent to every row: "Hi $(Name)" in double quotes would reach all of them as "Hi ".
            if (ExpandedSubstitutions.Error(this, ExpandedSubstitutions.RcsTextParameters) is ErrorRecord expanded) ThrowTerminatingError(expanded);
            if (ParameterSetName == CalendarEventSet && EndTime <= StartTime)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException(
                    $"-EndTime {Messages.Validation.CommonRules.Format(EndTime)} must be after -StartTime {Messages.Validation.CommonRules.Format(StartTime)}."),
                    "EndTimeBeforeStartTime", ErrorCategory.InvalidArgument, EndTime));
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
                Address = set == ViewLocationSet || set == ViewAddressSet ? Address : null,
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
