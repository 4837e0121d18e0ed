using System;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>
    /// Decides how long an answered request's destinations stay in the TPS budget: until one second after the
    /// service may have counted them, as far as we can tell from what we measured.
    /// </summary>
    /// <remarks>
    /// The service counts a request when it arrives, somewhere between our sending it (s) and our reading its
    /// answer (c). Holding its destinations until c + 1 s is always safe but costs the round trip on every
    /// window: 17 % at 200 ms. The service's requestTimestamp says when it arrived, on the service's clock:
    /// d' = timestamp - s is the delay before arrival plus the unknown offset between the clocks, so the
    /// differences between requests' d' are exact. A request that arrived late (jitter) is held longer, one
    /// that arrived early no longer than needed: its destinations are held until s + 1 s + (d' - floor), where
    /// floor is the smallest d' any later request can have. Two floors: the proven one, max(timestamp - c)
    /// (nothing arrives before it was sent), which is loose by the service's time after arrival; and, once
    /// <see cref="TrustAfter"/> requests sent after the first answer were measured, the smallest d' of the last <see cref="Samples"/> minus
    /// three times their spread over their number (how far below the smallest the next may fall) and the
    /// timestamp's resolution. The first requests of a fresh process are slow before they reach the wire
    /// (connection, JIT: 400 ms measured), so requests sent before the first answer never count towards that
    /// floor, and the proven floor is used until enough others were seen. Timestamps without a fraction of a second say too little
    /// and are not used. Thread-safe.
    /// </remarks>
    internal sealed class ArrivalEstimator
    {
        internal const int Samples = 64;
        internal const int TrustAfter = 8;
        private const int SpreadMargins = 3;
        private static readonly long Resolution = MonotonicTicks.PerMillisecond;
        private static readonly long Second = MonotonicTicks.PerSecond;

        private readonly object _sync = new object();
        private readonly long[] _offsets = new long[Samples];
        private readonly long[] _provenFloors = new long[Samples];
        private readonly Func<long, long> _toUtcTicks;
        private int _count;
        private int _next;
        private int _warm;
        private long _firstAnswer = long.MaxValue;

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

        /// <summary>True once enough arrivals were measured to trust the smallest one seen as the floor.</summary>
        public bool Trusted
        {
            get
            {
                lock (_sync) return _warm >= TrustAfter;
            }
        }

        /// <summary>When the destinations of a request sent at <paramref name="sent"/> and answered at <paramref name="answered"/> leave the budget.</summary>
        public long HoldUntil(long sent, long answered, DateTimeOffset? serviceTimestamp) =>
            HoldUntil(sent, answered, serviceTimestamp, out _);

        /// <param name="offset">The request's measured d' (for <see cref="HoldFor"/> later), or null when its answer had no usable timestamp.</param>
        public long HoldUntil(long sent, long answered, DateTimeOffset? serviceTimestamp, out long? offset)
        {
            offset = null;
            var safe = answered + Second;
            if (serviceTimestamp is not DateTimeOffset stamp || stamp.UtcTicks % Second == 0) return safe;

            var measured = stamp.UtcTicks - _toUtcTicks(sent);
            offset = measured;
            var roundTrip = answered - sent;
            lock (_sync)
            {
                // Requests sent before anything came back waited on the process's first steps (JIT, the first
                // connection) before reaching the wire: their delay says nothing about the next request's.
                if (_firstAnswer == long.MaxValue) _firstAnswer = answered;
                _offsets[_next] = sent >= _firstAnswer ? measured : long.MaxValue;
                _provenFloors[_next] = measured - roundTrip;
                _next = (_next + 1) % Samples;
                if (_count < Samples) _count++;
                _warm = CountWarm();
            }

            var estimate = HoldFor(sent, measured);
            return estimate < safe ? estimate : safe;
        }

        /// <summary>
        /// The hold of a request measured earlier, with the floor known now: once the floor is trusted, the
        /// first requests (held by the proven floor, loose by the service's time after arrival) can be let go sooner.
        /// </summary>
        public long HoldFor(long sent, long offset)
        {
            long floor;
            lock (_sync) floor = Floor();
            return sent + Second + (offset - floor) + Resolution;
        }

        private int CountWarm()
        {
            var warm = 0;
            for (var i = 0; i < _count; i++)
            {
                if (_offsets[i] != long.MaxValue) warm++;
            }
            return warm;
        }

        private long Floor()
        {
            var proven = long.MinValue;
            long lowest = long.MaxValue, highest = long.MinValue;
            var warm = 0;
            for (var i = 0; i < _count; i++)
            {
                if (_provenFloors[i] > proven) proven = _provenFloors[i];
                if (_offsets[i] == long.MaxValue) continue;
                warm++;
                if (_offsets[i] < lowest) lowest = _offsets[i];
                if (_offsets[i] > highest) highest = _offsets[i];
            }

            if (warm < TrustAfter) return proven;
            // n samples of a delay spread over a range R leave its lower end about R / n below the smallest
            // one; three times that is below it in all but a few percent of the cases where the range is
            // uniform, and the spread shrinks the margin as the samples grow (64 of 50 ms: 2.3 ms).
            var measured = lowest - SpreadMargins * (highest - lowest) / warm - Resolution;
            return measured > proven ? measured : proven;
        }
    }
}
