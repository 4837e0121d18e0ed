using System;

namespace WebexConnect.Engine.Journal
{
    /// <summary>
    /// Counts the rows a run skips because the journal records them sent well before the run began, for the warning
    /// <see cref="JournalFindings.SentOnEarlierDays"/>. A journal remembers every row for good: a daily task given the same
    /// -Journal path every day skipped the next day's reminders ("Your weekly pickup is tomorrow", the same text to the same
    /// people) as already sent, with exit code 0 and nothing in its log but Skipped rows, and the reminders stopped for good.
    /// </summary>
    /// <remarks>
    /// Twelve hours tells a re-run of a cut-short run (the same night or the morning after) from the next day's run of a
    /// daily task (about 24 hours later, 23 on the day the clocks change). Not thread-safe: the pipeline thread asks.
    /// </remarks>
    internal sealed class SkippedFromEarlierDays
    {
        /// <summary>How long before the run a send must have been recorded to count.</summary>
        public static readonly TimeSpan Age = TimeSpan.FromHours(12);

        private readonly DateTimeOffset _before;

        /// <param name="runStartedAt">When this run began (its journal was opened).</param>
        public SkippedFromEarlierDays(DateTimeOffset runStartedAt) => _before = runStartedAt - Age;

        /// <summary>The run's rows skipped for a send recorded <see cref="Age"/> or more before the run.</summary>
        public long Count { get; private set; }

        /// <summary>The most recent of those sends.</summary>
        public DateTimeOffset Latest { get; private set; }

        /// <summary>Counts a skipped row if the send the journal recorded for it is that old.</summary>
        public void Note(DateTimeOffset sentAt)
        {
            if (sentAt > _before) return;
            if (Count == 0 || sentAt > Latest) Latest = sentAt;
            Count++;
        }
    }
}
