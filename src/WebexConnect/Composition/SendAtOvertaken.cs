using System;
using System.Globalization;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A -SendAt that the run itself overtakes: a 100,000-row job started at 05:55 with -SendAt 06:00 reads most of its
    /// rows after 06:00. Those rows are sent at once, without sendAt, and the run says how many at its end.
    /// </summary>
    /// <remarks>
    /// Before, they went out with a sendAt in the past and came back Scheduled, as if the service would hold them: the
    /// vendor documents no meaning for a past sendAt (its own example error is "Invalid parameter - sendAt"), and the
    /// result said something that was not so. Sent now, their Status is Queued, which is what happened. A -SendAt that was
    /// already past when the run began is not this: that is a wrong date, and the checks refuse it as before.
    /// The rows the time overtakes are the last ones read, so "from row N on" names all of them.
    /// </remarks>
    internal sealed class SendAtOvertaken
    {
        private readonly Func<DateTimeOffset> _now;
        // When the run read its first row: a time already past then is a wrong date (the checks refuse it), not overtaken.
        private DateTimeOffset? _start;

        /// <param name="now">The current time (default: the system's).</param>
        public SendAtOvertaken(Func<DateTimeOffset>? now = null) => _now = now ?? (() => DateTimeOffset.UtcNow);

        /// <summary>The first row read after -SendAt had passed; 0 while none was.</summary>
        public long FirstRow { get; private set; }

        /// <summary>How many rows were read after -SendAt had passed.</summary>
        public long Rows { get; private set; }

        /// <summary>
        /// True when row <paramref name="row"/> must go without <paramref name="sendAt"/> (-SendAt, or the row's own SendAt
        /// cell): the time was ahead when the run read its first row and has passed now. Counts the row.
        /// </summary>
        public bool HasPassed(DateTimeOffset? sendAt, long row)
        {
            // Asked once at the first row, with a time or not: a SendAt column's first time may come thousands of rows later.
            _start ??= _now();
            if (sendAt is not DateTimeOffset at || at <= _start.Value) return false;
            if (at > _now()) return false;
            if (FirstRow == 0) FirstRow = row;
            Rows++;
            return true;
        }

        /// <summary>
        /// The warning the run ends with, or null when no row was read after its time. <paramref name="sendAt"/>: -SendAt as the
        /// command line gave it; null when the rows' times came from their SendAt cells.
        /// </summary>
        public string? Warning(DateTimeOffset? sendAt)
        {
            if (Rows == 0) return null;
            var rows = Rows.ToString("N0", CultureInfo.InvariantCulture);
            if (sendAt is not DateTimeOffset at)
                return (Rows == 1 ? "The SendAt time of row " + FirstRow.ToString("N0", CultureInfo.InvariantCulture) + " passed while the run was still reading rows: " +
                        "it was not scheduled; if it was sent, it went"
                        : "The SendAt times of " + rows + " rows (the first, row " + FirstRow.ToString("N0", CultureInfo.InvariantCulture) + ") passed while the run was " +
                          "still reading rows: they were not scheduled; those sent went") +
                    " at once, without a time, as a time in the past schedules nothing (their Status is Queued, not Scheduled). " +
                    "To schedule every row, give times the run can reach first.";
            // Rows read, not rows sent: an Invalid row, or one the journal skips, is among them and was not sent at all.
            return "-SendAt " + CommonRules.FormatWithLocal(at, TimeZoneInfo.Local) + " passed while the run was still reading rows: " +
                (Rows == 1 ? "row " + FirstRow.ToString("N0", CultureInfo.InvariantCulture) + ", read after it, was not scheduled; if it was sent, it went"
                    : "the " + rows + " rows read after it (from row " + FirstRow.ToString("N0", CultureInfo.InvariantCulture) + " on) were not scheduled; those sent went") +
                " at once, without a time, as a time in the past schedules nothing (their Status is Queued, not Scheduled). " +
                "To schedule every row, give a -SendAt the run can reach first.";
        }
    }
}
