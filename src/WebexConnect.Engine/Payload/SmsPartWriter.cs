using System.Linq;
using System.Text.Json;
using WebexConnect.Messages;
using WebexConnect.Messages.Sms;

namespace WebexConnect.Engine.Payload
{
    /// <summary>SMS content (or template) and options.</summary>
    internal static class SmsPartWriter
    {
        public static void Write(Utf8JsonWriter writer, SmsMessage sms)
        {
            WriteOptions(writer, sms);
            if (sms.Template is not null)
            {
                SharedPartWriter.WriteTemplate(writer, sms.Template, MessageChannel.Sms);
                return;
            }

            writer.WriteStartObject("content");
            writer.WriteString("type", WireFormat.SmsContentType(ResolveEncoding(sms)));
            writer.WriteIfSet("text", sms.Text);
            writer.WriteEndObject();
        }

        /// <summary>
        /// Auto becomes Unicode when the text, or a global substitution value that may land in it, has a
        /// character outside GSM-7. Per-destination values are not seen here: a batch shares one content type.
        /// </summary>
        internal static SmsEncoding ResolveEncoding(SmsMessage sms)
        {
            if (sms.Encoding != SmsEncoding.Auto) return sms.Encoding;
            var needsUnicode = NeedsUnicode(sms.Text) || sms.Substitutions.Values.Any(NeedsUnicode);
            return needsUnicode ? SmsEncoding.Unicode : SmsEncoding.Text;
        }

        private static bool NeedsUnicode(string? text) =>
            !string.IsNullOrEmpty(text) && SmsCalculator.Measure(text!).Encoding == SmsEncoding.Unicode;

        private static void WriteOptions(Utf8JsonWriter writer, SmsMessage sms)
        {
            if (sms.ShortenLinks is null && sms.TrackClicks is null && string.IsNullOrEmpty(sms.Domain)
                && string.IsNullOrEmpty(sms.Tag1) && string.IsNullOrEmpty(sms.Tag2))
                return;

            writer.WriteStartObject("options");
            writer.WriteIfSet("shortenLinks", sms.ShortenLinks);
            writer.WriteIfSet("trackClicks", sms.TrackClicks);
            writer.WriteIfSet("domain", sms.Domain);
            writer.WriteIfSet("tag1", sms.Tag1);
            writer.WriteIfSet("tag2", sms.Tag2);
            writer.WriteEndObject();
        }
    }
}
