using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine.Auth;
using WebexConnect.Engine.Dispatch;
using WebexConnect.Engine.Payload;
using WebexConnect.Engine.Transport;
using WebexConnect.Sending;

namespace WebexConnect.Tests.Faults
{
    /// <summary>
    /// The engine's own dispatcher and transport (production retry defaults) over any HttpClient, with one
    /// change: batches are capped below the TPS. A soak then makes a hundred requests from 5,000 rows in a
    /// few seconds, instead of five; the faults have that many more requests to land on.
    /// </summary>
    internal sealed class SmallBatchRun : IDisposable
    {
        private readonly RateGate _gate;

        public SmallBatchRun(HttpClient client, int tps, int batchCap, TimeSpan requestTimeout, int maxConcurrentRequests = 8)
        {
            _gate = new RateGate(tps);
            var capped = new CappedGate(_gate, batchCap);
            var transport = new BatchTransport(client, new ServiceKeyCredential(TestSecrets.Secure(FaultBench.Key)), capped,
                V2PayloadSource.Instance, new TransportOptions { RequestTimeout = requestTimeout });
            Dispatcher = new Dispatcher(transport, capped, MessageShape.Of, new DispatchOptions { MaxConcurrentRequests = maxConcurrentRequests }, CancellationToken.None);
        }

        public IDispatcher Dispatcher { get; }

        public void Dispose() => _gate.Dispose();

        /// <summary>The session's gate with a smaller batch size: it still paces every attempt.</summary>
        private sealed class CappedGate : IRateGate, IRateProbe
        {
            private readonly RateGate _inner;
            private readonly int _cap;

            public CappedGate(RateGate inner, int cap)
            {
                _inner = inner;
                _cap = cap;
            }

            public int MaxBatchSize => Math.Min(_cap, _inner.MaxBatchSize);

            public int Tps => _inner.Tps;

            public ValueTask<RatePermit> WaitAsync(int destinations, CancellationToken cancellationToken) => _inner.WaitAsync(destinations, cancellationToken);

            public void AdoptAnnouncedLimit(int tps) => _inner.AdoptAnnouncedLimit(tps);

            public void Refused(RatePermit permit, string code) => _inner.Refused(permit, code);

            public bool WouldAllowNow(int destinations) => _inner.WouldAllowNow(destinations);

            public int RequestsAhead => RateGate.RequestsAheadFor(Tps, MaxBatchSize, _inner.QuickestRoundTrip);
        }
    }
}
