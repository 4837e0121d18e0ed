using System;
using WebexConnect.Results;

namespace WebexConnect.Receipts
{
    /// <summary>
    /// A send result written again by Wait-ConnectDelivery with what its delivery receipts said: one per send
    /// result (one per address of a result for several addresses), in input order. Export-Csv friendly.
    /// </summary>
    public sealed class DeliveryResult
    {
        internal DeliveryResult(SendResult sendResult, string destination, DeliveryReceipt? receipt, DeliveryStatus status, bool timedOut)
        {
            SendResult = sendResult;
            Destination = destination;
            Receipt = receipt;
            Status = status;
            TimedOut = timedOut;
        }

        /// <summary>The input row of the send (SendResult.Row).</summary>
        public long Row => SendResult.Row;

        /// <summary>The phone number or email address: one of the send result's when it has several.</summary>
        public string Destination { get; }

        /// <summary>The correlation ID sent with it.</summary>
        public string? CorrelationId => SendResult.CorrelationId;

        /// <summary>
        /// The service's message ID: the send's, else (an Unknown send, joined by correlation ID) the receipt's, which
        /// shows the service did accept it.
        /// </summary>
        public string? MessageId => SendResult.MessageId ?? Receipt?.MessageId;

        /// <summary>What the send said (Queued, Scheduled, Rejected, ...).</summary>
        public SendStatus SendStatus => SendResult.Status;

        /// <summary>
        /// Why the send was not Queued (SendResult.Reason: the service's refusal, the check that failed): what a report of
        /// NotSent rows needs, since no receipt comes for them. Empty for a queued send.
        /// </summary>
        public string? SendReason => SendResult.Reason;

        /// <summary>
        /// For a Scheduled send, when the service sends it (SendResult.ScheduledFor), in UTC; empty otherwise. Kept so that this
        /// result's Export-Csv, waited for again after that time, knows it too: a Scheduled row whose time has not come is
        /// written at once, as Scheduled, rather than waited for.
        /// </summary>
        public DateTimeOffset? ScheduledFor => SendResult.ScheduledFor;

        /// <summary>
        /// What the receipts said: Delivered, Failed, ... (the latest final one, else Submitted), NoReceipt when
        /// none came before -Timeout (or none can be matched: an Unknown send without a correlation ID), NotSent when
        /// this send had nothing accepted (Rejected, Failed, Invalid, held back by -SkipChanged), SentEarlier when -Journal skipped it because an
        /// earlier run sent it and no receipt at hand is for that message, Scheduled when the send goes out after the wait
        /// (not waited for: no receipt comes before then). An Unknown send may have been accepted, so it is waited for.
        /// </summary>
        public DeliveryStatus Status { get; }

        /// <summary>The receipt's code (7500, 7102, ...).</summary>
        public string? Code => Receipt?.Code;

        /// <summary>The receipt's description.</summary>
        public string? Description => Receipt?.Description;

        /// <summary>When the service says it happened (the receipt's timeStamp), else when it arrived here.</summary>
        public DateTimeOffset? ReceiptAt => Receipt is null ? (DateTimeOffset?)null : Receipt.Timestamp ?? Receipt.ReceivedAt;

        /// <summary>True when -Timeout passed before a final receipt (Delivered, Failed, ...) came.</summary>
        public bool TimedOut { get; }

        /// <summary>
        /// Why the wait ended where it did, when Status alone does not say: Submitted taken as the last receipt (the send asked
        /// for none after it, or -EmailRoute Smtp: an email app that sends through SMTP gets no other), why none came or
        /// may come for an email, that a Scheduled send gets none before its time, or for a failed delivery (and a complaint)
        /// what to do about its code. Empty otherwise.
        /// </summary>
        public string? Note { get; internal set; }

        /// <summary>
        /// An email's Cc and Bcc copies with what their receipts said, as one text ("boss@example.com: Bounced (7520);
        /// audit@example.com: Delivered (7500)"; NoReceipt for a copy none came for): the service posts them under the same
        /// message. They do not change Status, which is the To address's. Empty for other channels and for an email without copies;
        /// a row of a results file has them from its Copies column.
        /// </summary>
        public string? Copies { get; internal set; }

        /// <summary>
        /// The row of another result of the same request to the same number or address, with no correlation ID to tell their
        /// receipts apart (0 when none): both show the latest receipt for it, and the Note says so.
        /// </summary>
        internal long SharesReceiptsWith { get; init; }

        /// <summary>
        /// The row <see cref="SharesReceiptsWith"/> names was written before this one was given, so its own Note could not say
        /// it shares its receipts: this row's Note says so for both.
        /// </summary>
        internal bool SharerWrittenFirst { get; init; }

        /// <summary>
        /// The same send result was given to this command earlier too ($r + $r, a results file read twice): it is reported each
        /// time, the same, and the Note says it is one message given again, not another send to the same number.
        /// </summary>
        internal bool GivenBefore { get; init; }

        /// <summary>
        /// For a NoReceipt row, the delivery table's Reason: whether the wait ran out or no receipt can be matched to it, and
        /// what to do, its first words enough at an 80-column console ("Timed out (30 s): Get-ConnectMessage or wait longer",
        /// "No ID to match: ..."). Before, that cell was empty either way. Null for other rows. Hidden, as the Note and
        /// the row's DeliveryReceiptMissing error say it at length.
        /// </summary>
        [System.Management.Automation.Hidden]
        public string? NoReceiptReason { get; internal set; }

        /// <summary>The receipts the send asked for (SendResult.RequestedReceipts), kept so that this result's Export-Csv can be waited for again.</summary>
        public string? RequestedReceipts => SendResult.RequestedReceipts;

        /// <summary>
        /// The receipt the status comes from; null when none came. Hidden from Export-Csv, Select-Object * and Format-List:
        /// in delivery.csv it was one more cell saying "Delivered +447700900001", which Status and Destination say already.
        /// $result.Receipt still gives it (its CallbackData, TransactionId ...), and Get-Member -Force shows it.
        /// </summary>
        [System.Management.Automation.Hidden]
        public DeliveryReceipt? Receipt { get; }

        /// <summary>
        /// The send result it was joined to. Hidden from Export-Csv as <see cref="Receipt"/> is: its columns that a report needs
        /// are the row's own (Row, MessageId, SendStatus, SendReason, RequestedReceipts).
        /// </summary>
        [System.Management.Automation.Hidden]
        public SendResult SendResult { get; }

        /// <summary>
        /// Status and Destination, the destination as one printed line (InputEcho.OneLine): the input or the receipt gave it, and Format-Wide and
        /// "$result" print this, where a backspace or U+202E would make it read as another number.
        /// </summary>
        public override string ToString() => $"{Status} {Messages.Validation.InputEcho.OneLine(Destination)}";
    }
}
