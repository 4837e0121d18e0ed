using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using WebexConnect.Commands;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Tests.BadInput
{
    /// <summary>
    /// Builds an RCS destination and message from a case of rcs.json: the message's fields by name, merged
    /// over the file's defaults. The destination goes through the real composition layer
    /// (<see cref="ComposedRow.Compose"/>). The message, cards and suggestions are built here: in a real run
    /// PowerShell binds them from parameters (New-ConnectRcsCard, New-ConnectRcsSuggestion), converting enum
    /// names and numbers itself; a value it could not convert becomes a problem naming the field.
    /// </summary>
    internal sealed class RcsCaseComposer
    {
        private readonly FieldReader _read = new FieldReader();
        private readonly DateTimeOffset _now;

        private RcsCaseComposer(DateTimeOffset now) => _now = now;

        internal static ComposedRow Compose(JsonElement defaults, JsonElement testCase, DateTimeOffset now) =>
            new RcsCaseComposer(now).Build(defaults, testCase);

        private ComposedRow Build(JsonElement defaults, JsonElement testCase)
        {
            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var source in new[] { defaults, testCase })
                if (source.TryGetProperty("message", out var m))
                    foreach (var p in m.EnumerateObject()) fields[p.Name] = p.Value;

            var message = Message(fields);
            var to = Pick(testCase, defaults, "to");
            var addresses = to.ValueKind == JsonValueKind.Array ? to.EnumerateArray().Select(e => Text(e) ?? "").ToArray() : new[] { Text(to) ?? "" };
            // The case's substitutions are the row's columns; -CorrelationId and -GtrId are bound by name.
            var columns = Pick(testCase, defaults, "substitutions").EnumerateObject()
                .Select(p => new KeyValuePair<string, object?>(p.Name, Text(p.Value) ?? "")).ToArray();
            var correlationId = testCase.TryGetProperty("correlationId", out var c) ? Text(c) : null;
            var gtrIds = testCase.TryGetProperty("gtrIds", out var g) ? g.EnumerateArray().Select(e => Text(e) ?? "").ToArray() : null;
            return ComposedRow.Compose(typeof(SendConnectRcsCommand), MessageChannel.Rcs, message, addresses, correlationId, columns, gtrIds, _read.Problems);
        }

        private RcsMessage Message(Dictionary<string, JsonElement> f)
        {
            foreach (var name in f.Keys)
                if (!KnownMessageFields.Contains(name)) throw new FormatException("rcs.json: unknown message field " + name);
            return new RcsMessage
            {
                From = Get(f, "From") ?? "",
                ContentType = _read.Enum<RcsContentType>("ContentType", Get(f, "ContentType")) ?? RcsContentType.Text,
                Text = Get(f, "Text"),
                MediaUrl = Get(f, "MediaUrl"),
                Card = f.TryGetProperty("Card") is { } card ? Card(card, "Card") : null,
                Cards = f.TryGetProperty("Cards") is { } cards ? Items(cards).Select((e, i) => Card(e, $"Carousel[{i}]")).ToArray() : Array.Empty<RcsCard>(),
                CarouselWidth = _read.Enum<RcsCarouselWidth>("CarouselWidth", Get(f, "CarouselWidth")),
                AgentEvent = _read.Enum<RcsAgentEvent>("AgentEvent", Get(f, "AgentEvent")),
                EventMessageId = Get(f, "EventMessageId"),
                Suggestions = f.TryGetProperty("Suggestions") is { } s ? Suggestions(s, "Suggestion") : Array.Empty<RcsSuggestion>(),
                Substitutions = f.TryGetProperty("Substitutions") is { } global
                    ? global.EnumerateObject().ToDictionary(p => p.Name, p => Text(p.Value) ?? "", StringComparer.Ordinal)
                    : new Dictionary<string, string>(),
                SmsFallback = f.TryGetProperty("SmsFallback") is { } fallback ? fallback.GetBoolean() : null,
                FallbackSenderId = Get(f, "FallbackSenderId"),
                FallbackText = Get(f, "FallbackText"),
                SendAt = _read.Date("SendAt", Get(f, "SendAt")),
                ExpireAt = _read.Date("ExpireAt", Get(f, "ExpireAt")),
                CallbackData = Get(f, "CallbackData"),
                RequestedReceipts = f.TryGetProperty("RequestedReceipts") is { } r ? r.EnumerateArray().Select(e => Text(e) ?? "").ToArray() : Array.Empty<string>(),
                Template = f.TryGetProperty("Template") is { } t
                    ? new MessageTemplate { Id = Get(t, "Id") ?? "", Encoding = Get(t, "Encoding"), Subject = Get(t, "Subject") }
                    : null,
            };
        }

        private static readonly HashSet<string> KnownMessageFields = new HashSet<string>(StringComparer.Ordinal)
        {
            "From", "ContentType", "Text", "MediaUrl", "Card", "Cards", "CarouselWidth", "AgentEvent", "EventMessageId", "Suggestions",
            "Substitutions", "SmsFallback", "FallbackSenderId", "FallbackText", "SendAt", "ExpireAt", "CallbackData", "RequestedReceipts", "Template",
        };

        private RcsCard Card(JsonElement e, string field) => new RcsCard
        {
            Title = Get(e, "Title"),
            Description = Get(e, "Description"),
            MediaUrl = Get(e, "MediaUrl"),
            MediaHeight = _read.Enum<RcsMediaHeight>(field + ".MediaHeight", Get(e, "MediaHeight")),
            Orientation = _read.Enum<RcsCardOrientation>(field + ".Orientation", Get(e, "Orientation")),
            ThumbnailAlignment = _read.Enum<RcsThumbnailAlignment>(field + ".ThumbnailAlignment", Get(e, "ThumbnailAlignment")),
            Suggestions = e.TryGetProperty("Suggestions", out var s) ? Suggestions(s, field + ".Suggestions") : Array.Empty<RcsSuggestion>(),
        };

        private RcsSuggestion[] Suggestions(JsonElement list, string field) =>
            Items(list).Select((e, i) => Suggestion(e, $"{field}[{i}]")).ToArray();

        private RcsSuggestion Suggestion(JsonElement e, string field) => new RcsSuggestion
        {
            Type = _read.Enum<RcsSuggestionType>(field + ".Type", Get(e, "Type")) ?? RcsSuggestionType.Reply,
            DisplayText = Get(e, "DisplayText") ?? "",
            PostbackData = Get(e, "PostbackData"),
            Url = Get(e, "Url"),
            Phone = Get(e, "Phone"),
            Latitude = Degrees(e, "Latitude", field),
            Longitude = Degrees(e, "Longitude", field),
            Address = Get(e, "Address"),
            StartTime = _read.Date(field + ".StartTime", Get(e, "StartTime")),
            EndTime = _read.Date(field + ".EndTime", Get(e, "EndTime")),
            MeetingTitle = Get(e, "MeetingTitle"),
        };

        private double? Degrees(JsonElement e, string name, string field)
        {
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.Number) return value.GetDouble();
            var text = Text(value);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return number;
            _read.Add(field + "." + name, $"{InputEcho.Quote(text ?? "")} is not a number: give {name} in decimal degrees, e.g. 51.5074");
            return null;
        }

        /// <summary>An array, or {"count": N, "each": {...}} for N copies.</summary>
        private static IEnumerable<JsonElement> Items(JsonElement list) =>
            list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray()
                : Enumerable.Repeat(list.GetProperty("each"), list.GetProperty("count").GetInt32());

        private static JsonElement Pick(JsonElement testCase, JsonElement defaults, string name) =>
            testCase.TryGetProperty(name, out var value) ? value : defaults.GetProperty(name);

        private string? Get(Dictionary<string, JsonElement> fields, string name) =>
            fields.TryGetValue(name, out var value) ? Text(value) : null;

        private string? Get(JsonElement e, string name) => e.TryGetProperty(name, out var value) ? Text(value) : null;

        private string? Text(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => CorpusValue.Expand(e.GetString(), _now),
            _ => e.GetRawText(),
        };
    }

    internal static class JsonFieldExtensions
    {
        internal static JsonElement? TryGetProperty(this Dictionary<string, JsonElement> fields, string name) =>
            fields.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }
}
