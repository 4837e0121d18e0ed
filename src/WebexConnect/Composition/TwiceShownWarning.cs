using System;
using System.Collections.Generic;
using System.Globalization;

namespace WebexConnect.Composition
{
    /// <summary>
    /// The run's one warning of a local time the clocks show twice (ClockChanges): a reminder file's night of the autumn
    /// change may hold hundreds of them, and one warning says how every one of them is read.
    /// </summary>
    internal sealed class TwiceShownWarning
    {
        private bool _warned;

        /// <summary>
        /// The warning for <paramref name="time"/>, when this thread just read it from a local time shown twice and the run
        /// has not warned yet; else null.
        /// </summary>
        /// <param name="parameter">The parameter, and column, that gave it: "SendAt".</param>
        /// <param name="row">The row whose cell gave it; 0 for the command line's -SendAt or -ExpireAt.</param>
        /// <param name="time">The time read.</param>
        public string? For(string parameter, long row, DateTimeOffset? time)
        {
            if (_warned || !(ClockChanges.TwiceOf(time) is { } twice)) return null;
            _warned = true;
            return (row == 0 ? "-" + parameter : "Row " + row.ToString(CultureInfo.InvariantCulture) + ": " + parameter) + " " + twice.Said +
                ". This warning is given once per run.";
        }

        // The chips' times this thread has warned of: the latest few, as a loop's calls give them.
        [ThreadStatic]
        private static List<string>? _saidOfChips;

        private const int ChipTimesKept = 16;

        /// <summary>
        /// The warning for a chip's <paramref name="time"/> (New-ConnectRcsSuggestion's -StartTime or -EndTime), when this thread
        /// just read it from a local time shown twice and has not warned of that time yet; else null.
        /// </summary>
        /// <remarks>
        /// Each chip is a call of its own, so "once per run" was untrue of a chip: a script's loop that gives every row the
        /// same event made one chip, and one warning that said "once per run", per row. Said once per time instead, on the
        /// thread the loop runs on; another time the clocks show twice is warned of in its turn.
        /// </remarks>
        public static string? ForChip(string parameter, DateTimeOffset time)
        {
            if (!(ClockChanges.TwiceOf(time) is { } twice)) return null;
            var said = _saidOfChips ??= new List<string>();
            if (said.Contains(twice.Said)) return null;
            if (said.Count == ChipTimesKept) said.RemoveAt(0);
            said.Add(twice.Said);
            return "-" + parameter + " " + twice.Said + ". This warning is given once for each such time, not for every chip that has it.";
        }
    }
}
