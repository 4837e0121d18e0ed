using System;
using System.Collections.Generic;
using System.Threading;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>
    /// Decides how long an answered request's destinations stay in the TPS budget: until one second after the
    /// service counted them, as closely as what we measured allows.
    /// </summary>
    /// <remarks>
    /// The service counts a request when it arrives, somewhere after its body started to leave (s) and before
    /// we read its answer (c). Holding its destinations until c + 1 s is always safe. The service's
    /// requestTimestamp says when it arrived, on the service's clock; d = timestamp - s is the clocks' unknown
    /// offset plus the request's delay on the way, so the hold can end at timestamp - floor + 1 s, where floor
    /// is the offset plus the least delay any later request will have: a request granted then leaves no
    /// earlier and so arrives no sooner than a second after this one.
    /// Two bounds on the floor come from the last <see cref="Samples"/> answers:
    /// - proven: max(timestamp - c). Nothing arrives before it was sent, so it is never too high; but it is
    ///   loose by the service's time between counting and our reading the answer (the whole latency, when
    ///   the service is slow to answer, which would leave a fifth of the budget idle at 200 ms).
    /// - measured: the smallest d seen, less <see cref="SpreadFactor"/> times the gap between the smallest and
    ///   the <see cref="SpreadRank"/>-th smallest (at least the timestamp's resolution). Why: near its lowest
    ///   values any smooth distribution of delays is nearly flat, so the gaps between the quickest deliveries
    ///   are alike, the unseen gap below the smallest included; it exceeds four times the seven gaps above
    ///   with a chance of (1/5)^7, 1 in 78,125, when delays are independent. They are not quite: a machine or
    ///   network that gets quicker for a while breaks the rule, hence the wide factor. Measured against the
    ///   strict tenant: rank 4 and factor 1 ((1/2)^3) met a 429 in about one run in twenty, factor 2 in one
    ///   run in ninety, factor 4 still in warm runs while other work on the machine stopped. So the measured
    ///   floor is also never more than <see cref="CapPercent"/> % of the way from the proven floor to the
    ///   smallest delay: a quarter of the quickest round trip seen stays as margin. Load on this machine or the
    ///   network slows the round trip along with the way there, so the margin grows when a sudden quickening is
    ///   likeliest; against a service that is merely slow to answer (200 ms), it costs a quarter of that per
    ///   second instead of all of it. Half the round trip (the first version) met no 429 either, but gave back
    ///   only half of the idle time: 88 % of the TPS at 200 ms on 20-s runs, against 91.5–92 % now.
    ///   Used once <see cref="SpreadRank"/> answers are in, and only from requests sent after the session's
    ///   first answer: before it everything on the way was cold, code run for the first time and the session's
    ///   new connections, whose handshakes slow every request of the first round alike (a second session in a
    ///   warm process opens connections of its own, and its first round measured as warm let a 429 through in a
    ///   loaded Pester run). Few answers make a wide spread, so the first estimates are cautious by themselves.
    ///   The delay is timed from when the body starts to leave (not from the grant), so it holds the network and
    ///   the service, not this machine's scheduling, which varies with its load.
    /// The higher of the two is used. Timestamps without a fraction of a second say too little and are not
    /// used; the timestamp's resolution is added, since it may be that much before the arrival. Thread-safe.
    /// </remarks>
    internal sealed class ArrivalEstimator
    {
        internal const int Samples = 64;
        internal const int SpreadRank = 8;
        internal const int SpreadFactor = 4;
        internal const int CapPercent = 75;
        private static readonly long Resolution = MonotonicTicks.PerMillisecond;
        private static readonly long Second = MonotonicTicks.PerSecond;

        /// <summary>
        /// A round trip longer than this: the proven floor then idles each reused share of the budget for longer than the
        /// arrival jitter does (about 25 ms a second against the strict tenant), and only the measured floor can take
        /// that back, which needs answers: ten requests a second teach it ten times sooner than one.
        /// </summary>
        internal static readonly long SlowRoundTrip = MonotonicTicks.PerSecond / 10;

        private readonly object _sync = new object();
        private readonly long[] _provenFloors = new long[Samples];
        private readonly long[] _delays = new long[Samples];
        private readonly long[] _lowest = new long[SpreadRank];
        private readonly Func<long, long> _toUtcTicks;
        private readonly List<Hold> _holds = new List<Hold>();
        private long _floor = long.MinValue;
        private int _count;
        private int _next;
        // When the session had its first answer (MonotonicTicks); long.MaxValue until then.
        private long _warmSince = long.MaxValue;
        private long _quickestWarmRoundTrip = long.MaxValue;
        private long _firstRoundTrip = long.MaxValue;

        /// <param name="toUtcTicks">Our monotonic time as UTC ticks (a fixed anchor is enough: only differences matter).</param>
        public ArrivalEstimator(Func<long, long> toUtcTicks) => _toUtcTicks = toUtcTicks;

        /// <summary>The estimator of one session, on the real clocks of this process.</summary>
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

        /// <summary>
        /// True when the session's first answer took longer than <see cref="SlowRoundTrip"/>: the rate gate then sends
        /// more, smaller requests for the rest of the session, whose answers measure the way to the service sooner.
        /// False until it is in. Decided once: going back from tenths to whole requests costs more than it gains (a
        /// whole request waits for every tenth's share of the budget, while the shares already free stay idle:
        /// 89-93 % of the TPS at 0 ms in the simulation), and waiting for a warm answer to decide costs a whole round
        /// on the proven floor at 200 ms (the latency scenario: 88-91 % instead of 92.8 %). Timed from the body leaving,
        /// the first answer holds no connection's handshakes.
        /// </summary>
        public bool AnswersAreSlow => Volatile.Read(ref _firstRoundTrip) is var first && first != long.MaxValue && first > SlowRoundTrip;

        /// <summary>The quickest warm answer, from its body starting to leave to its headers (ticks); long.MaxValue before one.</summary>
        public long QuickestRoundTrip => Volatile.Read(ref _quickestWarmRoundTrip);

        /// <summary>
        /// When the destinations of a request whose body started to leave at <paramref name="left"/> and that was
        /// answered at <paramref name="answered"/> leave the budget. The answer narrows the floor, so holds set
        /// earlier may end sooner now: <paramref name="tightened"/> lists those still running, by the token given
        /// with each (null: none). Holds only ever get shorter, never longer than a second after the answer.
        /// </summary>
        public long HoldUntil(long left, long answered, DateTimeOffset? serviceTimestamp, object token, out List<(object Token, long Until)>? tightened)
        {
            tightened = null;
            var safe = answered + Second;
            if (serviceTimestamp is not DateTimeOffset stamp || stamp.UtcTicks % Second == 0) return safe;

            var delay = stamp.UtcTicks - _toUtcTicks(left);
            // The service's time of arrival, read as if its clock were ours: off by the floor.
            var reading = left + delay;
            lock (_sync)
            {
                _provenFloors[_next] = delay - (answered - left);
                // A request that left before this session had any answer went out cold (code run for the first
                // time, new connections), like all its neighbours: measured, it would set the floor too high.
                _delays[_next] = left > _warmSince ? delay : long.MaxValue;
                if (left > _warmSince && answered - left < _quickestWarmRoundTrip) Volatile.Write(ref _quickestWarmRoundTrip, answered - left);
                if (_firstRoundTrip == long.MaxValue) Volatile.Write(ref _firstRoundTrip, answered - left);
                _next = (_next + 1) % Samples;
                if (_count < Samples) _count++;
                if (_warmSince == long.MaxValue) _warmSince = answered;

                // A lower floor (a quicker delivery than any seen) counts from now on; a higher one also shortens
                // the holds still running.
                var proven = ProvenFloor();
                var floor = Math.Max(proven, MeasuredFloor(proven));
                var higher = floor > _floor;
                _floor = floor;
                _holds.RemoveAll(h => h.Until <= answered);
                if (higher) tightened = Tighten();

                var until = Math.Min(safe, reading - _floor + Second + Resolution);
                _holds.Add(new Hold(token, reading, safe, until));
                return until;
            }
        }

        /// <summary>Moves every running hold to what the new, higher floor allows.</summary>
        private List<(object Token, long Until)>? Tighten()
        {
            List<(object, long)>? tightened = null;
            for (var i = 0; i < _holds.Count; i++)
            {
                var hold = _holds[i];
                var until = Math.Min(hold.Safe, hold.Reading - _floor + Second + Resolution);
                if (until >= hold.Until) continue;
                _holds[i] = hold with { Until = until };
                (tightened ??= new List<(object, long)>()).Add((hold.Token, until));
            }
            return tightened;
        }

        private long ProvenFloor()
        {
            var floor = long.MinValue;
            for (var i = 0; i < _count; i++)
            {
                if (_provenFloors[i] > floor) floor = _provenFloors[i];
            }
            return floor;
        }

        private long MeasuredFloor(long proven)
        {
            // The SpreadRank smallest delays, in order (an insertion into a short sorted list).
            var filled = 0;
            for (var i = 0; i < _count; i++)
            {
                var delay = _delays[i];
                if (delay == long.MaxValue) continue;
                if (filled == SpreadRank && delay >= _lowest[SpreadRank - 1]) continue;
                var at = filled < SpreadRank ? filled++ : SpreadRank - 1;
                while (at > 0 && _lowest[at - 1] > delay)
                {
                    _lowest[at] = _lowest[at - 1];
                    at--;
                }
                _lowest[at] = delay;
            }

            if (filled < SpreadRank) return long.MinValue;
            // Timestamps are whole milliseconds: delays closer than that cannot be told apart.
            var smallest = _lowest[0];
            var bySpread = smallest - SpreadFactor * Math.Max(_lowest[SpreadRank - 1] - smallest, Resolution);
            // smallest - proven is at most the quickest round trip seen: a quarter of it stays as margin.
            return Math.Min(bySpread, proven + (smallest - proven) * CapPercent / 100);
        }

        /// <summary>A hold set by an answer: its permit, the arrival as read on our clock, the safe end, the end now.</summary>
        private readonly record struct Hold(object Token, long Reading, long Safe, long Until);
    }
}
