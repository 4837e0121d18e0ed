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
    /// Records each batch in the journal: its intent, flushed to disk, right before each request leaves
    /// (through <see cref="JournalIntents"/>, which the inner transport calls after its rate gate), and its
    /// outcome after. A request whose intent could not be written is not sent.
    /// </summary>
    /// <remarks>
    /// A batch cancelled or broken off mid-way keeps its intent without an outcome: the request may have
    /// arrived, so a re-run reports it Unknown rather than risk a second message. A session failure
    /// (authentication, service inactive, IP not allowed) can strike the second half of a bisected batch
    /// whose first half was accepted: the transport then says what it knows (<see cref="BatchStoppedException"/>),
    /// and the rows it has an outcome for are recorded; a refused request's rows were already withdrawn.
    /// A batch stopped while it still waited for rate budget wrote no intent: a re-run sends it.
    /// </remarks>
    internal sealed class JournalingTransport : IBatchTransport
    {
        private readonly IBatchTransport _inner;
        private readonly JournalRun _run;

        /// <param name="createInner">
        /// Makes the transport that sends; it must tell the observer it is given about every request before
        /// sending it (<see cref="TransportOptions.AttemptObserver"/>, or <see cref="WholeBatchAttempt"/>).
        /// </param>
        public JournalingTransport(Func<IAttemptObserver, IBatchTransport> createInner, JournalRun run)
        {
            if (createInner is null) throw new ArgumentNullException(nameof(createInner));
            _run = run ?? throw new ArgumentNullException(nameof(run));
            _inner = createInner(new JournalIntents(run)) ?? throw new ArgumentException("No transport was made.", nameof(createInner));
        }

        public async Task<BatchOutcome> SendAsync(OutgoingBatch batch, CancellationToken cancellationToken)
        {
            if (batch is null) throw new ArgumentNullException(nameof(batch));
            var keys = _run.Pending.Of(batch.Recipients, out var destinations);
            try
            {
                var outcome = await _inner.SendAsync(batch, cancellationToken).ConfigureAwait(false);
                RecordOutcome(ByState(keys, destinations, PerRecipient(outcome), knownOnly: false), keys.Length);
                return outcome;
            }
            catch (BatchStoppedException stopped)
            {
                RecordOutcome(ByState(keys, destinations, stopped.Outcomes, knownOnly: true), Known(stopped.Outcomes, keys.Length));
                throw;
            }
            finally
            {
                _run.Pending.Remove(batch.Recipients);
            }
        }

        /// <param name="rows">The rows the lines are the outcome of: counted when the journal cannot record them.</param>
        private void RecordOutcome(IReadOnlyList<JournalLine> lines, int rows)
        {
            try
            {
                _run.Journal.Record(lines);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ObjectDisposedException)
            {
                // The intent stays without an outcome, so a re-run reports Unknown and does not resend:
                // safe. A failure that lasts makes the next batch's intent fail too, which stops the run; one that
                // passes (a share back after a moment) lets the run finish, and its end says what was not recorded.
                _run.Unrecorded.Add(rows, ex);
            }
        }

        /// <summary>How many of the first <paramref name="rows"/> have an outcome (the lines of a stopped batch).</summary>
        private static int Known(IReadOnlyList<DestinationOutcome?>? outcomes, int rows)
        {
            var known = 0;
            for (var i = 0; outcomes is not null && i < rows && i < outcomes.Count; i++)
                if (outcomes[i] is not null) known++;
            return known;
        }

        // A malformed (null) outcome is the dispatcher's to report: ByState records Unknown for it, the safe side.
        private static IReadOnlyList<DestinationOutcome?>? PerRecipient(BatchOutcome? outcome) => outcome?.PerRecipient;

        /// <summary>
        /// One line per state and messageId present in the batch: bisection can give a batch several of each, and
        /// a re-run that skips a key reports the messageId it went out with. With <paramref name="knownOnly"/>, keys
        /// without an outcome get no line: their intent, or its withdrawal, stands.
        /// </summary>
        private static List<JournalLine> ByState(JournalKey[][] keys, JournalKey[] destinations, IReadOnlyList<DestinationOutcome?>? outcomes, bool knownOnly)
        {
            var groups = new Dictionary<(JournalState, string?), List<JournalKey>>();
            var destinationsOf = new Dictionary<(JournalState, string?), List<JournalKey>>();
            var order = new List<(JournalState State, string? MessageId)>();
            for (var i = 0; i < keys.Length; i++)
            {
                // A malformed outcome is the dispatcher's to report; recording Unknown for it is the safe side.
                var one = outcomes is { } all && i < all.Count ? all[i] : null;
                if (one is null && knownOnly) continue;
                var state = JournalStates.Of(one?.Status ?? SendStatus.Unknown);
                var messageId = state == JournalState.Queued || state == JournalState.Scheduled ? one?.MessageId : null;
                if (!groups.TryGetValue((state, messageId), out var list))
                {
                    groups.Add((state, messageId), list = new List<JournalKey>());
                    destinationsOf.Add((state, messageId), new List<JournalKey>());
                    order.Add((state, messageId));
                }

                list.AddRange(keys[i]);
                destinationsOf[(state, messageId)].Add(destinations[i]);
            }

            var lines = new List<JournalLine>(order.Count);
            foreach (var line in order) lines.Add(new JournalLine(line.State, line.MessageId, groups[line], destinationsOf[line]));
            return lines;
        }
    }
}
