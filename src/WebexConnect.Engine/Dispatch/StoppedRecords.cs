using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>
    /// The records a dispatcher holds without a result yet, and whether each one's request was handed to
    /// the transport, so that a failure that stops the run (JournalWriteFailed on a full disk, a refused
    /// key) still gives every record already read its result before the failure surfaces: Unknown when
    /// its request was handed over (it may have been accepted), Failed when it never left (safe to send
    /// again). Without this, rows accepted just before the failure had no result in that run. Guarded by
    /// the dispatcher's lock.
    /// </summary>
    internal sealed class StoppedRecords
    {
        /// <summary>The Code of a result the stopped run gave in place of an outcome.</summary>
        public const string Code = SendErrors.RunStoppedCode;

        private readonly Dictionary<long, Entry> _open = new Dictionary<long, Entry>();

        public void Added(long sequence, DispatchItem item) => _open[sequence] = new Entry(item, handed: false);

        public void Handed(IReadOnlyList<long> sequences) => MarkHanded(sequences, true);

        /// <summary>The transport says none of these requests can have been accepted (<see cref="SessionFailureException.BatchNeverAccepted"/>).</summary>
        public void NeverLeft(IReadOnlyList<long> sequences) => MarkHanded(sequences, false);

        private void MarkHanded(IReadOnlyList<long> sequences, bool handed)
        {
            foreach (var sequence in sequences)
                if (_open.TryGetValue(sequence, out var entry)) _open[sequence] = new Entry(entry.Item, handed);
        }

        public bool IsOpen(long sequence) => _open.ContainsKey(sequence);

        public void Finished(long sequence) => _open.Remove(sequence);

        /// <summary>A result for every record still open, in input order; they are then finished.</summary>
        public List<(long Sequence, SendResult Result)> Settle(Exception failure)
        {
            var settled = _open.OrderBy(e => e.Key)
                .Select(e => (e.Key, e.Value.Handed ? MayHaveGone(e.Value.Item, e.Key, failure) : NotSent(e.Value.Item, e.Key, failure)))
                .ToList();
            _open.Clear();
            return settled;
        }

        /// <summary>The result of a record whose request never left.</summary>
        public static SendResult NotSent(DispatchItem item, long sequence, Exception failure) =>
            Result(item, sequence, SendStatus.Failed,
                $"Not sent: the run stopped ({Why(failure)}) before this row's request left. Safe to send again.");

        private static SendResult MayHaveGone(DispatchItem item, long sequence, Exception failure) =>
            Result(item, sequence, SendStatus.Unknown,
                $"The run stopped ({Why(failure)}) while this row's request was on its way: it may or may not have been accepted, and it was not resent. " +
                "A re-run with the same -Journal reports it again instead of sending it twice; check delivery reports before sending it again.");

        private static SendResult Result(DispatchItem item, long sequence, SendStatus status, string reason) =>
            new SendResult(item.Message.Channel, item.Recipient.ToString(), item.Recipient.CorrelationId, status, null, Code, reason,
                0, 0, null, item.Parts, item.InputObject, sequence, item.Row);

        private static string Why(Exception failure) =>
            failure is SessionFailureException session ? session.ErrorId : failure.GetType().Name;

        // A struct: one per record in flight, kept until its result is filed; an object each would be one more
        // for every garbage collection to copy.
        private readonly struct Entry
        {
            public Entry(DispatchItem item, bool handed)
            {
                Item = item;
                Handed = handed;
            }

            public DispatchItem Item { get; }

            public bool Handed { get; }
        }
    }
}
