using System;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>
    /// Tells, at each tick of the dispatcher's linger timer, whether the input has paused: whether no row came for
    /// <see cref="DispatcherTuning.Linger"/> because the source had none to give, not because this process did not run.
    /// </summary>
    /// <remarks>
    /// On a starved machine (a scheduled task beside a backup, load 50 on 2 cores) the pipeline thread waits for a CPU
    /// for 100-250 ms at a time, and so does the timer: a quiet 50 ms was then mostly a stretch in which nothing of this
    /// process ran, and every tick sent the batches part-full (1,000 rows of 40 shapes: 454 requests instead of 40).
    /// So a tick that comes late (more than a period after it was due) proves nothing about the input, and the quiet is
    /// counted only from it: the linger needs the timer to have run on time for the whole of it. A real pause on a machine
    /// so busy that the timer is never on time still sends, after <see cref="DispatcherTuning.LongestLinger"/>. The timer can
    /// be on time while the pipeline thread is not (Linux wakes a sleeping timer first, ahead of a thread that used its share):
    /// where the pipeline thread's state is known (<see cref="RowThread"/>), a quiet while it runs or waits for a CPU is no
    /// pause either.
    /// Not thread-safe: the dispatcher calls it under its lock.
    /// </remarks>
    internal sealed class InputPause
    {
        private readonly TimeSpan _linger;
        private readonly TimeSpan _longest;
        private readonly TimeSpan _lateAfter;
        private TimeSpan _lastTick;
        private TimeSpan _onTimeSince;

        /// <param name="linger">The quiet, on time, that makes a pause.</param>
        /// <param name="longest">The quiet that makes a pause however late the ticks came.</param>
        /// <param name="period">How often the timer ticks: a tick more than this after it was due is late.</param>
        /// <param name="start">The clock's time when the timer started.</param>
        public InputPause(TimeSpan linger, TimeSpan longest, TimeSpan period, TimeSpan start)
        {
            _linger = linger;
            _longest = longest;
            _lateAfter = period + period;
            _lastTick = start;
            _onTimeSince = start;
        }

        /// <summary>The timer period the dispatcher uses for <paramref name="linger"/>: half of it, within 5-100 ms.</summary>
        /// <param name="linger">The quiet that makes a pause.</param>
        public static TimeSpan PeriodFor(TimeSpan linger) =>
            TimeSpan.FromTicks(Math.Min(Math.Max(linger.Ticks / 2, TimeSpan.FromMilliseconds(5).Ticks), TimeSpan.FromMilliseconds(100).Ticks));

        /// <summary>Records a tick at <paramref name="now"/> with nothing to send: every tick is told, a late one says the process was starved.</summary>
        /// <param name="now">The clock's time at this tick.</param>
        public void Ticked(TimeSpan now)
        {
            if (now - _lastTick > _lateAfter) _onTimeSince = now;
            _lastTick = now;
        }

        /// <summary>
        /// Records a tick at <paramref name="now"/> and says whether the input has paused since the last row was added, at
        /// <paramref name="lastRow"/>.
        /// </summary>
        /// <param name="now">The clock's time at this tick.</param>
        /// <param name="lastRow">When the last Add ended.</param>
        /// <param name="producing">
        /// Asked only when the quiet on time would make a pause: whether the thread that adds the rows is running or waiting
        /// for a CPU (<see cref="RowThread.IsRunnable"/>), so busy with the next row. Then the quiet starts again from now.
        /// </param>
        public bool HasPaused(TimeSpan now, TimeSpan lastRow, Func<bool> producing)
        {
            Ticked(now);
            var quiet = now - lastRow;
            if (quiet >= _longest) return true;
            var quietOnTime = now - (lastRow > _onTimeSince ? lastRow : _onTimeSince);
            if (quietOnTime < _linger) return false;
            if (!producing()) return true;
            _onTimeSince = now;
            return false;
        }
    }
}
