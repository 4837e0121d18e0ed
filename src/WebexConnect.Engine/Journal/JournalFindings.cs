using System;
using System.Collections.Generic;
using System.Globalization;
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
    /// SentOnEarlierDays: the one it ends with when it skipped rows sent on an earlier day (a journal reused day after day).
    /// </summary>
    internal static class JournalFindings
    {
        public static string Describe(string path, IEnumerable<JournalEntry> earlier, bool resendUnknown) =>
            Describe(path, JournalTally.Of(earlier), resendUnknown);

        public static string Describe(string path, JournalTally earlier, bool resendUnknown)
        {
            long sent = earlier.Sent, unfinished = earlier.Unfinished, notSent = earlier.NotSent;
            var total = earlier.Total;
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
        public static long SentIn(IEnumerable<JournalEntry> earlier) => earlier.LongCount(e => JournalTally.WasSent(e.State));

        /// <summary>
        /// The warning for a run none of whose <paramref name="rows"/> an earlier run recorded, although earlier runs sent
        /// <paramref name="sentEarlier"/> rows; null otherwise. Before, a re-run of a CSV exported again with a column that
        /// changes on every export (an 'Exported' timestamp) sent every row a second time without a word: the journal
        /// worked as documented, and nothing said that not one row was the same as before.
        /// </summary>
        /// <remarks>
        /// Not for a run of one row: one row the journal does not hold is what every call but the first of a script's loop
        /// of one-row calls (foreach ($r in Import-Csv c.csv) { Send-ConnectSms -To $r.Phone ... -Journal j }) sends, and
        /// before, each of those calls ended with this warning, 999 of them for a 1,000-row CSV, about rows that were new.
        /// </remarks>
        /// <param name="whatIf">-WhatIf: the rows would be sent, not were.</param>
        /// <param name="everyColumn">A row's every column counted (a template's message): a column the text does not name can be
        /// why only then (<see cref="JournalVerdicts.EveryColumnCounted"/>).</param>
        public static string? NoneMatched(string path, long sentEarlier, long rows, long found, bool whatIf, bool everyColumn = false)
        {
            if (sentEarlier == 0 || rows < 2 || found > 0) return null;
            var all = rows == 2 ? "both rows" : "all " + Counted.Of(rows, "row");
            return $"The journal '{path}' records {Counted.Of(sentEarlier, "row")} sent by earlier runs, and not one row of this run is " +
                   $"among them: {(whatIf ? "a run would send " + all : all + " went out")} as new. If this run repeats an earlier one, " +
                   (everyColumn
                       ? "its rows differ from that run's: a column whose value changes with each export (a timestamp), or another template, " +
                         "sender or option? Give -SubstitutionColumn with the columns the template uses, and the others no longer count. "
                       : "its rows differ from that run's: a column the text names as $(name) whose value changes with each export (a balance), " +
                         "or another text, sender or option? Columns the text does not name do not count. ") +
                   (whatIf ? "" : "Run the command with -WhatIf to see which rows the journal skips. ") +
                   "If these rows are all new, nothing is wrong.";
        }

        /// <summary>
        /// The warning for a run that skipped rows because the journal records them sent <see cref="SkippedFromEarlierDays.Age"/>
        /// or more before it began; null when it skipped none so. A run that finishes one cut short skips rows sent minutes or
        /// hours before; a daily task given the same journal every day skips, from its second day on, every row that repeats.
        /// </summary>
        /// <param name="whatIf">-WhatIf: the rows would be skipped, not were.</param>
        /// <param name="today">The run's local date, for the example name (now when not given).</param>
        public static string? SentOnEarlierDays(string path, SkippedFromEarlierDays skipped, bool whatIf, DateTime? today = null)
        {
            if (skipped.Count == 0) return null;
            var when = skipped.Latest.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
            var dated = System.IO.Path.GetFileNameWithoutExtension(path) + "-" +
                        (today ?? DateTime.Now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + System.IO.Path.GetExtension(path);
            var hours = SkippedFromEarlierDays.Age.TotalHours.ToString(CultureInfo.InvariantCulture);
            return $"{Counted.Of(skipped.Count, "row")} {(whatIf ? "would be " : "")}Skipped as already sent: the journal '{path}' records " +
                   $"{(skipped.Count == 1 ? "it" : "them")} sent {hours} hours or more before this run began (the latest on {when}). " +
                   "A journal remembers every row it records, for good: a task that sends the same rows again on another day (a daily " +
                   "or weekly reminder with the same text) skips them all as sent if it gives the same -Journal every day. Give each " +
                   $"day's run a journal of its own, with the date in its name ('{dated}' today). If this run finishes an earlier " +
                   "one that was cut short, nothing is wrong.";
        }

        /// <summary>
        /// The -Verbose sentence for a journal some of whose lines recorded a send without its destination (a version before
        /// destinations were recorded wrote them): a row those runs sent whose content changed since cannot be told from a new
        /// one, and is sent. Null when every line names its destinations.
        /// </summary>
        public static string? WithoutDestinations(string path, JournalDestinations destinations) =>
            destinations.LinesWithout == 0 ? null :
            $"{Counted.Of(destinations.LinesWithout, "line")} of it, written by an earlier version of WebexConnect, do not record to whom " +
            "they sent: a row those runs sent whose text or another value changed since is sent again without a warning (for rows " +
            "recorded by this version, the run warns, and -SkipChanged holds them back).";

    }
}
