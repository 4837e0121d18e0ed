using System.Collections.Generic;
using WebexConnect.Composition;

namespace WebexConnect.Engine.Journal
{
    /// <summary>
    /// The line -Verbose opens a journaled run with: which file it read (its full path) and what earlier runs left in
    /// it. Before, a run said nothing of the journal as a whole: a re-run the morning after, given a relative path
    /// that a scheduled task had resolved in another folder, made a new journal and sent every row again without a
    /// word, and a re-run that did find last night's journal only said so row by row.
    /// </summary>
    internal static class JournalFindings
    {
        public static string Describe(string path, IEnumerable<JournalEntry> earlier, bool resendUnknown)
        {
            long sent = 0, unfinished = 0, notSent = 0;
            foreach (var entry in earlier)
            {
                switch (entry.State)
                {
                    case JournalState.Queued:
                    case JournalState.Scheduled:
                        sent++;
                        break;
                    case JournalState.Intent:
                    case JournalState.Unknown:
                        unfinished++;
                        break;
                    default:
                        notSent++;
                        break;
                }
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
    }
}
