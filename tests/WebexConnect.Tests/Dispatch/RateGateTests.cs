using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
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
        private static readonly TimeSpan Generous = TimeSpan.FromSeconds(5);

        [Fact]
        public async Task AFullSecondsWorthIsFreeAtOnceAndWithoutATimestampItCountsUntilASecondAfterItsAnswer()
        {
            using var gate = RateGate.WithManualClock(10);
            var first = await gate.WaitAsync(10, CancellationToken.None).AsTask().WaitAsync(Generous);

            var next = gate.WaitAsync(1, CancellationToken.None).AsTask();
            AdvanceInSteps(gate, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
            first.Answered(null);
            AdvanceInSteps(gate, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(1099));
            Assert.False(next.IsCompleted);
            gate.AdvanceTo(TimeSpan.FromMilliseconds(1100));
            await next.WaitAsync(Generous);
        }

        [Fact]
        public async Task TheAnswersHeadersBoundItsArrivalNotTheReadingOfItsBody()
        {
            // The service counted the request before its answer's headers came; reading the body after that (tens of
            // milliseconds for code run the first time, in a cold process) must not hold the budget longer.
            using var gate = RateGate.WithManualClock(10);
            var first = await gate.WaitAsync(10, CancellationToken.None).AsTask().WaitAsync(Generous);
            var next = gate.WaitAsync(1, CancellationToken.None).AsTask();
            AdvanceInSteps(gate, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
            first.Heard();
            AdvanceInSteps(gate, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(180));
            first.Answered(null);
            AdvanceInSteps(gate, TimeSpan.FromMilliseconds(180), TimeSpan.FromMilliseconds(1099));
            Assert.False(next.IsCompleted);
            gate.AdvanceTo(TimeSpan.FromMilliseconds(1100));
            await next.WaitAsync(Generous);
        }

        [Fact]
        public async Task ARequestInFlightStaysInTheBudgetHoweverLongItTakes()
        {
            using var gate = RateGate.WithManualClock(10);
            var first = await gate.WaitAsync(10, CancellationToken.None);
            var next = gate.WaitAsync(1, CancellationToken.None).AsTask();
            AdvanceInSteps(gate, TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(10));
            Assert.False(next.IsCompleted);
            first.Answered(null);
            gate.AdvanceTo(TimeSpan.FromSeconds(6));
            await next.WaitAsync(Generous);
        }

        [Fact]
        public Task WithABudgetSharedWithAnotherProcessARequestThatDoesNotFitWholeIsSentBackToSendWhatIsFreeFirst() =>
            // Another process holds 150 of the tenant's 200: waiting for all 200, this request would wait behind that
            // process's requests for as long as they keep coming, and the 50 free meanwhile would stay unused.
            WithAnotherProcessHolding(150, of: 200, async gate =>
            {
                var sentBack = await Assert.ThrowsAsync<OversizedRequestException>(() => gate.WaitAsync(200, CancellationToken.None).AsTask().WaitAsync(Generous));
                Assert.Equal(50, sentBack.FitsNow);
                var piece = await gate.WaitAsync(50, CancellationToken.None).AsTask().WaitAsync(Generous);
                Assert.Equal(200, gate.HeldNow());
                piece.NotSent();
            });

        [Fact]
        public Task WithABudgetSharedWithAnotherProcessASliverFreeIsNotWorthARequest() =>
            // Under a tenth of a whole request free: the request waits for the whole of it, as without sharing.
            WithAnotherProcessHolding(190, of: 200, async gate =>
            {
                var whole = gate.WaitAsync(200, CancellationToken.None).AsTask();
                gate.AdvanceTo(TimeSpan.FromSeconds(1) - Step);
                Assert.False(whole.IsCompleted);
                gate.AdvanceTo(TimeSpan.FromSeconds(1));
                (await whole.WaitAsync(Generous)).NotSent();
            });

        /// <summary>A manual-clock gate on a ledger file where another ledger holds <paramref name="held"/> for its first second.</summary>
        private static async Task WithAnotherProcessHolding(int held, int of, Func<RateGate, Task> test)
        {
            var path = Path.Combine(Path.GetTempPath(), "WebexConnect-test-" + Guid.NewGuid().ToString("N") + ".ledger");
            try
            {
                using var other = SharedRateLedger.TryOpen(path, out _)!;
                Assert.True(other.TryTake(of, held, 0, MonotonicTicks.PerSecond, out _, out _));
                // This gate books as another owner than the ledger above, which books as this process.
                using var gate = RateGate.WithManualClock(of, SharedRateLedger.TryOpen(path, AnotherOwner, out _));
                await test(gate);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task InAProcessSendingAloneARequestWaitsForItsWholeShare(bool sharedLedger)
        {
            // The split is for a budget others use: a process alone frees its budget in the requests it sent, and a
            // real tenant's session shares its ledger file whether or not another process ever comes.
            var path = Path.Combine(Path.GetTempPath(), "WebexConnect-test-" + Guid.NewGuid().ToString("N") + ".ledger");
            try
            {
                using var gate = RateGate.WithManualClock(200, sharedLedger ? SharedRateLedger.TryOpen(path, out _) : null);
                var first = await gate.WaitAsync(150, CancellationToken.None).AsTask().WaitAsync(Generous);
                var next = gate.WaitAsync(200, CancellationToken.None).AsTask();
                gate.AdvanceTo(TimeSpan.FromMilliseconds(10));
                Assert.False(next.IsCompleted);
                first.NotSent();
                await next.WaitAsync(Generous);
            }
            finally
            {
                File.Delete(path);
            }
        }

        private const int AnotherOwner = -2;

        [Fact]
        public async Task ARequestThatNeverLeftIsReleasedAtOnce()
        {
            using var gate = RateGate.WithManualClock(10);
            var first = await gate.WaitAsync(10, CancellationToken.None);
            var next = gate.WaitAsync(10, CancellationToken.None).AsTask();
            gate.AdvanceTo(TimeSpan.FromMilliseconds(3));
            Assert.False(next.IsCompleted);
            first.NotSent();
            await next.WaitAsync(Generous);
        }

        [Fact]
        public async Task WithTimestampsTheHoldEndsASecondAfterTheMeasuredArrivalNotASecondAfterTheAnswer()
        {
            using var gate = RateGate.WithManualClock(100);
            var serviceClock = TimeSpan.FromHours(3) + TimeSpan.FromMilliseconds(123.4);
            var now = TimeSpan.Zero;
            // Requests that arrive 2 ms after they are sent and are answered 2 ms later; one of them took 40 ms to arrive.
            for (var i = 0; i < 5; i++)
            {
                var permit = await gate.WaitAsync(1, CancellationToken.None);
                var arrival = now + TimeSpan.FromMilliseconds(2);
                now += TimeSpan.FromMilliseconds(4);
                gate.AdvanceTo(now);
                permit.Answered(Stamp(arrival + serviceClock));
            }

            var full = await gate.WaitAsync(100 - gate.HeldNow(), CancellationToken.None);
            var sentAt = now;
            now += TimeSpan.FromMilliseconds(40);
            var fullArrival = now;
            now += TimeSpan.FromMilliseconds(2);
            gate.AdvanceTo(now);
            full.Answered(Stamp(fullArrival + serviceClock));

            var next = gate.WaitAsync(100, CancellationToken.None).AsTask();
            // The late one is held until a second after its arrival (+ what the measurements cannot rule out).
            AdvanceInSteps(gate, now, fullArrival + TimeSpan.FromMilliseconds(995));
            Assert.False(next.IsCompleted, "released before a second after the late arrival");
            AdvanceInSteps(gate, fullArrival + TimeSpan.FromMilliseconds(995), fullArrival + TimeSpan.FromMilliseconds(1010));
            Assert.True(next.IsCompleted, "still waiting 1010 ms after the measured arrival");
        }

        [Fact]
        public async Task ASlowFirstRequestCannotMakeTheNextOneLandInItsSecond()
        {
            // The cold start of a fresh process: the first request takes 90 ms to arrive, the next 3 ms.
            using var gate = RateGate.WithManualClock(10);
            var serviceClock = TimeSpan.FromMinutes(7) + TimeSpan.FromMilliseconds(0.5);
            var first = await gate.WaitAsync(10, CancellationToken.None);
            var firstArrival = TimeSpan.FromMilliseconds(90);
            gate.AdvanceTo(TimeSpan.FromMilliseconds(92));
            first.Answered(Stamp(firstArrival + serviceClock));

            var second = gate.WaitAsync(10, CancellationToken.None).AsTask();
            var now = TimeSpan.FromMilliseconds(92);
            while (!second.IsCompleted)
            {
                now += Step;
                gate.AdvanceTo(now);
            }

            // Sent at `now`, it may arrive 0 ms later: that must be a second after the first one's arrival.
            Assert.True(now >= firstArrival + TimeSpan.FromSeconds(1), $"second request sent at {now.TotalMilliseconds} ms");
        }

        [Theory]
        [InlineData(5, 0, 20, 90)]
        [InlineData(50, 0, 20, 90)]
        [InlineData(1000, 0, 12, 90)]
        [InlineData(5000, 0, 12, 90)]
        [InlineData(50, 200, 20, 90)]
        [InlineData(1000, 200, 12, 90)]
        [InlineData(5, 0, 3, 10)]
        [InlineData(1000, 0, 3, 10)]
        [InlineData(1000, 0, 12, 10)]
        [InlineData(1000, 200, 12, 10)]
        public void SimulatedTenantWithArrivalJitterNeverSeesMoreThanTheTpsAndGetsMostOfIt(int tps, int latencyMs, int seconds, int coldMs)
        {
            // What the benchmarks measure against a real socket, here in simulated time: every request
            // arrives 1-3 ms after it is sent plus a random 0-50 ms, and the cold first one coldMs late.
            var run = ArrivalSimulation.Run(tps, TimeSpan.FromMilliseconds(latencyMs), seconds, seed: tps + latencyMs, coldMs: coldMs);
            Assert.True(run.MostInOneSecond <= tps, $"{run.MostInOneSecond} destinations arrived within one second at TPS {tps}");
            // Uniform 0-50 ms jitter caps any client that never overshoots at 1 / 1.025 = 97.6 % sustained: each
            // reused share of the budget arrives its own jitter after the second it waited for. A first answer within
            // 100 ms (coldMs 10) makes it a request a second, whose one chain of reuses ends soonest (97-98 % on 3-s
            // runs, where tenths make about 95 %); a slower one (90 ms late, plus the jitter) makes it tenths for the
            // session (96 % on longer runs). With 200 ms
            // between arrival and answer the proven floor is 200 ms loose (about 1 / 1.225); in tenths the measured
            // floor, capped at three quarters of the way to the quickest delay, takes back most of that once enough
            // answers are in (about 90 % here: README of the benchmarks).
            var target = latencyMs > 0 ? 0.88 : coldMs < 50 && seconds <= 3 ? 0.97 : 0.96;
            Assert.True(run.Share >= target, $"share {run.Share:P1} of TPS {tps} at {latencyMs} ms (target {target:P0})");
        }

        [Theory]
        [InlineData(5, 0)]
        [InlineData(50, 200)]
        [InlineData(1000, 0)]
        [InlineData(1000, 200)]
        public void AcrossManySimulatedRunsNoSecondEverHoldsMoreThanTheTps(int tps, int latencyMs)
        {
            // The measured floor is a statistical estimate: over many runs (each its own jitter) it must still never let one through.
            var worst = Enumerable.Range(1, 60)
                .Select(seed => ArrivalSimulation.Run(tps, TimeSpan.FromMilliseconds(latencyMs), 4, seed: 1000 * seed + tps + latencyMs))
                .ToList();
            Assert.All(worst, run => Assert.True(run.MostInOneSecond <= tps, $"{run.MostInOneSecond} destinations arrived within one second at TPS {tps}"));
            System.Console.WriteLine($"TPS {tps}, {latencyMs} ms: share {worst.Min(r => r.Share):P1} .. {worst.Average(r => r.Share):P1}");
        }

        [Fact]
        public void ARequestHoldsASecondOfTheTpsUpToTheApisThousandOrATenthWhileLearning()
        {
            Assert.Equal(5, RateGate.BatchSizeFor(5));
            Assert.Equal(200, RateGate.BatchSizeFor(200));
            Assert.Equal(1000, RateGate.BatchSizeFor(5000));
            Assert.Equal(1, RateGate.BatchSizeFor(5, RateGate.StepsWhileLearning));
            Assert.Equal(5, RateGate.BatchSizeFor(50, RateGate.StepsWhileLearning));
            Assert.Equal(20, RateGate.BatchSizeFor(200, RateGate.StepsWhileLearning));
            Assert.Equal(500, RateGate.BatchSizeFor(5000, RateGate.StepsWhileLearning));
            Assert.Equal(1000, RateGate.BatchSizeFor(100_000, RateGate.StepsWhileLearning));
        }

        [Fact]
        public void RequestsWorthHavingOutAreASecondsWorthThoseTheRoundTripKeepsAnsweringAndOneMore()
        {
            var ms = MonotonicTicks.PerMillisecond;
            // Before a warm answer, the first second's only: the gate may yet choose smaller requests.
            Assert.Equal(1, RateGate.RequestsAheadFor(1000, 1000, long.MaxValue));
            Assert.Equal(3, RateGate.RequestsAheadFor(1000, 1000, 30 * ms));
            // TPS 2000 in tenths, answers after 200 ms: ten wait a second for the budget, two are answering.
            Assert.Equal(13, RateGate.RequestsAheadFor(2000, 200, 200 * ms));
            Assert.Equal(1000, RateGate.RequestsAheadFor(1_000_000, 1000, long.MaxValue));
        }

        [Theory]
        [InlineData(30, 20, 200)]
        [InlineData(250, 20, 20)]
        [InlineData(30, 250, 200)]
        public async Task TheSessionsFirstAnswerDecidesBetweenWholeRequestsAndTenths(int firstMs, int laterMs, int expectedBatch)
        {
            // Quick: one request a second is best (each request is a chain of reuses that drifts with its own jitter).
            // Slow: the proven floor is loose, and only many answers measure the way there. Decided once, since going
            // back from tenths to whole requests leaves shares of the budget idle.
            using var gate = RateGate.WithManualClock(200);
            var serviceClock = TimeSpan.FromHours(3);
            var now = TimeSpan.Zero;
            Assert.Equal(200, gate.MaxBatchSize);
            foreach (var roundTripMs in new[] { firstMs, laterMs, laterMs })
            {
                now += TimeSpan.FromMilliseconds(1);
                gate.AdvanceTo(now);
                var permit = await gate.WaitAsync(20, CancellationToken.None);
                var arrival = now + TimeSpan.FromMilliseconds(5);
                now += TimeSpan.FromMilliseconds(roundTripMs);
                gate.AdvanceTo(now);
                permit.Answered(Stamp(arrival + serviceClock));
                Assert.Equal(expectedBatch, gate.MaxBatchSize);
            }
        }

        [Fact]
        public void WithoutAUserLimitItStartsConservativeAndAdoptsTheAnnouncedOne()
        {
            using var gate = RateGate.WithManualClock(null);
            Assert.Equal(RateGate.ConservativeTps, gate.Tps);
            gate.AdoptAnnouncedLimit(250);
            Assert.Equal(250, gate.Tps);
            Assert.Equal(250, gate.MaxBatchSize);
            gate.AdoptAnnouncedLimit(50_000);
            Assert.Equal(1000, gate.MaxBatchSize);
            gate.AdoptAnnouncedLimit(0);
            Assert.Equal(50_000, gate.Tps);
        }

        [Fact]
        public void AUserLimitWinsOverTheAnnouncedOneAndOverRefusalsForTheRate()
        {
            using var gate = RateGate.WithManualClock(40);
            gate.AdoptAnnouncedLimit(500);
            var permit = gate.WaitAsync(4, CancellationToken.None).AsTask().Result;
            gate.Refused(permit, "429");
            gate.Refused(permit, "7020");
            Assert.Equal(40, gate.Tps);
            Assert.Equal(0, gate.Adaptations);
        }

        [Fact]
        public async Task A7009LowersEvenAUserLimit_ForARequestThatSizeIsRefusedWholeEveryTime()
        {
            using var gate = RateGate.WithManualClock(50);
            var permit = await gate.WaitAsync(50, CancellationToken.None);
            permit.Answered(null);
            gate.Refused(permit, "7009");
            Assert.Equal(25, gate.Tps);
            Assert.Equal(50, gate.UserLimit);
            Assert.Equal(1, gate.Adaptations);
        }

        [Fact]
        public async Task After7009sTheGateSearchesUpToTheLargestRequestTheTenantTakes_NotJustHalfOfWhatWasRefused()
        {
            // -Tps 50 against a tenant that takes 20 in a request (and a second): halving alone stopped at 12.
            using var gate = RateGate.WithManualClock(50);
            var now = TimeSpan.Zero;
            var sizes = new List<int>();
            for (var round = 0; round < 10; round++)
            {
                var size = gate.MaxBatchSize;
                sizes.Add(size);
                var permit = await gate.WaitAsync(size, CancellationToken.None).AsTask().WaitAsync(Generous);
                if (size > 20)
                {
                    permit.Answered(null);
                    gate.Refused(permit, "7009");
                }
                else
                {
                    permit.Answered(null, accepted: true);
                }

                now += TimeSpan.FromSeconds(2);
                gate.AdvanceTo(now);
            }

            Assert.Equal(new[] { 50, 25, 12, 18, 21, 19, 20, 20, 20, 20 }, sizes);
            Assert.Equal(20, gate.Tps);
            Assert.Equal(20, gate.SettledTps);
            Assert.Equal(50, gate.UserLimit);
        }

        [Fact]
        public async Task ARequestRefusedWith7009GivesItsShareOfTheBudgetBackAtOnce()
        {
            // Refused whole for its size, it was never counted: the next, smaller request need not wait a second for it.
            using var gate = RateGate.WithManualClock(50);
            var refused = await gate.WaitAsync(50, CancellationToken.None);
            gate.AdvanceTo(TimeSpan.FromMilliseconds(5));
            refused.Answered(null);
            gate.Refused(refused, "7009");

            Assert.Equal(0, gate.HeldNow());
            var next = gate.WaitAsync(25, CancellationToken.None).AsTask();
            await next.WaitAsync(Generous);
        }

        [Fact]
        public async Task WhileSearchingARequestLargerThanAnyTakenGoesAloneAndSmallerOnesStayWithinWhatWasTaken()
        {
            // Took 12, refused 25: the gate tries 18. Two requests of 8, or 2 and 15, together would pass a tenant of 12 to
            // 17 with a 429; a request of 15 alone is either counted alone or refused whole.
            using var gate = await SearchingAfterTaking12AndARefused25();
            Assert.Equal(18, gate.Tps);
            Assert.Equal(12, gate.SettledTps);

            gate.AdvanceTo(TimeSpan.FromSeconds(4));
            var first = await gate.WaitAsync(8, CancellationToken.None);
            var second = gate.WaitAsync(8, CancellationToken.None).AsTask();
            gate.AdvanceTo(TimeSpan.FromSeconds(4.5));
            Assert.False(second.IsCompleted);
            first.Answered(null, accepted: true);
            gate.AdvanceTo(TimeSpan.FromSeconds(5.6));
            (await second.WaitAsync(Generous)).Answered(null, accepted: true);

            gate.AdvanceTo(TimeSpan.FromSeconds(7));
            var small = await gate.WaitAsync(2, CancellationToken.None);
            var probe = gate.WaitAsync(15, CancellationToken.None).AsTask();
            gate.AdvanceTo(TimeSpan.FromSeconds(7.5));
            Assert.False(probe.IsCompleted);
            small.Answered(null, accepted: true);
            gate.AdvanceTo(TimeSpan.FromSeconds(8.6));
            await probe.WaitAsync(Generous);
        }

        [Fact]
        public async Task ARequestThatCannotGoAloneWithinThePatienceEndsTheSearchAtWhatWasTaken()
        {
            // Another process sharing the ledger may keep it busy for good: the run goes on at what the tenant took.
            using var gate = await SearchingAfterTaking12AndARefused25();
            gate.AdvanceTo(TimeSpan.FromSeconds(4));
            var busy = await gate.WaitAsync(1, CancellationToken.None);

            var probe = gate.WaitAsync(18, CancellationToken.None).AsTask();
            gate.AdvanceTo(TimeSpan.FromSeconds(4) + RateGate.ProbePatience - Step);
            Assert.False(probe.IsCompleted);
            gate.AdvanceTo(TimeSpan.FromSeconds(4) + RateGate.ProbePatience + Step);

            var sentBack = await Assert.ThrowsAsync<OversizedRequestException>(() => probe.WaitAsync(Generous));
            Assert.Equal(12, sentBack.Tps);
            Assert.Equal(12, gate.Tps);
            Assert.Equal(12, gate.MaxBatchSize);
            busy.Answered(null, accepted: true);
        }

        /// <summary>-Tps 25, a 7009 for a request of 25, then 12 taken: the gate tries 18 (at 2 s on its clock).</summary>
        private static async Task<RateGate> SearchingAfterTaking12AndARefused25()
        {
            var gate = RateGate.WithManualClock(25);
            var refused = await gate.WaitAsync(25, CancellationToken.None);
            refused.Answered(null);
            gate.Refused(refused, "7009");
            gate.AdvanceTo(TimeSpan.FromSeconds(2));
            (await gate.WaitAsync(12, CancellationToken.None)).Answered(null, accepted: true);
            return gate;
        }

        [Fact]
        public async Task WithoutAUserLimitA429LowersTheRateToWhatTheServiceAcceptedInTheLastSecond()
        {
            using var gate = RateGate.WithManualClock(null);
            for (var i = 0; i < 5; i++) (await gate.WaitAsync(1, CancellationToken.None)).Answered(null, accepted: true);
            var sixth = await gate.WaitAsync(1, CancellationToken.None);
            Assert.Equal(6, sixth.HeldWhenGranted);
            sixth.Answered(null);
            gate.Refused(sixth, "429");
            Assert.Equal(5, gate.Tps);
            Assert.Equal(1, gate.Adaptations);
            Assert.Equal("429", gate.AdaptedBecause);
            // A later refusal that says less changes nothing.
            gate.Refused(sixth, "7020");
            Assert.Equal(5, gate.Tps);
            Assert.Equal(1, gate.Adaptations);
        }

        [Fact]
        public async Task A429BeforeAnythingWasAcceptedHalvesTheRateOnceForRequestsRefusedTogether()
        {
            using var gate = RateGate.WithManualClock(null);
            gate.AdoptAnnouncedLimit(100);
            var first = await gate.WaitAsync(40, CancellationToken.None);
            var second = await gate.WaitAsync(40, CancellationToken.None);
            first.Answered(null);
            second.Answered(null);

            gate.Refused(first, "429");
            gate.Refused(second, "429");

            // Nothing was accepted in the last second: another sender filled the tenant's window. Half, not 1, and
            // once for the two requests refused in the same crowded second.
            Assert.Equal(50, gate.Tps);
            Assert.Equal(1, gate.Adaptations);
            // A refusal of a request granted under the new limit halves it again.
            gate.AdvanceTo(TimeSpan.FromSeconds(2));
            var third = await gate.WaitAsync(10, CancellationToken.None);
            third.Answered(null);
            gate.Refused(third, "7020");
            Assert.Equal(25, gate.Tps);
        }

        [Fact]
        public async Task After429sStopTheRateClimbsBackToWhatItWas_AndEachClimbThatMeetsA429WaitsLongerBeforeTheNext()
        {
            // Three 429s in a row (another sender filled the tenant's second for a moment) took a session without -Tps
            // from 10 to 1 a second for the rest of the session: a 40-row run took 43 s instead of 4.
            using var gate = RateGate.WithManualClock(null);
            var now = TimeSpan.Zero;
            for (var i = 0; i < 3; i++)
            {
                now += TimeSpan.FromSeconds(2);
                gate.AdvanceTo(now);
                var refused = await gate.WaitAsync(1, CancellationToken.None);
                refused.Answered(null);
                gate.Refused(refused, "429");
            }
            Assert.Equal(1, gate.Tps);

            // One request taken a second: nothing moves before the quiet spell, then a tenth of 10 a second, back to 10.
            var rates = new List<int>();
            for (var second = 1; second <= 20; second++)
            {
                gate.AdvanceTo(now + TimeSpan.FromSeconds(second));
                (await gate.WaitAsync(1, CancellationToken.None)).Answered(null, accepted: true);
                rates.Add(gate.Tps);
            }
            Assert.Equal(new[] { 1, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10 }, rates.Take(14));
            Assert.All(rates.Skip(12), r => Assert.Equal(10, r));

            // A tenant whose limit really is 5: the climb meets a 429 at 6 and falls back to what was taken.
            now += TimeSpan.FromSeconds(30);
            gate.AdvanceTo(now);
            var tooFast = await gate.WaitAsync(6, CancellationToken.None);
            tooFast.Answered(null);
            gate.Refused(tooFast, "429");
            Assert.Equal(5, gate.Tps);
            // The next climb waits twice as long (10 s), the one after that four times (20 s): fewer 429s, the rate kept.
            var firstRise = await SecondsUntilTheGateRises(gate, now, 5);
            Assert.Equal(10, firstRise);
            now += TimeSpan.FromSeconds(firstRise);
            var again = await gate.WaitAsync(1, CancellationToken.None);
            again.Answered(null);
            gate.Refused(again, "429");
            Assert.Equal(20, await SecondsUntilTheGateRises(gate, now, gate.Tps));
        }

        /// <summary>Takes one request a second from <paramref name="from"/> until the gate rises above <paramref name="rate"/>.</summary>
        private static async Task<int> SecondsUntilTheGateRises(RateGate gate, TimeSpan from, int rate)
        {
            for (var second = 1; second <= 600; second++)
            {
                gate.AdvanceTo(from + TimeSpan.FromSeconds(second));
                (await gate.WaitAsync(1, CancellationToken.None)).Answered(null, accepted: true);
                if (gate.Tps > rate) return second;
            }
            return -1;
        }

        [Fact]
        public async Task AnAnnouncedLimitEndsTheClimbAndAUserLimitNeverClimbs()
        {
            using var gate = RateGate.WithManualClock(null);
            var refused = await gate.WaitAsync(1, CancellationToken.None);
            refused.Answered(null);
            gate.Refused(refused, "429");
            Assert.Equal(5, gate.Tps);
            gate.AdoptAnnouncedLimit(4);
            for (var second = 1; second <= 30; second++)
            {
                gate.AdvanceTo(TimeSpan.FromSeconds(second));
                (await gate.WaitAsync(1, CancellationToken.None)).Answered(null, accepted: true);
            }
            Assert.Equal(4, gate.Tps);
        }

        [Fact]
        public async Task AWaitingRequestLargerThanALoweredLimitIsSentBackAndReleasesWhatItTook()
        {
            using var gate = RateGate.WithManualClock(null);
            gate.AdoptAnnouncedLimit(100);
            (await gate.WaitAsync(90, CancellationToken.None)).Answered(null);
            var waiting = gate.WaitAsync(60, CancellationToken.None).AsTask();
            Assert.False(waiting.IsCompleted);

            gate.AdoptAnnouncedLimit(40);
            gate.AdvanceTo(TimeSpan.FromMilliseconds(10));

            var sentBack = await Assert.ThrowsAsync<OversizedRequestException>(() => waiting.WaitAsync(Generous));
            Assert.Equal(40, sentBack.Tps);
            Assert.Equal(0, gate.QueuedDestinations);
            Assert.Equal(90, gate.HeldNow());
        }

        [Fact]
        public async Task WithoutAUserLimitA7009HalvesTheRequestThatWasTooLarge()
        {
            using var gate = RateGate.WithManualClock(null);
            gate.AdoptAnnouncedLimit(100);
            var permit = await gate.WaitAsync(10, CancellationToken.None);
            gate.Refused(permit, "7009");
            Assert.Equal(5, gate.Tps);
            Assert.Equal("7009", gate.AdaptedBecause);
        }

        [Fact]
        public async Task WaitersQueuedBeforeALimitChangeAreServedUnderTheNewLimitAndRecentSendsStillCount()
        {
            using var gate = RateGate.WithManualClock(null);
            (await gate.WaitAsync(10, CancellationToken.None)).Answered(null);
            var queued = gate.WaitAsync(10, CancellationToken.None).AsTask();
            Assert.False(queued.IsCompleted);

            gate.AdoptAnnouncedLimit(15);
            // The 10 just sent still count against the new limit of 15: 10 more do not fit yet.
            AdvanceInSteps(gate, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
            Assert.False(queued.IsCompleted);

            AdvanceInSteps(gate, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1100));
            await queued.WaitAsync(Generous);
        }

        [Fact]
        public async Task WaitingStopsWhenCancelledAndTakesNothing()
        {
            using var gate = RateGate.WithManualClock(5);
            var held = await gate.WaitAsync(5, CancellationToken.None);
            using var cts = new CancellationTokenSource();
            var waiting = gate.WaitAsync(1, cts.Token).AsTask();
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Generous));
            held.NotSent();
            Assert.True(gate.WouldAllowNow(5));
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
                    var permit = await gate.WaitAsync(size, CancellationToken.None);
                    lock (grants) grants.Add((clock.Elapsed, size));
                    await Task.Delay(5);
                    permit.Answered(null);
                }
            }

            await Task.WhenAll(Enumerable.Range(1, 6).Select(i => Task.Run(() => Sender(10 * i))));

            AssertNoWindowOver(tps, grants);
            var total = grants.Sum(g => g.Destinations);
            // Generous: 2 shared cores. Over ~3 s (the first second free) expect well over 2 s worth.
            Assert.True(total >= tps * 2, $"only {total} destinations in {clock.Elapsed}");
        }

        [Fact]
        public async Task OnTheRealClockAnIdleGateWakesForTheNextRequest()
        {
            using var gate = new RateGate(20);
            (await gate.WaitAsync(20, CancellationToken.None)).Answered(null);
            await Task.Delay(1500);
            (await gate.WaitAsync(20, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(1))).Answered(null);
            var clock = Stopwatch.StartNew();
            await gate.WaitAsync(5, CancellationToken.None).AsTask().WaitAsync(Generous);
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"granted after {clock.Elapsed}");
        }

        internal static DateTimeOffset Stamp(TimeSpan serviceTime) =>
            // The service writes milliseconds: truncate as it would.
            new DateTimeOffset(serviceTime.Ticks - serviceTime.Ticks % TimeSpan.TicksPerMillisecond + new DateTime(2026, 1, 1).Ticks, TimeSpan.Zero);

        internal static void AdvanceInSteps(RateGate gate, TimeSpan from, TimeSpan to, TimeSpan? step = null)
        {
            for (var now = from; now <= to; now += step ?? Step) gate.AdvanceTo(now);
        }

        internal static void AssertNoWindowOver(int tps, IReadOnlyList<(TimeSpan At, int Destinations)> grants)
        {
            var ordered = grants.OrderBy(g => g.At).ToArray();
            var windowStart = 0;
            var inWindow = 0;
            for (var i = 0; i < ordered.Length; i++)
            {
                inWindow += ordered[i].Destinations;
                while (ordered[i].At - ordered[windowStart].At >= TimeSpan.FromSeconds(1))
                {
                    inWindow -= ordered[windowStart].Destinations;
                    windowStart++;
                }

                Assert.True(inWindow <= tps,
                    $"{inWindow} destinations in the second from {ordered[windowStart].At.TotalMilliseconds} ms (TPS {tps})");
            }
        }
    }
}
