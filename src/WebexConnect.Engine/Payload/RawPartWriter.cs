using System.Text.Json;
using WebexConnect.Messages;

namespace WebexConnect.Engine.Payload
{
    /// <summary>
    /// A raw message's own members, in the places the typed writers put theirs: the other top-level members
    /// (where email writes cc, bcc and multipleToRecipients), the options, then the content or the template.
    /// </summary>
    internal static class RawPartWriter
    {
        public static void Write(Utf8JsonWriter writer, RawMessage raw)
        {
            foreach (var member in raw.AdditionalProperties)
            {
                writer.WritePropertyName(member.Key);
                RawJson.WriteValue(writer, member.Value);
            }

            if (raw.Options is not null)
            {
                writer.WritePropertyName("options");
                RawJson.WriteValue(writer, raw.Options);
            }

            if (raw.Template is not null)
            {
                SharedPartWriter.WriteTemplate(writer, raw.Template, raw.Channel);
                return;
            }

            if (raw.Content is not null)
            {
                writer.WritePropertyName("content");
                RawJson.WriteValue(writer, raw.Content);
            }
        }
    }
}
