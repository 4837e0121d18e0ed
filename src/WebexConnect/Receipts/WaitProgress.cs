using System;
using System.Globalization;

namespace WebexConnect.Receipts
{
    /// <summary>
    /// What Wait-ConnectDelivery's progress bar says while it waits for the receipts still missing. The time it shows is how much
    /// longer the wait may last (-Timeout), in the status text: before, it went to the bar's SecondsRemaining, which PowerShell shows
    /// as an estimate ("12 to go 115s", "115 seconds remaining"), read as when the receipts would be in, though they may come at
    /// once or never. The text fits the status part of a bar at 80 columns: PowerShell 7's minimal view leaves 46 characters
    /// inside "Waiting for delivery receipts [...]" and cuts what is longer, as it cut "waiting up to 59m 59s more" after "mo".
    /// </summary>
    internal static class WaitProgress
    {
        /// <summary>"12 of 500 to go; at most 1m 55s more": the rows still without a final receipt, and how long the wait may last.</summary>
        public static string Status(long expected, long waiting, TimeSpan left) =>
            waiting == 0
                ? $"{Number(expected)} of {Number(expected)} have a final receipt"
                : $"{Number(waiting)} of {Number(expected)} to go; at most {Left(left)} more";

        /// <summary>"45s", "1m 55s", "2h 5m": at most this long, rounded up, so that it never reads 0 while the wait goes on.</summary>
        internal static string Left(TimeSpan left)
        {
            var seconds = (long)Math.Max(0, Math.Ceiling(left.TotalSeconds));
            if (seconds < 60) return Number(seconds) + "s";
            if (seconds < 3600) return $"{Number(seconds / 60)}m {Number(seconds % 60)}s";
            var minutes = (seconds + 59) / 60;
            return $"{Number(minutes / 60)}h {Number(minutes % 60)}m";
        }

        private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
    }
}
