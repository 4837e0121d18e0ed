using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using WebexConnect.Engine.Dispatch;
using WebexConnect.Engine.Transport;
using WebexConnect.Results;

namespace WebexConnect.Engine.Diagnostics
{
    /// <summary>The dispatcher's lines for -Verbose and -Debug, worded here so Dispatcher.cs stays about dispatching.</summary>
    internal static class RunDiagnostics
    {
        public static string Started(int maxBatch, int maxConcurrent) =>
            "Send run started: batches of up to " + Number(maxBatch) + " destinations, at most " +
            Number(maxConcurrent) + " requests at once.";

        /// <summary>"Batch 3: 30 destinations handed to the transport (the input paused: no row for 50 ms); 2 requests in flight."</summary>
        public static string Handed(long batch, int destinations, int inFlight, BatchReason why, TimeSpan linger) =>
            "Batch " + Number(batch) + ": " + Plural(destinations, "destination") + " handed to the transport (" + Why(why, linger) + "); " +
            Plural(inFlight, "request") + " in flight.";

        /// <summary>Why a batch went when it did, in the words of -Debug's line.</summary>
        internal static string Why(BatchReason why, TimeSpan linger) => why switch
        {
            BatchReason.Full => "full",
            BatchReason.HeldRows => "the open batches held the most rows they may",
            BatchReason.InputPaused => "the input paused: no row for " + Duration(linger),
            BatchReason.ResultsWaiting => "later results waited for its rows",
            _ => "the input ended",
        };

        /// <summary>
        /// The TPS budget as an admin knows it, and where it came from: "50 destinations a second (-Tps 50)".
        /// </summary>
        /// <param name="gate">The session's gate.</param>
        /// <param name="runStartedAt">When the run started (<see cref="MonotonicTicks"/>): another process that used a shared budget since is named.</param>
        public static string Budget(IRateGate gate, long runStartedAt)
        {
            if (gate is not RateGate rateGate) return Plural(gate.Tps, "destination") + " a second";
            var rate = Plural(rateGate.SettledTps, "destination") + " a second";
            var source = rateGate.Source switch
            {
                RateSource.Given => "-Tps " + Number(rateGate.UserLimit ?? rateGate.Tps),
                RateSource.CautiousStart => "the cautious start while the tenant's limit is unknown: give it with Connect-WebexConnect -Tps",
                RateSource.Announced => "announced by the service: x-rate-limit-limit",
                RateSource.RefusedForRate => "lowered after the service refused requests for the rate: " + (rateGate.AdaptedBecause ?? "429"),
                _ => "found after the service refused requests with too many destinations: 7009",
            };
            var shared = rateGate.Shared && rateGate.OthersSeenAt >= runStartedAt ? "; shared with other processes, which used part of it" : "";
            return rate + " (" + source + shared + ")";
        }

        /// <summary>"Batch 3 done in 1.2 s: 98 Queued, 2 Rejected."</summary>
        public static string Finished(long batch, IReadOnlyList<SendResult> results, TimeSpan took)
        {
            var text = new StringBuilder("Batch ").Append(Number(batch)).Append(" done in ").Append(Duration(took)).Append(": ");
            var counts = results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => Number(g.Count()) + " " + g.Key);
            return text.Append(string.Join(", ", counts)).Append('.').ToString();
        }

        internal static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

        internal static string Plural(long n, string noun) => Number(n) + " " + noun + (n == 1 ? "" : "s");

        /// <summary>"84 ms" below a second, "2.5 s" above.</summary>
        internal static string Duration(TimeSpan span) =>
            span < TimeSpan.FromSeconds(1)
                ? Math.Round(span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms"
                : span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";

        /// <summary>The warning of a run whose rate gate lowered itself: names the rate and the parameter that avoids it.</summary>
        /// <param name="tps">The TPS the session settled on.</param>
        /// <param name="because">The refusal's code: "7009" (too many destinations at once), else the rate's.</param>
        /// <param name="userLimit">The -Tps the user gave (only a 7009 lowers it), or null.</param>
        public static string RateAdapted(int tps, string? because, int? userLimit = null) =>
            "The service refused requests " + (because == "7009" ? "with too many destinations (7009)" : "for going over its rate limit (" + (because ?? "429") + ")") +
            (userLimit is int given ? ": -Tps " + Number(given) + " is more than this tenant takes" : "") +
            ", so this session now sends at most " + Plural(tps, "destination") + " per second and resent what was refused. " +
            (userLimit is null ? "If you know your tenant's limit, give it" : "Give your tenant's limit") +
            ": Connect-WebexConnect -Tps " + Number(tps) + " (or your tenant's TPS).";
    }
}
