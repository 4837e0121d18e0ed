using System;
using System.Collections.Generic;
using System.IO;
using WebexConnect.Engine.Transport;
using WebexConnect.Messages;
using WebexConnect.Sending;

namespace WebexConnect.Engine.Journal
{
    /// <summary>
    /// Writes the intent line of a request, flushed to disk, right before the transport sends it: after
    /// the rate gate and any backoff, so rows still waiting when the process dies are sent by a re-run
    /// instead of being reported Unknown. When the service refuses the request (a 429 before a retry, a
    /// 400 before bisection) a "failed" line withdraws the intent, so a kill during the backoff or
    /// between the halves leaves them to be sent again too.
    /// </summary>
    /// <remarks>
    /// Intent is written once per recipient while it stands: a retry after an ambiguous answer
    /// (ResendAmbiguous) would add nothing, since no outcome of the batch is written before the batch
    /// ends. A failed intent write stops the request from leaving (JournalWriteFailed).
    /// </remarks>
    internal sealed class JournalIntents : IAttemptObserver
    {
        private readonly JournalRun _run;

        public JournalIntents(JournalRun run) => _run = run ?? throw new ArgumentNullException(nameof(run));

        public void BeforeAttempt(IReadOnlyList<Recipient> recipients)
        {
            if (recipients is null) throw new ArgumentNullException(nameof(recipients));
            var keys = _run.Pending.Announce(recipients, out var destinations);
            if (keys.Length == 0) return;
            try
            {
                _run.Journal.Record(JournalState.Intent, keys, destinations);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ObjectDisposedException)
            {
                throw new SessionFailureException("JournalWriteFailed",
                    $"Could not write to the journal '{_run.Journal.Path}' ({ex.Message}); nothing more is sent, since a re-run could not tell what this run sent.", inner: ex);
            }
        }

        public void NotAccepted(IReadOnlyList<Recipient> recipients)
        {
            if (recipients is null) throw new ArgumentNullException(nameof(recipients));
            var keys = _run.Pending.Withdraw(recipients, out var destinations);
            if (keys.Length == 0) return;
            try
            {
                _run.Journal.Record(JournalState.Failed, keys, destinations);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ObjectDisposedException)
            {
                // The intent stands: a re-run reports them Unknown, the safe side. Their next attempt must
                // write its intent again and stops the run on the same failure.
            }
        }
    }
}
