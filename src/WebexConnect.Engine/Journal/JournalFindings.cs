using System.Collections.Generic;
using System.Linq;
using WebexConnect.Composition;

namespace WebexConnect.Engine.Journal
{
    /// <summary>
    /// What a journaled run (or its -WhatIf) says of the journal as a whole. Describe: the line -Verbose opens with, which
    /// file it read (its full path) and what earlier runs left in it. Before, a run said nothing of the journal as a whole:
    /// a re-run the morning after, given a relative path that a scheduled task had resolved in another folder, made a new
    /// journal and sent every row again without a word, and a re-run that did find last night's journal only said so row
    /// by row. NoneMatched: the warning a run ends with when earlier runs sent rows and not one of its own was among them.
    /// </summary>
    internal static class JournalFindings
    {
        public static string Describe(string path, IEnumerable<JournalEntry> earlier, bool resendUnknown)
        {
            long sent = 0, unfinished = 0, notSent = 0;
            foreach (var entry in earlier)
            {
                if (WasSent(entry.State)) sent++;
                else if (entry.State == JournalState.Intent || entry.State == JournalState.Unknown) unfinished++;
                else notSent++;
            }

            var total = sent + unfinished + notSent;
            if (total == 0) return $"Journal '{path}': no earlier run recorded a send in it, so no row is skipped as sent.";
            var parts = new List<string>(3);
            if (sent > 0) parts.Add($"{sent} sent or scheduled (Skipped if they come again)");
            if (unfinished > 0)
                parts.Add($"{unfinished} in flight or of unknown outcome (" +
                          (resendUnknown ? "sent again: -ResendUnknown)" : "Unknown, not sent again without -ResendUnknown)"));
            if (notSent > 0) parts.Add($"{notSent} failed or rejected (sent again)");
            return $"Journal '{path}': earlier runs recorded {Counted.Of(total, "row")}: {string.Join(", ", parts)}.";
        }

        /// <summary>How many rows earlier runs had the service accept (queued or scheduled): those a re-run skips.</summary>
        public static long SentIn(IEnumerable<JournalEntry> earlier) => earlier.LongCount(e => WasSent(e.State));

        /// <summary>
        /// The warning for a run none of whose <paramref name="rows"/> an earlier run recorded, although earlier runs sent
        /// <paramref name="sentEarlier"/> rows; null otherwise. Before, a re-run of a CSV exported again with a column that
        /// changes on every export (an 'Exported' timestamp) sent every row a second time without a word: the journal
        /// worked as documented, and nothing said that not one row was the same as before.
        /// </summary>
        /// <param name="whatIf">-WhatIf: the rows would be sent, not were.</param>
        public static string? NoneMatched(string path, long sentEarlier, long rows, long found, bool whatIf)
        {
            if (sentEarlier == 0 || rows == 0 || found > 0) return null;
            var all = rows == 1 ? "it" : rows == 2 ? "both rows" : "all " + Counted.Of(rows, "row");
            return $"The journal '{path}' records {Counted.Of(sentEarlier, "row")} sent by earlier runs, and not one row of this run is " +
                   $"among them: {(whatIf ? "a run would send " + all : all + " went out")} as new. If this run repeats an earlier one, " +
                   "its rows differ from that run's: a column whose value changes with each export (a timestamp), or another text, " +
                   "sender or option? Give -SubstitutionColumn with the columns the text uses, and the others no longer count. " +
                   (whatIf ? "" : "Run the command with -WhatIf to see which rows the journal skips. ") +
                   "If these rows are all new, nothing is wrong.";
        }

        private static bool WasSent(JournalState state) => state == JournalState.Queued || state == JournalState.Scheduled;
    }
}
