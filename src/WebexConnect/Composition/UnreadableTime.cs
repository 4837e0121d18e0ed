using System;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A time text that could not be read, carried as a <see cref="DateTimeOffset"/> in the first ticks of the year 1 that no
    /// schedule uses: what RowTimeArgument gives -SendAt for such a text, so that a row whose SendAt cell is no time reaches the
    /// command and gets its own Invalid result, and the command line's refusal still says what PowerShell's said.
    /// </summary>
    /// <remarks>
    /// A mark is read on the thread that made it, right after PowerShell bound it: the command line's in BeginProcessing, a
    /// row's cell in that row's ProcessRecord. So each thread keeps only its latest marks. Before, one table for the process
    /// kept every distinct text it was ever given: a scheduled task's long-lived host, or a runspace pool sending file after
    /// file, grew by each unreadable cell for the life of the process.
    /// </remarks>
    internal static class UnreadableTime
    {
        /// <summary>PowerShell's own ErrorId for a value it cannot convert, kept for a -SendAt that is no time.</summary>
        public const string ErrorId = "ParameterArgumentTransformationError";

        /// <summary>
        /// PowerShell's ErrorId for text its binder could not convert to the parameter's type: an -ExpireAt its binder refused
        /// before the module marked it, kept for a piped run's stop.
        /// </summary>
        public const string CastErrorId = "CannotConvertArgumentNoMessage";

        /// <summary>The marks a thread keeps: far more than can be bound between a mark and its reading.</summary>
        internal const int Kept = 64;

        /// <summary>Marks below this are no real time: 0001-01-01 plus at most a few hours in ticks.</summary>
        private const long Limit = 1L << 40;

        [ThreadStatic]
        private static LatestMarks? _marks;

        /// <summary>
        /// The mark for <paramref name="text"/>, refused because <paramref name="reason"/>; <paramref name="skipped"/> for a
        /// local time the clocks skip, what ClockChanges says of it.
        /// </summary>
        public static DateTimeOffset Mark(string text, string reason, string? skipped = null) =>
            new DateTimeOffset((_marks ??= new LatestMarks()).Of(text, reason, skipped, ErrorId), TimeSpan.Zero);

        /// <summary>
        /// The mark for <paramref name="text"/>, which PowerShell's binder could not convert (<paramref name="reason"/>, its
        /// message): an -ExpireAt that is no time, whose piped stop keeps PowerShell's ErrorId (<see cref="CastErrorId"/>).
        /// </summary>
        public static DateTimeOffset MarkCast(string text, string reason) =>
            new DateTimeOffset((_marks ??= new LatestMarks()).Of(text, reason, null, CastErrorId), TimeSpan.Zero);

        /// <summary>
        /// The mark for a -Validity <paramref name="text"/> that is no duration (<paramref name="reason"/>: "-Validity " and
        /// ValidityText's problem, as PowerShell showed it): a TimeSpan just above TimeSpan.MinValue, which no validity is.
        /// </summary>
        public static TimeSpan MarkDuration(string text, string reason) =>
            new TimeSpan(long.MinValue + (_marks ??= new LatestMarks()).Of(text, reason, null, ErrorId));

        /// <summary>
        /// The text and reason <paramref name="time"/> marks; null for a real time, for none, and for a mark this thread no
        /// longer keeps.
        /// </summary>
        public static Unreadable? Of(DateTimeOffset? time) =>
            time is DateTimeOffset at && at.Ticks < Limit ? _marks?.Find(at.Ticks) : null;

        /// <summary>The text and reason <paramref name="duration"/> marks (<see cref="MarkDuration"/>); null for a real duration and for none.</summary>
        public static Unreadable? OfDuration(TimeSpan? duration) =>
            duration is TimeSpan span && span.Ticks < long.MinValue + Limit ? _marks?.Find(span.Ticks - long.MinValue) : null;

        /// <summary>A time text that could not be read, and PowerShell's or the module's reason.</summary>
        internal sealed class Unreadable
        {
            public Unreadable(string text, string reason, string? skipped = null, string errorId = UnreadableTime.ErrorId)
            {
                Text = text;
                Reason = reason;
                Skipped = skipped;
                ErrorId = errorId;
            }

            public string Text { get; }

            public string Reason { get; }

            /// <summary>
            /// For a local time the clocks skip, what ClockChanges says of it ("is not a time in this computer's time zone
            /// ..."); null for a text that is no time at all.
            /// </summary>
            public string? Skipped { get; }

            /// <summary>The ErrorId PowerShell refused the text with: the row's Code, and a piped run's stop's.</summary>
            public string ErrorId { get; }

            /// <summary>
            /// The message of a piped run's stop for <paramref name="parameter"/> given this text on the command line: PowerShell's
            /// words, as its binder refused it before the module marked it.
            /// </summary>
            public string StopOf(string parameter) =>
                (ErrorId == CastErrorId ? "Cannot bind parameter '" : "Cannot process argument transformation on parameter '") + parameter + "'. " + Reason;

            /// <summary>
            /// The problem of a row whose <paramref name="column"/> cell (SendAt, ExpireAt) is this text: the row's own
            /// Invalid result, which says what the cell holds and how to write a time, or what an empty cell does
            /// (<paramref name="emptyCell"/>: "to send the row now"). Before, PowerShell's binder dropped a row whose SendAt
            /// cell was no time with its own error, and no result said what became of it. The column is named once, by the field
            /// the reason begins with (as the file spells it): "Row 1: sendat: 'soon' is not a time", where "the SendAt column's"
            /// after it named it twice, in two spellings.
            /// </summary>
            public ValidationProblem ProblemOfColumn(string column, string emptyCell) =>
                new ValidationProblem(column, NotATime() + "leave the cell empty " + emptyCell);

            /// <summary>
            /// The problem of a call with nothing piped whose <paramref name="parameter"/> (-SendAt) is this text: its one row's
            /// Invalid result (OneRowCall), where the command's stop left a script's loop of one-row calls without that row's result.
            /// </summary>
            public ValidationProblem ProblemOfParameter(string parameter, string leftOut) =>
                new ValidationProblem(parameter, NotATime() + "leave -" + parameter + " out " + leftOut);

            /// <summary>
            /// The problem of a call with nothing piped whose -Validity (<paramref name="parameter"/>) is this text, which is no
            /// duration: its one row's Invalid result (OneRowCall). Its reason is the command line's ("-Validity '2 weeks' is not
            /// a duration: ... ."), worded here for the row's field.
            /// </summary>
            public ValidationProblem ProblemOfDuration(string parameter) =>
                new ValidationProblem(parameter, Reason.Substring(parameter.Length + 2, Reason.Length - parameter.Length - 3) + "; or leave -" + parameter + " out for none");

            private string NotATime() =>
                Skipped is not null
                    ? InputEcho.Quote(Text) + " " + Skipped + "; or "
                    : InputEcho.Quote(Text) + " is not a time" +
                    (Reason.Contains("milliseconds") ? " (it looks like Unix milliseconds: divide it by 1000 for seconds)"
                        : Reason.Contains("Unix time") ? " (nor a Unix time in seconds)" : "") +
                    ": write it in ISO 8601, '2026-12-03T09:00:00+01:00', or '2026-12-03 09:00' in this computer's time zone, or ";
        }

        /// <summary>One thread's latest <see cref="Kept"/> marks, the oldest overwritten by the next new one.</summary>
        private sealed class LatestMarks
        {
            private readonly long[] _ticks = new long[Kept];
            private readonly Unreadable?[] _texts = new Unreadable?[Kept];
            private long _last;

            /// <summary>
            /// The mark of the text and reason: the one it has when kept (a CSV whose 10,000 cells hold the same wrong text
            /// makes one), else a new one.
            /// </summary>
            public long Of(string text, string reason, string? skipped, string errorId)
            {
                for (var i = 0; i < Kept; i++)
                    if (_texts[i] is { } kept && string.Equals(kept.Text, text, StringComparison.Ordinal) &&
                        string.Equals(kept.Reason, reason, StringComparison.Ordinal) && kept.ErrorId == errorId)
                        return _ticks[i];
                // From 1: tick 0 is DateTimeOffset.MinValue, a time someone could give.
                _last = _last + 1 < Limit ? _last + 1 : 1;
                var slot = (int)(_last % Kept);
                _ticks[slot] = _last;
                _texts[slot] = new Unreadable(text, reason, skipped, errorId);
                return _last;
            }

            public Unreadable? Find(long ticks)
            {
                var slot = (int)(ticks % Kept);
                return _ticks[slot] == ticks ? _texts[slot] : null;
            }
        }
    }
}
