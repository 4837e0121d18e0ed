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
        /// The warning a run ends with when rows were not sent, or null when every row was (or was Skipped, already sent):
        /// "Send SMS: 20,000 rows in 85.2 s: 0 sent, 20,000 Failed (SendFailed (ConnectionFailed) for all 20,000: row 1's error says why).
        /// Failed rows were not sent: once the service answers, run the same command with the journal '...' again: ...".
        /// Before, a scheduled task's log ended with the last row's error, and the cause (the circuit opening) was somewhere
        /// in the middle of 120,000 lines; the verbose line (<see cref="Format"/>) said the counts only under -Verbose.
        /// </summary>
        /// <param name="action">"Send SMS".</param>
        /// <param name="rows">The rows with a result.</param>
        /// <param name="byStatus">How many results of each status.</param>
        /// <param name="failures">The unsuccessful results by Code.</param>
        /// <param name="elapsed">How long the run took.</param>
        /// <param name="journalPath">The -Journal file, or null.</param>
        public static string? Failures(string action, long rows, IReadOnlyDictionary<SendStatus, long> byStatus, RunFailures failures, TimeSpan elapsed,
            string? journalPath)
        {
            if (failures.Commonest is not { } commonest) return null;
            long Of(SendStatus status) => byStatus.TryGetValue(status, out var n) ? n : 0;
            var counts = new List<string> { N(Of(SendStatus.Queued) + Of(SendStatus.Scheduled)) + " sent" };
            long unsuccessful = 0;
            foreach (SendStatus status in Enum.GetValues(typeof(SendStatus)))
            {
                if (status is SendStatus.Queued or SendStatus.Scheduled || Of(status) == 0) continue;
                counts.Add(N(Of(status)) + " " + status);
                if (status != SendStatus.Skipped) unsuccessful += Of(status);
            }
            // Its ErrorId, which scripts match on, and the Code the result holds when that says more ("SendFailed (ConnectionFailed)").
            var errorId = SendErrors.Classify(commonest.Status, commonest.Code).Id;
            var named = errorId == commonest.Code || commonest.Code.Length == 0 ? errorId : errorId + " (" + commonest.Code + ")";
            var firstRow = commonest.FirstRow.ToString(CultureInfo.InvariantCulture);
            // Invalid rows share one Code whatever their problem (a missing +, an empty cell, a letter in the number):
            // pointing at the first one's error alone told an admin with six different problems to mend one.
            // Invalid rows that all have one reason (a $(Nmae) in the text, a -From every row shares) are told it once, here.
            var why = commonest.Status == SendStatus.Invalid && commonest.Count > 1
                ? commonest.SharedReason is string shared ? ", all for one reason: " + shared.TrimEnd('.') + ")" : ", from row " + firstRow + ": each row's error says what is wrong)"
                : ": row " + firstRow + "'s error says why)";
            var cause = " (" + named + (unsuccessful == 1 ? "" : commonest.Count == unsuccessful ? " for all " + N(unsuccessful)
                : " for " + N(commonest.Count) + " of " + N(unsuccessful)) + why;
            var advice = new List<string>(3);
            if (Of(SendStatus.Failed) > 0)
            {
                var whenAnswered = SendErrors.IsServiceNotReached(errorId) ? "once the service answers, " : "";
                advice.Add(journalPath is not null
                    ? "Failed rows were not sent: " + whenAnswered + "run " + StoppedRun.SameCommandWith(journalPath)
                    : "Failed rows were not sent and are safe to send again: " + whenAnswered + "send those rows again (the results' Row says which), " +
                      "or give -Journal, so that running the command again sends only what it did not send.");
            }
            // -ResendUnknown re-sends a journal's Unknown rows; without a journal a re-run sends every row, so it is not named.
            if (Of(SendStatus.Unknown) > 0)
                advice.Add(journalPath is not null
                    ? "Unknown rows may have been sent: check the delivery reports before sending them again (-ResendUnknown)."
                    : "Unknown rows may have been sent: check the delivery reports (Get-ConnectMessage) before sending them again.");
            // With a journal, the way to send them again is the run again, as for Failed rows: before, "then send them again"
            // left a scheduled task's admin to pick the rows out, or to run the whole CSV again without knowing it would skip.
            if (Of(SendStatus.Invalid) + Of(SendStatus.Rejected) > 0)
                advice.Add(journalPath is null ? "Invalid and Rejected rows were not sent: correct what their errors say, then send them again."
                    : Of(SendStatus.Failed) > 0 ? "Invalid and Rejected rows were not sent: correct what their errors say in the input before that run."
                    : "Invalid and Rejected rows were not sent: correct what their errors say in the input, then run " + StoppedRun.SameCommandWith(journalPath));
            return string.Format(CultureInfo.InvariantCulture, "{0}: {1} {2} in {3:0.0} s: {4}{5}. {6}", action, N(rows), rows == 1 ? "row" : "rows",
                elapsed.TotalSeconds, string.Join(", ", counts), cause, string.Join(" ", advice));
        }

        private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

        /// <summary>
        /// The line a -WhatIf run ends with: what a run would do with the rows, since nothing was sent. Format's line said
        /// "0 rows ... nothing sent" for 3,000 rows the journal would skip, as if none had been read.
        /// </summary>
        /// <param name="action">"Send SMS".</param>
        /// <param name="wouldSend">The rows a run would send.</param>
        /// <param name="wouldReport">What a run would report for the others: Invalid rows, and the journal's Skipped and Unknown.</param>
        /// <param name="elapsed">How long the run took.</param>
        /// <param name="wouldHoldBack">Rows -SkipChanged would hold back: Skipped too, but never sent, so not "already sent".</param>
        public static string WhatIf(string action, long wouldSend, IReadOnlyDictionary<SendStatus, long> wouldReport, TimeSpan elapsed,
            long wouldHoldBack = 0)
        {
            var rows = wouldSend + wouldReport.Values.Sum() + wouldHoldBack;
            var parts = new List<string> { "send " + wouldSend.ToString("N0", CultureInfo.InvariantCulture) };
            if (wouldHoldBack > 0)
                parts.Add("hold back " + wouldHoldBack.ToString("N0", CultureInfo.InvariantCulture) +
                          " whose destinations the journal records other content for (-SkipChanged)");
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
