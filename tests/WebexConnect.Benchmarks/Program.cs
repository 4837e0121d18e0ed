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
