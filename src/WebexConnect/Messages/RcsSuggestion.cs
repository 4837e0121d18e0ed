using System;

namespace WebexConnect.Messages
{
    /// <summary>The six RCS suggestion kinds (JSON type, camelCase).</summary>
    public enum RcsSuggestionType
    {
        /// <summary>A suggested reply ("reply").</summary>
        Reply,
        /// <summary>Open a URL ("openUrl").</summary>
        OpenUrl,
        /// <summary>Dial a phone number ("dialPhone").</summary>
        DialPhone,
        /// <summary>Show a location on a map ("viewLocation").</summary>
        ViewLocation,
        /// <summary>Ask the user to share their location ("shareLocation").</summary>
        ShareLocation,
        /// <summary>Create a calendar event ("calendarEvent").</summary>
        CalendarEvent,
    }

    /// <summary>A suggestion chip on an RCS message, rich card or carousel card. Built by New-ConnectRcsSuggestion.</summary>
    public sealed class RcsSuggestion
    {
        /// <summary>The kind of suggestion.</summary>
        public RcsSuggestionType Type { get; init; }

        /// <summary>The chip's label (at most 25 characters).</summary>
        public string DisplayText { get; init; } = "";

        /// <summary>Data returned to the app when the user taps the chip.</summary>
        public string? PostbackData { get; init; }

        /// <summary>OpenUrl: the URL to open.</summary>
        public string? Url { get; init; }

        /// <summary>
        /// The URL as the command was given it, spaces around it included, when New-ConnectRcsSuggestion trimmed them: versions before
        /// the trim sent, and so named in their journal, the chip with it.
        /// </summary>
        internal string? UrlAsGiven { get; init; }

        /// <summary>DialPhone: the number to dial.</summary>
        public string? Phone { get; init; }

        /// <summary>
        /// The number as the command was given it, spaces around it included, when New-ConnectRcsSuggestion trimmed them: versions before
        /// the trim sent, and so named in their journal, the chip with it.
        /// </summary>
        internal string? PhoneAsGiven { get; init; }

        /// <summary>ViewLocation: latitude in degrees.</summary>
        public double? Latitude { get; init; }

        /// <summary>ViewLocation: longitude in degrees.</summary>
        public double? Longitude { get; init; }

        /// <summary>ViewLocation: an address or query.</summary>
        public string? Address { get; init; }

        /// <summary>CalendarEvent: start (written in UTC).</summary>
        public DateTimeOffset? StartTime { get; init; }

        /// <summary>CalendarEvent: end (written in UTC).</summary>
        public DateTimeOffset? EndTime { get; init; }

        /// <summary>CalendarEvent: the event's title.</summary>
        public string? MeetingTitle { get; init; }

        /// <summary>CalendarEvent: the event's description.</summary>
        public string? MeetingDescription { get; init; }

        /// <inheritdoc />
        public override string ToString() => $"{Type}: {DisplayText}";
    }
}
