using System;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using WebexConnect.Messages;

namespace WebexConnect.Engine.Payload
{
    /// <summary>How the model's values are spelled on the wire: dates, validity, channel and enum names.</summary>
    internal static class WireFormat
    {
        /// <summary>
        /// Relaxed escaping keeps non-ASCII text (£, é, emoji aside) and HTML markup readable and small; the body
        /// is an HTTP payload, never embedded in a web page, so the HTML-safe default buys nothing.
        /// </summary>
        public static JsonWriterOptions Compact { get; } = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static JsonWriterOptions Indented { get; } = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

        /// <summary>UTC with milliseconds, e.g. 2026-06-26T08:17:18.000Z, whatever offset the caller gave.</summary>
        public static string Timestamp(DateTimeOffset value) =>
            value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        /// <summary>Whole seconds as a string (the API's type); a fraction of a second is dropped.</summary>
        public static string Validity(TimeSpan value) =>
            (value.Ticks / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture);

        public static string Channel(MessageChannel channel) => ChannelNames.NameOf(channel);

        /// <summary>The "channel" member of a message: the name the caller gave a raw message, else the channel's own.</summary>
        public static string Channel(ConnectMessage message) => message is RawMessage raw ? raw.ChannelName : Channel(message.Channel);

        /// <summary>The property that holds a destination object's addresses.</summary>
        public static string AddressKey(MessageChannel channel) => channel == MessageChannel.Email ? ChannelNames.Email : ChannelNames.Msisdn;

        /// <summary>The property that holds the addresses of <paramref name="message"/>'s destination objects.</summary>
        public static string AddressKey(ConnectMessage message) => message is RawMessage raw ? raw.DestinationKey : AddressKey(message.Channel);

        public static string SmsContentType(SmsEncoding encoding) => encoding switch
        {
            SmsEncoding.Text => "text",
            SmsEncoding.Unicode => "unicode",
            _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Auto must be resolved before writing."),
        };

        public static string RcsContentType(RcsContentType type) => type switch
        {
            Messages.RcsContentType.Text => "text",
            Messages.RcsContentType.Media => "media",
            Messages.RcsContentType.Standalone => "standalone",
            Messages.RcsContentType.Carousel => "carousel",
            Messages.RcsContentType.AgentEvent => "agentEvent",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };

        public static string Suggestion(RcsSuggestionType type) => type switch
        {
            RcsSuggestionType.Reply => "reply",
            RcsSuggestionType.OpenUrl => "openUrl",
            RcsSuggestionType.DialPhone => "dialPhone",
            RcsSuggestionType.ViewLocation => "viewLocation",
            RcsSuggestionType.ShareLocation => "shareLocation",
            RcsSuggestionType.CalendarEvent => "calendarEvent",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };

        public static string Orientation(RcsCardOrientation value) => value switch
        {
            RcsCardOrientation.Horizontal => "HORIZONTAL",
            RcsCardOrientation.Vertical => "VERTICAL",
            _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
        };

        public static string Alignment(RcsThumbnailAlignment value) => value switch
        {
            RcsThumbnailAlignment.Left => "LEFT",
            RcsThumbnailAlignment.Right => "RIGHT",
            _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
        };

        public static string Height(RcsMediaHeight value) => value switch
        {
            RcsMediaHeight.Short => "SHORT",
            RcsMediaHeight.Medium => "MEDIUM",
            RcsMediaHeight.Tall => "TALL",
            _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
        };

        public static string Width(RcsCarouselWidth value) => value switch
        {
            RcsCarouselWidth.Small => "SMALL",
            RcsCarouselWidth.Medium => "MEDIUM",
            _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
        };

        public static string Event(RcsAgentEvent value) => value switch
        {
            RcsAgentEvent.IsTyping => "IS_TYPING",
            RcsAgentEvent.Read => "READ",
            _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
        };
    }
}
