using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using WebexConnect.Benchmarks.Reporting;

namespace WebexConnect.Benchmarks.Composition
{
    /// <summary>
    /// Composition measured in-process in a couple of seconds, for the summary table: time from a Stopwatch over
    /// many batches after a warm-up, bytes from the thread's allocation counter. BenchmarkDotNet
    /// (bench composition) gives the careful figures; these agree with it to within a few percent.
    /// </summary>
    internal static class QuickComposition
    {
        public const double TargetMicroseconds = 1.0;
        public const double TargetBytes = 600;

        private static readonly TimeSpan Warmup = TimeSpan.FromMilliseconds(500);
        private static readonly TimeSpan Measure = TimeSpan.FromMilliseconds(1000);

        public static IReadOnlyList<SummaryRow> Run(Messages.MessageChannel channel)
        {
            var composition = new BatchComposition(channel);
            var name = "composition (" + channel.ToString().ToLowerInvariant() + ", 1000 dest.)";
            // Warm every operation before measuring any: on a busy machine the JIT's background tiering lags, and
            // whichever ran first would otherwise be measured partly as unoptimised code.
            Func<int>[] operations = { composition.ShapeAndBody, composition.BodyIntoReusedBuffer, composition.RecipientsFromRows };
            foreach (var operation in operations) Repeat(operation, Warmup);
            var engine = Measure1(composition.ShapeAndBody);
            var reused = Measure1(composition.BodyIntoReusedBuffer);
            var rows = Measure1(composition.RecipientsFromRows);

            return new[]
            {
                SummaryRow.Judged(name, "shape + body, time per destination", Micro(engine.Microseconds), "<= 1 us",
                    engine.Microseconds <= TargetMicroseconds),
                SummaryRow.Judged(name, "shape + body, bytes allocated per destination", Bytes(engine.Bytes), "<= 600 B",
                    engine.Bytes <= TargetBytes),
                new SummaryRow(name, "body into a reused buffer (us, B per destination)", Micro(reused.Microseconds) + ", " + Bytes(reused.Bytes)),
                new SummaryRow(name, "Recipient from row values (us, B per destination)", Micro(rows.Microseconds) + ", " + Bytes(rows.Bytes)),
                new SummaryRow(name, "body size per destination", Bytes(composition.ShapeAndBody() / (double)BatchComposition.Destinations)),
            };
        }

        /// <summary>Per-destination time and allocation of one batch operation.</summary>
        internal static (double Microseconds, double Bytes) Measure1(Func<int> batch)
        {
            Repeat(batch, Warmup);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            var batches = Repeat(batch, Measure);
            clock.Stop();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            var destinations = batches * (double)BatchComposition.Destinations;
            return (clock.Elapsed.TotalMilliseconds * 1000 / destinations, allocated / destinations);
        }

        private static long Repeat(Func<int> batch, TimeSpan duration)
        {
            var clock = Stopwatch.StartNew();
            long n = 0;
            var sink = 0;
            while (clock.Elapsed < duration)
            {
                // Ten at a time keeps the clock's own cost out of the figure.
                for (var i = 0; i < 10; i++) sink ^= batch();
                n += 10;
            }
            GC.KeepAlive(sink);
            return n;
        }

        private static string Micro(double us) => us.ToString("0.000", CultureInfo.InvariantCulture) + " us";

        private static string Bytes(double b) => b.ToString("0", CultureInfo.InvariantCulture) + " B";
    }
}
