using System;
using WebexConnect.Engine.Dispatch;
using Xunit;

namespace WebexConnect.Tests.Dispatch
{
    /// <summary>Which answers the arrival estimator may learn the service's quickest delivery from.</summary>
    public class ArrivalEstimatorTests
    {
        private static readonly long Ms = MonotonicTicks.PerMillisecond;
        private static readonly long Second = MonotonicTicks.PerSecond;

        [Fact]
        public void A_new_session_in_a_warm_process_learns_nothing_from_its_first_round_and_learns_from_its_second()
        {
            // An earlier session of this process had its answers.
            var earlier = ArrivalEstimator.ForThisProcess();
            var start = MonotonicTicks.Now();
            earlier.HoldUntil(start, start + 5 * Ms, StampOf(start, 2 * Ms), "earlier", out _);

            // The new session's first round leaves together on new connections (handshakes: 100 ms on the way) and is
            // answered 10 ms after it arrives. Taken for the quickest delivery, those 100 ms would end its holds
            // 75 ms early, while the next round, on open connections, arrives far sooner.
            var session = ArrivalEstimator.ForThisProcess();
            var left = start + 10 * Ms;
            for (var i = 0; i < 10; i++)
            {
                var answered = left + 110 * Ms + i * Ms;
                var until = session.HoldUntil(left + i * Ms, answered, StampOf(left + i * Ms, 100 * Ms), i, out _);
                Assert.True(until >= answered + Second - Ms, $"request {i} of the first round held only {(until - answered) / Ms} ms after its answer");
            }

            // Its second round left after its first answer: measured, its holds end before a second after the answer.
            var second = left + 200 * Ms;
            long last = 0, lastAnswered = 0;
            for (var i = 0; i < 10; i++)
            {
                lastAnswered = second + 110 * Ms + i * Ms;
                last = session.HoldUntil(second + i * Ms, lastAnswered, StampOf(second + i * Ms, 100 * Ms + i * Ms / 10), 100 + i, out _);
            }
            Assert.True(last < lastAnswered + Second - 20 * Ms, $"the second round is still held {(last - lastAnswered) / Ms} ms after its answer");
        }

        /// <summary>
        /// The service's requestTimestamp for a request that left at <paramref name="left"/> (MonotonicTicks) and took
        /// <paramref name="delay"/> to arrive, on a clock that reads as this machine's UTC, in whole milliseconds.
        /// </summary>
        private static DateTimeOffset StampOf(long left, long delay)
        {
            var utc = DateTime.UtcNow.Ticks + (left - MonotonicTicks.Now()) + delay;
            utc -= utc % TimeSpan.TicksPerMillisecond;
            // A timestamp on a whole second reads as one without a fraction, which the estimator does not use.
            if (utc % TimeSpan.TicksPerSecond == 0) utc += TimeSpan.TicksPerMillisecond;
            return new DateTimeOffset(utc, TimeSpan.Zero);
        }
    }
}
