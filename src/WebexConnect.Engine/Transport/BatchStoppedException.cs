using System;
using System.Collections.Generic;
using WebexConnect.Sending;

namespace WebexConnect.Engine.Transport
{
    /// <summary>
    /// A session failure (a refused key, an intent the journal could not write...) that struck a batch part of
    /// which was, or may have been, accepted: a bisected batch whose first half was queued before the second
    /// half got a 401. It carries what the transport learned of each recipient, so that the journal records
    /// the accepted ones as sent and the results report them Queued with their messageId; without it, every
    /// row of the batch ended Unknown and a re-run with -ResendUnknown sent the accepted ones twice. The
    /// dispatcher files what it says and stops the run with <see cref="Failure"/>.
    /// </summary>
    internal sealed class BatchStoppedException : Exception
    {
        private readonly StoppedFate[] _fates;

        /// <param name="outcomes">Per recipient, in the batch's order: its outcome, or null when it has none.</param>
        /// <param name="fates">Per recipient: how far its request got.</param>
        public BatchStoppedException(SessionFailureException failure, IReadOnlyList<DestinationOutcome?> outcomes, StoppedFate[] fates)
            : base(failure.Message, failure)
        {
            Failure = failure;
            Outcomes = outcomes;
            _fates = fates;
        }

        /// <summary>The failure that stops the run.</summary>
        public SessionFailureException Failure { get; }

        /// <summary>Per recipient: what the service answered for it, or null when the batch stopped first.</summary>
        public IReadOnlyList<DestinationOutcome?> Outcomes { get; }

        /// <summary>How far the request of recipient <paramref name="index"/> got.</summary>
        public StoppedFate FateOf(int index) => _fates[index];
    }

    /// <summary>What became of one recipient of a batch a session failure stopped.</summary>
    internal enum StoppedFate : byte
    {
        /// <summary>The service answered for it: its outcome says how.</summary>
        Answered,

        /// <summary>Its request was on its way when the batch stopped: it may have been accepted.</summary>
        MayHaveGone,

        /// <summary>Its request was answered with the failure itself (a refused key): it left, and was not accepted.</summary>
        Refused,

        /// <summary>Its request never left.</summary>
        NeverLeft,
    }
}
