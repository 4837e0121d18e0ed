using WebexConnect.Messages;
using WebexConnect.Messages.Sms;

namespace WebexConnect.Composition
{
    /// <summary>
    /// The text a message sends as an SMS, as the cost warnings (<see cref="TypographicCharacters"/>,
    /// <see cref="WindowsLineBreaks"/>) read it: an SMS's text, or an RCS message's SMS fallback, which every phone
    /// without RCS gets and which is billed by the part as any SMS.
    /// </summary>
    internal readonly struct SmsTextOf
    {
        private SmsTextOf(string text, SmsEncoding encoding, string name, bool hasEncodingParameter)
        {
            Text = text;
            Encoding = encoding;
            Name = name;
            HasEncodingParameter = hasEncodingParameter;
        }

        /// <summary>The text as written, its $(name) variables unfilled.</summary>
        public string Text { get; }

        /// <summary>How it goes out; a fallback goes out as the service finds best (Auto).</summary>
        public SmsEncoding Encoding { get; }

        /// <summary>What a warning calls it: "text" or "fallback text".</summary>
        public string Name { get; }

        /// <summary>True when the command has -Encoding, so a warning may offer -Encoding Unicode.</summary>
        public bool HasEncodingParameter { get; }

        /// <summary>The SMS text of <paramref name="message"/>, or null when it sends none.</summary>
        public static SmsTextOf? Of(ConnectMessage message) => message switch
        {
            SmsMessage { Text: { } text } sms => new SmsTextOf(text, sms.Encoding, "text", hasEncodingParameter: true),
            RcsMessage { SmsFallback: true, FallbackText: { } fallback } => new SmsTextOf(fallback, SmsEncoding.Auto, "fallback text", hasEncodingParameter: false),
            _ => null,
        };
    }
}
