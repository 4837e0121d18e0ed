using System.Collections.Generic;
using System.Text.Json;
using WebexConnect.Composition;
using WebexConnect.Messages;

namespace WebexConnect.Engine.Payload
{
    /// <summary>
    /// Writes the "to" array. This is the per-destination hot path: names are pre-encoded and values go
    /// straight from the model into the writer, with no intermediate objects or strings.
    /// </summary>
    internal static class DestinationWriter
    {
        private static readonly JsonEncodedText To = JsonEncodedText.Encode("to");
        private static readonly JsonEncodedText Msisdn = JsonEncodedText.Encode("msisdn");
        private static readonly JsonEncodedText Email = JsonEncodedText.Encode("email");
        private static readonly JsonEncodedText CorrelationId = JsonEncodedText.Encode("correlationId");
        private static readonly JsonEncodedText Substitutions = JsonEncodedText.Encode("substitutions");
        private static readonly JsonEncodedText GtrId = JsonEncodedText.Encode("gtrId");

        public static void WriteTo(Utf8JsonWriter writer, ConnectMessage message, IReadOnlyList<Recipient> recipients)
        {
            var key = WireFormat.AddressKey(message);
            // The two common keys are encoded once; a raw message's own key once per request.
            var addressKey = key == ChannelNames.Msisdn ? Msisdn : key == ChannelNames.Email ? Email : JsonEncodedText.Encode(key);
            var withGtrIds = message.Channel == MessageChannel.Rcs;

            writer.WriteStartArray(To);
            for (var i = 0; i < recipients.Count; i++)
            {
                var recipient = recipients[i];
                writer.WriteStartObject();

                writer.WriteStartArray(addressKey);
                var addresses = recipient.Addresses;
                for (var a = 0; a < addresses.Count; a++) writer.WriteStringValue(addresses[a]);
                writer.WriteEndArray();

                if (!string.IsNullOrEmpty(recipient.CorrelationId)) writer.WriteString(CorrelationId, recipient.CorrelationId);
                if (recipient.Substitutions.Count > 0) WriteSubstitutions(writer, recipient.Substitutions);
                if (withGtrIds && recipient.GtrIds.Count > 0)
                {
                    writer.WriteStartArray(GtrId);
                    for (var g = 0; g < recipient.GtrIds.Count; g++) writer.WriteStringValue(recipient.GtrIds[g]);
                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }

        private static void WriteSubstitutions(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> values)
        {
            writer.WriteStartObject(Substitutions);
            foreach (var pair in new SubstitutionPairs(values)) writer.WriteString(pair.Key, pair.Value ?? "");
            writer.WriteEndObject();
        }
    }
}
