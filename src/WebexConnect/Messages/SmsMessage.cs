namespace WebexConnect.Messages
{
    /// <summary>How SMS text is encoded on the wire (JSON content.type).</summary>
    public enum SmsEncoding
    {
        /// <summary>Choose "text" when every character is in GSM-7, otherwise "unicode".</summary>
        Auto,
        /// <summary>GSM-7 ("text"): 160 characters in one part, 153 per part when concatenated.</summary>
        Text,
        /// <summary>UCS-2 ("unicode"): 70 characters in one part, 67 per part when concatenated.</summary>
        Unicode,
    }

    /// <summary>An SMS: text content (or a template) and the SMS options.</summary>
    public sealed class SmsMessage : ConnectMessage
    {
        /// <summary>An empty SMS, to fill with an object initializer.</summary>
        public SmsMessage()
        {
        }

        internal SmsMessage(SharedPart shared)
            : base(shared)
        {
        }
        /// <inheritdoc />
        public override MessageChannel Channel => MessageChannel.Sms;

        /// <summary>The message text, with $(name) variables; at most 4000 characters.</summary>
        public string? Text { get; init; }

        /// <summary>The requested encoding; Auto picks the cheapest that can carry the text.</summary>
        public SmsEncoding Encoding { get; init; } = SmsEncoding.Auto;

        /// <summary>Shorten HTTPS links in the text (needs <see cref="Domain"/>).</summary>
        public bool? ShortenLinks { get; init; }

        /// <summary>Report clicks on shortened links.</summary>
        public bool? TrackClicks { get; init; }

        /// <summary>The short-link domain configured for the tenant.</summary>
        public string? Domain { get; init; }

        /// <summary>Free reporting tag 1 (options.tag1).</summary>
        public string? Tag1 { get; init; }

        /// <summary>Free reporting tag 2 (options.tag2).</summary>
        public string? Tag2 { get; init; }

        /// <summary>The same message with another encoding.</summary>
        internal SmsMessage WithEncoding(SmsEncoding encoding) => new SmsMessage(Shared)
        {
            Text = Text,
            Encoding = encoding,
            ShortenLinks = ShortenLinks,
            TrackClicks = TrackClicks,
            Domain = Domain,
            Tag1 = Tag1,
            Tag2 = Tag2,
        };
    }
}
