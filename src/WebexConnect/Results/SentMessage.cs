using System;
using System.Collections.Generic;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Results
{
    /// <summary>
    /// What GET /v2/messages/{messageId} says about a sent message (Get-ConnectMessage). The lookup is beta at the
    /// vendor: the fields API.md documents are typed; Fields keeps everything the service sent, as it came.
    /// </summary>
    public sealed class SentMessage
    {
        internal SentMessage(string messageId, bool found, string? status, string? channel, string? from, string? to,
            string? correlationId, string? callbackData, DateTimeOffset? requestTimestamp, int? segments, string? direction,
            string? notifyUrl, IReadOnlyDictionary<string, object?> fields, DateTimeOffset lookedUpAt)
        {
            MessageId = messageId;
            Found = found;
            Status = status;
            Channel = channel;
            From = from;
            To = to;
            CorrelationId = correlationId;
            CallbackData = callbackData;
            RequestTimestamp = requestTimestamp;
            Segments = segments;
            Direction = direction;
            NotifyUrl = notifyUrl;
            Fields = fields;
            LookedUpAt = lookedUpAt;
        }

        /// <summary>The message ID that was looked up.</summary>
        public string MessageId { get; }

        /// <summary>False when the service answered 404: it does not know the message (yet), which is not a failure.</summary>
        public bool Found { get; }

        /// <summary>The service's status as it wrote it (e.g. Submitted, Delivered); null when not found.</summary>
        public string? Status { get; }

        /// <summary>sms, email or rcs.</summary>
        public string? Channel { get; }

        /// <summary>The sender (from).</summary>
        public string? From { get; }

        /// <summary>
        /// The destination (to): one address, as the service wrote it. When the service does not know the message (Found False),
        /// the Destination of the piped send result (or results.csv row) it was looked up for; empty for an ID given by itself.
        /// </summary>
        public string? To { get; }

        /// <summary>The correlation ID sent with it.</summary>
        public string? CorrelationId { get; }

        /// <summary>The callbackData sent with it.</summary>
        public string? CallbackData { get; }

        /// <summary>When the service accepted the request.</summary>
        public DateTimeOffset? RequestTimestamp { get; }

        /// <summary>numSegments: the SMS parts.</summary>
        public int? Segments { get; }

        /// <summary>outbound for sent messages.</summary>
        public string? Direction { get; }

        /// <summary>The notifyUrl the receipts go to.</summary>
        public string? NotifyUrl { get; }

        /// <summary>
        /// The receipts the send asked for (requestedReceipts), as one comma-separated text, as a send result's RequestedReceipts
        /// shows them: Export-Csv writes an array as "System.Object[]". Empty when the send asked for none (every receipt).
        /// </summary>
        public string? RequestedReceipts { get; internal init; }

        /// <summary>Every field of the service's answer, by name (any casing), as it came.</summary>
        public IReadOnlyDictionary<string, object?> Fields { get; }

        /// <summary>When this computer asked.</summary>
        public DateTimeOffset LookedUpAt { get; }

        /// <summary>
        /// When not found and the send result piped in was Scheduled for a time still to come: that time (UTC). The service
        /// does not know a message before it goes out, so it is neither delivered nor failed; the table's Status says Scheduled.
        /// Null otherwise.
        /// </summary>
        public DateTimeOffset? ScheduledFor { get; internal init; }

        /// <summary>
        /// Status and MessageId as one printed line (InputEcho.OneLine), as the table shows them: the service wrote the status
        /// as whoever sent the message left it, and "$message" in a log line printed a CR or U+202E in it as it came.
        /// </summary>
        public override string ToString() =>
            (Found ? InputEcho.OneLine(Status) : ScheduledFor is null ? "NotFound" : "Scheduled") + " " + InputEcho.OneLine(MessageId);
    }
}
