using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine.Transport;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Engine.Journal
{
    /// <summary>
    /// Writes a batch's intent to the journal, flushed to disk, before the request can leave, and its
    /// outcome after. A batch whose intent could not be written is not sent.
    /// </summary>
    /// <remarks>
    /// A batch cancelled or broken off mid-way keeps its intent without an outcome: the request may have
    /// arrived, so a re-run reports it Unknown rather than risk a second message. That includes a session
    /// failure (authentication, service inactive, IP not allowed): it can strike the second half of a
    /// bisected batch whose first half was accepted, and the transport then reports no outcome at all.
    /// </remarks>
    internal sealed class JournalingTransport : IBatchTransport
    {
        private readonly IBatchTransport _inner;
        private readonly JournalRun _run;

        public JournalingTransport(IBatchTransport inner, JournalRun run)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
            _run = run ?? throw new ArgumentNullException(nameof(run));
        }

        public async Task<BatchOutcome> SendAsync(OutgoingBatch batch, CancellationToken cancellationToken)
        {
            if (batch is null) throw new ArgumentNullException(nameof(batch));
            var keys = _run.Pending.Of(batch.Recipients);
            try
            {
                RecordIntent(keys);
                var outcome = await _inner.SendAsync(batch, cancellationToken).ConfigureAwait(false);
                RecordOutcome(ByState(keys, outcome));
                return outcome;
            }
            finally
            {
                _run.Pending.Remove(batch.Recipients);
            }
        }

        private void RecordIntent(JournalKey[] keys)
        {
            try
            {
                _run.Journal.Record(JournalState.Intent, keys);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ObjectDisposedException)
            {
                throw new SessionFailureException("JournalWriteFailed",
                    $"Could not write to the journal '{_run.Journal.Path}' ({ex.Message}); nothing more is sent, since a re-run could not tell what this run sent.", inner: ex);
            }
        }

        private void RecordOutcome(IReadOnlyList<KeyValuePair<JournalState, IReadOnlyList<JournalKey>>> lines)
        {
            try
            {
                _run.Journal.Record(lines);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ObjectDisposedException)
            {
                // The intent stays without an outcome, so a re-run reports Unknown and does not resend:
                // safe. The next batch's intent hits the same failure and stops the run.
            }
        }

        /// <summary>One line per state present in the batch (bisection can give a batch several).</summary>
        private static List<KeyValuePair<JournalState, IReadOnlyList<JournalKey>>> ByState(JournalKey[] keys, BatchOutcome outcome)
        {
            var groups = new Dictionary<JournalState, List<JournalKey>>();
            var order = new List<JournalState>();
            for (var i = 0; i < keys.Length; i++)
            {
                // A malformed outcome is the dispatcher's to report; recording Unknown for it is the safe side.
                var status = outcome?.PerRecipient is { } all && i < all.Count && all[i] is { } one ? one.Status : SendStatus.Unknown;
                var state = JournalStates.Of(status);
                if (!groups.TryGetValue(state, out var list))
                {
                    groups.Add(state, list = new List<JournalKey>());
                    order.Add(state);
                }

                list.Add(keys[i]);
            }

            var lines = new List<KeyValuePair<JournalState, IReadOnlyList<JournalKey>>>(order.Count);
            foreach (var state in order) lines.Add(new KeyValuePair<JournalState, IReadOnlyList<JournalKey>>(state, groups[state]));
            return lines;
        }
    }
}
