using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace WebexConnect.Benchmarks.Reporting
{
    /// <summary>Whether a figure met its target; Info for figures that have none (context, not a verdict).</summary>
    internal enum Verdict
    {
        Info,
        Met,
        Missed,
    }

    /// <summary>One line of the summary: a measured figure and the target it is held to.</summary>
    internal sealed class SummaryRow
    {
        public SummaryRow(string scenario, string metric, string measured, string target = "", Verdict verdict = Verdict.Info)
        {
            Scenario = scenario;
            Metric = metric;
            Measured = measured;
            Target = target;
            Verdict = verdict;
        }

        public string Scenario { get; }
        public string Metric { get; }
        public string Measured { get; }
        public string Target { get; }
        public Verdict Verdict { get; }

        /// <summary>A row held to a target: met when <paramref name="met"/>.</summary>
        public static SummaryRow Judged(string scenario, string metric, string measured, string target, bool met) =>
            new SummaryRow(scenario, metric, measured, target, met ? Verdict.Met : Verdict.Missed);
    }

    /// <summary>The one table the harness prints: every scenario's figures, aligned, with the verdicts.</summary>
    internal sealed class SummaryTable
    {
        private static readonly string[] Headers = { "Scenario", "Metric", "Measured", "Target", "" };
        private readonly List<SummaryRow> _rows = new List<SummaryRow>();

        public IReadOnlyList<SummaryRow> Rows => _rows;

        public void Add(SummaryRow row) => _rows.Add(row);

        public void AddRange(IEnumerable<SummaryRow> rows) => _rows.AddRange(rows);

        public bool AllMet => _rows.All(r => r.Verdict != Verdict.Missed);

        public void WriteTo(TextWriter output)
        {
            var cells = _rows.Select(r => new[] { r.Scenario, r.Metric, r.Measured, r.Target, Mark(r.Verdict) }).ToList();
            var widths = Enumerable.Range(0, Headers.Length)
                .Select(c => Math.Max(Headers[c].Length, cells.Count == 0 ? 0 : cells.Max(row => row[c].Length)))
                .ToArray();

            WriteLine(output, Headers, widths);
            output.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
            string? previous = null;
            foreach (var row in cells)
            {
                // The scenario name once per group reads better than a column of repeats.
                var shown = (string[])row.Clone();
                if (shown[0] == previous) shown[0] = "";
                previous = row[0];
                WriteLine(output, shown, widths);
            }
        }

        private static void WriteLine(TextWriter output, IReadOnlyList<string> cells, int[] widths) =>
            output.WriteLine(string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());

        private static string Mark(Verdict verdict) => verdict switch
        {
            Verdict.Met => "met",
            Verdict.Missed => "MISSED",
            _ => "",
        };
    }
}
