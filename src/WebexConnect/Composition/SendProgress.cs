using System;
using System.Globalization;

namespace WebexConnect.Composition
{
    /// <summary>What the progress bar shows at one moment.</summary>
    internal sealed class ProgressSnapshot
    {
        public ProgressSnapshot(string status, int percentComplete, int secondsRemaining)
        {
            Status = status;
            PercentComplete = percentComplete;
            SecondsRemaining = secondsRemaining;
        }

        public string Status { get; }

        /// <summary>-1 when the total is not known (streamed input).</summary>
        public int PercentComplete { get; }

        /// <summary>-1 when unknown.</summary>
        public int SecondsRemaining { get; }
    }

    /// <summary>
    /// Decides when the progress bar is worth redrawing (at most four times a second: drawing it costs
    /// more than sending a row) and what it says: count, rate, failures, and the time left when the total is known.
    /// </summary>
    /// <remarks>
    /// Results come in batches, and the cmdlet asks after every row read, most often with no new result: a redraw then
    /// would show the same count with a rate that falls only because the clock moved. So the bar is redrawn only when
    /// the count moved, and the rate is the count over the time it was reached, not over the time it was shown.
    /// </remarks>
    internal sealed class SendProgress
    {
        public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

        private readonly Func<TimeSpan> _elapsed;
        private readonly long? _total;
        private TimeSpan? _lastShown;
        private long _shownCompleted = -1;
        private long _shownUnsuccessful = -1;
        private long _seenCompleted;
        private TimeSpan _countedAt;

        public SendProgress(Func<TimeSpan> elapsed, long? total = null)
        {
            _elapsed = elapsed;
            _total = total;
        }

        /// <summary>A snapshot when one is due (the count moved and the last redraw is old enough), otherwise null.</summary>
        public ProgressSnapshot? Next(long completed, long unsuccessful)
        {
            var now = _elapsed();
            Counted(completed, now);
            if (_lastShown.HasValue && now - _lastShown.Value < Interval) return null;
            if (completed == _shownCompleted && unsuccessful == _shownUnsuccessful) return null;
            _lastShown = now;
            return Snapshot(completed, unsuccessful);
        }

        /// <summary>
        /// The run's whole count, as the last redraw before the bar is removed, or null when the bar already shows it:
        /// without it, the bar's last word was the count of up to a quarter of a second before the end.
        /// </summary>
        public ProgressSnapshot? Last(long completed, long unsuccessful)
        {
            Counted(completed, _elapsed());
            if (completed == _shownCompleted && unsuccessful == _shownUnsuccessful) return null;
            return Snapshot(completed, unsuccessful);
        }

        private void Counted(long completed, TimeSpan now)
        {
            if (completed == _seenCompleted) return;
            _seenCompleted = completed;
            _countedAt = now;
        }

        private ProgressSnapshot Snapshot(long completed, long unsuccessful)
        {
            _shownCompleted = completed;
            _shownUnsuccessful = unsuccessful;
            var seconds = Math.Max(_countedAt.TotalSeconds, 0.001);
            var rate = completed / seconds;
            var status = string.Format(CultureInfo.InvariantCulture, "{0:N0} done, {1:N0} with errors, {2:N0}/s", completed, unsuccessful, rate);
            if (_total is not long total || total <= 0) return new ProgressSnapshot(status, -1, -1);

            var percent = (int)Math.Min(100, completed * 100 / total);
            var remaining = rate > 0 ? SecondsLeft((total - Math.Min(completed, total)) / rate) : -1;
            return new ProgressSnapshot(
                string.Format(CultureInfo.InvariantCulture, "{0:N0} of {1:N0} done, {2:N0} with errors, {3:N0}/s", completed, total, unsuccessful, rate),
                percent, remaining);
        }

        /// <summary>
        /// The estimate in whole seconds, or -1 (no estimate) past what an int holds, 68 years: a cast there is
        /// int.MinValue on .NET Framework, and Windows PowerShell showed a huge run going slowly with a negative time left.
        /// </summary>
        private static int SecondsLeft(double seconds)
        {
            var whole = Math.Ceiling(seconds);
            return whole <= int.MaxValue ? (int)whole : -1;
        }
    }
}
