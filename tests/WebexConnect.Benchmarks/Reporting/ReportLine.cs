using System;

namespace WebexConnect.Benchmarks.Reporting
{
    /// <summary>A table row as one tab-separated line, so a child run can hand its rows to the parent.</summary>
    internal static class ReportLine
    {
        private const string Prefix = "ROW\t";

        public static string Format(SummaryRow row) =>
            Prefix + string.Join("\t", Clean(row.Scenario), Clean(row.Metric), Clean(row.Measured), Clean(row.Target), row.Verdict.ToString());

        public static SummaryRow? Parse(string line)
        {
            if (!line.StartsWith(Prefix, StringComparison.Ordinal)) return null;
            var cells = line.Substring(Prefix.Length).Split('\t');
            if (cells.Length != 5 || !Enum.TryParse<Verdict>(cells[4], out var verdict)) return null;
            return new SummaryRow(cells[0], cells[1], cells[2], cells[3], verdict);
        }

        private static string Clean(string cell) => cell.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
    }
}
