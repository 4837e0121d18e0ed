using System;
using System.Threading;
using System.Threading.Tasks;

namespace WebexConnect.Engine.Transport
{
    /// <summary>
    /// For a transport that does not report its own attempts (a fake, a test double): reports the whole
    /// batch as one attempt before handing it over, so an observer that must hear of every request first
    /// (the journal) still does, if earlier than the request really leaves. It never learns of a refusal:
    /// the batch's outcome says it.
    /// </summary>
    internal sealed class WholeBatchAttempt : IBatchTransport
    {
        private readonly IBatchTransport _inner;
        private readonly IAttemptObserver _observer;

        public WholeBatchAttempt(IBatchTransport inner, IAttemptObserver observer)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
            _observer = observer ?? throw new ArgumentNullException(nameof(observer));
        }

        public Task<BatchOutcome> SendAsync(OutgoingBatch batch, CancellationToken cancellationToken)
        {
            if (batch is null) throw new ArgumentNullException(nameof(batch));
            _observer.BeforeAttempt(batch.Recipients);
            return _inner.SendAsync(batch, cancellationToken);
        }
    }
}
