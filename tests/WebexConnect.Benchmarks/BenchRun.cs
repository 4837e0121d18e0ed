using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using WebexConnect.Benchmarks.Composition;
using WebexConnect.Benchmarks.EndToEnd;
using WebexConnect.Benchmarks.Reporting;
using WebexConnect.Engine;
using WebexConnect.Sending;

namespace WebexConnect.Benchmarks
{
    /// <summary>Runs the selected scenarios one after another and collects their rows into one table.</summary>
    internal sealed class BenchRun
    {
        private readonly BenchOptions _options;
        private readonly TextWriter _log;
        private readonly Func<IConnectEngine> _engine;

        public BenchRun(BenchOptions options, TextWriter log, Func<IConnectEngine>? engine = null)
        {
            _options = options;
            _log = log;
            _engine = engine ?? (() => new ConnectEngine());
        }

        public async Task<SummaryTable> RunAsync()
        {
            var table = new SummaryTable();
            if (!_options.ReportLine) table.Add(Environment());
            var scenarios = new EndToEndScenarios(_options, _engine, _log);
            foreach (var name in _options.Scenarios)
            {
                _log.WriteLine("# " + name + " ...");
                IReadOnlyList<SummaryRow> rows;
                try
                {
                    rows = name switch
                    {
                        "composition" => QuickComposition.Run(_options.Channel),
                        "throughput" => await scenarios.ThroughputAsync().ConfigureAwait(false),
                        "rate" => await scenarios.RateAsync().ConfigureAwait(false),
                        "latency" => await scenarios.LatencyHidingAsync().ConfigureAwait(false),
                        "memory" => await scenarios.MemoryAsync().ConfigureAwait(false),
                        "baseline" => await scenarios.BaselineAsync().ConfigureAwait(false),
                        "pwsh" => await PwshPipeline.RunAsync(_options, _log).ConfigureAwait(false),
                        "processes" => await SharedTenantProcesses.RunAsync(_log).ConfigureAwait(false),
                        _ => throw new ArgumentException("No scenario " + name),
                    };
                }
                catch (Exception ex)
                {
                    // One broken scenario must not hide the others' figures; the table says what failed.
                    rows = new[] { new SummaryRow(name, "failed", ex.GetType().Name + ": " + ex.Message, "runs", Verdict.Missed) };
                }

                table.AddRange(rows);
                if (_options.ReportLine)
                {
                    foreach (var row in rows) Console.Out.WriteLine(ReportLine.Format(row));
                }
            }

            return table;
        }

        /// <summary>
        /// Runtime, cores and (on Linux) the load average at the start: timings from a machine shared with other
        /// work are only comparable with this beside them.
        /// </summary>
        private static SummaryRow Environment()
        {
            var load = "";
            try
            {
                if (File.Exists("/proc/loadavg")) load = ", load average " + File.ReadAllText("/proc/loadavg").Split(' ')[0];
            }
            catch (IOException)
            {
            }

            return new SummaryRow("environment", ".NET, logical cores, load",
                System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription + ", " + System.Environment.ProcessorCount + " cores" + load);
        }
    }
}
