using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Receipts;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>
    /// The records a dispatcher holds without a result yet, and whether each one's request was handed to
    /// the transport, so that a failure that stops the run (JournalWriteFailed on a full disk, a refused
    /// key) still gives every record already read its result before the failure surfaces: Unknown when
    /// its request was handed over (it may have been accepted), Failed when it never left or the service
    /// refused it with the failure itself (safe to send again either way, and each says which). Without
    /// this, rows accepted just before the failure had no result in that run. Guarded by the dispatcher's lock.
    /// </summary>
    internal sealed class StoppedRecords
    {
        /// <summary>The Code of a result the stopped run gave in place of an outcome.</summary>
        public const string Code = SendErrors.RunStoppedCode;

        private readonly Dictionary<long, Entry> _open = new Dictionary<long, Entry>();
        private readonly bool _journaled;

        /// <param name="journaled">The run keeps a -Journal: what a record that may have gone says a re-run does depends on it.</param>
        public StoppedRecords(bool journaled) => _journaled = journaled;

        public void Added(long sequence, DispatchItem item) => _open[sequence] = new Entry(item, Stage.Waiting, 0);

        /// <summary>Handed to the transport as batch <paramref name="batch"/>: the number -Verbose names it by, kept for the result.</summary>
        public void Handed(IReadOnlyList<long> sequences, long batch)
        {
            foreach (var sequence in sequences)
                if (_open.TryGetValue(sequence, out var entry)) _open[sequence] = new Entry(entry.Item, Stage.Handed, batch);
        }

        /// <summary>The transport says none of these requests can have been accepted (<see cref="SessionFailureException.BatchNeverAccepted"/>).</summary>
        public void NeverLeft(IReadOnlyList<long> sequences) => Mark(sequences, Stage.Waiting);

        /// <summary>
        /// The service answered these requests with the failure that stops the run (<see cref="SessionFailureException.RefusedByService"/>):
        /// they left, and were not accepted.
        /// </summary>
        public void Refused(IReadOnlyList<long> sequences) => Mark(sequences, Stage.Refused);

        private void Mark(IReadOnlyList<long> sequences, Stage stage)
        {
            foreach (var sequence in sequences)
                if (_open.TryGetValue(sequence, out var entry)) _open[sequence] = new Entry(entry.Item, stage, entry.Batch);
        }

        public bool IsOpen(long sequence) => _open.ContainsKey(sequence);

        /// <summary>
        /// Counts the open records into <paramref name="rows"/>: on their way when handed over (a stop's cancelled request
        /// that never left was marked <see cref="NeverLeft"/> as it came back), never sent otherwise.
        /// </summary>
        public void CountInto(StoppedRows rows)
        {
            foreach (var entry in _open.Values)
            {
                if (entry.Stage == Stage.Handed) rows.AddOnItsWay(entry.Item.Row);
                else rows.AddNeverLeft(1);
            }
        }

        public void Finished(long sequence) => _open.Remove(sequence);

        /// <summary>A result for every record still open, in input order; they are then finished.</summary>
        public List<(long Sequence, SendResult Result)> Settle(Exception failure)
        {
            var settled = _open.OrderBy(e => e.Key)
                .Select(e => (e.Key, ResultOf(e.Value, e.Key, failure)))
                .ToList();
            _open.Clear();
            return settled;
        }

        private SendResult ResultOf(Entry entry, long sequence, Exception failure) => entry.Stage switch
        {
            Stage.Handed => MayHaveGone(entry, sequence, failure),
            Stage.Refused => RefusedWithTheFailure(entry, sequence, failure),
            _ => Result(entry.Item, sequence, SendStatus.Failed, NotSentReason(failure), attempts: 0, entry.Batch),
        };

        /// <summary>The result of a record whose request never left.</summary>
        public static SendResult NotSent(DispatchItem item, long sequence, Exception failure) =>
            Result(item, sequence, SendStatus.Failed, NotSentReason(failure), attempts: 0, batch: 0);

        private static string NotSentReason(Exception failure) => SendErrors.NotSentAfterStop(Why(failure));

        // The service answered its request, so it was tried (at least) once: Attempts 0 said it never was, in a report
        // whose Reason says the service refused it.
        private static SendResult RefusedWithTheFailure(Entry entry, long sequence, Exception failure) =>
            Result(entry.Item, sequence, SendStatus.Failed,
                $"Not accepted: the service refused this row's request ({Why(failure)}), and the run stopped there. Safe to send again once that is fixed.",
                attempts: 1, entry.Batch);

        private SendResult MayHaveGone(Entry entry, long sequence, Exception failure) =>
            Result(entry.Item, sequence, SendStatus.Unknown,
                $"The run stopped ({Why(failure)}) while this row's request was on its way: it may or may not have been accepted, and it was not resent. " +
                "Check " + RerunAdvice.WhereToCheck + " before sending it again: " + RerunAdvice.MaybeSent(_journaled),
                attempts: 0, entry.Batch);

        private static SendResult Result(DispatchItem item, long sequence, SendStatus status, string reason, int attempts, long batch) =>
            new SendResult(item.Message.Channel, item.Recipient.ToString(), item.Recipient.CorrelationId, status, null, Code, reason,
                attempts, batch, null, item.Parts, item.InputObject, sequence, item.Row, ReceiptFilters.Text(item.Message))
                // An Unknown row may have been accepted, so Wait-ConnectDelivery waits for it: what it asked for counts as for a Queued one.
                { AskedReceipts = ReceiptFilters.Of(item.Message) };

        private static string Why(Exception failure) =>
            failure is SessionFailureException session ? session.ErrorId : failure.GetType().Name;

        /// <summary>How far a record's request got.</summary>
        private enum Stage : byte
        {
            /// <summary>Not handed to the transport, or the transport says it never left.</summary>
            Waiting,

            /// <summary>Handed to the transport: it may have been accepted.</summary>
            Handed,

            /// <summary>The service answered it with the failure that stopped the run.</summary>
            Refused,
        }

        // A struct: one per record in flight, kept until its result is filed; an object each would be one more
        // for every garbage collection to copy.
        private readonly struct Entry
        {
            public Entry(DispatchItem item, Stage stage, long batch)
            {
                Item = item;
                Stage = stage;
                Batch = batch;
            }

            public DispatchItem Item { get; }

            public Stage Stage { get; }

            /// <summary>The batch the record was handed to the transport in; 0 before that.</summary>
            public long Batch { get; }
        }
    }
}
