using System.Collections.Generic;
using System.Text.Json;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Messages.Sms;

namespace WebexConnect.Engine.Sandbox
{
    /// <summary>
    /// The numSegments the lookup answers for an accepted SMS: the parts of the text its first destination (the one
    /// the lookup names in `to`) gets, with that destination's substitutions, else the global ones, filled in.
    /// Counted by the module's own <see cref="SmsCalculator"/>, so Get-ConnectMessage's Parts agrees with
    /// Measure-ConnectSms and with the send's Parts; before, the sandbox answered "1" for every SMS.
    /// </summary>
    internal static class SandboxSmsSegments
    {
        /// <summary>1 for a message whose text the sandbox cannot see (another channel, a template).</summary>
        public static int Of(JsonElement root, string channel)
        {
            if (channel != "sms" || !root.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object
                || !content.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                return 1;

            // "text" is GSM-7 and "unicode" UCS-2 (API.md); the service is told, it does not guess.
            var encoding = content.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "unicode"
                ? SmsEncoding.Unicode
                : SmsEncoding.Text;
            var own = root.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.Array && to.GetArrayLength() > 0
                ? Values(to[0])
                : NoValues;
            var sent = SubstitutionText.Apply(text.GetString()!, Values(root), own);
            return SmsCalculator.Cost(sent, encoding).Parts;
        }

        private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>();

        /// <summary>The "substitutions" object of <paramref name="holder"/> (the body or a destination), as text.</summary>
        private static IReadOnlyDictionary<string, string> Values(JsonElement holder)
        {
            if (holder.ValueKind != JsonValueKind.Object || !holder.TryGetProperty("substitutions", out var values)
                || values.ValueKind != JsonValueKind.Object)
                return NoValues;
            var result = new Dictionary<string, string>();
            foreach (var value in values.EnumerateObject())
                result[value.Name] = value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString()! : value.Value.GetRawText();
            return result;
        }
    }
}
