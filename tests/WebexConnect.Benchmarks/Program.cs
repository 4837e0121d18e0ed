using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using WebexConnect.Benchmarks.Composition;

namespace WebexConnect.Benchmarks
{
    internal static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            // Internal: the fault suite's child, killed mid-run on purpose (EndToEnd/JournalSendChild.cs).
            if (args.Length >= 1 && args[0] == EndToEnd.JournalSendChild.Mode)
                return EndToEnd.JournalSendChild.Run(args.Skip(1).ToArray());

            // Internal: a process holding a tenant's ledger open, for the stale-ledger tests (EndToEnd/LedgerHoldChild.cs).
            if (args.Length >= 1 && args[0] == EndToEnd.LedgerHoldChild.Mode)
                return EndToEnd.LedgerHoldChild.Run(args.Skip(1).ToArray());

            // A test fixture: the strict tenant as a process of its own (Pester drives it from several pwsh).
            if (args.Length >= 1 && args[0] == EndToEnd.StrictTenantServe.Mode)
                return await EndToEnd.StrictTenantServe.RunAsync(args.Skip(1).ToArray()).ConfigureAwait(false);

            // The rate-fidelity matrix against the strict tenant (issue 13), and its cold child.
            if (args.Length >= 1 && args[0] == EndToEnd.FidelityMatrix.Mode)
                return await EndToEnd.FidelityMatrix.RunAsync(args.Skip(1).ToArray(), Console.Out).ConfigureAwait(false);
            if (args.Length >= 1 && args[0] == EndToEnd.FidelityMatrix.ChildMode)
                return EndToEnd.FidelityMatrix.RunChild(args.Skip(1).ToArray());

            if (args.Length >= 2 && args[0] == "bench" && args[1] == "composition")
            {
                BenchmarkRunner.Run<CompositionBenchmarks>(args: args.Skip(2).ToArray());
                return 0;
            }

            BenchOptions options;
            try
            {
                options = BenchOptions.Parse(args);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 2;
            }

            if (options.ShowHelp)
            {
                Console.WriteLine(BenchOptions.Usage);
                return 0;
            }

            var table = await new BenchRun(options, options.ReportLine ? Console.Error : Console.Out).RunAsync().ConfigureAwait(false);
            if (options.ReportLine) return table.AllMet ? 0 : 1;
            Console.WriteLine();
            table.WriteTo(Console.Out);
            return table.AllMet ? 0 : 1;
        }
    }
}
