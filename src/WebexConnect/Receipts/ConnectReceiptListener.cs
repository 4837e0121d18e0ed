using System;
using WebexConnect.Sending;

namespace WebexConnect.Receipts
{
    /// <summary>
    /// A running receipt listener (Start-ConnectReceiptListener): the URL to give as -NotifyUrl, and what it has
    /// received. Pass it to Wait-ConnectDelivery; stop it with Stop-ConnectReceiptListener.
    /// </summary>
    public sealed class ConnectReceiptListener
    {
        internal ConnectReceiptListener(IReceiptListener listener, bool verifiesSignatures, DateTimeOffset startedAt)
        {
            Listener = listener;
            VerifiesSignatures = verifiesSignatures;
            StartedAt = startedAt;
        }

        internal IReceiptListener Listener { get; }

        /// <summary>The URL receipts are posted to: give it to the send cmdlets' -NotifyUrl.</summary>
        public Uri Url => Listener.Url;

        /// <summary>The port it listens on.</summary>
        public int Port => Listener.Url.Port;

        /// <summary>True until Stop-ConnectReceiptListener.</summary>
        public bool IsRunning => Listener.IsRunning;

        /// <summary>True when it refuses receipts without a valid x-hub-signature (-Secret).</summary>
        public bool VerifiesSignatures { get; }

        /// <summary>How many receipts it accepted.</summary>
        public long Received => Listener.Receipts.Received;

        /// <summary>How many requests it refused (bad signature, not a receipt, too large, too slow, too many at once) or failed to read (answered 500, sent again).</summary>
        public long Refused => Listener.Refused;

        /// <summary>
        /// How many signed webhooks came again (the same body and x-hub-signature as one already kept: a replay, or the
        /// service sending again): each was answered 200 and not kept twice. Only with -Secret.
        /// </summary>
        public long Repeated => Listener.Repeated;

        /// <summary>How many receipts were forgotten, oldest first, to stay within Capacity.</summary>
        public long Dropped => Listener.Receipts.Dropped;

        /// <summary>How many receipts it keeps.</summary>
        public int Capacity => Listener.Receipts.Capacity;

        /// <summary>Why the last refused request was refused.</summary>
        public string? LastProblem => Listener.LastProblem;

        /// <summary>When it started.</summary>
        public DateTimeOffset StartedAt { get; }

        /// <summary>The receipts it keeps, oldest first.</summary>
        public DeliveryReceipt[] GetReceipts() => Listener.Receipts.Snapshot();

        /// <inheritdoc />
        public override string ToString() => Url.ToString();
    }
}
