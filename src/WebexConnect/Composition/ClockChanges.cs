using System;
using System.Globalization;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A local time (text without an offset or Z, a [datetime] not in UTC) on a day the clocks change: the one place for the
    /// rule -SendAt, -ExpireAt and their columns are read by (RowTimeArgument). A time the clocks skip ('2027-03-28 02:30' in
    /// Berlin, where they go from 02:00 to 03:00) is refused; one they show twice ('2027-10-31 02:30') is read as .NET reads
    /// it, the second, and noted for the run's one warning (<see cref="TwiceShownWarning"/>).
    /// </summary>
    /// <remarks>
    /// Before, .NET read a skipped time with the offset before the change, and said nothing: 02:30 in Berlin went out at
    /// 01:30Z, 03:30 by the clock, an hour after the time written. A time shown twice is sent, not refused: either reading goes
    /// out when the clock shows the time written, which is what the admin asked for, and refusing would fail a scheduled
    /// task's rows for a time that does come. The warning says which of the two it is and how to pick the other.
    /// </remarks>
    internal static class ClockChanges
    {
        /// <summary>The farthest a search for the ends of a change goes: Samoa skipped a whole day (2011-12-30).</summary>
        private static readonly TimeSpan Farthest = TimeSpan.FromHours(48);

        private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

        /// <summary>True when <paramref name="clock"/> is skipped or shown twice in <paramref name="zone"/>: only then is there more to ask.</summary>
        public static bool Changes(DateTime clock, TimeZoneInfo zone)
        {
            var unspecified = DateTime.SpecifyKind(clock, DateTimeKind.Unspecified);
            return zone.IsInvalidTime(unspecified) || zone.IsAmbiguousTime(unspecified);
        }

        /// <summary>
        /// What a local time that <paramref name="zone"/>'s clocks skip is, said after the time as written ("'2027-03-28 02:30'
        /// is not a time ..."), with the nearest times there are and an offset to give instead; null for a time that exists.
        /// </summary>
        /// <param name="clock">The time as the clock would show it (its kind is ignored).</param>
        /// <param name="zone">The zone it is read in: this computer's, or a test's.</param>
        public static string? Skipped(DateTime clock, TimeZoneInfo zone)
        {
            clock = DateTime.SpecifyKind(clock, DateTimeKind.Unspecified);
            if (!zone.IsInvalidTime(clock)) return null;
            var from = EdgeOf(clock, -1, zone.IsInvalidTime);
            var to = EdgeOf(clock, 1, zone.IsInvalidTime);
            // What .NET made of it before: the same clock time with the offset before the change, an hour (the skip) later by the clock.
            var later = TimeZoneInfo.ConvertTime(new DateTimeOffset(clock, zone.GetUtcOffset(clock)), zone);
            return "is not a time in this computer's time zone (" + zone.Id + "): its clocks go from " + Clock(from) + " to " + Clock(to) +
                " on " + Day(from) + ", so " + Clock(clock) + " never comes. Give a time that exists, " + DayAndClock(from - Minute) + " or " +
                DayAndClock(to) + " (the nearest), or one with its offset: '" + WithOffset(later) + "' is " + Clock(clock) +
                " read with the offset before the change, " + Clock(later.DateTime) + " by the clock";
        }

        /// <summary>
        /// What a [datetime] is in <paramref name="zone"/>, as .NET makes it a time: a UTC one itself, a Local one of this
        /// computer's the one it holds, any other the clock time with the zone's offset (for a time shown twice, its standard
        /// time's: the second in Europe).
        /// </summary>
        public static DateTimeOffset AsRead(DateTime clock, TimeZoneInfo zone)
        {
            if (clock.Kind == DateTimeKind.Utc || (clock.Kind == DateTimeKind.Local && zone == TimeZoneInfo.Local)) return new DateTimeOffset(clock);
            var unspecified = DateTime.SpecifyKind(clock, DateTimeKind.Unspecified);
            return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
        }

        /// <summary>
        /// Notes that <paramref name="written"/>, read as <paramref name="read"/>, is a time <paramref name="zone"/> shows twice
        /// (nothing for one it shows once), for <see cref="TwiceShownWarning"/>: the reading itself goes on as a time.
        /// </summary>
        public static void NoteTwice(string written, DateTimeOffset read, TimeZoneInfo zone)
        {
            var clock = read.DateTime;
            if (!zone.IsAmbiguousTime(clock)) return;
            var offsets = zone.GetAmbiguousTimeOffsets(clock);
            var other = Array.Find(offsets, offset => offset != read.Offset);
            var from = EdgeOf(clock, -1, zone.IsAmbiguousTime);
            var to = EdgeOf(clock, 1, zone.IsAmbiguousTime);
            var readFirst = read.Offset > other;
            (_noted ??= new Noted()).Add(read, new TwiceShown(
                InputEcho.Quote(written) + " comes twice in this computer's time zone (" + zone.Id + "), as its clocks go back from " + Clock(to) +
                " to " + Clock(from) + " on " + Day(from) + ": it is read as the " + (readFirst ? "first" : "second") + ", '" + WithOffset(read) + "' (" +
                CommonRules.Format(read) + "), not the " + (readFirst ? "second" : "first") + ", '" + WithOffset(new DateTimeOffset(clock, other)) + "' (" +
                CommonRules.Format(new DateTimeOffset(clock, other)) + "). To send at the " + (readFirst ? "second" : "first") +
                ", give that time with its offset; other times between " + Clock(from) + " and " + Clock(to) + " that day are read the same way"));
        }

        /// <summary>Forgets a note of <paramref name="read"/>: the same time given again with its offset is no time shown twice.</summary>
        public static void Forget(DateTimeOffset read) => _noted?.Forget(read);

        /// <summary>The note of the reading that gave <paramref name="time"/> on this thread, if it was a time shown twice.</summary>
        public static TwiceShown? TwiceOf(DateTimeOffset? time) => time is DateTimeOffset at ? _noted?.Find(at) : null;

        /// <summary>A local time the clocks show twice, as it was written, and what the warning says of it.</summary>
        internal sealed class TwiceShown
        {
            public TwiceShown(string said) => Said = said;

            /// <summary>"'2027-10-31 02:30' comes twice ...": the warning's words after the parameter or column.</summary>
            public string Said { get; }
        }

        [ThreadStatic]
        private static Noted? _noted;

        /// <summary>
        /// A thread's latest notes: each is read on the thread that made it, right after the reading (as UnreadableTime's
        /// marks): -SendAt and -ExpireAt from the command line, or a row's SendAt and ExpireAt cells.
        /// </summary>
        private sealed class Noted
        {
            private readonly DateTimeOffset[] _times = new DateTimeOffset[4];
            private readonly TwiceShown?[] _notes = new TwiceShown?[4];
            private int _next;

            public void Add(DateTimeOffset time, TwiceShown note)
            {
                Forget(time);
                _times[_next] = time;
                _notes[_next] = note;
                _next = (_next + 1) % _times.Length;
            }

            public void Forget(DateTimeOffset time)
            {
                for (var i = 0; i < _times.Length; i++)
                    if (_notes[i] is not null && _times[i].EqualsExact(time)) _notes[i] = null;
            }

            public TwiceShown? Find(DateTimeOffset time)
            {
                for (var i = 0; i < _times.Length; i++)
                    if (_notes[i] is { } note && _times[i].EqualsExact(time)) return note;
                return null;
            }
        }

        /// <summary>
        /// The first minute of the change <paramref name="clock"/> is in (<paramref name="step"/> -1), or the first after it
        /// (1), by the clock: where <paramref name="inChange"/> starts or stops being true. Changes start and end on a minute.
        /// </summary>
        private static DateTime EdgeOf(DateTime clock, int step, Func<DateTime, bool> inChange)
        {
            var minute = new DateTime(clock.Ticks - clock.Ticks % Minute.Ticks, DateTimeKind.Unspecified);
            for (var moved = TimeSpan.Zero; moved < Farthest; moved += Minute)
            {
                var next = minute.AddMinutes(step);
                if (!inChange(next)) return step < 0 ? minute : next;
                minute = next;
            }
            return minute;
        }

        private static string Clock(DateTime time) => time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);

        private static string Day(DateTime time) => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static string DayAndClock(DateTime time) => Day(time) + " " + Clock(time);

        private static string WithOffset(DateTimeOffset time) =>
            time.ToString(time.Second == 0 ? "yyyy-MM-dd'T'HH:mmzzz" : "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
