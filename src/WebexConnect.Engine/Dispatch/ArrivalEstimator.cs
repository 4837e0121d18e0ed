using System;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>
    /// Decides how long an answered request's destinations stay in the TPS budget: until one second after the
    /// service may have counted them, as far as what we measured proves.
    /// </summary>
    /// <remarks>
    /// The service counts a request when it arrives, somewhere between our sending it (s) and our reading its
    /// answer (c). Holding its destinations until c + 1 s is always safe. The service's requestTimestamp says
    /// when it arrived, on the service's clock: d' = timestamp - s is the delay before arrival plus the unknown
    /// offset between the clocks, so differences of d' between requests are exact, and a request that arrived
    /// early (little jitter) need not be held as long as one that arrived late. Its destinations are held until
    /// s + 1 s + (d' - floor) + the timestamp's resolution, where floor may be no more than the d' of any later
    /// request. The floor used is the proven one, max(timestamp - c) over the last <see cref="Samples"/>
    /// requests: nothing arrives before it was sent, so no later request can have a smaller d'. It is loose by
    /// the service's time between counting a request and our reading the answer (about a millisecond on a
    /// near network; the whole latency when the service is slow to answer), never too tight. A smaller floor
    /// estimated from the smallest d' seen was tried and dropped: under a changing machine load the next
    /// request can reach the service sooner than any measured, and the service then refuses it.
    /// Timestamps without a fraction of a second say too little and are not used. Thread-safe.
    /// </remarks>
    internal sealed class ArrivalEstimator
    {
        internal const int Samples = 64;
        private static readonly long Resolution = MonotonicTicks.PerMillisecond;
        private static readonly long Second = MonotonicTicks.PerSecond;

        private readonly object _sync = new object();
        private readonly long[] _provenFloors = new long[Samples];
        private readonly Func<long, long> _toUtcTicks;
        private int _count;
        private int _next;

        /// <param name="toUtcTicks">Our monotonic time as UTC ticks (a fixed anchor is enough: only differences matter).</param>
        public ArrivalEstimator(Func<long, long> toUtcTicks) => _toUtcTicks = toUtcTicks;

        /// <summary>The estimator for the real clocks of this process.</summary>
        public static ArrivalEstimator ForThisProcess()
        {
            var utcAnchor = DateTime.UtcNow.Ticks;
            var monotonicAnchor = MonotonicTicks.Now();
            return new ArrivalEstimator(t => utcAnchor + (t - monotonicAnchor));
        }

        /// <summary>Requests measured so far (at most <see cref="Samples"/> are kept).</summary>
        public int Measured
        {
            get
            {
                lock (_sync) return _count;
            }
        }

        /// <summary>When the destinations of a request sent at <paramref name="sent"/> and answered at <paramref name="answered"/> leave the budget.</summary>
        public long HoldUntil(long sent, long answered, DateTimeOffset? serviceTimestamp)
        {
            var safe = answered + Second;
            if (serviceTimestamp is not DateTimeOffset stamp || stamp.UtcTicks % Second == 0) return safe;

            var offset = stamp.UtcTicks - _toUtcTicks(sent);
            long floor;
            lock (_sync)
            {
                _provenFloors[_next] = offset - (answered - sent);
                _next = (_next + 1) % Samples;
                if (_count < Samples) _count++;
                floor = long.MinValue;
                for (var i = 0; i < _count; i++)
                {
                    if (_provenFloors[i] > floor) floor = _provenFloors[i];
                }
            }

            var estimate = sent + Second + (offset - floor) + Resolution;
            return estimate < safe ? estimate : safe;
        }
    }
}
