using System;
using System.Linq;
using WebexConnect.Benchmarks.EndToEnd;
using Xunit;

namespace WebexConnect.Tests.Benchmarks
{
    /// <summary>The arithmetic the benchmark judges TPS by: if it were wrong, the rate targets would mean nothing.</summary>
    public sealed class RateWindowsTests
    {
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        private static (DateTimeOffset, int) At(double seconds, int destinations) => (T0.AddSeconds(seconds), destinations);

        [Fact]
        public void A_burst_straddling_a_clock_second_is_found_whatever_the_alignment()
        {
            // 300 at 0.6 s and 300 at 1.4 s: no whole clock second holds more than 300, but one window holds 600.
            var windows = RateWindows.From(new[] { At(0, 100), At(0.6, 300), At(1.4, 300), At(2.5, 100) });

            Assert.Equal(600, windows.MaxInOneSecond);
            Assert.Equal(800, windows.Destinations);
            Assert.Equal(4, windows.Requests);
        }

        [Fact]
        public void Windows_are_half_open_so_arrivals_exactly_one_second_apart_do_not_share_one()
        {
            var windows = RateWindows.From(new[] { At(0, 500), At(1, 500), At(2, 500) });

            Assert.Equal(500, windows.MaxInOneSecond);
        }

        [Fact]
        public void Bursting_once_a_second_scores_the_rate_not_the_burst_count_over_the_span()
        {
            // Eleven bursts of 500, one per second: 5,500 destinations over a 10 s span is 500/s, not 550/s.
            var windows = RateWindows.From(Enumerable.Range(0, 11).Select(i => At(i, 500)));

            Assert.Equal(500, windows.SteadyRate, precision: 6);
            Assert.Equal(TimeSpan.FromSeconds(10), windows.Span);
        }

        [Fact]
        public void Pairs_of_requests_a_second_and_a_bit_apart_score_below_the_limit()
        {
            // Two requests of 1000 every 1.02 s: the windows that fall in the 20 ms gaps are short of 2000.
            var arrivals = Enumerable.Range(0, 11).SelectMany(i => new[] { At(i * 1.02, 1000), At(i * 1.02 + 0.001, 1000) });

            var windows = RateWindows.From(arrivals);

            Assert.InRange(windows.SteadyRate, 1955, 1965);
            Assert.Equal(2000, windows.MaxInOneSecond);
        }

        [Fact]
        public void Smooth_sending_scores_its_rate()
        {
            var windows = RateWindows.From(Enumerable.Range(0, 55).Select(i => At(i * 0.2, 100)));

            Assert.Equal(500, windows.SteadyRate, precision: 6);
        }

        [Fact]
        public void Refused_requests_count_as_sent_but_not_as_achieved()
        {
            var requests = new[]
            {
                Request(1, 0.0, 500, 201),
                Request(2, 0.3, 500, 429), // the client offered more than the limit
                Request(3, 0.4, 200, 400), // never reached the rate check
                Request(4, 1.0, 500, 201),
            };

            Assert.Equal(1000, RateWindows.OfferedToServer(requests).MaxInOneSecond);
            Assert.Equal(500, RateWindows.FromServer(requests).MaxInOneSecond);
            Assert.Equal(1000, RateWindows.FromServer(requests).Destinations);
        }

        private static Results.SandboxRequest Request(long number, double seconds, int destinations, int status) =>
            new Results.SandboxRequest(number, T0.AddSeconds(seconds), "sms", destinations, status, null, null, Array.Empty<byte>(), null, "POST");

        [Fact]
        public void A_run_shorter_than_a_second_has_no_steady_rate_and_nothing_is_zero()
        {
            Assert.Equal(0, RateWindows.From(new[] { At(0, 10), At(0.5, 10) }).SteadyRate);
            var none = RateWindows.From(Array.Empty<(DateTimeOffset, int)>());
            Assert.Equal(0, none.MaxInOneSecond);
            Assert.Equal(0, none.Destinations);
        }
    }
}
