using System;
using System.Collections.Generic;
using System.Text.Json;
using WebexConnect.Composition;
using WebexConnect.Messages;

namespace WebexConnect.Engine.Payload
{
    /// <summary>
    /// The substitution names a message can use: every $(name) in any string of its shared members (text, subject,
    /// HTML, card and chip texts, URLs, callbackData). A row's other columns are of no use to the service, so they stay
    /// on this computer: an HR export or an AD user piped whole used to send every person's other fields (a birth date,
    /// a manager, an employee ID) with each message.
    /// </summary>
    /// <remarks>
    /// Null means every one: a message with a "template" member anywhere (-TemplateId; a WhatsApp template in
    /// Send-ConnectMessage's -Content) has its text in Webex Connect, where any name may be used; so has a channel
    /// other than SMS, email and RCS, whose content the module does not know. Read from the JSON rather than the model,
    /// so a Send-ConnectMessage body and the typed message it equals write the same bytes. Names match exactly, case
    /// included, as the service matches them. The journal names a send by these values too
    /// (JournalKeyMaker.For), so a column no $(name) names changes no key; it still looks up the key of all of a row's
    /// values (JournalKeyMaker.WithEveryColumn), so a journal written before keeps skipping what it sent.
    /// </remarks>
    internal static class UsedSubstitutions
    {
        private static readonly HashSet<string> None = new HashSet<string>(StringComparer.Ordinal);

        /// <param name="channel">The message's channel.</param>
        /// <param name="sharedJson">Its shared members as <see cref="MessageShape.SharedJson"/> holds them: compact JSON without the braces.</param>
        public static HashSet<string>? Of(MessageChannel channel, ReadOnlySpan<byte> sharedJson)
        {
            if (channel != MessageChannel.Sms && channel != MessageChannel.Email && channel != MessageChannel.Rcs) return null;
            // Most messages name no variable and no template: no reader for them. The compact writer escapes none of these bytes.
            var named = sharedJson.IndexOf(VariableStart) >= 0;
            if (!named && sharedJson.IndexOf(QuotedTemplate) < 0) return None;
            var names = named ? new HashSet<string>(StringComparer.Ordinal) : None;
            var json = new byte[sharedJson.Length + 2];
            json[0] = (byte)'{';
            sharedJson.CopyTo(json.AsSpan(1));
            json[json.Length - 1] = (byte)'}';
            var reader = new Utf8JsonReader(json);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(Template)) return null;
                if (reader.TokenType != JsonTokenType.String || ReferenceEquals(names, None)) continue;
                var text = reader.GetString();
                if (text is null || text.IndexOf("$(", StringComparison.Ordinal) < 0) continue;
                foreach (var name in SubstitutionTemplate.Parse(text).Names) names.Add(name);
            }
            return names;
        }

        private static ReadOnlySpan<byte> VariableStart => new[] { (byte)'$', (byte)'(' };

        private static ReadOnlySpan<byte> Template => QuotedTemplate.Slice(1, 8);

        private static ReadOnlySpan<byte> QuotedTemplate => new[] { (byte)'"', (byte)'t', (byte)'e', (byte)'m', (byte)'p', (byte)'l', (byte)'a', (byte)'t', (byte)'e', (byte)'"' };
    }
}
