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
        private readonly bool[] _notSent;

        /// <param name="outcomes">Per recipient, in the batch's order: its outcome, or null when it has none.</param>
        /// <param name="notSent">Per recipient: true when none of its requests can have been accepted.</param>
        public BatchStoppedException(SessionFailureException failure, IReadOnlyList<DestinationOutcome?> outcomes, bool[] notSent)
            : base(failure.Message, failure)
        {
            Failure = failure;
            Outcomes = outcomes;
            _notSent = notSent;
        }

        /// <summary>The failure that stops the run.</summary>
        public SessionFailureException Failure { get; }

        /// <summary>Per recipient: what the service answered for it, or null when the batch stopped first.</summary>
        public IReadOnlyList<DestinationOutcome?> Outcomes { get; }

        /// <summary>
        /// A recipient without an outcome that certainly did not reach the service: its request was refused, or
        /// never left. Otherwise (false) its request was on its way when the batch stopped and may have been accepted.
        /// </summary>
        public bool NotSent(int index) => Outcomes[index] is null && _notSent[index];
    }
}
