using System;

namespace WebexConnect.Results
{
    /// <summary>
    /// The outcome for one input destination: exactly one per input row. Export-Csv friendly.
    /// </summary>
    public sealed class SendResult
    {
        internal SendResult(Messages.MessageChannel channel, string destination, string? correlationId, SendStatus status,
            string? messageId = null, string? code = null, string? reason = null, int attempts = 0, long batch = 0,
            DateTimeOffset? submittedAt = null, int? parts = null, object? inputObject = null, long sequence = 0, long row = 0,
            string? requestedReceipts = null, DateTimeOffset? scheduledFor = null)
        {
            Channel = channel;
            Destination = destination;
            CorrelationId = correlationId;
            Status = status;
            MessageId = messageId;
            Code = code;
            Reason = reason;
            Attempts = attempts;
            Batch = batch;
            SubmittedAt = submittedAt;
            Parts = parts;
            InputObject = inputObject;
            Sequence = sequence;
            Row = row;
            RequestedReceipts = requestedReceipts;
            _scheduledForUtcTicks = scheduledFor?.UtcTicks ?? 0;
        }

        /// <summary>
        /// The input this result belongs to, counted from 1 in the order the command received it: the Nth object
        /// piped in (the Nth CSV data row), or 1 for a single call that gives -To on the command line, however many
        /// numbers it lists. Every input counts, including rows declined at -Confirm, so it is the row to look up
        /// in the file; 0 only for a result made outside a send command.
        /// </summary>
        public long Row { get; }

        /// <summary>The channel it was sent on.</summary>
        public Messages.MessageChannel Channel { get; }

        /// <summary>The phone number or email address (several, comma-separated, for a bulk destination object).</summary>
        public string Destination { get; }

        /// <summary>The correlation ID sent with this destination, if any.</summary>
        public string? CorrelationId { get; }

        /// <summary>The service's message ID (one per request: destinations of one batch share it).</summary>
        public string? MessageId { get; }

        /// <summary>What happened.</summary>
        public SendStatus Status { get; }

        /// <summary>The service's code (e.g. 7041) or HTTP status, or our own code for local failures.</summary>
        public string? Code { get; }

        /// <summary>Why, in words: the service's message or ours; names the field for Invalid and Rejected.</summary>
        public string? Reason { get; }

        /// <summary>How many HTTP requests carried this destination (retries included).</summary>
        public int Attempts { get; }

        /// <summary>The number of the request batch this destination travelled in (1-based; 0 if never sent).</summary>
        public long Batch { get; }

        /// <summary>
        /// The service's request timestamp for accepted requests, with its offset. For Unknown, when the request left this
        /// computer, where known (Wait-ConnectDelivery takes no receipt received before it); otherwise empty.
        /// </summary>
        public DateTimeOffset? SubmittedAt { get; }

        /// <summary>
        /// For a Scheduled result, when the service sends it (the -SendAt its request carried), in UTC; empty otherwise.
        /// Export-Csv keeps it, so the next morning's Import-Csv results.csv | Wait-ConnectDelivery knows a row is not due yet
        /// and does not wait -Timeout for a receipt that comes only after that time: before, results.csv had no such column,
        /// and every Scheduled row of that report held the run for the whole -Timeout. Get-ConnectMessage names it too. Kept
        /// as ticks: 8 bytes a result, not the 24 of a nullable DateTimeOffset, since a run may keep a million results.
        /// </summary>
        public DateTimeOffset? ScheduledFor =>
            _scheduledForUtcTicks == 0 ? (DateTimeOffset?)null : new DateTimeOffset(_scheduledForUtcTicks, TimeSpan.Zero);

        private readonly long _scheduledForUtcTicks;

        /// <summary>SMS: the number of parts the text needs (billing units); null for other channels.</summary>
        public int? Parts { get; }

