using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using WebexConnect.Benchmarks;
using WebexConnect.Benchmarks.Reporting;
using Xunit;

namespace WebexConnect.Tests.Benchmarks
{
    /// <summary>
    /// The harness's own scenario code, run briefly against the loopback sandbox through the real engine, to prove
    /// it works. No performance is asserted here: only that every destination got one result and the table was made.
    /// </summary>
    public sealed class BenchHarnessSmokeTests
    {
        [Fact]
        public async Task Throughput_scenario_sends_every_destination_once_and_reports_a_rate()
        {
            var table = await RunAsync("--scenario", "throughput", "--count", "2000");

            AssertRan(table, "throughput");
            Assert.Contains(table.Rows, r => r.Metric.StartsWith("destinations per second", StringComparison.Ordinal) && r.Measured.EndsWith("/s", StringComparison.Ordinal));
            var answers = Assert.Single(table.Rows, r => r.Metric.StartsWith("requests by answer", StringComparison.Ordinal));
            Assert.Contains("(2,000 dest.)", answers.Measured, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Rate_scenario_reads_the_servers_windows_and_never_sees_one_over_tps()
        {
            var table = await RunAsync("--scenario", "rate", "--tps", "1000", "--count", "2000");

            AssertRan(table, "rate");
            // Not a performance figure: a window over TPS would be the engine breaking the tenant's limit.
            var window = Assert.Single(table.Rows, r => r.Metric.StartsWith("most destinations sent in any one-second window", StringComparison.Ordinal));
            Assert.Equal(Verdict.Met, window.Verdict);
        }

        [Fact]
        public void Summary_table_aligns_columns_and_marks_missed_targets()
        {
            var table = new SummaryTable();
            table.Add(SummaryRow.Judged("rate", "share of TPS", "95.0 %", ">= 97.0 %", met: false));
            table.Add(new SummaryRow("rate", "wall clock", "10.2 s"));
            var text = new StringWriter();

            table.WriteTo(text);

            var lines = text.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(4, lines.Length);
            Assert.EndsWith("MISSED", lines[2], StringComparison.Ordinal);
            // The scenario is named once per group, and every line's columns start where the header's do.
            Assert.StartsWith("| wall clock", lines[3].TrimStart(), StringComparison.Ordinal);
            Assert.Equal(lines[0].IndexOf('|'), lines[3].IndexOf('|'));
            Assert.False(table.AllMet);
        }

        private static async Task<SummaryTable> RunAsync(params string[] args) =>
            await new BenchRun(BenchOptions.Parse(args), TextWriter.Null).RunAsync();

        private static void AssertRan(SummaryTable table, string scenario)
        {
            Assert.DoesNotContain(table.Rows, r => r.Metric == "failed");
            Assert.Contains(table.Rows, r => r.Scenario.StartsWith(scenario, StringComparison.Ordinal));
            var outcome = Assert.Single(table.Rows, r => r.Metric == "one success per destination");
            Assert.True(outcome.Verdict == Verdict.Met, outcome.Measured);
        }
    }
}
