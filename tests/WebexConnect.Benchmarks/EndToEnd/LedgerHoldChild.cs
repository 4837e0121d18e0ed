using System;
using System.Collections.Generic;
using WebexConnect.Engine.Dispatch;

namespace WebexConnect.Benchmarks.EndToEnd
{
    /// <summary>
    /// Internal mode for the stale-ledger tests: another process that has a tenant's ledger open, as a PowerShell
    /// session connected to it has, until its input ends or it is killed. Byte-range locks are per process, so
    /// this cannot be played inside the test's own.
    /// </summary>
    internal static class LedgerHoldChild
    {
        public const string Mode = "--child-hold-ledger";

        /// <summary>What the child writes once it holds the ledger.</summary>
        public const string Holding = "holding";

        /// <returns>0 when its input ended; 2 when the ledger could not be opened.</returns>
        public static int Run(IReadOnlyList<string> args)
        {
            if (args.Count != 1)
            {
                Console.Error.WriteLine(Mode + " <ledgerPath>");
                return 2;
            }
            using var ledger = SharedRateLedger.TryOpen(args[0], out var problem);
            if (ledger is null)
            {
                Console.Error.WriteLine(problem);
                return 2;
            }
            Console.WriteLine(Holding);
            Console.Out.Flush();
            Console.In.ReadToEnd();
            return 0;
        }
    }
}
