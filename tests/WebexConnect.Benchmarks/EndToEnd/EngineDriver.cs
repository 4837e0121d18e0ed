using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using WebexConnect.Benchmarks.Composition;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Benchmarks.EndToEnd
{
    /// <summary>What one engine run did, as the client saw it.</summary>
    internal sealed class EngineRunResult
    {
        public long Added { get; set; }
        public long Results { get; set; }
        public long Succeeded { get; set; }
        public Dictionary<SendStatus, long> ByStatus { get; } = new Dictionary<SendStatus, long>();
        public long Retried { get; set; }
        public TimeSpan Elapsed { get; set; }
        public string? FirstFailure { get; set; }

        /// <summary>Each batch's size and the service's timestamp of its acceptance (the client's only view of time).</summary>
        public Dictionary<long, BatchSeen> Batches { get; } = new Dictionary<long, BatchSeen>();

        /// <summary>Working set after every tenth of the run: flat when memory does not grow with the count.</summary>
        public List<(long Added, long WorkingSet)> MemorySamples { get; } = new List<(long, long)>();

        public double DestinationsPerSecond => Elapsed > TimeSpan.Zero ? Results / Elapsed.TotalSeconds : 0;

        public string Statuses()
        {
            var parts = new List<string>();
            foreach (var pair in ByStatus) parts.Add(pair.Key + " " + pair.Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            parts.Sort(StringComparer.Ordinal);
            return string.Join(", ", parts);
        }
    }

    internal sealed class BatchSeen
    {
        public int Destinations { get; set; }
        public DateTimeOffset? SubmittedAt { get; set; }
    }

    /// <summary>
    /// Drives a send run exactly as a send cmdlet does: one Add per pipeline record, the ready results taken
    /// after each (the cmdlet writes them from ProcessRecord), then Complete at EndProcessing. Recipients are made
    /// as the run goes, so a million-row run holds no list of rows.
    /// </summary>
    internal static class EngineDriver
    {
        public static EngineRunResult Run(IEngineSession session, PersonalisedSend send, long count, DispatchOptions options,
            bool sampleMemory = false, CancellationToken cancellation = default)
        {
            var result = new EngineRunResult();
            var sampleEvery = Math.Max(1, count / 10);
            var clock = Stopwatch.StartNew();
            using (var dispatcher = session.CreateDispatcher(options, cancellation))
            {
                for (long row = 0; row < count; row++)
                {
                    dispatcher.Add(new DispatchItem(send.Message, send.RecipientAt(row), inputObject: null));
                    result.Added++;
                    var ready = dispatcher.TakeReady();
                    for (var i = 0; i < ready.Count; i++) Tally(result, ready[i]);
                    if (sampleMemory && (row + 1) % sampleEvery == 0)
                        result.MemorySamples.Add((row + 1, Environment.WorkingSet));
                }

                foreach (var done in dispatcher.Complete()) Tally(result, done);
            }

            clock.Stop();
            result.Elapsed = clock.Elapsed;
            if (result.Results != result.Added)
                result.FirstFailure ??= $"{result.Added} records added but {result.Results} results came back.";
            return result;
        }

        private static void Tally(EngineRunResult result, SendResult done)
        {
            result.Results++;
            if (done.IsSuccess) result.Succeeded++;
            else result.FirstFailure ??= $"{done.Status} {done.Code}: {done.Reason}";
            result.ByStatus[done.Status] = result.ByStatus.TryGetValue(done.Status, out var n) ? n + 1 : 1;
            if (done.Attempts > 1) result.Retried++;
            if (!result.Batches.TryGetValue(done.Batch, out var batch))
            {
                batch = new BatchSeen { SubmittedAt = done.SubmittedAt };
                result.Batches.Add(done.Batch, batch);
            }
            batch.Destinations++;
        }
    }
}
