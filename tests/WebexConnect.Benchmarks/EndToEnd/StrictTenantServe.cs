using System;
using System.Globalization;
using System.Threading.Tasks;
using WebexConnect.Sandbox.Host;

namespace WebexConnect.Benchmarks.EndToEnd
{
    /// <summary>
    /// `serve`: runs the strict tenant (StrictTenantServer) as a process of its own, for tests that drive it from
    /// other processes (Pester, several pwsh at once). Prints its base URI as the first line of output, answers
    /// GET /strict/figures with what it saw, and stops when its standard input closes.
    /// Options: --tps n (default 100), --jitter-ms n (default 50), --latency-ms n (default 0), --announce-limit.
    /// </summary>
    internal static class StrictTenantServe
    {
        public const string Mode = "serve";

        public static async Task<int> RunAsync(string[] args)
        {
            var options = new StrictTenantOptions();
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--tps": options.Tps = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--jitter-ms": options.ArrivalJitter = TimeSpan.FromMilliseconds(int.Parse(args[++i], CultureInfo.InvariantCulture)); break;
                    case "--latency-ms": options.Latency = TimeSpan.FromMilliseconds(int.Parse(args[++i], CultureInfo.InvariantCulture)); break;
                    case "--announce-limit": options.AnnounceLimit = true; break;
                    default:
                        Console.Error.WriteLine("serve: unknown option " + args[i]);
                        return 2;
                }
            }

            await using var server = await StrictTenantServer.StartAsync(options).ConfigureAwait(false);
            Console.Out.WriteLine(server.BaseUri);
            Console.Out.Flush();
            await Task.Run(() => Console.In.ReadToEnd()).ConfigureAwait(false);
            return 0;
        }
    }
}
