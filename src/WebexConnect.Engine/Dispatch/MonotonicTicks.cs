using System.Diagnostics;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>
    /// The machine's monotonic clock in 100 ns ticks. Stopwatch reads the same system-wide clock in every
    /// process (QueryPerformanceCounter on Windows, CLOCK_MONOTONIC on Linux, in .NET and in Mono alike), but
    /// in different units per runtime (.NET on Linux counts nanoseconds, Mono 100 ns): converted to one unit,
    /// times written by one process mean the same instant to another (the shared rate ledger relies on it).
    /// </summary>
    internal static class MonotonicTicks
    {
        public const long PerSecond = 10_000_000;
        public const long PerMillisecond = 10_000;

        public static long Now() => FromStopwatch(Stopwatch.GetTimestamp());

        public static long FromStopwatch(long timestamp)
        {
            var frequency = Stopwatch.Frequency;
            if (frequency == PerSecond) return timestamp;
            if (frequency % PerSecond == 0) return timestamp / (frequency / PerSecond);
            if (PerSecond % frequency == 0) return timestamp * (PerSecond / frequency);
            return (long)(timestamp * ((double)PerSecond / frequency));
        }
    }
}