        /// <summary>
        /// The pipeline object (the CSV row), held only until the result is written: its error record names the row as
        /// TargetObject. Not public and then released, because a kept result must not keep its row alive ($r = ... of a
        /// million rows) nor carry it into Export-Csv; <see cref="Row"/> finds the row again.
        /// </summary>
        internal object? InputObject { get; private set; }

        /// <summary>The position of the input in the pipeline (1-based); results come back in this order.</summary>
        internal long Sequence { get; }

        /// <summary>Lets go of the input row once the result and its error are written.</summary>
        internal void ReleaseInput() => InputObject = null;

        /// <summary>
        /// The session the send command ran on, while the result lives in this process: Get-ConnectMessage looks the message up
        /// there, since in a script with two tenants the current session may be the other one. Not public: a session is no
        /// column of a report, and a copy from Export-Clixml or Start-Job could not use it anyway. Null once that session closed.
        /// </summary>
        internal ConnectSession? SentThrough => _sentThrough?.Session;

        private SessionLink? _sentThrough;

        /// <summary>Records the session the result was sent through (see <see cref="SentThrough"/>), as it is written.</summary>
        internal void MarkSentThrough(ConnectSession? session) => _sentThrough = session?.Link;


        /// <summary>
        /// What the send's requestedReceipts let the service post (<see cref="Receipts.ReceiptFilter"/>): Wait-ConnectDelivery
        /// takes Submitted as the last receipt of a send that asked for nothing after it, instead of waiting -Timeout for
        /// receipts that never come, and says of an email that none comes when it left Submitted out. A results file's row reads it
        /// from its RequestedReceipts column (<see cref="RequestedReceipts"/>).
        /// </summary>
        internal Receipts.ReceiptFilter AskedReceipts { get; init; }

        /// <summary>
        /// An email's Cc and Bcc addresses (<see cref="Receipts.EmailCopies"/>): the service posts their receipts under the
        /// same message, and Wait-ConnectDelivery puts them on the row. Empty for other channels. A results file's row reads
        /// them back from its Copies column (<see cref="Copies"/>).
        /// </summary>
        internal System.Collections.Generic.IReadOnlyList<string> CopyAddresses { get; init; } = System.Array.Empty<string>();

        /// <summary>
        /// The receipts the send asked the service for (-RequestedReceipt; requestedReceipts filters the webhooks), as one
        /// comma-separated text ("submitted, read"), so that Export-Csv keeps them and Wait-ConnectDelivery reads them back from
        /// the file's column: it stops waiting at Submitted when nothing was asked for after it. Empty when the send asked for
        /// none: the service then posts every receipt the channel, and for email the app, sends.
        /// </summary>
        public string? RequestedReceipts { get; }

        /// <summary>
        /// An email's Cc then Bcc addresses, as one text ("boss@example.com; audit@example.com"); empty for other channels and for
        /// an email without copies. Export-Csv keeps it, so the next morning's Import-Csv results.csv | Wait-ConnectDelivery
        /// reports the copies' receipts too: before, results.csv had no copies, and every row of that report showed none.
        /// </summary>
        public string? Copies => Receipts.EmailCopies.Written(CopyAddresses);

        /// <summary>
        /// True for Queued and Scheduled, and for Skipped: -Journal says an earlier run had the service accept the row.
        /// Before, Skipped was False, so the morning-after recipe ($results | Where-Object { -not $_.IsSuccess }) picked
        /// the rows already sent, and resending them without -Journal sent them twice.
        /// </summary>
        public bool IsSuccess => Status == SendStatus.Queued || Status == SendStatus.Scheduled || Status == SendStatus.Skipped;

        /// <summary>
        /// Status and Destination, the destination as one printed line (InputEcho.OneLine): the input gave it, and Format-Wide and
        /// "$result" print this, where a backspace or U+202E would make it read as another number.
        /// </summary>
        public override string ToString() => $"{Status} {Messages.Validation.InputEcho.OneLine(Destination)}";
    }
}
