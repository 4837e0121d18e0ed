using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using WebexConnect.Benchmarks.Reporting;
using WebexConnect.Sandbox.Host;

namespace WebexConnect.Benchmarks.EndToEnd
{
    /// <summary>
    /// Issue 13, item 3: two pwsh processes sending to one tenant share its TPS. Each round, against a fresh strict
    /// tenant (TPS 200, 0-50 ms of arrival jitter): one process sends 3,000 rows; then two at once send 1,500 each.
    /// Judged: no 429 and never over the TPS in any second in every round, and the slower of the two within 10 % of
    /// the one (the median round; the worst beside it), each timed by its own script from its first row to its last
    /// result. A timing, so here and not in the Pester suite, which checks the sharing itself.
    /// </summary>
    internal static class SharedTenantProcesses
    {
        public const double MaxSlowerThanOne = 1.10;
        private const int Tps = 200;
        private const int Rows = 3_000;
        private const int Rounds = 3;

        public static async Task<IReadOnlyList<SummaryRow>> RunAsync(TextWriter log)
        {
            var script = Path.Combine(PwshPipeline.RepoRoot(), "tests", "WebexConnect.Benchmarks", "Pwsh", "SharedTpsSend.ps1");
            var ratios = new List<double>();
            var shareAlone = new List<double>();
            var shareTogether = new List<double>();
            var refused = 0;
            var most = 0;
            var allQueued = true;
            var lines = new List<string>();
            for (var round = 1; round <= Rounds; round++)
            {
                double one;
                await using (var alone = await StrictTenantServer.StartAsync(new StrictTenantOptions { Tps = Tps }).ConfigureAwait(false))
                {
                    var result = await SendAsync(script, alone.BaseUri, 1, Rows, log).ConfigureAwait(false);
                    allQueued &= result.Queued == Rows;
                    one = result.Seconds;
                    shareAlone.Add(StrictRunFigures.Of(alone.Arrivals, Tps).Share);
                }

                await using var shared = await StrictTenantServer.StartAsync(new StrictTenantOptions { Tps = Tps }).ConfigureAwait(false);
                var both = await Task.WhenAll(
                    SendAsync(script, shared.BaseUri, 1, Rows / 2, log),
                    SendAsync(script, shared.BaseUri, Rows / 2 + 1, Rows / 2, log)).ConfigureAwait(false);
                allQueued &= both.Sum(b => b.Queued) == Rows;
                var figures = StrictRunFigures.Of(shared.Arrivals, Tps);
                shareTogether.Add(figures.Share);
                refused += figures.Refused;
                most = Math.Max(most, figures.MostInOneSecond);
                var together = both.Max(b => b.Seconds);
                ratios.Add(together / one);
                lines.Add(string.Format(CultureInfo.InvariantCulture, "{0:0.0} vs {1:0.0} s", together, one));
                log.WriteLine(string.Format(CultureInfo.InvariantCulture, "#   round {0}: one process {1:N0} rows {2:0.00} s; two of {3:N0} each {4:0.00} and {5:0.00} s; {6}",
                    round, Rows, one, Rows / 2, both[0].Seconds, both[1].Seconds, figures));
            }

            ratios.Sort();
            var median = ratios[ratios.Count / 2];
            return new[]
            {
                SummaryRow.Judged("processes", $"two pwsh of {Rows / 2:N0} rows vs one of {Rows:N0}, TPS {Tps}: slower of the two / one (median of {Rounds} rounds)",
                    string.Format(CultureInfo.InvariantCulture, "{0:0.000} (worst {1:0.000}; {2})", median, ratios[^1], string.Join(", ", lines)),
                    $"<= {MaxSlowerThanOne:0.00}", median <= MaxSlowerThanOne),
                new SummaryRow("processes", "the tenant's share of its TPS, two processes / one (lowest, mean)",
                    string.Format(CultureInfo.InvariantCulture, "{0:0.0} %, {1:0.0} % / {2:0.0} %, {3:0.0} %",
                        shareTogether.Min() * 100, shareTogether.Average() * 100, shareAlone.Min() * 100, shareAlone.Average() * 100)),
                SummaryRow.Judged("processes", "429s; most destinations in one second (all rounds)", $"{refused}; {most}", $"0; <= {Tps}", refused == 0 && most <= Tps),
                SummaryRow.Judged("processes", "every row Queued once", allQueued ? "yes" : "no", "yes", allQueued),
            };
        }

        private static async Task<(int Queued, double Seconds)> SendAsync(string script, Uri tenant, int from, int count, TextWriter log)
        {
            string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
            var json = await PwshPipeline.RunScriptAsync(script, log, "-Uri", tenant.ToString(), "-From", Text(from), "-Count", Text(count), "-Tps", Text(Tps)).ConfigureAwait(false);
            return (json.GetProperty("queued").GetInt32(), json.GetProperty("seconds").GetDouble());
        }
    }
}
