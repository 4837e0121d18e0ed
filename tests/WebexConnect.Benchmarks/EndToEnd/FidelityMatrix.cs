using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security;
using System.Threading.Tasks;
using WebexConnect.Benchmarks.Composition;
using WebexConnect.Engine;
using WebexConnect.Messages;
using WebexConnect.Sandbox.Host;
using WebexConnect.Sending;
using static WebexConnect.Benchmarks.EndToEnd.BenchSecrets;

namespace WebexConnect.Benchmarks.EndToEnd
{
    /// <summary>
    /// `fidelity`: the rate-fidelity matrix of issue 13 against the strict tenant (StrictTenantServer: a sliding
    /// one-second window by arrival time, 0-50 ms of random arrival jitter). For each TPS, latency and start
    /// (cold: a fresh process per run, this program's `fidelity-child`; warm: this process after a warm-up),
    /// several runs on a fresh server each, the user's -Tps given: 429s, the most destinations in any one-second
    /// window of arrivals, and the achieved share of TPS = destinations / (first-to-last arrival + 1 s) / TPS.
    /// </summary>
    internal static class FidelityMatrix
    {
        public const string Mode = "fidelity";
        public const string ChildMode = "fidelity-child";
        private const string KeyVariable = "WEBEXCONNECT_FIDELITY_KEY";

        public static async Task<int> RunAsync(string[] args, TextWriter output)
        {
            var runs = 20;
            var seconds = 2.0;
            var tpsList = new[] { 5, 50, 200, 1000, 5000 };
            var latencies = new[] { 0, 200 };
            var starts = new[] { "cold", "warm" };
            string? arrivalsFile = null;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--tps": tpsList = args[++i].Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray(); break;
                    case "--latency-ms": latencies = args[++i].Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray(); break;
                    case "--start": starts = args[++i].Split(','); break;
                    case "--arrivals": arrivalsFile = args[++i]; break;
                    default:
                        Console.Error.WriteLine("fidelity: unknown option " + args[i] + " (--runs, --seconds, --tps a,b, --latency-ms a,b, --start cold,warm, --arrivals file)");
                        return 2;
                }
            }

