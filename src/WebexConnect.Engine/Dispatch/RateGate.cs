using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using WebexConnect.Engine.Transport;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>
    /// The session's TPS budget on a <see cref="SlidingWindowRateLimiter"/> whose segments we replenish
    /// ourselves. Promise: no one-second window, however aligned, holds more than TPS destinations.
    /// </summary>
    /// <remarks>
    /// A token bucket (or a sliding window left to its own timer) can hand out 2×TPS across a window
    /// boundary, and a late timer tick followed by an on-time one shortens how long permits stay taken.
    /// So every permit is held for at least <see cref="Hold"/> (one second plus a margin for the gap
    /// between taking the permit and starting the request): a segment's permits are handed back only
    /// once that long has passed since the segment closed, measured with our own clock. If every permit
    /// stays taken for a full second, the permits started within any one-second window are all taken at
    /// its end, so there are at most TPS of them. With <see cref="Segments"/> segments, full batches go
    /// out at (Segments-1)/Segments/(Hold + pump latency) of TPS: about 98% with the ~1 ms latency of
    /// Task.Delay on Linux, about 97.5% with the 15.6 ms timer of Windows (half of it on average).
    /// Many short segments keep that loss small; the pump sleeps while the gate is idle.
    /// </remarks>
    internal sealed class RateGate : IRateGate, IRateProbe, IDisposable
    {
        /// <summary>The TPS used until the service announces one, when the user gave none.</summary>
        public const int ConservativeTps = 10;

        /// <summary>The API's ceiling on destinations per request.</summary>
        public const int MaxDestinationsPerRequest = 1000;

        internal const int Segments = 200;

        internal static readonly TimeSpan Hold = TimeSpan.FromSeconds(1) + TimeSpan.FromMilliseconds(10);

        private readonly object _sync = new object();
        private readonly bool _userGaveLimit;
        private readonly Func<TimeSpan> _now;
        private readonly CancellationTokenSource _stopPump = new CancellationTokenSource();
        private readonly SemaphoreSlim _wakePump = new SemaphoreSlim(0, 1);
        private int _pumpAsleep;
        private Window _window;
        private TimeSpan _manualNow;
        private bool _disposed;

        /// <summary>A gate on the real clock, replenished by a background loop.</summary>
        public RateGate(int? tps)
            : this(tps, manualClock: false)
        {
        }

        private RateGate(int? tps, bool manualClock)
        {
            if (tps is int given && given <= 0) throw new ArgumentOutOfRangeException(nameof(tps), tps, "TPS must be positive.");
            _userGaveLimit = tps.HasValue;
            if (manualClock)
            {
                _now = () => _manualNow;
            }
            else
            {
                var clock = Stopwatch.StartNew();
                _now = () => clock.Elapsed;
            }

            _window = new Window(tps ?? ConservativeTps, _now(), charged: 0);
            if (!manualClock) _ = Task.Run(PumpLoopAsync);
        }

        /// <summary>A gate whose time moves only through <see cref="AdvanceTo"/>: fast, deterministic tests.</summary>
        internal static RateGate WithManualClock(int? tps) => new RateGate(tps, manualClock: true);

        /// <summary>The gate's clock: real time since creation, or the manual time.</summary>
        internal TimeSpan Now => _now();

        /// <summary>The TPS in force now.</summary>
        public int Tps => Volatile.Read(ref _window).Tps;

        /// <inheritdoc />
        public int MaxBatchSize => Math.Min(MaxDestinationsPerRequest, Tps);

        /// <inheritdoc />
        public async ValueTask WaitAsync(int destinations, CancellationToken cancellationToken)
        {
            var remaining = destinations;
            while (remaining > 0)
            {
                var window = Volatile.Read(ref _window);
                // A request sized for a higher, replaced limit cannot be granted at once: take it in
                // instalments rather than waiting forever (the service will refuse it with 7009 anyway).
                var take = Math.Min(remaining, window.Tps);
                // Register with the limiter (granted or queued) before waking the pump, so the pump cannot
                // look, find nothing to do and sleep through this request.
                RateLimitLease lease;
                try
                {
                    var pending = window.Limiter.AcquireAsync(take, cancellationToken);
                    WakePump();
                    lease = await pending.ConfigureAwait(false);
                }
                catch (ObjectDisposedException) when (!_disposed && !ReferenceEquals(window, Volatile.Read(ref _window)))
                {
                    continue; // The limit changed between reading the window and asking it.
                }

                using var held = lease;
                if (lease.IsAcquired)
                {
                    remaining -= take;
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                if (_disposed) throw new ObjectDisposedException(nameof(RateGate));
                if (ReferenceEquals(window, Volatile.Read(ref _window)))
                    throw new InvalidOperationException("The rate limiter refused a permit request it should have queued.");
                // Otherwise the limit changed and the old window let its waiters go: queue on the new one.
            }
        }

        /// <summary>Destinations waiting at the gate now (tests use it to know the gate has settled).</summary>
        internal long QueuedDestinations => StatisticsOf(Volatile.Read(ref _window))?.CurrentQueuedCount ?? 0;

        /// <inheritdoc />
        public bool WouldAllowNow(int destinations)
        {
            var stats = StatisticsOf(Volatile.Read(ref _window));
            return stats is not null && stats.CurrentQueuedCount == 0 && stats.CurrentAvailablePermits >= destinations;
        }

        /// <inheritdoc />
        public void AdoptAnnouncedLimit(int tps)
        {
            if (_userGaveLimit || tps <= 0) return;
            Window old;
            lock (_sync)
            {
                if (_disposed || tps == _window.Tps) return;
                old = _window;
                // Destinations sent within the last hold still count: charge them to the new window, which
                // keeps them a little longer than needed. Safe, and a limit change is rare.
                var inUse = old.Tps - (int)(old.Limiter.GetStatistics()?.CurrentAvailablePermits ?? 0);
                Volatile.Write(ref _window, new Window(tps, _now(), Math.Min(Math.Max(inUse, 0), tps)));
            }

            // Disposing fails the old window's queued waiters; WaitAsync sees that and queues again.
            old.Limiter.Dispose();
            WakePump();
        }

        /// <summary>Replenishes every segment that is due at <paramref name="now"/> (manual clock only).</summary>
        internal void AdvanceTo(TimeSpan now)
        {
            lock (_sync)
            {
                if (now < _manualNow) throw new ArgumentOutOfRangeException(nameof(now), "Time only moves forward.");
                _manualNow = now;
            }

            Pump();
        }

        public void Dispose()
        {
            lock (_sync)
            {
                if (_disposed) return;
                _disposed = true;
            }

            _stopPump.Cancel();
            _window.Limiter.Dispose();
            // The pump loop may still be between its checks; it ends on the cancelled token, so the
            // semaphore and the token source are left to the collector rather than disposed under it.
        }

        private TimeSpan Pump()
        {
            lock (_sync)
            {
                return _disposed ? Window.SegmentLength : _window.Pump(_now);
            }
        }

        private bool IsIdle()
        {
            var window = Volatile.Read(ref _window);
            var stats = StatisticsOf(window);
            return stats is not null && stats.CurrentQueuedCount == 0 && stats.CurrentAvailablePermits >= window.Tps;
        }

        /// <summary>The window's statistics, or null when a limit change or Dispose has just retired it.</summary>
        private static RateLimiterStatistics? StatisticsOf(Window window)
        {
            try
            {
                return window.Limiter.GetStatistics();
            }
            catch (ObjectDisposedException)
            {
                return null;
            }
        }

        private void WakePump()
        {
            if (Interlocked.Exchange(ref _pumpAsleep, 0) == 1)
            {
                // While the pump sleeps in Task.Delay (not idle) nobody takes the wake-up, so it may still be there:
                // releasing again would throw (a first-chance exception per batch, which debuggers and the per-row
                // exception count see). The catch is for two wakers racing between the check and the release.
                if (_wakePump.CurrentCount > 0) return;
                try
                {
                    _wakePump.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Already woken.
                }
            }
        }

        private async Task PumpLoopAsync()
        {
            try
            {
                while (!_stopPump.IsCancellationRequested)
                {
                    var wait = Window.SegmentLength;
                    try
                    {
                        wait = Pump();
                    }
                    catch (ObjectDisposedException) when (!_disposed)
                    {
                        // A limit change retired the limiter mid-tick: the next round uses the new one.
                    }

                    // A connected but unused session should not wake a hundred times a second. With every
                    // permit back, the segments are empty, so skipped ticks cost nothing.
                    Volatile.Write(ref _pumpAsleep, 1);
                    if (IsIdle()) await _wakePump.WaitAsync(_stopPump.Token).ConfigureAwait(false);
                    else await Task.Delay(wait, _stopPump.Token).ConfigureAwait(false);
                    Volatile.Write(ref _pumpAsleep, 0);
                }
            }
            catch (OperationCanceledException)
            {
                // Disposed.
            }
        }

        /// <summary>One limiter and the times its segments closed; replaced whole when the limit changes.</summary>
        private sealed class Window
        {
            internal static readonly TimeSpan SegmentLength = TimeSpan.FromTicks(Hold.Ticks / (Segments - 1));

            private readonly TimeSpan[] _closedAt = new TimeSpan[Segments];
            private TimeSpan _anchor;
            private long _tick;
            private long _lastReplenishTimestamp;

            public Window(int tps, TimeSpan now, int charged)
            {
                Tps = tps;
                Limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = tps,
                    // Even with AutoReplenishment off, the limiter ignores a TryReplenish that comes sooner
                    // than Window/Segments after the previous one on its own clock. Our clock decides when
                    // a segment may close, so make its period one tick and keep calls that far apart.
                    Window = TimeSpan.FromTicks(Segments),
                    SegmentsPerWindow = Segments,
                    AutoReplenishment = false,
                    QueueLimit = int.MaxValue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                });
                _anchor = now;
                _closedAt[0] = now;
                if (charged > 0) Limiter.AttemptAcquire(charged).Dispose();
            }

            public int Tps { get; }

            public SlidingWindowRateLimiter Limiter { get; }

            private void ReplenishOneSegment()
            {
                // Two ticks of the limiter's period, in Stopwatch units, so no call is ever ignored.
                var minimumGap = Math.Max(1, Stopwatch.Frequency * 2 / TimeSpan.TicksPerSecond);
                while (Stopwatch.GetTimestamp() - _lastReplenishTimestamp < minimumGap) Thread.SpinWait(1);
                Limiter.TryReplenish();
                _lastReplenishTimestamp = Stopwatch.GetTimestamp();
            }

            /// <summary>Fires the ticks that are due and returns how long until the next one.</summary>
            /// <remarks>
            /// Tick k advances the limiter one segment and hands back the permits of the segment that
            /// closed at tick k-N+1. Permits of that segment were taken no later than when that tick
            /// finished, so tick k may fire only <see cref="Hold"/> after that. On time, ticks are
            /// <see cref="SegmentLength"/> apart and the rule holds with nothing to spare; a late tick
            /// delays only the tick that depends on it, so lateness does not accumulate.
            /// </remarks>
            public TimeSpan Pump(Func<TimeSpan> clock)
            {
                while (true)
                {
                    var now = clock();
                    var next = _tick + 1;
                    var due = _anchor + TimeSpan.FromTicks(SegmentLength.Ticks * next);
                    if (next >= Segments - 1)
                    {
                        var earliest = _closedAt[(next + 1) % Segments] + Hold;
                        if (earliest > due) due = earliest;
                    }

                    if (now < due) return due - now;

                    ReplenishOneSegment();
                    _closedAt[next % Segments] = clock();
                    _tick = next;

                    // After a long stall, restart the schedule from now rather than firing a backlog of
                    // ticks; the hold rule keeps this safe either way.
                    if (now - (_anchor + TimeSpan.FromTicks(SegmentLength.Ticks * next)) > Hold)
                        _anchor = now - TimeSpan.FromTicks(SegmentLength.Ticks * next);
                }
            }
        }
    }
}
