using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Results;

namespace WebexConnect.Benchmarks.EndToEnd
{
    /// <summary>
    /// Rate figures from arrival times: the largest number of destinations in any one-second window (half-open,
    /// starting at any arrival, so no alignment can hide a burst), and the steady rate.
    /// </summary>
    internal sealed class RateWindows
    {
        private RateWindows(long destinations, int requests, int maxInOneSecond, double steadyRate, TimeSpan span)
        {
            Destinations = destinations;
            Requests = requests;
            MaxInOneSecond = maxInOneSecond;
            SteadyRate = steadyRate;
            Span = span;
        }

        public long Destinations { get; }
        public int Requests { get; }
        public int MaxInOneSecond { get; }

        /// <summary>
        /// The mean number of destinations over every one-second window that lies inside the run (from the first
        /// arrival to one second before the last). Neither the first second's burst nor the last request can
        /// inflate it, whether the sender bursts once a second or sends smoothly; zero for a run under a second.
        /// </summary>
        public double SteadyRate { get; }

        public TimeSpan Span { get; }

        /// <summary>From the sandbox's record: accepted requests at the instant its TPS window counted them.</summary>
        public static RateWindows FromServer(IEnumerable<SandboxRequest> requests) =>
            From(requests.Where(IsAccepted).Select(r => (r.ReceivedAt, r.DestinationCount)));

        /// <summary>
        /// What the client offered: accepted requests and those refused for rate (429). The sandbox never accepts
        /// more than its TPS in a window, so only the offered load can show a client sending too fast.
        /// </summary>
        public static RateWindows OfferedToServer(IEnumerable<SandboxRequest> requests) =>
            From(requests.Where(r => IsAccepted(r) || r.StatusCode == 429).Select(r => (r.ReceivedAt, r.DestinationCount)));

        private static bool IsAccepted(SandboxRequest request) => request.StatusCode >= 200 && request.StatusCode < 300;

        /// <summary>From the client's results: the service's timestamp of each batch (coarser; for a real endpoint).</summary>
        public static RateWindows FromBatches(IEnumerable<BatchSeen> batches) =>
            From(batches.Where(b => b.SubmittedAt.HasValue).Select(b => (b.SubmittedAt!.Value, b.Destinations)));

        public static RateWindows From(IEnumerable<(DateTimeOffset At, int Destinations)> arrivals)
        {
            var sorted = arrivals.OrderBy(a => a.At).ToArray();
            if (sorted.Length == 0) return new RateWindows(0, 0, 0, 0, TimeSpan.Zero);

            long total = 0;
            var max = 0;
            var inWindow = 0;
            var end = 0;
            for (var start = 0; start < sorted.Length; start++)
            {
                total += sorted[start].Destinations;
                var limit = sorted[start].At + TimeSpan.FromSeconds(1);
                while (end < sorted.Length && sorted[end].At < limit) inWindow += sorted[end++].Destinations;
                max = Math.Max(max, inWindow);
                inWindow -= sorted[start].Destinations;
            }

            var span = sorted[sorted.Length - 1].At - sorted[0].At;
            return new RateWindows(total, sorted.Length, max, MeanWindow(sorted, span), span);
        }

        // The integral over window starts t in [first, last - 1 s] of the destinations in [t, t + 1 s), divided by
        // the length of that range: an arrival at a counts for the window starts in [a - 1 s, a] within the range.
        private static double MeanWindow((DateTimeOffset At, int Destinations)[] sorted, TimeSpan span)
        {
            var length = span.TotalSeconds - 1;
            if (length <= 0) return 0;
            var first = sorted[0].At;
            double sum = 0;
            foreach (var (at, destinations) in sorted)
            {
                var a = (at - first).TotalSeconds;
                var covered = Math.Min(a, length) - Math.Max(a - 1, 0);
                if (covered > 0) sum += destinations * covered;
            }
            return sum / length;
        }
    }
}
