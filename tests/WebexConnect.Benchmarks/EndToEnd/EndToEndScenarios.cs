using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Benchmarks.Composition;
using WebexConnect.Benchmarks.Reporting;
using WebexConnect.Sending;

namespace WebexConnect.Benchmarks.EndToEnd
{
    /// <summary>
    /// The end-to-end scenarios: the engine driven through IConnectEngine.Open → CreateDispatcher → Add/TakeReady/
    /// Complete (the path the cmdlets take) against a sandbox set up for each scenario, judged from the server's view.
    /// --tps, --count and --latency-ms override each scenario's own setting.
    /// </summary>
    internal sealed class EndToEndScenarios
    {
        /// <summary>"TPS is not the limit": far above anything two cores can send.</summary>
        public const int UnlimitedTps = 1_000_000;

        private readonly BenchOptions _options;
        private readonly Func<IConnectEngine> _engine;
        private readonly TextWriter _log;
        private readonly PersonalisedSend _send;
        private bool _warmedUp;

        public EndToEndScenarios(BenchOptions options, Func<IConnectEngine> engine, TextWriter log)
        {
            _options = options;
            _engine = engine;
            _log = log;
            _send = new PersonalisedSend(options.Channel);
        }

        /// <summary>100,000 personalised destinations with TPS out of the way: what the engine itself can do.</summary>
        public async Task<IReadOnlyList<SummaryRow>> ThroughputAsync()
        {
            const string name = "throughput";
            var tps = _options.Tps ?? UnlimitedTps;
            var count = _options.Count ?? 100_000;
            await using var target = await TargetAsync(tps, LatencyOr(0)).ConfigureAwait(false);
            await WarmUpAsync(target).ConfigureAwait(false);
            var run = await RunEngineAsync(target, tps, count).ConfigureAwait(false);

            var rows = new List<SummaryRow>
            {
                SummaryRow.Judged(name, $"destinations per second ({Figures.Count(count)}, TPS {Figures.Count(tps)})",
                    Figures.Rate(run.DestinationsPerSecond), ">= 50,000 /s", run.DestinationsPerSecond >= 50_000),
            };
            rows.AddRange(Outcomes(name, run, count, target));
            return rows;
        }

        /// <summary>TPS 500 for over ten seconds: how close to the limit, and never over it.</summary>
        public Task<IReadOnlyList<SummaryRow>> RateAsync() =>
            RateScenarioAsync("rate", defaultTps: 500, defaultLatencyMs: 0, minimumShare: 0.97);

        /// <summary>TPS 2000 with 200 ms per request: concurrency must hide the latency.</summary>
        public Task<IReadOnlyList<SummaryRow>> LatencyHidingAsync() =>
            RateScenarioAsync("latency", defaultTps: 2000, defaultLatencyMs: 200, minimumShare: 0.90);

        private async Task<IReadOnlyList<SummaryRow>> RateScenarioAsync(string scenario, int defaultTps, int defaultLatencyMs, double minimumShare)
        {
            var tps = _options.Tps ?? defaultTps;
            var latency = LatencyOr(defaultLatencyMs);
            // Eleven seconds' worth: the first second's burst aside, at least ten seconds of steady sending.
            var count = _options.Count ?? tps * 11L;
            var name = $"{scenario} (TPS {Figures.Count(tps)}, {latency.TotalMilliseconds:0} ms)";
            await using var target = await TargetAsync(tps, latency).ConfigureAwait(false);
            await WarmUpAsync(target).ConfigureAwait(false);
            var run = await RunEngineAsync(target, tps, count).ConfigureAwait(false);

            var server = target.ServerRequests;
            var windows = server is not null ? RateWindows.FromServer(server) : RateWindows.FromBatches(run.Batches.Values);
            var offered = server is not null ? RateWindows.OfferedToServer(server) : windows;
            var view = server is not null ? "server view" : "service timestamps";
            var share = windows.SteadyRate / tps;
            var rows = new List<SummaryRow>
            {
                SummaryRow.Judged(name, $"achieved share of TPS (mean one-second window, {view}, {Figures.Seconds(windows.Span)})",
                    Figures.Percent(share) + " (" + Figures.Rate(windows.SteadyRate) + ")", ">= " + Figures.Percent(minimumShare), share >= minimumShare),
                SummaryRow.Judged(name, $"most destinations sent in any one-second window ({view}, 429s included)",
                    Figures.Count(offered.MaxInOneSecond), "<= " + Figures.Count(tps), offered.MaxInOneSecond <= tps),
            };
            if (server is not null)
            {
                var rejected = server.Count(r => r.StatusCode == 429);
                rows.Add(SummaryRow.Judged(name, "429 answers (server view)", Figures.Count(rejected), "0", rejected == 0));
            }
            else
            {
                rows.Add(new SummaryRow(name, "results that needed a retry (429s are retried unseen)", Figures.Count(run.Retried)));
            }

            rows.Add(new SummaryRow(name, "wall clock, first Add to last result", Figures.Seconds(run.Elapsed) + ", " + Figures.Rate(run.DestinationsPerSecond)));
            rows.AddRange(Outcomes(name, run, count, target));
            return rows;
        }

