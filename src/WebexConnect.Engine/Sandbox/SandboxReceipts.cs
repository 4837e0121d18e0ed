using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace WebexConnect.Engine.Sandbox
{
    /// <summary>
    /// The delivery-receipt webhooks the service would send for accepted destinations, in the shape of
    /// API.md: per destination 7501 Submitted then 7500 Delivered, or, for an address configured as undeliverable or
    /// drawn by FailedReceiptShare (SandboxDeliveryFate), a failure as its channel says it: a number 7102 (invalid
    /// address), an email 7520 (Bounced; 7102 is no email code). An email's cc and bcc addresses get receipts of their
    /// own under the same transid, as the service sends them. A body's requestedReceipts leaves out the receipts it does not
    /// name (SMS SENT names Submitted too), as the service's filter does. callbackData is echoed; correlationid is lower-case, as the
    /// service spells it.
    /// </summary>
    internal sealed class SandboxReceipts
    {
        private readonly ConcurrentQueue<AcceptedMessage> _accepted = new ConcurrentQueue<AcceptedMessage>();
        private readonly SandboxDeliveryFate _fate;

        public SandboxReceipts(SandboxOptions options) => _fate = new SandboxDeliveryFate(options);

        internal void Add(string messageId, SandboxMessage message, DateTimeOffset acceptedAt) =>
            _accepted.Enqueue(new AcceptedMessage(messageId, message, acceptedAt));

        internal void Clear()
        {
            while (_accepted.TryDequeue(out _)) { }
        }

        /// <summary>Every receipt for every accepted destination, in order of acceptance.</summary>
        public IReadOnlyList<string> All()
        {
            var receipts = new List<string>();
            foreach (var accepted in _accepted) receipts.AddRange(For(accepted.MessageId, accepted.Message, accepted.AcceptedAt));
            return receipts;
        }

        /// <summary>The receipts of one accepted message, timed from when it goes out (its sendAt, when it was scheduled).</summary>
        internal List<string> For(string messageId, SandboxMessage message, DateTimeOffset acceptedAt)
        {
            acceptedAt = message.GoesOutAt(acceptedAt);
            var receipts = new List<string>((message.Destinations.Count + message.Copies.Count) * 2);
            foreach (var destination in message.Destinations) AddBoth(receipts, messageId, message, destination, acceptedAt);
            foreach (var copy in message.Copies) AddBoth(receipts, messageId, message, new SandboxDestination(copy, null), acceptedAt);
            return receipts;
        }

        /// <summary>Submitted, then a second later Delivered or the channel's failure; each only when requestedReceipts lets it through.</summary>
        private void AddBoth(List<string> receipts, string messageId, SandboxMessage message, SandboxDestination destination, DateTimeOffset at)
        {
            if (Asked(message, "submitted", "sent"))
                receipts.Add(Write(messageId, message, destination, at, "7501", "Submitted", "Submitted"));
            var (code, description, status) = _fate.Final(message.Channel, destination.Address);
            if (Asked(message, status))
                receipts.Add(Write(messageId, message, destination, at.AddSeconds(1), code, description, status));
        }

        /// <summary>Whether the message's requestedReceipts (none: every receipt) names one of <paramref name="words"/>, in any case.</summary>
        private static bool Asked(SandboxMessage message, params string[] words)
        {
            if (message.RequestedReceipts.Count == 0) return true;
            foreach (var asked in message.RequestedReceipts)
                foreach (var word in words)
                    if (string.Equals(asked, word, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        private static string Write(string messageId, SandboxMessage message, SandboxDestination destination, DateTimeOffset at,
            string code, string description, string status)
        {
            using (var buffer = new MemoryStream())
            {
                using (var json = new Utf8JsonWriter(buffer))
                {
                    json.WriteStartObject();
                    json.WriteStartObject("deliveryInfoNotification");
                    json.WriteStartObject("deliveryInfo");
                    json.WriteString("timeStamp", at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                    json.WriteString("Description", description);
                    json.WriteString("code", code);
                    json.WriteString("deliveryChannel", message.Channel);
                    json.WriteString("destination", destination.Address);
                    json.WriteString("destinationType", message.Channel == "email" ? "EMAIL" : "MSISDN");
                    json.WriteString("deliveryStatus", status);
                    json.WriteString("additionalInfo", string.Empty);
                    json.WriteString("messageCount", "1");
                    json.WriteEndObject();
                    json.WriteString("carrier", "sandbox");
                    json.WriteString("serviceProvider", "sandbox");
                    json.WriteString("transid", messageId);
                    json.WriteString("callbackData", message.CallbackData ?? string.Empty);
                    json.WriteString("correlationid", destination.CorrelationId ?? string.Empty);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }
                return Encoding.UTF8.GetString(buffer.ToArray());
            }
        }

        private sealed class AcceptedMessage
        {
            public AcceptedMessage(string messageId, SandboxMessage message, DateTimeOffset acceptedAt)
            {
                MessageId = messageId;
                Message = message;
                AcceptedAt = acceptedAt;
            }

            public string MessageId { get; }
            public SandboxMessage Message { get; }
            public DateTimeOffset AcceptedAt { get; }
        }
    }
}
