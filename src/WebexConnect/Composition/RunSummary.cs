using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using WebexConnect.Results;

namespace WebexConnect.Composition
{
    /// <summary>What a send run says when it ends, and when it had nothing to do.</summary>
    internal static class RunSummary
    {
        /// <summary>
        /// The one line a run ends with: "Send SMS: 1,000 rows in 12.3 s: 998 Queued, 2 Invalid." Statuses in
        /// their declared order, only those that occurred, so a scheduled task's transcript answers "what happened?".
        /// A run that a failure stopped (a refused key) ends it with that failure's ErrorId, <paramref name="stoppedBy"/>:
        /// the error alone does not say how many rows went before the stop and what became of the others.
        /// </summary>
        public static string Format(string action, long rows, IReadOnlyDictionary<SendStatus, long> byStatus, TimeSpan elapsed,
            string? stoppedBy = null)
        {
            var counts = Enum.GetValues(typeof(SendStatus)).Cast<SendStatus>()
                .Where(s => byStatus.TryGetValue(s, out var n) && n > 0)
                .Select(s => byStatus[s].ToString("N0", CultureInfo.InvariantCulture) + " " + s)
                .ToArray();
            return string.Format(CultureInfo.InvariantCulture, "{0}: {1:N0} {2} in {3:0.0} s: {4}{5}.", action, rows,
                rows == 1 ? "row" : "rows", elapsed.TotalSeconds, counts.Length == 0 ? "nothing sent" : string.Join(", ", counts),
                stoppedBy is null ? "" : "; then the run stopped (" + stoppedBy + ")");
        }

        /// <summary>
        /// The line a -WhatIf run ends with: what a run would do with the rows, since nothing was sent. Format's line said
        /// "0 rows ... nothing sent" for 3,000 rows the journal would skip, as if none had been read.
        /// </summary>
        /// <param name="action">"Send SMS".</param>
        /// <param name="wouldSend">The rows a run would send.</param>
        /// <param name="wouldReport">What a run would report for the others: Invalid rows, and the journal's Skipped and Unknown.</param>
        /// <param name="elapsed">How long the run took.</param>
        public static string WhatIf(string action, long wouldSend, IReadOnlyDictionary<SendStatus, long> wouldReport, TimeSpan elapsed)
        {
            var rows = wouldSend + wouldReport.Values.Sum();
            var parts = new List<string> { "send " + wouldSend.ToString("N0", CultureInfo.InvariantCulture) };
            foreach (SendStatus status in Enum.GetValues(typeof(SendStatus)))
            {
                if (!wouldReport.TryGetValue(status, out var n) || n == 0) continue;
                var count = n.ToString("N0", CultureInfo.InvariantCulture);
                parts.Add(status switch
                {
                    SendStatus.Skipped => "skip " + count + " as already sent (the journal says so)",
                    SendStatus.Unknown => "not resend " + count + " whose outcome in an earlier run is unknown (the journal says so)",
                    _ => "report " + count + " " + status,
                });
            }
            return string.Format(CultureInfo.InvariantCulture, "{0}: {1:N0} {2} in {3:0.0} s with -WhatIf: nothing sent; a run would {4}.", action, rows,
                rows == 1 ? "row" : "rows", elapsed.TotalSeconds, string.Join(", ", parts));
        }

        /// <summary>The warning for a run that received no rows at all (an empty CSV file, a filter that matched nothing).</summary>
        public static string NoRows(string commandName) =>
            $"No rows were piped to {commandName}, so nothing was sent. Check that the input has rows " +
            "(an Import-Csv file with data under its header line, or a filter that matches something).";
    }
}
