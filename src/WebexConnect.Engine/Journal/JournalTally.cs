using System.Collections.Generic;

namespace WebexConnect.Engine.Journal
{
    /// <summary>
    /// How many keys of a journal stand at each kind of last event (sent, unfinished, not sent): what JournalFindings says of
    /// the journal as a whole. Kept up to date line by line as the journal is read, so that a run that reads on from the
    /// last run here (<see cref="JournalsReadHere"/>) does not count every key again: in a foreach loop of one-row calls with
    /// one -Journal, counting them was the part of each call that still grew with the journal (some 5 ms at 50,000 rows).
    /// </summary>
    internal sealed class JournalTally
    {
        /// <summary>Keys whose last event is queued or scheduled: the rows a re-run skips.</summary>
        public long Sent { get; private set; }

        /// <summary>Keys whose last event is an intent or unknown: in flight when their run ended.</summary>
        public long Unfinished { get; private set; }

        /// <summary>Keys whose last event is failed or rejected: sent again.</summary>
        public long NotSent { get; private set; }

        public long Total => Sent + Unfinished + NotSent;

        /// <summary>The tally of entries given all at once (a -WhatIf snapshot).</summary>
        public static JournalTally Of(IEnumerable<JournalEntry> entries)
        {
            var tally = new JournalTally();
            foreach (var entry in entries) tally.Count(entry.State, 1);
            return tally;
        }

        /// <summary>A key's last event became <paramref name="now"/>; <paramref name="before"/> is the one it had, if any.</summary>
        public void Change(JournalEntry? before, JournalEntry now)
        {
            if (before is JournalEntry earlier) Count(earlier.State, -1);
            Count(now.State, 1);
        }

        /// <summary>Whether an event of this state means the service accepted the row.</summary>
        public static bool WasSent(JournalState state) => state == JournalState.Queued || state == JournalState.Scheduled;

        private void Count(JournalState state, int by)
        {
            if (WasSent(state)) Sent += by;
            else if (state == JournalState.Intent || state == JournalState.Unknown) Unfinished += by;
            else NotSent += by;
        }
    }
}
