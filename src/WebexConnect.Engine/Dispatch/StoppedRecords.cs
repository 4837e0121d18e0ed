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
    /// its request was handed over (it may have been accepted), Failed when it never left or the service
    /// refused it with the failure itself (safe to send again either way, and each says which). Without
    /// this, rows accepted just before the failure had no result in that run. Guarded by the dispatcher's lock.
    /// </summary>
    internal sealed class StoppedRecords
    {
        /// <summary>The Code of a result the stopped run gave in place of an outcome.</summary>
        public const string Code = SendErrors.RunStoppedCode;

        private readonly Dictionary<long, Entry> _open = new Dictionary<long, Entry>();

        public void Added(long sequence, DispatchItem item) => _open[sequence] = new Entry(item, Stage.Waiting);

        public void Handed(IReadOnlyList<long> sequences) => Mark(sequences, Stage.Handed);

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
                if (_open.TryGetValue(sequence, out var entry)) _open[sequence] = new Entry(entry.Item, stage);
        }

        public bool IsOpen(long sequence) => _open.ContainsKey(sequence);

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

        private static SendResult ResultOf(Entry entry, long sequence, Exception failure) => entry.Stage switch
        {
            Stage.Handed => MayHaveGone(entry.Item, sequence, failure),
            Stage.Refused => RefusedWithTheFailure(entry.Item, sequence, failure),
            _ => NotSent(entry.Item, sequence, failure),
        };

        /// <summary>The result of a record whose request never left.</summary>
        public static SendResult NotSent(DispatchItem item, long sequence, Exception failure) =>
            Result(item, sequence, SendStatus.Failed,
                $"Not sent: the run stopped ({Why(failure)}) before this row's request left. Safe to send again.");

        private static SendResult RefusedWithTheFailure(DispatchItem item, long sequence, Exception failure) =>
            Result(item, sequence, SendStatus.Failed,
                $"Not accepted: the service refused this row's request ({Why(failure)}), and the run stopped there. Safe to send again once that is fixed.");

        private static SendResult MayHaveGone(DispatchItem item, long sequence, Exception failure) =>
            Result(item, sequence, SendStatus.Unknown,
                $"The run stopped ({Why(failure)}) while this row's request was on its way: it may or may not have been accepted, and it was not resent. " +
                "A re-run with the same -Journal reports it again instead of sending it twice; check delivery reports before sending it again.");

        private static SendResult Result(DispatchItem item, long sequence, SendStatus status, string reason) =>
            new SendResult(item.Message.Channel, item.Recipient.ToString(), item.Recipient.CorrelationId, status, null, Code, reason,
                0, 0, null, item.Parts, item.InputObject, sequence, item.Row);

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
            public Entry(DispatchItem item, Stage stage)
            {
                Item = item;
                Stage = stage;
            }

            public DispatchItem Item { get; }

            public Stage Stage { get; }
        }
    }
}
