using System;
using WebexConnect.Composition;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>The progress bar: redrawn at most four times a second, with count, rate and failures.</summary>
    public class SendProgressTests
    {
        [Fact]
        public void RedrawsAtMostFourTimesASecond()
        {
            var now = TimeSpan.Zero;
            var progress = new SendProgress(() => now);

            Assert.NotNull(progress.Next(0, 0));
            now = TimeSpan.FromMilliseconds(100);
            Assert.Null(progress.Next(10, 0));
            now = TimeSpan.FromMilliseconds(249);
            Assert.Null(progress.Next(20, 0));
            now = TimeSpan.FromMilliseconds(250);
            Assert.NotNull(progress.Next(30, 0));
        }

        [Fact]
        public void ShowsCountFailuresAndRateWithoutAPercentWhenStreaming()
        {
            var now = TimeSpan.FromSeconds(2);
            var snapshot = new SendProgress(() => now).Next(2000, 3)!;

            Assert.Equal("2,000 done, 3 with errors, 1,000/s", snapshot.Status);
            Assert.Equal(-1, snapshot.PercentComplete);
            Assert.Equal(-1, snapshot.SecondsRemaining);
        }

        [Fact]
        public void ShowsPercentAndTimeLeftWhenTheTotalIsKnown()
        {
            var now = TimeSpan.FromSeconds(10);
            var snapshot = new SendProgress(() => now, total: 4000).Next(1000, 0)!;

            Assert.Equal(25, snapshot.PercentComplete);
            Assert.Equal(30, snapshot.SecondsRemaining);
            Assert.Contains("1,000 of 4,000", snapshot.Status);
        }

        /// <summary>
        /// Before: an estimate past int's range was cast as is: int.MinValue on .NET Framework, so Windows PowerShell
        /// showed a huge run going very slowly with a negative time left. Now it is no estimate (-1), as when unknown.
        /// </summary>
        [Fact]
        public void ATimeLeftBeyondAnIntIsNoEstimateRatherThanANegativeOne()
        {
            var now = TimeSpan.FromSeconds(1000);
            var snapshot = new SendProgress(() => now, total: long.MaxValue / 200).Next(1, 0)!;

            Assert.Equal(-1, snapshot.SecondsRemaining);
            Assert.Equal(0, snapshot.PercentComplete);
        }
        /// <summary>
        /// Before: asked after every row with no new result, the bar was redrawn with the same count and a rate over
        /// the time of the redraw, so it fell while the count stood still. Now no redraw until the count moves, and
        /// the rate is over the time the count was reached.
        /// </summary>
        [Fact]
        public void ARateDoesNotFallWhileTheCountStandsStill()
        {
            var now = TimeSpan.FromSeconds(1);
            var progress = new SendProgress(() => now);
            Assert.Equal("1,000 done, 0 with errors, 1,000/s", progress.Next(1000, 0)!.Status);
            now = TimeSpan.FromSeconds(2);
            Assert.Null(progress.Next(1000, 0));
            now = TimeSpan.FromSeconds(3);
            Assert.Equal("2,000 done, 0 with errors, 667/s", progress.Next(2000, 0)!.Status);
        }

        /// <summary>Before: the bar's last word was a throttled count ("1,800 done") and then "Done"; now the whole count.</summary>
        [Fact]
        public void TheLastRedrawShowsTheWholeCountEvenWithinTheInterval()
        {
            var now = TimeSpan.FromSeconds(1);
            var progress = new SendProgress(() => now, total: 2000);
            progress.Next(1800, 0);
            now = TimeSpan.FromSeconds(1.1);
            Assert.Null(progress.Next(2000, 1));
            var last = progress.Last(2000, 1)!;
            Assert.Equal("2,000 of 2,000 done, 1 with errors, 1,818/s", last.Status);
            Assert.Equal(100, last.PercentComplete);
            Assert.Null(progress.Last(2000, 1));
        }
    }
}
