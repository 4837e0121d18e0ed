using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using WebexConnect.Benchmarks.Reporting;

namespace WebexConnect.Benchmarks.EndToEnd
{
    /// <summary>
    /// Runs the memory scenario in a fresh process of this program, pointed at the target, and takes back its
    /// rows. Credentials travel in the child's environment, never on its command line (where `ps` shows them).
    /// </summary>
    internal static class ChildRun
    {
        public static async Task<List<SummaryRow>> RunAsync(BenchTarget target, BenchOptions options, int tps, long count, TextWriter log)
        {
            var start = new ProcessStartInfo
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell which program this is.");
            start.FileName = self;
            if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
                start.ArgumentList.Add(typeof(ChildRun).Assembly.Location);
            foreach (var arg in new[]
                     {
                         "--scenario", "memory", "--report-line",
                         "--endpoint", target.BaseUri.ToString(),
                         "--count", count.ToString(CultureInfo.InvariantCulture),
                         "--tps", tps.ToString(CultureInfo.InvariantCulture),
                         "--channel", options.Channel.ToString().ToLowerInvariant(),
                     })
                start.ArgumentList.Add(arg);
            if (options.SampleAllocations) start.ArgumentList.Add("--allocations");
            if (options.Concurrency is int concurrency)
            {
                start.ArgumentList.Add("--concurrency");
                start.ArgumentList.Add(concurrency.ToString(CultureInfo.InvariantCulture));
            }

            var credentials = target.Credentials;
            Set(start, BenchCredentials.KeyVariable, credentials.ServiceKey);
            Set(start, BenchCredentials.IdVariable, credentials.ServiceId);
            Set(start, BenchCredentials.SecretVariable, credentials.ServiceSecret);

            using var child = Process.Start(start) ?? throw new InvalidOperationException("The memory run could not start.");
            var errors = Task.Run(async () =>
            {
                string? line;
                while ((line = await child.StandardError.ReadLineAsync().ConfigureAwait(false)) is not null) log.WriteLine("#   (child) " + line.TrimStart('#', ' '));
            });
            var rows = new List<SummaryRow>();
            string? output;
            while ((output = await child.StandardOutput.ReadLineAsync().ConfigureAwait(false)) is not null)
            {
                var row = ReportLine.Parse(output);
                if (row is not null) rows.Add(row);
                else log.WriteLine("#   (child) " + output);
            }

            await errors.ConfigureAwait(false);
            await child.WaitForExitAsync().ConfigureAwait(false);
            if (rows.Count == 0)
                rows.Add(new SummaryRow("memory", "failed", $"the child run exited with {child.ExitCode} and reported nothing", "runs", Verdict.Missed));
            return rows;
        }

        private static void Set(ProcessStartInfo start, string name, string? value)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
    }
}
