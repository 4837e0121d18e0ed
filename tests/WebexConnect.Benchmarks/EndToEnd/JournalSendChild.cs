using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security;
using System.Threading;
using WebexConnect.Engine;
using WebexConnect.Messages;
using WebexConnect.Sending;
using static WebexConnect.Benchmarks.EndToEnd.BenchSecrets;

namespace WebexConnect.Benchmarks.EndToEnd
{
    /// <summary>
    /// Internal mode for the fault suite's real-process kill test: sends rows 1..count through the real engine
    /// with a journal, as a scheduled PowerShell run would, so the test can kill this whole process mid-run and
    /// re-run with what the kill left on disk. The service key comes from the environment, never the command line.
    /// </summary>
    internal static class JournalSendChild
    {
        public const string Mode = "--child-journal-send";

        public const string Usage = Mode + " <endpoint> <journalPath> <count> <tps>   (service key in " + BenchCredentials.KeyVariable + ")";

        private static readonly SmsMessage Notice = new SmsMessage { From = "ACME", Text = "Hello $(Name), your order shipped." };

        /// <summary>Row i (1-based) as both the child and the re-run build it: the journal recognises it by this.</summary>
        public static DispatchItem Item(int row) => new DispatchItem(Notice, new Recipient(Address(row), CorrelationOf(row),
            new Dictionary<string, string> { ["Name"] = "Person " + row.ToString(CultureInfo.InvariantCulture) }), inputObject: row);

        public static string Address(int row) => "+4477009" + row.ToString("00000", CultureInfo.InvariantCulture);

        public static string CorrelationOf(int row) => "row-" + row.ToString(CultureInfo.InvariantCulture);

        /// <returns>0 once every row has a result; 2 when the arguments or the environment are not usable.</returns>
        public static int Run(IReadOnlyList<string> args)
        {
            var key = Environment.GetEnvironmentVariable(BenchCredentials.KeyVariable);
            if (args.Count != 4 || string.IsNullOrEmpty(key)
                || !Uri.TryCreate(args[0], UriKind.Absolute, out var endpoint)
                || !int.TryParse(args[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count < 1
                || !int.TryParse(args[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var tps) || tps < 1)
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }

            using var session = new ConnectEngine().Open(new ConnectionSettings
            {
                AuthMode = ConnectAuthMode.ServiceKey,
                ServiceKey = Secure(key),
                BaseUri = endpoint,
                Tps = tps,
                RequestTimeout = TimeSpan.FromSeconds(30),
            });
            using var dispatcher = session.CreateDispatcher(new DispatchOptions { JournalPath = args[1] }, CancellationToken.None);
            var results = 0;
            for (var row = 1; row <= count; row++)
            {
                dispatcher.Add(Item(row));
                foreach (var _ in dispatcher.TakeReady()) results++;
            }

            foreach (var _ in dispatcher.Complete()) results++;
            Console.Out.WriteLine(results.ToString(CultureInfo.InvariantCulture) + " results");
            return results == count ? 0 : 1;
        }
    }
}
