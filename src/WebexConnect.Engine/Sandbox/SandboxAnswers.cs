using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace WebexConnect.Engine.Sandbox
{
    /// <summary>The bodies the service answers with: 201 success, {"code","message"} errors, empty 401s, gateway HTML.</summary>
    internal sealed class SandboxAnswers
    {
        private static readonly byte[] NoBody = Array.Empty<byte>();
        private readonly string _jsonContentType;

        public SandboxAnswers(bool labelIso88591) =>
            _jsonContentType = labelIso88591 ? "application/json; charset=ISO-8859-1" : "application/json; charset=utf-8";

        public SandboxResponse Empty(int status, IReadOnlyDictionary<string, string> headers) =>
            new SandboxResponse(status, null, NoBody, headers);

        public SandboxResponse Error(int status, string code, string message, IReadOnlyDictionary<string, string> headers) =>
            new SandboxResponse(status, _jsonContentType, Json(json =>
            {
                json.WriteString("code", code);
                json.WriteString("message", message);
            }), headers);

        /// <summary>201 with one messageId for the whole request, whatever the number of destinations.</summary>
        public SandboxResponse Created(DateTimeOffset now, string messageId, string? correlationId, IReadOnlyDictionary<string, string> headers) =>
            new SandboxResponse(201, _jsonContentType, Json(json =>
            {
                json.WriteString("requestTimestamp", now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
                json.WriteString("messageId", messageId);
                json.WriteString("correlationId", correlationId ?? string.Empty);
                json.WriteString("status", "queued");
            }), headers);

        /// <summary>
        /// 200 to GET /v2/messages/{messageId}, in the shape API.md shows for the beta lookup: one object, `to` one
        /// address (the first destination), <paramref name="status"/> the deliveryStatus of that address's final receipt.
        /// </summary>
        public SandboxResponse Message(string messageId, SandboxMessage message, DateTimeOffset acceptedAt, string status,
            IReadOnlyDictionary<string, string> headers)
        {
            var first = message.Destinations.Count > 0 ? message.Destinations[0] : default;
            return new SandboxResponse(200, _jsonContentType, Json(json =>
            {
                json.WriteString("clientId", "sandbox");
                json.WriteString("toType", message.Channel == "email" ? "email" : "msisdn");
                json.WriteString("numSegments", message.Segments.ToString(CultureInfo.InvariantCulture));
                json.WriteString("requestTimestamp", acceptedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
                json.WriteString("channel", message.Channel);
                json.WriteString("messageId", messageId);
                json.WriteStartArray("requestedReceipts");
                foreach (var receipt in message.RequestedReceipts) json.WriteStringValue(receipt);
                json.WriteEndArray();
                json.WriteString("version", "2.0");
                json.WriteString("callbackData", message.CallbackData ?? string.Empty);
                json.WriteString("notifyUrl", message.NotifyUrl ?? string.Empty);
                json.WriteString("from", message.From);
                json.WriteString("correlationId", first.CorrelationId ?? message.CorrelationId ?? string.Empty);
                json.WriteString("to", first.Address ?? string.Empty);
                json.WriteString("direction", "outbound");
                json.WriteString("status", status);
            }), headers);
        }

        /// <summary>What a Status fault answers: the API's error for 429/500/503, a proxy's HTML page for 502/504.</summary>
        public SandboxResponse ForFault(SandboxFault fault, Dictionary<string, string> headers)
        {
            if (fault.RetryAfter != null) headers["Retry-After"] = fault.RetryAfter;
            if (fault.Code != null) return Error(fault.StatusCode, fault.Code, fault.Message ?? string.Empty, headers);
            switch (fault.StatusCode)
            {
                case 429: return Error(429, "7020", "TPS exceeded", headers);
                case 500:
                case 503: return Error(fault.StatusCode, "7006", "Internal error", headers);
                case 502:
                case 504:
                    return new SandboxResponse(fault.StatusCode, "text/html", Encoding.ASCII.GetBytes(
                        "<html><body><h1>" + fault.StatusCode.ToString(CultureInfo.InvariantCulture) + " Gateway error</h1></body></html>"), headers);
                default: return Empty(fault.StatusCode, headers);
            }
        }

        private static byte[] Json(Action<Utf8JsonWriter> writeProperties)
        {
            using (var buffer = new MemoryStream(128))
            {
                using (var json = new Utf8JsonWriter(buffer))
                {
                    json.WriteStartObject();
                    writeProperties(json);
                    json.WriteEndObject();
                }
                return buffer.ToArray();
            }
        }
    }
}
