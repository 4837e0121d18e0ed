using System;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>The dispatcher's knobs that are ours, not the user's; tests turn them to make timing certain.</summary>
    internal sealed class DispatcherTuning
    {
        public static readonly DispatcherTuning Default = new DispatcherTuning();

        public DispatcherTuning(TimeSpan? linger = null, int maxWaitingResults = 20_000,
            int maxHeldRows = 10_000, int heldSeconds = 2, TimeSpan? longestLinger = null, Func<TimeSpan>? lingerClock = null,
            Func<bool>? rowThreadRunnable = null)
        {
            LingerClock = lingerClock;
            RowThreadRunnable = rowThreadRunnable;
            Linger = linger ?? TimeSpan.FromMilliseconds(50);
            if (Linger < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(linger));
            LongestLinger = longestLinger ?? (Linger > TimeSpan.FromSeconds(1) ? Linger : TimeSpan.FromSeconds(1));
            if (LongestLinger < Linger) throw new ArgumentOutOfRangeException(nameof(longestLinger));
            if (maxWaitingResults < 1) throw new ArgumentOutOfRangeException(nameof(maxWaitingResults));
            if (maxHeldRows < 1) throw new ArgumentOutOfRangeException(nameof(maxHeldRows));
            if (heldSeconds < 1) throw new ArgumentOutOfRangeException(nameof(heldSeconds));
            MaxHeldRows = maxHeldRows;
            HeldSeconds = heldSeconds;
            MaxWaitingResults = maxWaitingResults;
        }

        /// <summary>
        /// How long the pipeline must have been quiet before a partial batch goes out on its own: long
        /// enough that a CSV being read never sends half-empty requests, short enough that a slow source
        /// does not notice.
        /// </summary>
        public TimeSpan Linger { get; }

        /// <summary>
        /// How long the pipeline must have been quiet before a partial batch goes out when the process itself was starved of
        /// the CPU all along (<see cref="InputPause"/>): the timer never ran on time, so its quiet could not be told from a
        /// pause, or the pipeline thread was busy all along (an upstream that computes each row for long). A second: a slow
        /// source on a busy machine still has each row sent about a second after it came.
        /// </summary>
        public TimeSpan LongestLinger { get; }

        /// <summary>
        /// The test's clock for the linger rule, in place of the dispatcher's stopwatch; with it the linger timer does not
        /// run, and the test ticks it (<see cref="Dispatcher.TickLinger"/>) at the times it sets: late or on time at will.
        /// </summary>
        public Func<TimeSpan>? LingerClock { get; }

        /// <summary>The test's answer to whether the thread adding rows is running or waiting for a CPU, in place of <see cref="RowThread"/>.</summary>
        public Func<bool>? RowThreadRunnable { get; }

        /// <summary>
        /// Rows the partial batches may hold between them: one more sends the oldest (the one holding the earliest row,
        /// which every later result waits for). What bounds the memory of many open shapes, and how far the results may
        /// fall behind the input. No count of shapes bounds them besides: with 256 open at most, sending the oldest to
        /// open a 257th, 2,000 users whose Cc cycled through 300 managers went in 2,000 requests, each batch sent just
        /// before its manager's next row came.
        /// </summary>
        public int MaxHeldRows { get; }

        /// <summary>
        /// Seconds of the gate's rate the partial batches may hold (<see cref="HeldRowsAt"/>): a row read is sent about that
        /// soon at the latest. At 10,000 rows whatever the rate, a TPS-10 run of one text per row read 10,000 rows before it
        /// sent the first: 1,000 s, in which a -SendAt or -ExpireAt read as still ahead could pass before the row went.
        /// </summary>
        public int HeldSeconds { get; }

        /// <summary>The rows the partial batches may hold at <paramref name="tps"/>: <see cref="HeldSeconds"/> of it, at most <see cref="MaxHeldRows"/>.</summary>
        public int HeldRowsAt(int tps) => (int)Math.Min(MaxHeldRows, Math.Max(1L, (long)HeldSeconds * tps));

        /// <summary>
        /// Finished results that may wait for an earlier, slower one before Add blocks. Batches already in
        /// flight may still finish on top, so the most that can wait is this plus
        /// MaxConcurrentRequests × MaxBatchSize: still a constant.
        /// </summary>
        public int MaxWaitingResults { get; }
    }
}
