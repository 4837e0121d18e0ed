using System.Collections.Generic;
using WebexConnect.Messages;
using WebexConnect.Messages.Sms;

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

        public ConnectMessage For(ConnectMessage message, Recipient recipient)
        {
            if (message is not SmsMessage { Encoding: SmsEncoding.Auto, Text: { } text } sms) return message;
            if (!ReferenceEquals(_source, sms))
            {
                // Reusing one variant per encoding keeps records of the same shape in the same batch.
                _source = sms;
                _variants.Clear();
            }

            var encoding = SmsCalculator.Measure(SubstitutionText.Apply(text, sms.Substitutions, recipient.Substitutions)).Encoding;
            if (!_variants.TryGetValue(encoding, out var variant))
            {
                variant = sms.WithEncoding(encoding);
                _variants[encoding] = variant;
            }
            return variant;
        }
    }
}
