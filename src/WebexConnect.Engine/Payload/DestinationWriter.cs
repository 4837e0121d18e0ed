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

        /// <param name="writer">The writer.</param>
        /// <param name="message">The message.</param>
        /// <param name="recipients">The destinations.</param>
        /// <param name="used">The substitution names the message uses (<see cref="UsedSubstitutions"/>); null for every one.</param>
        public static void WriteTo(Utf8JsonWriter writer, ConnectMessage message, IReadOnlyList<Recipient> recipients, HashSet<string>? used)
        {
            var addressKey = AddressKey(message);
            var withGtrIds = message.Channel == MessageChannel.Rcs;

            writer.WriteStartArray(To);
            for (var i = 0; i < recipients.Count; i++) WriteDestination(writer, addressKey, withGtrIds, recipients[i], null, used);
            writer.WriteEndArray();
        }

        /// <summary>
        /// The "to" array of one recipient as <see cref="WriteTo"/> writes it, but with the substitutions in ordinal
        /// order of name: what names a send in the journal, where $(name) finds a value by its name and the order
        /// of a row's columns must not count. Substitutions already in that order write the same bytes as WriteTo.
        /// The substitutions in <paramref name="used"/> only, as the request carries them; every one when null (what journals
        /// written before the journal counted named ones only hashed).
        /// </summary>
        /// <param name="byName">Reused for each call, so that sorting costs no allocation.</param>
        /// <param name="used">The substitution names that count (<see cref="UsedSubstitutions"/>); null for every one.</param>
        public static void WriteInNameOrder(Utf8JsonWriter writer, ConnectMessage message, Recipient recipient, SubstitutionsByName byName,
            HashSet<string>? used)
        {
            writer.WriteStartArray(To);
            WriteDestination(writer, AddressKey(message), message.Channel == MessageChannel.Rcs, recipient, byName, used);
            writer.WriteEndArray();
        }

        // The two common keys are encoded once; a raw message's own key once per request.
        private static JsonEncodedText AddressKey(ConnectMessage message)
        {
            var key = WireFormat.AddressKey(message);
            return key == ChannelNames.Msisdn ? Msisdn : key == ChannelNames.Email ? Email : JsonEncodedText.Encode(key);
        }

        private static void WriteDestination(Utf8JsonWriter writer, JsonEncodedText addressKey, bool withGtrIds, Recipient recipient,
            SubstitutionsByName? byName, HashSet<string>? used)
        {
            writer.WriteStartObject();

            writer.WriteStartArray(addressKey);
            var addresses = recipient.Addresses;
            for (var a = 0; a < addresses.Count; a++) writer.WriteStringValue(addresses[a]);
            writer.WriteEndArray();

            if (!string.IsNullOrEmpty(recipient.CorrelationId)) writer.WriteString(CorrelationId, recipient.CorrelationId);
            if (recipient.Substitutions.Count > 0)
            {
                if (byName is null) WriteSubstitutions(writer, recipient.Substitutions, used);
                else WriteSubstitutions(writer, recipient.Substitutions, byName, used);
            }
            if (withGtrIds && recipient.GtrIds.Count > 0)
            {
                writer.WriteStartArray(GtrId);
                for (var g = 0; g < recipient.GtrIds.Count; g++) writer.WriteStringValue(recipient.GtrIds[g]);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        private static void WriteSubstitutions(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> values, HashSet<string>? used)
        {
            // No empty object when the message uses none of the row's values.
            var open = false;
            foreach (var pair in new SubstitutionPairs(values))
            {
                if (used is not null && !used.Contains(pair.Key)) continue;
                if (!open) writer.WriteStartObject(Substitutions);
                open = true;
                writer.WriteString(pair.Key, pair.Value ?? "");
            }
            if (open) writer.WriteEndObject();
        }

        private static void WriteSubstitutions(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> values, SubstitutionsByName byName,
            HashSet<string>? used)
        {
            byName.Load(values, used);
            // No empty object, as the request writes none: a row none of whose columns the message names.
            if (byName.Count == 0) return;
            writer.WriteStartObject(Substitutions);
            for (var i = 0; i < byName.Count; i++) writer.WriteString(byName.NameAt(i), byName.ValueAt(i));
            writer.WriteEndObject();
        }
    }
}
