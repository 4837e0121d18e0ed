using System.Collections.Generic;
using WebexConnect.Messages;

namespace WebexConnect.Composition
{
    /// <summary>
    /// Decides Auto SMS encoding per recipient, on the text that recipient will get with substitutions filled
    /// in: one row's name outside GSM-7 sends that row as Unicode (in its own batch) instead of garbling it,
    /// while the other rows stay in cheaper GSM-7. Messages with an explicit encoding pass through.
    /// </summary>
    internal sealed class SmsEncodingResolver
    {
        private readonly Dictionary<SmsEncoding, SmsMessage> _variants = new Dictionary<SmsEncoding, SmsMessage>();
        private SmsMessage? _source;
        private Recipient? _lastRecipient;
        private ConnectMessage? _lastVariant;
        private int _lastParts;
        private readonly SentTexts _sentTexts;

        /// <param name="sentTexts">The command's texts as each recipient gets them (the checks made this row's already).</param>
        public SmsEncodingResolver(SentTexts? sentTexts = null) => _sentTexts = sentTexts ?? new SentTexts();

        public ConnectMessage For(ConnectMessage message, Recipient recipient)
        {
            if (message is not SmsMessage { Encoding: SmsEncoding.Auto, Text: { } text } sms) return message;
            if (!ReferenceEquals(_source, sms))
            {
                // Reusing one variant per encoding keeps records of the same shape in the same batch.
                _source = sms;
                _variants.Clear();
            }

            var (encoding, parts) = _sentTexts.SmsCostOf(text, sms.Substitutions, recipient.Substitutions);
            if (!_variants.TryGetValue(encoding, out var variant))
            {
                variant = sms.WithEncoding(encoding);
                _variants[encoding] = variant;
            }
            _lastRecipient = recipient;
            _lastVariant = variant;
            _lastParts = parts;
            return variant;
        }

        /// <summary>
        /// The parts the last <see cref="For"/> measured, when it was for this recipient and gave this message: the
        /// text with the recipient's substitutions is then not built and measured a second time for SendResult.Parts.
        /// </summary>
        public int? KnownParts(ConnectMessage message, Recipient recipient) =>
            ReferenceEquals(recipient, _lastRecipient) && ReferenceEquals(message, _lastVariant) ? _lastParts : null;
    }
}