        /// <summary>
        /// 1,000,000 recipients streamed through one run. Measured in a child process (this program, pointed at the
        /// sandbox this process hosts), so the figure is the client's alone: no sandbox bookkeeping, no earlier scenario.
        /// </summary>
        public async Task<IReadOnlyList<SummaryRow>> MemoryAsync()
        {
            const string name = "memory";
            var tps = _options.Tps ?? UnlimitedTps;
            var count = _options.Count ?? 1_000_000;
            if (_options.ReportLine) return await MeasureMemoryHereAsync(name, tps, count).ConfigureAwait(false);

            await using var target = await TargetAsync(tps, LatencyOr(0)).ConfigureAwait(false);
            var rows = await ChildRun.RunAsync(target, _options, tps, count, _log).ConfigureAwait(false);
            var server = target.ServerRequests;
            if (server is not null)
            {
                var accepted = server.Where(r => r.StatusCode >= 200 && r.StatusCode < 300).Sum(r => (long)r.DestinationCount);
                rows.Add(SummaryRow.Judged(name, "destinations the server accepted", Figures.Count(accepted), Figures.Count(count), accepted == count));
            }
            return rows;
        }

        private async Task<IReadOnlyList<SummaryRow>> MeasureMemoryHereAsync(string name, int tps, long count)
        {
            await using var target = await TargetAsync(tps, LatencyOr(0)).ConfigureAwait(false);
            // This process is only the client, so its allocations and collections are the engine's (and the driver's).
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var collectionsBefore = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
            using var sampler = _options.SampleAllocations ? new AllocationSampler() : null;
            var run = await RunEngineAsync(target, tps, count, sampleMemory: true).ConfigureAwait(false);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var collections = string.Join(" / ", Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]));
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            var peak = self.PeakWorkingSet64;
            var samples = run.MemorySamples;
            // Flat: the second half of the run needs no more memory than the first half did (a little GC slack allowed).
            var firstHalf = samples.Take(samples.Count / 2).Select(s => s.WorkingSet).DefaultIfEmpty(0).Max();
            var secondHalf = samples.Skip(samples.Count / 2).Select(s => s.WorkingSet).DefaultIfEmpty(0).Max();
            var flat = secondHalf <= firstHalf * 1.10 + 16 * 1024 * 1024;
            var rows = new List<SummaryRow>
            {
                SummaryRow.Judged(name, $"peak working set, {Figures.Count(count)} recipients streamed", Figures.Megabytes(peak), "< 250 MB",
                    peak < 250L * 1024 * 1024),
                SummaryRow.Judged(name, "working set, most in first half vs second half", Figures.Megabytes(firstHalf) + " vs " + Figures.Megabytes(secondHalf),
                    "flat", flat),
                new SummaryRow(name, "working set at 10/50/100 % of the rows",
                    string.Join(" / ", new[] { 0, samples.Count / 2 - 1, samples.Count - 1 }.Where(i => i >= 0 && i < samples.Count)
                        .Select(i => Figures.Megabytes(samples[i].WorkingSet)))),
                new SummaryRow(name, "destinations per second while streaming", Figures.Rate(run.DestinationsPerSecond)),
                new SummaryRow(name, "client bytes allocated per destination (rows, results included)",
                    (allocated / (double)Math.Max(1, count)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " B"),
                new SummaryRow(name, "client GCs gen 0 / 1 / 2", collections),
            };
            if (sampler is not null)
            {
                foreach (var (type, share) in sampler.Top(12))
                    rows.Add(new SummaryRow(name, "allocated (sampled): " + type, Figures.Percent(share) + " = "
                        + (share * allocated / Math.Max(1, count)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " B per destination"));
            }
            rows.AddRange(Outcomes(name, run, count, target));
            return rows;
        }

        /// <summary>
        /// The loop a user would write without us, on the same server in the same run: one request per destination,
        /// sequential. Compared with the engine at the scenario's TPS, and with TPS out of the way.
        /// </summary>
        public async Task<IReadOnlyList<SummaryRow>> BaselineAsync()
        {
            const int defaultTps = 1000;
            var tps = _options.Tps ?? defaultTps;
            var latency = LatencyOr(20);
            var name = $"baseline (TPS {Figures.Count(tps)}, {latency.TotalMilliseconds:0} ms)";
            var rows = new List<SummaryRow>();

            await using (var target = await TargetAsync(tps, latency).ConfigureAwait(false))
            {
                await WarmUpAsync(target).ConfigureAwait(false);
                var naiveCount = _options.Count ?? 1_000;
                var naive = await NaiveBaseline.RunAsync(target.MessagesUri, target.AuthorizationHeader(_engine()), _send, naiveCount,
                    TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                _log.WriteLine($"#   naive loop: {naive.Sent} requests in {Figures.Seconds(naive.Elapsed)}");
                // Let the naive loop's destinations leave the server's one-second window, so the engine starts
                // from the same empty window the loop did.
                await Task.Delay(TimeSpan.FromSeconds(1.1)).ConfigureAwait(false);
                var naiveRequests = target.ServerRequests?.Count ?? 0;
                var engineCount = _options.Count ?? tps * 6L;
                var run = await RunEngineAsync(target, tps, engineCount).ConfigureAwait(false);
                // Sustained rates on both sides: the naive loop's is its average; the engine's wall clock would
                // count the first second's burst, so take its mean one-second window from the server when there is one.
                var engineRate = SustainedRate(run, target.ServerRequests?.Skip(naiveRequests));
                var ratio = engineRate / Math.Max(naive.DestinationsPerSecond, 1e-9);

                rows.Add(new SummaryRow(name, "naive loop: one POST per destination, sequential",
                    Figures.Rate(naive.DestinationsPerSecond) + $" ({Figures.Count(naive.Accepted)}/{Figures.Count(naive.Sent)} accepted)"));
                rows.Add(new SummaryRow(name, $"engine, {Figures.Count(engineCount)} destinations (sustained)", Figures.Rate(engineRate)));
                // TPS counts destinations, so at this TPS no client can pass TPS / naive rate: the target is a share of
                // that ceiling, measured on the same server in the same run.
                var ceiling = tps / Math.Max(naive.DestinationsPerSecond, 1e-9);
                rows.Add(new SummaryRow(name, "engine / naive", Figures.Ratio(ratio)));
                rows.Add(new SummaryRow(name, "ceiling: TPS / naive rate (no client can pass it)", Figures.Ratio(ceiling)));
                rows.Add(SummaryRow.Judged(name, "engine / naive as a share of the ceiling", Figures.Percent(ratio / ceiling), ">= 95 %", ratio / ceiling >= 0.95));
                rows.AddRange(Outcomes(name, run, engineCount, target, skipRequests: naiveRequests));

                if (_options.AgainstSandbox && _options.Tps is null)
                {
                    // The same latency with the TPS out of the way: what batching and concurrency give by themselves.
                    await using var open = await TargetAsync(UnlimitedTps, latency).ConfigureAwait(false);
                    var unlimitedCount = _options.Count ?? 50_000;
                    var free = await RunEngineAsync(open, UnlimitedTps, unlimitedCount).ConfigureAwait(false);
                    var freeRatio = free.DestinationsPerSecond / Math.Max(naive.DestinationsPerSecond, 1e-9);
                    rows.Add(new SummaryRow(name, $"engine with TPS not the limit, {Figures.Count(unlimitedCount)} destinations",
                        Figures.Rate(free.DestinationsPerSecond) + " = " + Figures.Ratio(freeRatio) + " naive"));
                }
            }

            return rows;
        }

        private static double SustainedRate(EngineRunResult run, IEnumerable<Results.SandboxRequest>? server)
        {
            if (server is null) return run.DestinationsPerSecond;
            var windows = RateWindows.FromServer(server);
            return windows.SteadyRate > 0 ? windows.SteadyRate : run.DestinationsPerSecond;
        }

        /// <summary>Did every destination get exactly one success, and what did the server answer (after the first skipRequests).</summary>
        private IEnumerable<SummaryRow> Outcomes(string name, EngineRunResult run, long count, BenchTarget target, int skipRequests = 0)
        {
            var complete = run.Results == count && run.Succeeded == count;
            yield return SummaryRow.Judged(name, "one success per destination", run.Statuses() + (run.FirstFailure is null ? "" : "; first problem: " + run.FirstFailure),
                Figures.Count(count) + " Queued", complete);
            var server = target.ServerRequests?.Skip(skipRequests).ToList();
            if (server is not null)
            {
                var answers = string.Join(", ", server.GroupBy(r => r.StatusCode).OrderBy(g => g.Key)
                    .Select(g => $"{Figures.Count(g.Count())} x {g.Key}" + (g.Key is >= 200 and < 300 ? $" ({Figures.Count(g.Sum(r => (long)r.DestinationCount))} dest.)" : "")));
                yield return new SummaryRow(name, "requests by answer (server view)", answers);
            }
        }

        private TimeSpan LatencyOr(int defaultMs) =>
            _options.AgainstSandbox ? TimeSpan.FromMilliseconds(_options.LatencyMs ?? defaultMs) : TimeSpan.Zero;

        private async Task<BenchTarget> TargetAsync(int serverTps, TimeSpan latency)
        {
            if (_options.Endpoint is not null)
                return BenchTarget.ForEndpoint(_options.Endpoint, new BenchCredentials(_options.ServiceKey, _options.ServiceId, _options.ServiceSecret));
            return await BenchTarget.StartSandboxAsync(serverTps, latency).ConfigureAwait(false);
        }

        private Task<EngineRunResult> RunEngineAsync(BenchTarget target, int tps, long count, bool sampleMemory = false)
        {
            var settings = target.Settings(tps);
            var dispatch = new DispatchOptions { ExpectedTotal = count };
            if (_options.Concurrency is int concurrency) dispatch = new DispatchOptions { ExpectedTotal = count, MaxConcurrentRequests = concurrency };
            // The driver blocks in Add as the pipeline thread does: give it a thread of its own, not a pool thread.
            return Task.Factory.StartNew(() =>
            {
                using var session = _engine().Open(settings);
                var run = EngineDriver.Run(session, _send, count, dispatch, sampleMemory);
                _log.WriteLine($"#   engine: {Figures.Count(run.Results)} results in {Figures.Seconds(run.Elapsed)} ({Figures.Rate(run.DestinationsPerSecond)})");
                return run;
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        /// <summary>
        /// JIT, tiering and the first connections, once per process, on a sandbox of their own so that no
        /// scenario's server record includes them. Never against a real endpoint: that would really send.
        /// </summary>
        private async Task WarmUpAsync(BenchTarget scenarioTarget)
        {
            if (_warmedUp || !scenarioTarget.IsSandbox) return;
            _warmedUp = true;
            await using var warm = await BenchTarget.StartSandboxAsync(UnlimitedTps, TimeSpan.Zero).ConfigureAwait(false);
            for (var i = 0; i < 3; i++) await RunEngineAsync(warm, UnlimitedTps, 20_000).ConfigureAwait(false);
        }
    }
}
