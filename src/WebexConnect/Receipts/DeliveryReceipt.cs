using System;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Receipts
{
    /// <summary>
    /// One delivery receipt (the deliveryInfoNotification webhook the service posts to notifyUrl), typed.
    /// Export-Csv friendly; every field the service sent is kept as it came, next to the mapped Status.
    /// </summary>
    public sealed class DeliveryReceipt
    {
        internal DeliveryReceipt(DeliveryStatus status, string? code, string? statusText, string? description, string? channel,
            string? destination, string? destinationType, DateTimeOffset? timestamp, string? messageId, string? transactionId,
            string? correlationId, string? callbackData, string? carrier, string? serviceProvider, string? additionalInfo,
            string? messageCount, DateTimeOffset receivedAt, bool signatureVerified)
        {
            Status = status;
            Code = code;
            StatusText = statusText;
            Description = description;
            Channel = channel;
            Destination = destination;
            DestinationType = destinationType;
            Timestamp = timestamp;
            MessageId = messageId;
            TransactionId = transactionId;
            CorrelationId = correlationId;
            CallbackData = callbackData;
            Carrier = carrier;
            ServiceProvider = serviceProvider;
            AdditionalInfo = additionalInfo;
            MessageCount = messageCount;
            ReceivedAt = receivedAt;
            SignatureVerified = signatureVerified;
        }

        /// <summary>What happened, mapped from Code (or from StatusText when the code is not known).</summary>
        public DeliveryStatus Status { get; }

        /// <summary>The service's code as it came (7500 Delivered, 7501 Submitted, ...).</summary>
        public string? Code { get; }

        /// <summary>deliveryStatus as the service wrote it ("Delivered", "Failed", "SENT", ...).</summary>
        public string? StatusText { get; }

        /// <summary>The service's Description (for 7528 Clicked: url|ip).</summary>
        public string? Description { get; }

        /// <summary>deliveryChannel as the service wrote it (sms, email, rcs).</summary>
        public string? Channel { get; }

        /// <summary>
        /// The phone number or email address the receipt is about (deliveryInfo.destination). For an email it may be a Cc or Bcc
        /// address: the service posts each copy's receipts under the same transid as the To address's.
        /// </summary>
        public string? Destination { get; }

        /// <summary>destinationType (MSISDN, EMAIL).</summary>
        public string? DestinationType { get; }

        /// <summary>When the service says it happened (timeStamp); null when absent or unreadable.</summary>
        public DateTimeOffset? Timestamp { get; }

        /// <summary>The message ID the send result carries: transid without a per-destination "_n" suffix.</summary>
        public string? MessageId { get; }

        /// <summary>transid exactly as the service sent it.</summary>
        public string? TransactionId { get; }

        /// <summary>The correlation ID sent with the destination (the service spells it correlationid).</summary>
        public string? CorrelationId { get; }

        /// <summary>The callbackData sent with the message, echoed back.</summary>
        public string? CallbackData { get; }

        /// <summary>The carrier, when the service names it.</summary>
        public string? Carrier { get; }

        /// <summary>The service provider, when the service names it.</summary>
        public string? ServiceProvider { get; }

        /// <summary>additionalInfo as it came.</summary>
        public string? AdditionalInfo { get; }

        /// <summary>messageCount as it came (SMS parts).</summary>
        public string? MessageCount { get; }

        /// <summary>When this computer received the receipt: the listener's arrival time, a saved file's last write time, or the time of the conversion.</summary>
        public DateTimeOffset ReceivedAt { get; }

        /// <summary>
        /// A ReceivedAt cell of a receipts file that is not read as a time (another culture's), which <see cref="ReceivedAt"/>
        /// replaced with the time of reading; null otherwise. For the command that takes the receipt to say so.
        /// </summary>
        internal string? UnreadReceivedAt { get; init; }

        /// <summary>True when its x-hub-signature was checked against -Secret and matched.</summary>
        public bool SignatureVerified { get; }

        /// <summary>True for the statuses that end a message's story (Delivered, Read, Clicked and every failure).</summary>
        public bool IsFinal => DeliveryStatuses.IsFinal(Status);

        /// <summary>Status and Destination, the destination as one printed line (InputEcho.OneLine): the sender wrote it.</summary>
        public override string ToString() => $"{Status} {InputEcho.OneLine(Destination)}";
    }
}