            var clock = Stopwatch.StartNew();
            output.WriteLine("| TPS | latency | start | runs | rows per run | 429s | most in one second | share of TPS: min / mean | target | every row Queued | |");
            output.WriteLine("|---:|---:|---|---:|---:|---:|---:|---|---:|---|---|");
            var allMet = true;
            var warmedUp = false;
            foreach (var tps in tpsList)
            foreach (var latency in latencies)
            foreach (var start in starts)
            {
                var count = Math.Max(10, (long)Math.Round(tps * seconds));
                if (start == "warm" && !warmedUp)
                {
                    await OneRunAsync(tps, latency, count, cold: false, arrivalsFile: null).ConfigureAwait(false);
                    warmedUp = true;
                }

                var figures = new List<(StrictRunFigures Figures, bool AllQueued)>();
                for (var run = 0; run < runs; run++) figures.Add(await OneRunAsync(tps, latency, count, start == "cold", arrivalsFile).ConfigureAwait(false));

                var refused = figures.Sum(f => f.Figures.Refused);
                var most = figures.Max(f => f.Figures.MostInOneSecond);
                var minShare = figures.Min(f => f.Figures.Share);
                var meanShare = figures.Average(f => f.Figures.Share);
                var target = latency == 0 ? 0.97 : 0.95;
                var queued = figures.Count(f => f.AllQueued);
                var met = refused == 0 && most <= tps && minShare >= target && queued == runs;
                allMet &= met;
                output.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "| {0:N0} | {1} ms | {2} | {3} | {4:N0} | {5} | {6:N0} | {7:0.0} % / {8:0.0} % | {9:0} % | {10}/{3} | {11} |",
                    tps, latency, start, runs, count, refused, most, minShare * 100, meanShare * 100, target * 100, queued, met ? "met" : "**missed**"));
                output.Flush();
            }

            output.WriteLine();
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0:0} s in all.", clock.Elapsed.TotalSeconds));
            return allMet ? 0 : 1;
        }

        private static async Task<(StrictRunFigures Figures, bool AllQueued)> OneRunAsync(int tps, int latencyMs, long count, bool cold, string? arrivalsFile)
        {
            await using var server = await StrictTenantServer.StartAsync(new StrictTenantOptions
            {
                Tps = tps,
                Latency = TimeSpan.FromMilliseconds(latencyMs),
                ArrivalJitter = TimeSpan.FromMilliseconds(50),
            }).ConfigureAwait(false);
            var key = "fidelity-" + Guid.NewGuid().ToString("N");
            var allQueued = cold
                ? await RunChildAsync(server.BaseUri, key, tps, count).ConfigureAwait(false)
                : await Task.Factory.StartNew(() => Send(server.BaseUri, key, tps, count), TaskCreationOptions.LongRunning).ConfigureAwait(false);
            if (arrivalsFile is not null) AppendArrivals(arrivalsFile, tps, latencyMs, cold, server.Arrivals);
            return (StrictRunFigures.Of(server.Arrivals, tps), allQueued);
        }

        /// <summary>
        /// One line per run for `--arrivals`: TPS, latency, start, then each request as the tenant counted it, seconds after
        /// the run's first arrival / destinations / status: where a run's share of the TPS went, cycle by cycle.
        /// </summary>
        private static void AppendArrivals(string file, int tps, int latencyMs, bool cold, IReadOnlyList<StrictArrival> arrivals)
        {
            var first = arrivals.Count > 0 ? arrivals.Min(a => a.At) : 0;
            var requests = arrivals.OrderBy(a => a.At).Select(a =>
                string.Format(CultureInfo.InvariantCulture, "{0:0.000}/{1}/{2}", a.At - first, a.Destinations, a.Status));
            File.AppendAllText(file, string.Format(CultureInfo.InvariantCulture, "{0} {1}ms {2} ", tps, latencyMs, cold ? "cold" : "warm") +
                string.Join(" ", requests) + Environment.NewLine);
        }

        /// <summary>One send run as Connect-WebexConnect -Tps and a send cmdlet would make it; true when every row was Queued.</summary>
        private static bool Send(Uri baseUri, string key, int tps, long count)
        {
            using var session = new ConnectEngine().Open(new ConnectionSettings
            {
                BaseUri = baseUri,
                AuthMode = ConnectAuthMode.ServiceKey,
                ServiceKey = Secure(key),
                Tps = tps,
            });
            var run = EngineDriver.Run(session, new PersonalisedSend(MessageChannel.Sms), count, new DispatchOptions { ExpectedTotal = count });
            return run.Succeeded == count && run.Results == count;
        }

        private static async Task<bool> RunChildAsync(Uri baseUri, string key, int tps, long count)
        {
            var start = new ProcessStartInfo { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            var self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell which program this is.");
            start.FileName = self;
            if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
                start.ArgumentList.Add(typeof(FidelityMatrix).Assembly.Location);
            foreach (var arg in new[] { ChildMode, baseUri.ToString(), tps.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture) })
                start.ArgumentList.Add(arg);
            start.Environment[KeyVariable] = key;
            using var child = Process.Start(start) ?? throw new InvalidOperationException("The cold run could not start.");
            var errors = child.StandardError.ReadToEndAsync();
            await child.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
            await child.WaitForExitAsync().ConfigureAwait(false);
            var problems = await errors.ConfigureAwait(false);
            if (problems.Length > 0) Console.Error.Write(problems);
            return child.ExitCode == 0;
        }

        /// <summary>The cold run: a fresh process, one session, one send. Exit 0 when every row was Queued.</summary>
        public static int RunChild(string[] args)
        {
            var key = Environment.GetEnvironmentVariable(KeyVariable) ?? "fidelity";
            return Send(new Uri(args[0]), key, int.Parse(args[1], CultureInfo.InvariantCulture), long.Parse(args[2], CultureInfo.InvariantCulture)) ? 0 : 1;
        }
    }
}
