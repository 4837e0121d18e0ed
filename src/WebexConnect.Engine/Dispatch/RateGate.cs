using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine.Transport;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>
    /// The tenant's TPS budget. Promise: the service, counting destinations by when each request arrives, never
    /// finds more than TPS of ours in any one-second window, however its arrival times jitter.
    /// </summary>
    /// <remarks>
    /// Every grant goes into a ledger (<see cref="IRateLedger"/>: this process's, or one file shared by every
    /// process sending to the tenant) and stays there while its request is in flight, then until a second after
    /// the service may have counted it (<see cref="ArrivalEstimator"/>). A request is granted only when, with it,
    /// the ledger holds at most TPS destinations. Why that is enough: take the requests the service counted in
    /// any one-second window; at the moment the last of them was granted, each of them had been sent (granted
    /// no later) and none had yet left the ledger (each stays until a second after its arrival, and every
    /// arrival in the window is less than a second before that moment's own arrival, which is after it). So all
    /// of them were in the ledger together: at most TPS. The margin is what was measured, not a constant.
    /// How large a request is (<see cref="MaxBatchSize"/>): the whole TPS (up to the API's 1,000 destinations) while
    /// answers come back quickly. Every request's share of the budget comes back a second after it arrived and is
    /// reused by a request that arrives its own jitter later, so each request in a second starts a chain that drifts
    /// on its own; a run lasts until its slowest chain ends, and fewer chains end closer together (against the
    /// strict tenant, 0-50 ms of jitter, 3-s runs: 96-96.5 % of the TPS in tenths, 98 % whole). When the session's
    /// first answer takes longer than a tenth of a second (<see cref="ArrivalEstimator.AnswersAreSlow"/>), the proven
    /// floor is loose by that long, and only many answers measure the way there: the budget is then spent in tenths,
    /// ten answers a second, for the rest of the session.
    /// Without a limit from the user the gate starts at <see cref="ConservativeTps"/>, adopts what the service
    /// announces (x-rate-limit-limit), and lowers itself when the service refuses for the rate (429/7020: to
    /// what the service accepted from us in the last second, but by at most half at a time, and back up gradually once
    /// the 429s stop: <see cref="Climb"/>) or for the size (7009,
    /// even below a limit the user gave: see below): <see cref="Adaptations"/> tells the run, which warns once.
    /// A 7009 says exactly what a 429 cannot: a request of that size is more than the tenant's TPS, and one the service
    /// took whole is not. So after a 7009 the gate searches between the largest request taken and the smallest refused,
    /// raising itself halfway each time a request of its full size is taken, until they are one apart: -Tps 50 against
    /// a tenant of 20 settles at 20, not at the 12 that halving alone reaches. A request larger than any the service took
    /// goes alone (nothing else of ours is held), so it is either counted alone or refused whole: the search never
    /// costs a 429 (<see cref="GrantLimit"/>).
    /// </remarks>
    internal sealed class RateGate : IRateGate, IRateProbe, IDisposable
    {
        /// <summary>The TPS used until the service announces one, when the user gave none.</summary>
        public const int ConservativeTps = 10;

        /// <summary>The API's ceiling on destinations per request.</summary>
        public const int MaxDestinationsPerRequest = 1000;

        /// <summary>Requests per second a full-rate run makes while answers are slow: the budget is spent in steps of TPS / this.</summary>
        internal const int StepsWhileLearning = 10;

        /// <summary>
        /// How long a request larger than any the service took waits for the ledger to empty. Other processes sharing the
        /// ledger may keep it busy for good; then the search ends at what the service took, rather than stall the run.
        /// </summary>
        internal static readonly TimeSpan ProbePatience = TimeSpan.FromSeconds(3);

        /// <summary>
        /// How long after a 429 the gate waits, taking requests without another, before it climbs back towards the rate it
        /// had before; each 429 met while climbing doubles it, up to <see cref="LongestQuiet"/>.
        /// </summary>
        internal static readonly TimeSpan FirstQuiet = TimeSpan.FromSeconds(5);

        /// <summary>The longest wait before a climb: a tenant whose limit really is lower meets a 429 at most this often.</summary>
        internal static readonly TimeSpan LongestQuiet = TimeSpan.FromMinutes(5);

        /// <summary>How often a waiter looks at a shared ledger, which other processes change unseen.</summary>
        internal static readonly TimeSpan SharedPoll = TimeSpan.FromMilliseconds(4);

        private readonly object _sync = new object();
        private readonly IRateLedger _ledger;
        private readonly ArrivalEstimator _arrivals;
        private readonly bool _userGaveLimit;
        private readonly long _inFlightHold;
        private readonly Func<long> _now;
        private readonly bool _manualClock;
        private readonly Queue<Waiter> _waiters = new Queue<Waiter>();
        private readonly SemaphoreSlim _wake = new SemaphoreSlim(0, 1);
        // Set by Dispose: the serve loop ends at its next turn. A flag and a wake-up rather than a cancelled token, so that
        // ending a session throws nothing (a first-chance exception on every Connect-WebexConnect that replaces one).
        private volatile bool _stopping;
        private long _manualNow;
        private int _tps;
        private int _adaptations;
        private int _announced;
        private string? _adaptedBecause;
        private readonly Queue<(long At, int Destinations)> _acceptedLately = new Queue<(long, int)>();
        // What requests' sizes taught about the tenant's TPS (under _sync): the largest the service took whole, and
        // the smallest it refused with 7009 (int.MaxValue before one).
        private int _largestTaken;
        private int _smallestRefused = int.MaxValue;
        // After 429s (under _sync): the rate before them, climbed back to while the service takes what is sent (0: not
        // climbing); when the last 429 came; when the gate last rose; the quiet needed before the next rise; and whether
        // it rose since the last 429 (a 429 then says the climb went too far, and the next waits longer).
        private int _climbTo;
        private long _lastRateRefusal;
        private long _lastRise;
        private long _quiet = FirstQuiet.Ticks;
        private bool _rose;
        private bool _disposed;
        // Where the limit in force came from (a RateSource), for the line a run ends with: only told, never decides anything.
        private int _source;

        /// <summary>A gate on the real clock with a ledger of its own.</summary>
        public RateGate(int? tps)
            : this(tps, new LocalRateLedger(), TimeSpan.FromSeconds(30), manualClock: false)
        {
        }

        /// <param name="tps">The user's limit; null: start at <see cref="ConservativeTps"/> and adapt.</param>
        /// <param name="ledger">Where grants are booked; the gate disposes it.</param>
        /// <param name="requestTimeout">How long a request may be in flight: what a grant is held for until answered.</param>
        public RateGate(int? tps, IRateLedger ledger, TimeSpan requestTimeout)
            : this(tps, ledger, requestTimeout, manualClock: false)
        {
        }

        private RateGate(int? tps, IRateLedger ledger, TimeSpan requestTimeout, bool manualClock)
        {
            if (tps is int given && given <= 0) throw new ArgumentOutOfRangeException(nameof(tps), tps, "TPS must be positive.");
            _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
            _userGaveLimit = tps.HasValue;
            UserLimit = tps;
            _tps = tps ?? ConservativeTps;
            _source = (int)(tps.HasValue ? RateSource.Given : RateSource.CautiousStart);
            // A request abandoned at its timeout may still arrive just before it: hold it a second past that.
            _inFlightHold = requestTimeout.Ticks + 2 * MonotonicTicks.PerSecond;
            _manualClock = manualClock;
            if (manualClock)
            {
                _now = () => Volatile.Read(ref _manualNow);
                _arrivals = new ArrivalEstimator(t => t);
            }
            else
            {
                _now = MonotonicTicks.Now;
                _arrivals = ArrivalEstimator.ForThisProcess();
                _ = Task.Run(ServeLoopAsync);
            }
        }

        /// <summary>A gate whose time moves only through <see cref="AdvanceTo"/>: fast, deterministic tests.</summary>
        internal static RateGate WithManualClock(int? tps, IRateLedger? ledger = null) =>
            new RateGate(tps, ledger ?? new LocalRateLedger(), TimeSpan.FromSeconds(30), manualClock: true);

        /// <summary>The gate's clock in <see cref="MonotonicTicks"/>: real time, or the manual time.</summary>
        internal TimeSpan Now => TimeSpan.FromTicks(_now());

        /// <inheritdoc />
        public int Tps => Volatile.Read(ref _tps);

        /// <summary>True when the user gave the limit: the gate then never changes it.</summary>
        public bool UserGaveLimit => _userGaveLimit;

        /// <summary>The -Tps the user gave; null when none was given.</summary>
        public int? UserLimit { get; }

        /// <summary>True when the ledger is shared with other processes.</summary>
        public bool Shared => _ledger.IsShared;

        /// <summary>Requests the service answered with a timestamp, for the arrival estimate.</summary>
        internal int Measured => _arrivals.Measured;

        /// <summary>How many times the gate lowered itself; a run compares it before and after.</summary>
        public int Adaptations => Volatile.Read(ref _adaptations);

        /// <summary>
        /// True once the gate's limit came from the tenant rather than the cautious start: the service announced it, or a
        /// refusal lowered it. -WhatIf then plans a later run's requests at it.
        /// </summary>
        public bool LimitLearned => Volatile.Read(ref _announced) != 0 || Adaptations > 0;

        /// <summary>Where the limit in force came from: the user, the cautious start, the service's announcement, or a refusal.</summary>
        public RateSource Source => (RateSource)Volatile.Read(ref _source);

        /// <summary>
        /// When the gate last saw another process hold part of a shared budget (<see cref="MonotonicTicks"/>, long.MinValue
        /// before), as <see cref="TakesWhatIsFree"/> looked: a run that began before it shared the budget.
        /// </summary>
        internal long OthersSeenAt
        {
            get
            {
                lock (_sync) return _othersSeenAt;
            }
        }

        /// <summary>Why the gate last lowered itself ("429", "7009"), for the warning.</summary>
        public string? AdaptedBecause => Volatile.Read(ref _adaptedBecause);

        /// <inheritdoc />
        /// <remarks>
        /// Whole requests while the gate searches for the tenant's limit after a 7009, even when answers are slow: only a
        /// request of the full size can show that the tenant takes it.
        /// </remarks>
        public int MaxBatchSize => BatchSizeFor(Tps, _arrivals.AnswersAreSlow && !Searching ? StepsWhileLearning : 1);

        /// <summary>
        /// The limit to name to the user: while the gate still searches above what the service took, that; otherwise the
        /// gate's limit.
        /// </summary>
        public int SettledTps
        {
            get
            {
                lock (_sync) return Searching ? _largestTaken : Tps;
            }
        }

        /// <summary>
        /// True while the limit is above the largest request the service took and below the smallest it refused with 7009
        /// (a 429 can only lower the limit below what was taken, which ends the search).
        /// </summary>
        private bool Searching
        {
            get
            {
                var taken = Volatile.Read(ref _largestTaken);
                return Volatile.Read(ref _smallestRefused) != int.MaxValue && taken > 0 && Tps > taken;
            }
        }

        internal static int BatchSizeFor(int tps, int stepsPerSecond = 1) =>
            Math.Min(MaxDestinationsPerRequest, Math.Max(1, (tps + stepsPerSecond - 1) / stepsPerSecond));

        /// <inheritdoc />
        public ValueTask<RatePermit> WaitAsync(int destinations, CancellationToken cancellationToken)
        {
            if (destinations <= 0) return new ValueTask<RatePermit>(RatePermit.None);
            cancellationToken.ThrowIfCancellationRequested();
            var waiter = new Waiter(destinations, cancellationToken);
            lock (_sync)
            {
                if (_disposed) throw new ObjectDisposedException(nameof(RateGate));
                _waiters.Enqueue(waiter);
            }

            if (cancellationToken.CanBeCanceled)
                waiter.Registration = cancellationToken.Register(() =>
                {
                    // Fail the caller at once; Serve drops the waiter (and anything it was granted) when it gets there.
                    waiter.Cancel();
                    if (_manualClock) Serve();
                    else Wake();
                });
            if (_manualClock) Serve();
            else Wake();
            return new ValueTask<RatePermit>(waiter.Task);
        }

        /// <summary>Destinations the ledger holds now.</summary>
        internal int HeldNow() => _ledger.HeldAt(_now());

        /// <summary>Destinations waiting at the gate now (tests use it to know the gate has settled).</summary>
        internal long QueuedDestinations
        {
            get
            {
                lock (_sync)
                {
                    long queued = 0;
                    foreach (var waiter in _waiters) queued += waiter.Remaining;
                    return queued;
                }
            }
        }

        /// <inheritdoc />
        public int RequestsAhead => RequestsAheadFor(Tps, MaxBatchSize, QuickestRoundTrip);

        /// <summary>The session's quickest warm answer (ticks, <see cref="MonotonicTicks"/>); long.MaxValue before one.</summary>
        internal long QuickestRoundTrip => _arrivals.QuickestRoundTrip;

        /// <summary>A second's worth of requests of <paramref name="batchSize"/>, those the round trip keeps answering, and one more.</summary>
        internal static int RequestsAheadFor(int tps, int batchSize, long quickestRoundTrip)
        {
            var size = Math.Max(1, batchSize);
            long perSecond = (tps + size - 1) / size;
            // Before a warm answer, only the first second's: the gate may yet choose smaller requests for the next.
            if (quickestRoundTrip == long.MaxValue) return (int)Math.Min(int.MaxValue, perSecond);
            var answering = (perSecond * quickestRoundTrip + MonotonicTicks.PerSecond - 1) / MonotonicTicks.PerSecond;
            return (int)Math.Min(int.MaxValue, perSecond + answering + 1);
        }

        /// <inheritdoc />
        public bool WouldAllowNow(int destinations)
        {
            lock (_sync)
            {
                if (_disposed || _waiters.Count > 0) return false;
            }

            return _ledger.HeldAt(_now()) + destinations <= Tps;
        }

        /// <inheritdoc />
        public void AdoptAnnouncedLimit(int tps)
        {
            if (_userGaveLimit || tps <= 0) return;
            Volatile.Write(ref _announced, 1);
            Volatile.Write(ref _source, (int)RateSource.Announced);
            // The service's word sets the rate: no climb towards an older one.
            lock (_sync) _climbTo = 0;
            if (Interlocked.Exchange(ref _tps, tps) != tps) Wake();
        }

        /// <inheritdoc />
        public void Refused(RatePermit permit, string code)
        {
            if (permit is null || permit.Destinations == 0) return;
            // The user's limit stands against a 429 (Retry-After is the wait the service asks for) but not against a
            // 7009: a request of that size is refused whole every time, so keeping it would refuse every row of the run.
            if (_userGaveLimit && code != "7009") return;
            int lower;
            if (code == "7009")
            {
                // Too many destinations in one request: the limit is below this request's size. Halfway down from it to
                // the largest request taken whole, or half of it before one was.
                // Refused whole for its size, so not counted: a tenant that counted more than its TPS at once would be over
                // it for the next second by its own count. Holding it that second (as any other answer without a
                // requestTimestamp is held) would idle the budget once for every size the search finds too large.
                try
                {
                    ReleaseNow(permit.Entries);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                lock (_sync)
                {
                    _smallestRefused = Math.Min(_smallestRefused, permit.Destinations);
                    // The tenant's limit fell: what it took before says nothing now.
                    if (_largestTaken >= _smallestRefused) _largestTaken = 0;
                    lower = _largestTaken > 0 ? Halfway(_largestTaken, _smallestRefused) : Math.Max(1, permit.Destinations / 2);
                }
            }
            else
            {
                // Over the rate: the service refused it with what it accepted from us in the last second in its window.
                // That says too little when we had only begun (nothing accepted yet: a first request refused because
                // another sender used the tenant's second would bring the session down to 1 a second) or when
                // another sender shares the tenant, so one refusal takes at most half of the limit the request was
                // granted under, as AIMD clients (AWS's adaptive retry mode) back off; refusals that go on keep
                // halving. Half of the TPS at grant, not of the TPS now: requests refused together in one crowded
                // second halve it once, not once each.
                var granted = permit.TpsWhenGranted > 0 ? permit.TpsWhenGranted : Volatile.Read(ref _tps);
                lower = Math.Max(1, Math.Max(AcceptedInTheLastSecond(), granted / 2));
                RefusedForRate();
            }

            int before;
            while (true)
            {
                before = Volatile.Read(ref _tps);
                if (lower >= before)
                {
                    // A 7009's share of the budget came back all the same.
                    Wake();
                    return;
                }

                if (Interlocked.CompareExchange(ref _tps, lower, before) == before) break;
            }

            if (code != "7009")
            {
                lock (_sync)
                {
                    if (_climbTo == 0) _climbTo = before;
                }
            }

            Volatile.Write(ref _adaptedBecause, code);
            Volatile.Write(ref _source, (int)(code == "7009" ? RateSource.RefusedForSize : RateSource.RefusedForRate));
            Interlocked.Increment(ref _adaptations);
            Wake();
        }

        /// <summary>
        /// The service took a request of <paramref name="destinations"/> whole. After a 7009, when that is the gate's full
        /// limit and the smallest refused size is more than one above it, the gate raises itself halfway towards that.
        /// </summary>
        private void Taken(int destinations)
        {
            int current, raised;
            lock (_sync)
            {
                if (destinations > _largestTaken) _largestTaken = destinations;
                current = Volatile.Read(ref _tps);
                if (_smallestRefused == int.MaxValue || current != _largestTaken) return;
                raised = Halfway(_largestTaken, _smallestRefused);
            }

            // A 429 lowering it meanwhile wins.
            if (raised > current && Interlocked.CompareExchange(ref _tps, raised, current) == current) Wake();
        }

        /// <summary>A 429 (or 7020): the climb back waits for a quiet spell from now, a longer one if the gate had just risen.</summary>
        private void RefusedForRate()
        {
            lock (_sync)
            {
                if (_rose) _quiet = Math.Min(_quiet * 2, LongestQuiet.Ticks);
                _rose = false;
                _lastRateRefusal = _now();
            }
        }

        /// <summary>
        /// The service took a request: after 429s, once it has taken everything for the quiet spell, the gate rises a tenth
        /// of the earlier rate a second, back to it. Before, a few 429s in a row (another sender filled the tenant's second
        /// for a moment) halved the rate each time, 10 to 1 a second, for the rest of the session: a 40-row run took 43 s
        /// instead of 4. Like AIMD clients (AWS's adaptive retry mode), it backs off at once and comes back gradually; a
        /// tenant whose limit is lower meets one 429 per climb, and the climbs grow rarer, so the rate found is kept.
        /// </summary>
        private void Climb()
        {
            int current, raised;
            lock (_sync)
            {
                if (_climbTo == 0) return;
                var now = _now();
                if (now - _lastRateRefusal < _quiet || now - _lastRise < MonotonicTicks.PerSecond) return;
                current = Volatile.Read(ref _tps);
                raised = Math.Min(_climbTo, current + Math.Max(1, _climbTo / 10));
                // Never to a size the tenant refused whole (7009).
                if (_smallestRefused != int.MaxValue) raised = Math.Min(raised, _smallestRefused - 1);
                if (raised >= _climbTo || raised <= current) _climbTo = 0;
                if (raised <= current) return;
                _lastRise = now;
                _rose = true;
            }

            // A 429 lowering it meanwhile wins.
            if (Interlocked.CompareExchange(ref _tps, raised, current) == current) Wake();
        }

        /// <summary>Halfway from a size the tenant took to one it refused, rounded down: the taken one when they are one apart.</summary>
        private static int Halfway(int taken, int refused) => taken + (refused - taken) / 2;

        /// <summary>
        /// The ledger's limit for a grant of <paramref name="take"/>. While the gate searches above the largest request the
        /// service took, that size is the limit for everything, and a larger request is granted only alone (its own size
        /// as the limit: nothing else held). The tenant then counts it alone in its second, or refuses it whole with a
        /// 7009 if it is over the TPS: either way no 429, whatever sizes the other requests have.
        /// </summary>
        private int GrantLimit(int tps, int take, out bool alone)
        {
            var taken = _largestTaken;
            alone = false;
            if (_smallestRefused == int.MaxValue || taken == 0 || tps <= taken) return tps;
            alone = take > taken;
            return alone ? take : taken;
        }

        /// <summary>A request larger than anything taken found the ledger busy for too long: the search ends at what was taken.</summary>
        private void EndSearch()
        {
            var taken = _largestTaken;
            _smallestRefused = taken + 1;
            var current = Volatile.Read(ref _tps);
            if (current > taken) Interlocked.CompareExchange(ref _tps, taken, current);
        }

        private int AcceptedInTheLastSecond()
        {
            var now = _now();
            lock (_sync)
            {
                while (_acceptedLately.Count > 0 && now - _acceptedLately.Peek().At > MonotonicTicks.PerSecond) _acceptedLately.Dequeue();
                var sum = 0;
                foreach (var accepted in _acceptedLately) sum += accepted.Destinations;
                return sum;
            }
        }

        /// <summary>Moves the manual clock and serves what is due (manual clock only).</summary>
        internal void AdvanceTo(TimeSpan now)
        {
            if (!_manualClock) throw new InvalidOperationException("Only a manual-clock gate can be advanced.");
            if (now.Ticks < Volatile.Read(ref _manualNow)) throw new ArgumentOutOfRangeException(nameof(now), "Time only moves forward.");
            Volatile.Write(ref _manualNow, now.Ticks);
            Serve();
        }

        public void Dispose()
        {
            List<Waiter> abandoned;
            lock (_sync)
            {
                if (_disposed) return;
                _disposed = true;
                abandoned = new List<Waiter>(_waiters);
                _waiters.Clear();
            }

            _stopping = true;
            Wake();
            foreach (var waiter in abandoned) waiter.Fail(new ObjectDisposedException(nameof(RateGate)));
            _ledger.Dispose();
        }

        private void Settle(RatePermit permit, bool answered, bool accepted, DateTimeOffset? serviceTimestamp)
        {
            var now = _now();
            if (accepted)
            {
                lock (_sync) _acceptedLately.Enqueue((now, permit.Destinations));
                Taken(permit.Destinations);
                Climb();
            }

            List<(object Token, long Until)>? tightened = null;
            var heard = permit.HeardAt;
            var until = answered ? _arrivals.HoldUntil(permit.LeftAt, heard != 0 ? heard : now, serviceTimestamp, permit, out tightened) : now;
            try
            {
                foreach (var entry in permit.Entries) _ledger.Settle(entry, until);
                if (tightened is not null)
                {
                    foreach (var (earlier, earlierUntil) in tightened)
                    {
                        foreach (var entry in ((RatePermit)earlier).Entries) _ledger.Settle(entry, earlierUntil);
                    }
                }
            }
            catch (ObjectDisposedException)
            {
                // The session closed: nothing waits on this ledger any more.
            }

            if (_manualClock) Serve();
            else Wake();
        }

        /// <summary>Grants what fits, oldest waiter first; returns how long until it is worth looking again.</summary>
        private TimeSpan Serve()
        {
            var granted = new List<(Waiter Waiter, RatePermit Permit)>();
            TimeSpan wait;
            lock (_sync)
            {
                wait = Timeout.InfiniteTimeSpan;
                while (!_disposed && _waiters.Count > 0)
                {
                    var waiter = _waiters.Peek();
                    if (waiter.Cancellation.IsCancellationRequested)
                    {
                        _waiters.Dequeue();
                        ReleaseUnsent(waiter);
                        waiter.Cancel();
                        continue;
                    }

                    var tps = Tps;
                    if (waiter.Destinations > tps)
                    {
                        // Sized for a higher limit that a refusal or an announcement replaced. Granted in instalments, it
                        // would hold its first share for as long as a request in flight while it waited for the rest
                        // (half a minute each), then pass the new limit in one request: it goes back to be resent in
                        // requests that fit.
                        _waiters.Dequeue();
                        ReleaseUnsent(waiter);
                        waiter.Fail(new OversizedRequestException(waiter.Destinations, tps));
                        continue;
                    }

                    var take = waiter.Remaining;
                    var now = _now();
                    var limit = GrantLimit(tps, take, out var alone);
                    if (!_ledger.TryTake(limit, take, now, now + _inFlightHold, out var entry, out var retryAt))
                    {
                        waiter.AloneSince ??= alone ? now : null;
                        if (alone && now - waiter.AloneSince > ProbePatience.Ticks)
                        {
                            // Sent back below (larger than the limit now), to go in requests of what was taken.
                            EndSearch();
                            continue;
                        }

                        if (TakesWhatIsFree(waiter, limit, take, now))
                        {
                            _waiters.Dequeue();
                            continue;
                        }

                        wait = retryAt == long.MaxValue ? Timeout.InfiniteTimeSpan : TimeSpan.FromTicks(Math.Max(0, retryAt - now) + 1);
                        if (_ledger.IsShared && (wait == Timeout.InfiniteTimeSpan || wait > SharedPoll)) wait = SharedPoll;
                        break;
                    }

                    var held = _ledger.HeldAt(now);
                    waiter.Took(entry, take, held);
                    if (waiter.Remaining > 0) continue;
                    _waiters.Dequeue();
                    granted.Add((waiter, new RatePermit(waiter.Destinations, now, waiter.Entries.ToArray(), Settle, _now) { HeldWhenGranted = waiter.HeldWhenGranted, TpsWhenGranted = tps }));
                }
            }

            foreach (var (waiter, permit) in granted) waiter.Grant(permit);
            return wait;
        }

        /// <summary>
        /// While another process sends to the same tenant (or did within <see cref="OthersRecently"/>), a waiter that does
        /// not fit whole goes back to send what is free now first. Waiting for the whole of it, a request of a second's
        /// destinations waits behind the other process's smaller requests for as long as they take each share the moment
        /// it frees, and every share freed meanwhile stays unused; after the other process's last request, this process's
        /// own shares stay cut up as the other's were for a second or so. A process alone frees its budget in the requests
        /// it sent, so it keeps its requests whole. Not while the gate searches for the tenant's limit: only a whole request tells it
        /// something.
        /// </summary>
        private bool TakesWhatIsFree(Waiter waiter, int limit, int take, long now)
        {
            if (!_ledger.IsShared || Searching || waiter.Entries.Count > 0) return false;
            // One read of the ledger (a locked file when shared): this runs on every look while the waiter waits.
            var free = limit - _ledger.HeldAt(now, out var heldByOthers);
            if (free >= take || free < SmallestShareWorthSending(BatchSizeFor(Tps))) return false;
            if (heldByOthers > 0) _othersSeenAt = now;
            else if (_othersSeenAt == long.MinValue || now - _othersSeenAt > OthersRecently.Ticks) return false;
            waiter.Fail(new OversizedRequestException(waiter.Destinations, Tps, free));
            return true;
        }

        /// <summary>How long after another process's last share this one still sends what is free (<see cref="TakesWhatIsFree"/>).</summary>
        internal static readonly TimeSpan OthersRecently = TimeSpan.FromSeconds(2);

        // When the gate last saw another process hold part of the budget (MonotonicTicks); under _sync.
        private long _othersSeenAt = long.MinValue;

        /// <summary>A tenth of a whole request: smaller pieces would cost a round trip each for little of the second.</summary>
        internal static int SmallestShareWorthSending(int wholeRequest) => Math.Max(1, wholeRequest / 10);

        private void ReleaseUnsent(Waiter waiter) => ReleaseNow(waiter.Entries);

        private void ReleaseNow(IEnumerable<long> entries)
        {
            var now = _now();
            foreach (var entry in entries) _ledger.Settle(entry, now);
        }

        private void Wake()
        {
            try
            {
                if (_wake.CurrentCount == 0) _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken.
            }
            catch (ObjectDisposedException)
            {
            }
        }

        private async Task ServeLoopAsync()
        {
            while (!_stopping)
            {
                TimeSpan wait;
                try
                {
                    wait = Serve();
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    // A shared ledger that cannot be read now: look again shortly rather than give up.
                    wait = TimeSpan.FromMilliseconds(50);
                }

                // Sleeps until a waiter arrives, a permit settles, the limit changes, the next release, or Dispose.
                await _wake.WaitAsync(wait).ConfigureAwait(false);
            }
        }

        /// <summary>One WaitAsync call: what it still needs and what it was granted so far.</summary>
        private sealed class Waiter
        {
            private readonly TaskCompletionSource<RatePermit> _done = new TaskCompletionSource<RatePermit>(TaskCreationOptions.RunContinuationsAsynchronously);

            public Waiter(int destinations, CancellationToken cancellation)
            {
                Destinations = destinations;
                Remaining = destinations;
                Cancellation = cancellation;
            }

            public int Destinations { get; }
            /// <summary>When it first waited for the ledger to empty, to go alone (the gate's clock); null before.</summary>
            public long? AloneSince { get; set; }
            public int Remaining { get; private set; }
            public int HeldWhenGranted { get; private set; }
            public CancellationToken Cancellation { get; }
            public CancellationTokenRegistration Registration { get; set; }
            public List<long> Entries { get; } = new List<long>(1);
            public Task<RatePermit> Task => _done.Task;

            public void Took(long entry, int destinations, int held)
            {
                Entries.Add(entry);
                Remaining -= destinations;
                HeldWhenGranted = held;
            }

            public void Grant(RatePermit permit)
            {
                Registration.Dispose();
                // Cancelled in the meantime: the caller will not send, so nothing stays booked.
                if (!_done.TrySetResult(permit)) permit.NotSent();
            }

            public void Cancel()
            {
                Registration.Dispose();
                _done.TrySetCanceled(Cancellation);
            }

            public void Fail(Exception error)
            {
                Registration.Dispose();
                _done.TrySetException(error);
            }
        }
    }
}
