using System;
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
    }
}
