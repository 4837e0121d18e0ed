using System;
using System.Linq;
using System.Threading.Tasks;
using WebexConnect.Engine.Sandbox;
using WebexConnect.Engine.Transport;
using WebexConnect.Results;
using WebexConnect.Sandbox.Host;
using Xunit;

namespace WebexConnect.Tests.Faults
{
    /// <summary>
    /// The server goes away mid-run (open connections cut, new ones refused for a while) and comes back on
    /// the same port, with batches in flight on both sides of the restart.
    /// </summary>
    public class ServerRestartFaultTests
    {
        [Fact]
        public async Task A_restart_with_four_requests_in_flight_cuts_those_to_Unknown_and_the_run_resumes_when_the_server_is_back()
        {
            var (host, results, back) = await RunThroughRestartAsync(maxConcurrentRequests: 4);
            await using (host)
            {
                FaultBench.AssertExactlyOnceAndTruthful(results, Rows, host.Server);
                AssertServerHoldsExactlyWhatTheResultsSay(results, host.Server);
                // Only the cut requests are Unknown: their bodies had been written, so the service may have taken them
                // (most had: the answer was on its way) and none was resent (issue 16), whatever the socket error said.
                var cut = results.Where(r => r.Status == SendStatus.Unknown).ToList();
                Assert.InRange(cut.Count, 1, 4 * 50);
                // Requests refused while it was down were retried, and the run went on once it was back.
                Assert.Contains(results, r => r.Status == SendStatus.Queued && r.Attempts > 1);
                Assert.Contains(host.Server.Requests, r => r.StatusCode == 201 && r.ReceivedAt >= back);
                Assert.Equal(Rows - cut.Count, results.Count(r => r.Status == SendStatus.Queued));
            }
        }

        [Fact]
        public async Task A_restart_with_eight_requests_in_flight_is_one_failure_and_the_run_resumes()
        {
            // Eight requests cut at once are one failure episode for the circuit, not eight consecutive
            // failures: a 0.7 s blip must not fail the rest of the run for the circuit's 30 s break.
            var (host, results, back) = await RunThroughRestartAsync(maxConcurrentRequests: 8);
            await using (host)
            {
                FaultBench.AssertExactlyOnceAndTruthful(results, Rows, host.Server);
                AssertServerHoldsExactlyWhatTheResultsSay(results, host.Server);
                Assert.DoesNotContain(results, r => r.Code == "CircuitOpen");
                // Unknown only for requests cut in flight (their bodies written): at most the eight of them.
                Assert.InRange(results.Count(r => r.Status == SendStatus.Unknown), 0, 8 * 50);
                Assert.Contains(host.Server.Requests, r => r.StatusCode == 201 && r.ReceivedAt >= back);
            }
        }

        private const int Rows = 3000;

        private static async Task<(LoopbackSandboxHost Host, System.Collections.Generic.List<SendResult> Results, DateTimeOffset Back)> RunThroughRestartAsync(int maxConcurrentRequests)
        {
            // 200 ms per answer keeps requests in flight when the server is cut; batches of 50 make 60 requests.
            var options = new SandboxOptions { ServiceKey = FaultBench.Key, Tps = 5000, Latency = TimeSpan.FromMilliseconds(200) };
            var host = await LoopbackSandboxHost.StartAsync(options);
            using var client = ConnectHttpClientFactory.Create(host.BaseUri);
            using var run = new SmallBatchRun(client, tps: 5000, batchCap: 50, requestTimeout: TimeSpan.FromSeconds(10), maxConcurrentRequests);

            var sending = Task.Run(() => FaultBench.Drive(run.Dispatcher, 1, Rows));
            await WaitUntil(() => host.Server.Requests.Count(r => r.StatusCode == 201) >= 10, TimeSpan.FromSeconds(20));
            await host.RestartAsync(TimeSpan.FromMilliseconds(700));
            var back = DateTimeOffset.UtcNow;
            return (host, await sending, back);
        }

        /// <summary>The server holds exactly the Queued rows plus those Unknown rows it happened to take.</summary>
        private static void AssertServerHoldsExactlyWhatTheResultsSay(System.Collections.Generic.List<SendResult> results, SandboxServer server) =>
            Assert.Equal(results.Count(r => r.Status == SendStatus.Queued) + results.Count(r => r.Status == SendStatus.Unknown && Accepted(server, r)),
                server.AcceptedDestinations.Total);

        private static bool Accepted(SandboxServer server, SendResult result)
        {
            var row = (int)result.InputObject!;
            return server.AcceptedDestinations.CountOf(FaultBench.Address(row), FaultBench.CorrelationOf(row)) == 1;
        }

        private static async Task WaitUntil(Func<bool> condition, TimeSpan limit)
        {
            var until = DateTime.UtcNow + limit;
            while (!condition())
            {
                if (DateTime.UtcNow > until) throw new TimeoutException("The run never reached the point of the restart.");
                await Task.Delay(10);
            }
        }
    }
}
