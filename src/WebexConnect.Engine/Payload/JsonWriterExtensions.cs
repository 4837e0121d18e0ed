using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace WebexConnect.Engine.Payload
{
    /// <summary>The "omit what is unset" rule in one place: null or empty strings, lists and maps are not written.</summary>
    internal static class JsonWriterExtensions
    {
        public static void WriteIfSet(this Utf8JsonWriter writer, string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) writer.WriteString(name, value);
        }

        public static void WriteIfSet(this Utf8JsonWriter writer, string name, bool? value)
        {
            if (value.HasValue) writer.WriteBoolean(name, value.Value);
        }

        public static void WriteIfSet(this Utf8JsonWriter writer, string name, double? value)
        {
            if (value.HasValue) writer.WriteNumber(name, value.Value);
        }

        public static void WriteIfSet(this Utf8JsonWriter writer, string name, DateTimeOffset? value)
        {
            if (value.HasValue) writer.WriteString(name, WireFormat.Timestamp(value.Value));
        }

        /// <summary>An array of the non-empty strings; nothing when there are none (a seed's [""] means "unset").</summary>
        public static void WriteIfSet(this Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
        {
            if (!values.Any(v => !string.IsNullOrEmpty(v))) return;
            writer.WriteStartArray(name);
            foreach (var value in values)
                if (!string.IsNullOrEmpty(value)) writer.WriteStringValue(value);
            writer.WriteEndArray();
        }

        /// <summary>
        /// Global substitutions in ordinal key order, so two messages with the same values give the same bytes
        /// (and so one batch) whatever order their dictionaries were filled in.
        /// </summary>
        public static void WriteSortedIfSet(this Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string> values)
        {
            if (values.Count == 0) return;
            writer.WriteStartObject(name);
            foreach (var pair in values.OrderBy(p => p.Key, StringComparer.Ordinal))
                writer.WriteString(pair.Key, pair.Value ?? "");
            writer.WriteEndObject();
        }
    }
}
