using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine;
using WebexConnect.Engine.Dispatch;
using WebexConnect.Engine.Diagnostics;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sandbox.Host;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.Dispatch
{
    /// <summary>
    /// The engine against the strict tenant on a real socket (StrictTenantServer: sliding one-second window by
    /// arrival, 0-50 ms arrival jitter): the fast version of the benchmarks' fidelity matrix, and the tenant whose
    /// TPS the user did not give.
    /// </summary>
    [Collection(StrictTenantCollection.Name)]
    public class StrictTenantTests
    {
        [Theory]
        [InlineData(50, 0)]
        [InlineData(1000, 0)]
        [InlineData(200, 200)]
        public async Task ThreeSecondsWorthReachTheTenantWithNo429AndNeverMoreThanItsTpsInOneSecond(int tps, int latencyMs)
        {
            await using var server = await StrictTenantServer.StartAsync(new StrictTenantOptions { Tps = tps, Latency = TimeSpan.FromMilliseconds(latencyMs) });
            var (results, _) = Send(server.BaseUri, tps, rows: tps * 3, noSharedTps: true);

            Assert.All(results, r => Assert.Equal(SendStatus.Queued, r.Status));
            var figures = StrictRunFigures.Of(server.Arrivals, tps);
            Assert.True(figures.Refused == 0 && figures.MostInOneSecond <= tps, figures.ToString());
            // Loose: a loaded two-core CI machine; the benchmarks' fidelity matrix gives the real figures.
            Assert.True(figures.Share >= (latencyMs == 0 ? 0.70 : 0.50), figures.ToString());
        }

        [Fact]
        public async Task WithoutATpsATps5TenantGetsEveryRowTheRateSettlesAt5AndTheRunWarnsOnce()
        {
            await using var server = await StrictTenantServer.StartAsync(new StrictTenantOptions { Tps = 5 });
            using var session = Open(server.BaseUri, tps: null, noSharedTps: true);

            var (first, warnings) = Run(session, 1, 20);
            Assert.Equal(20, first.Count);
            Assert.All(first, r => Assert.Equal(SendStatus.Queued, r.Status));
            var warning = Assert.Single(warnings);
            // The rate it settles on is what the tenant accepted from us in the last second: 5, or 4 when a request's
            // answer fell just outside that second. Never more than the tenant's limit.
            var settled = System.Text.RegularExpressions.Regex.Match(warning, @"Connect-WebexConnect -Tps (\d+)");
            Assert.True(settled.Success, warning);
            var rate = int.Parse(settled.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(rate >= 3 && rate <= 5, warning + " / " + StrictRunFigures.Of(server.Arrivals, 5)
                + " / " + string.Join(" ", server.Arrivals.Select(a => a.At.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + ":" + a.Status)));
            // Finding the rate costs the first second's refusals (the session starts at 10 a second); after that, none.

            var refusedBefore = server.Arrivals.Count(a => a.Status == 429);
            var (second, again) = Run(session, 21, 10);
            Assert.All(second, r => Assert.Equal(SendStatus.Queued, r.Status));
            Assert.Empty(again);
            Assert.Equal(refusedBefore, server.Arrivals.Count(a => a.Status == 429));
        }

        [Fact]
        public async Task ATpsAboveTheTenantsLimitIsLoweredOn7009AndEveryRowIsSentWithOneWarningNamingIt()
        {
            // The admin gave -Tps 50 to a tenant of 20: every request of 50 is refused whole (7009). Once, that refused
            // every row of the run, each with its own error; then the rate halved to 12, 60 % of what the tenant takes.
            await using var server = await StrictTenantServer.StartAsync(new StrictTenantOptions { Tps = 20 });
            using var session = Open(server.BaseUri, tps: 50, noSharedTps: true);

            var (results, warnings) = Run(session, 1, 120);

            Assert.Equal(120, results.Count);
            Assert.All(results, r => Assert.Equal(SendStatus.Queued, r.Status));
            var warning = Assert.Single(warnings);
            Assert.Contains("-Tps 50 is more than this tenant takes", warning);
            // Not the 12 that halving 50 reaches: the gate searched up to the largest request the tenant took.
            Assert.Contains("Connect-WebexConnect -Tps 20 ", warning);
            var figures = StrictRunFigures.Of(server.Arrivals, 20);
            Assert.True(figures.Refused == 0 && figures.MostInOneSecond <= 20, figures.ToString());
            // What 7009 refused whole was resent, and nothing more: the tenant took each of the 120 rows once.
            Assert.Equal(120, figures.Accepted);
        }

        [Fact]
        public async Task TwoSessionsOfOneTenantShareOneBudgetThroughTheLedgerFile()
        {
            await using var server = await StrictTenantServer.StartAsync(new StrictTenantOptions { Tps = 200 });
            var sends = new[] { 1, 401 }.Select(first => Task.Factory.StartNew(() =>
            {
                using var session = Open(server.BaseUri, 200, noSharedTps: false);
                return Run(session, first, 400).Results;
            }, TaskCreationOptions.LongRunning)).ToArray();
            var results = (await Task.WhenAll(sends)).SelectMany(r => r).ToList();

            Assert.Equal(800, results.Count(r => r.Status == SendStatus.Queued));
            var figures = StrictRunFigures.Of(server.Arrivals, 200);
            Assert.True(figures.Refused == 0 && figures.MostInOneSecond <= 200, figures.ToString());
        }

        private static (List<SendResult> Results, List<string> Warnings) Send(Uri baseUri, int? tps, int rows, bool noSharedTps)
        {
            using var session = Open(baseUri, tps, noSharedTps);
            return Run(session, 1, rows);
        }

        private static (List<SendResult> Results, List<string> Warnings) Run(IEngineSession session, int first, int count)
        {
            var message = new SmsMessage { From = "ACME", Text = "Hi" };
            var results = new List<SendResult>();
            var warnings = new List<string>();
            using var dispatcher = session.CreateDispatcher(new DispatchOptions(), CancellationToken.None);
            for (var i = first; i < first + count; i++)
            {
                dispatcher.Add(new DispatchItem(message, new Recipient("+4477009" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)), i));
                results.AddRange(dispatcher.TakeReady());
            }

            results.AddRange(dispatcher.Complete());
            warnings.AddRange(dispatcher.TakeDiagnostics().Where(d => d.Level == DiagnosticLevel.Warning).Select(d => d.Message));
            return (results, warnings);
        }

        private static IEngineSession Open(Uri baseUri, int? tps, bool noSharedTps)
        {
            var key = new SecureString();
            foreach (var c in "strict-tenant-key") key.AppendChar(c);
            return new ConnectEngine().Open(new ConnectionSettings
            {
                BaseUri = baseUri,
                AuthMode = ConnectAuthMode.ServiceKey,
                ServiceKey = key,
                Tps = tps,
                NoSharedTps = noSharedTps,
            });
        }
    }

    /// <summary>
    /// The strict-tenant tests run alone, as the benchmarks' fidelity matrix does. The gate's measured floor trusts that
    /// the way to the service does not suddenly get much quicker than any answer seen (ArrivalEstimator), and the share
    /// of the TPS depends on the sending thread getting its turns; dozens of test classes starting and ending beside
    /// them on two cores break both at once. The project's CI failed the TPS-200, 200-ms case once that way (its log
    /// kept no figures) while hundreds of runs alone met 0 x 429.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class StrictTenantCollection
    {
        public const string Name = "Strict tenant";
    }
}
