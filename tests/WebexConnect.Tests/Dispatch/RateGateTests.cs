using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine.Dispatch;
using Xunit;

namespace WebexConnect.Tests.Dispatch
{
    public class RateGateTests
    {
        private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1);

        [Fact]
        public async Task AFullSecondsWorthIsFreeAtOnceAndTheNextDestinationWaitsAFullSecond()
        {
            using var gate = RateGate.WithManualClock(10);
            await gate.WaitAsync(10, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));

            var next = gate.WaitAsync(1, CancellationToken.None).AsTask();
            AdvanceInSteps(gate, TimeSpan.Zero, TimeSpan.FromMilliseconds(999));
            Assert.False(next.IsCompleted);
            AdvanceInSteps(gate, TimeSpan.FromMilliseconds(999), TimeSpan.FromMilliseconds(1100));
            await next.WaitAsync(TimeSpan.FromSeconds(5));
        }

        [Theory]
        [InlineData(100, 100)]
        [InlineData(100, 37)]
        [InlineData(1000, 250)]
        [InlineData(7, 3)]
        public void NoOneSecondWindowCarriesMoreThanTheTpsAndTheRateStaysClose(int tps, int maxRequest)
        {
            using var gate = RateGate.WithManualClock(tps);
            var random = new Random(tps * 31 + maxRequest);
            var grants = new List<(TimeSpan At, int Destinations)>();
            var waiting = new List<(Task Task, int Destinations)>();
            var run = TimeSpan.FromSeconds(20);

            for (var now = TimeSpan.Zero; now < run; now += Step)
            {
                gate.AdvanceTo(now);
                Settle(gate, waiting);
                // Keep the gate saturated with requests of varied sizes, as eight concurrent senders would.
                while (waiting.Count < 8)
                {
                    // Full batches (size = TPS) are the steady state of a large run; otherwise sizes vary.
                    var size = maxRequest == tps ? tps : random.Next(1, maxRequest + 1);
                    waiting.Add((gate.WaitAsync(size, CancellationToken.None).AsTask(), size));
                }

                Settle(gate, waiting);

                for (var i = waiting.Count - 1; i >= 0; i--)
                {
                    if (!waiting[i].Task.IsCompleted) continue;
                    grants.Add((now, waiting[i].Destinations));
                    waiting.RemoveAt(i);
                }
            }

            AssertNoWindowOver(tps, grants);
            var sent = grants.Where(g => g.At >= TimeSpan.FromSeconds(2)).Sum(g => g.Destinations);
            var rate = sent / (run - TimeSpan.FromSeconds(2)).TotalSeconds;
            // Requests of uneven sizes leave part of each window unused; the benchmark measures the real rate.
            Assert.True(rate >= tps * (maxRequest == tps ? 0.95 : 0.85), $"rate {rate:F1}/s at TPS {tps}");
            Assert.True(rate <= tps, $"rate {rate:F1}/s at TPS {tps}");
        }

        [Fact]
        public void WithoutAUserLimitItStartsConservativeAndAdoptsTheAnnouncedOne()
        {
            using var gate = RateGate.WithManualClock(null);
            Assert.Equal(RateGate.ConservativeTps, gate.MaxBatchSize);
            gate.AdoptAnnouncedLimit(250);
            Assert.Equal(250, gate.MaxBatchSize);
            gate.AdoptAnnouncedLimit(5000);
            Assert.Equal(5000, gate.Tps);
            Assert.Equal(1000, gate.MaxBatchSize);
            gate.AdoptAnnouncedLimit(0);
            Assert.Equal(5000, gate.Tps);
        }

        [Fact]
        public void AUserLimitWinsOverTheAnnouncedOne()
        {
            using var gate = RateGate.WithManualClock(40);
            gate.AdoptAnnouncedLimit(500);
            Assert.Equal(40, gate.MaxBatchSize);
        }

        [Fact]
        public async Task WaitersQueuedBeforeALimitChangeAreServedUnderTheNewLimitAndRecentSendsStillCount()
        {
            using var gate = RateGate.WithManualClock(null);
            await gate.WaitAsync(10, CancellationToken.None);
            var queued = gate.WaitAsync(10, CancellationToken.None).AsTask();
            Assert.False(queued.IsCompleted);

            gate.AdoptAnnouncedLimit(15);
            // The 10 just sent still count against the new limit of 15: 10 more do not fit yet.
            AdvanceInSteps(gate, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
            Assert.False(queued.IsCompleted);

            AdvanceInSteps(gate, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1600));
            await queued.WaitAsync(TimeSpan.FromSeconds(5));
        }

        [Fact]
        public async Task WaitingStopsWhenCancelled()
        {
            using var gate = RateGate.WithManualClock(5);
            await gate.WaitAsync(5, CancellationToken.None);
            using var cts = new CancellationTokenSource();
            var waiting = gate.WaitAsync(1, cts.Token).AsTask();
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        }

        [Fact]
        public async Task OnTheRealClockConcurrentSendersStayWithinTheTps()
        {
            const int tps = 300;
            using var gate = new RateGate(tps);
            var clock = Stopwatch.StartNew();
            var grants = new List<(TimeSpan At, int Destinations)>();
            var run = TimeSpan.FromSeconds(3);

            async Task Sender(int size)
            {
                while (clock.Elapsed < run)
                {
                    await gate.WaitAsync(size, CancellationToken.None);
                    lock (grants) grants.Add((clock.Elapsed, size));
                }
            }

            await Task.WhenAll(Enumerable.Range(1, 6).Select(i => Task.Run(() => Sender(10 * i))));

            AssertNoWindowOver(tps, grants);
            var total = grants.Sum(g => g.Destinations);
            // Generous: 2 shared cores. Over ~3 s (the first second free) expect well over 2 s worth.
            Assert.True(total >= tps * 2, $"only {total} destinations in {clock.Elapsed}");
        }

        [Fact]
        public async Task OnTheRealClockLimitChangesWhileSendersWaitNeitherLoseNorStrandThem()
        {
            using var gate = new RateGate(null);
            var clock = Stopwatch.StartNew();
            var granted = 0;

            async Task Sender()
            {
                while (clock.Elapsed < TimeSpan.FromSeconds(2))
                {
                    await gate.WaitAsync(5, CancellationToken.None);
                    Interlocked.Add(ref granted, 5);
                }
            }

            var senders = Enumerable.Range(0, 4).Select(_ => Task.Run(Sender)).ToArray();
            foreach (var tps in new[] { 50, 20, 200, 7, 100 })
            {
                await Task.Delay(300);
                gate.AdoptAnnouncedLimit(tps);
            }

            await Task.WhenAll(senders).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(100, gate.Tps);
            Assert.True(granted > 50, $"only {granted} destinations granted");
        }

        [Fact]
        public async Task OnTheRealClockAnIdleGateWakesForTheNextRequest()
        {
            using var gate = new RateGate(20);
            await gate.WaitAsync(20, CancellationToken.None);
            // Let the pump hand everything back and go to sleep, then ask again: it must wake up.
            await Task.Delay(1500);
            await gate.WaitAsync(20, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(1));
            var clock = Stopwatch.StartNew();
            await gate.WaitAsync(5, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"granted after {clock.Elapsed}");
        }

        internal static void AdvanceInSteps(RateGate gate, TimeSpan from, TimeSpan to)
        {
            for (var now = from; now <= to; now += Step) gate.AdvanceTo(now);
        }

        /// <summary>
        /// Granted waits finish on the thread pool; wait until every wait the gate has let go has finished,
        /// so that the time we record for a grant is the time it was granted.
        /// </summary>
        private static void Settle(RateGate gate, List<(Task Task, int Destinations)> waiting)
        {
            var deadline = Stopwatch.StartNew();
            while (waiting.Where(w => !w.Task.IsCompleted).Sum(w => (long)w.Destinations) != gate.QueuedDestinations)
            {
                if (deadline.Elapsed > TimeSpan.FromSeconds(10)) throw new TimeoutException("The gate did not settle.");
                Thread.Yield();
            }
        }

        internal static void AssertNoWindowOver(int tps, IReadOnlyList<(TimeSpan At, int Destinations)> grants)
        {
            var ordered = grants.OrderBy(g => g.At).ToArray();
            var windowStart = 0;
            var inWindow = 0;
            for (var i = 0; i < ordered.Length; i++)
            {
                inWindow += ordered[i].Destinations;
                // Every window that matters starts at a grant: [start, start + 1 s).
                while (ordered[i].At - ordered[windowStart].At >= TimeSpan.FromSeconds(1))
                {
                    inWindow -= ordered[windowStart].Destinations;
                    windowStart++;
                }

                Assert.True(inWindow <= tps,
                    $"{inWindow} destinations started in the second from {ordered[windowStart].At.TotalMilliseconds} ms (TPS {tps})");
            }
        }
    }
}
