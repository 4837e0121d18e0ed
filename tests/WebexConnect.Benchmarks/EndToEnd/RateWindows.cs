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
        /// Destinations per second between the first and the last arrival: every destination but the last
        /// request's, over the time between them. A run of N one-second windows of TPS each scores exactly TPS,
        /// where "all destinations over the span" would score TPS × (N+1)/N.
        /// </summary>
        public double SteadyRate { get; }

        public TimeSpan Span { get; }

        /// <summary>From the sandbox's record: accepted requests at the instant its TPS window counted them.</summary>
        public static RateWindows FromServer(IEnumerable<SandboxRequest> requests) =>
            From(requests.Where(r => r.StatusCode >= 200 && r.StatusCode < 300).Select(r => (r.ReceivedAt, r.DestinationCount)));

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
            var steady = span > TimeSpan.Zero ? (total - sorted[sorted.Length - 1].Destinations) / span.TotalSeconds : 0;
            return new RateWindows(total, sorted.Length, max, steady, span);
        }
    }
}
