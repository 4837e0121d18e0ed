using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using WebexConnect.Engine.Sandbox;
using WebexConnect.Sandbox.Host;
using Xunit;
using static WebexConnect.Tests.Sandbox.SandboxTestKit;

namespace WebexConnect.Tests.Sandbox
{
    /// <summary>The TPS limit, counted in destinations over a strict sliding one-second window.</summary>
    public sealed class SandboxRateTests
    {
        private static readonly HttpClient Client = new HttpClient();

        [Fact]
        public async Task More_destinations_than_tps_in_one_request_get_7009()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { Tps = 10 });

            using var response = await Client.SendAsync(Post(host.MessagesUri, SmsPerPerson(11)));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("7009", (await JsonBodyAsync(response)).GetProperty("code").GetString());
        }

        [Fact]
        public async Task Every_answer_announces_the_limit_and_what_remains()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { Tps = 10 });

            using var accepted = await Client.SendAsync(Post(host.MessagesUri, SmsPerPerson(4)));
            using var unauthorized = await Client.SendAsync(Post(host.MessagesUri, SmsPerPerson(1), key: null));

            Assert.Equal("10", Header(accepted, "x-rate-limit-limit"));
            Assert.Equal("6", Header(accepted, "x-rate-limit-remaining"));
            Assert.Equal("10", Header(unauthorized, "x-rate-limit-limit"));
            Assert.Equal("6", Header(unauthorized, "x-rate-limit-remaining"));
        }

        [Fact]
        public async Task Second_over_tps_gets_429_7020_with_retry_after_and_the_window_then_reopens()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { Tps = 10 });

            using var first = await Client.SendAsync(Post(host.MessagesUri, SmsPerPerson(8)));
            var sentAt = Stopwatch.StartNew();
            using var over = await Client.SendAsync(Post(host.MessagesUri, SmsPerPerson(3, 100)));

            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            Assert.Equal((HttpStatusCode)429, over.StatusCode);
            Assert.Equal("7020", (await JsonBodyAsync(over)).GetProperty("code").GetString());
            Assert.Equal(TimeSpan.FromSeconds(1), over.Headers.RetryAfter!.Delta);
            Assert.Equal(8, host.Server.AcceptedDestinations.Total);

            await Task.Delay(TimeSpan.FromSeconds(1.05) - sentAt.Elapsed + TimeSpan.FromMilliseconds(50));
            using var again = await Client.SendAsync(Post(host.MessagesUri, SmsPerPerson(10, 200)));

            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        }

        [Fact]
        public async Task Under_concurrent_pressure_no_one_second_window_holds_more_than_tps()
        {
            const int tps = 40;
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { Tps = tps });
            var clock = Stopwatch.StartNew();
            var next = 0;

            async Task Pump()
            {
                while (clock.Elapsed < TimeSpan.FromSeconds(2.5))
                {
                    var n = System.Threading.Interlocked.Increment(ref next);
                    using var response = await Client.SendAsync(Post(host.MessagesUri, SmsPerPerson(1 + n % 5, n * 10)));
                }
            }

            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(Pump)));

            var accepted = host.Server.Requests.Where(r => r.MessageId != null).OrderBy(r => r.ReceivedAt).ToList();
            foreach (var start in accepted)
            {
                var inWindow = accepted.Where(r => r.ReceivedAt >= start.ReceivedAt && r.ReceivedAt < start.ReceivedAt.AddSeconds(1))
                    .Sum(r => r.DestinationCount);
                Assert.True(inWindow <= tps, $"{inWindow} destinations accepted within one second from {start.ReceivedAt:O}");
            }
            Assert.True(accepted.Sum(r => r.DestinationCount) > tps, "the pressure never reached a second window");
            Assert.Contains(host.Server.Requests, r => r.StatusCode == 429);
        }

        [Fact]
        public async Task Zero_tps_means_unlimited_and_no_rate_headers()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { Tps = 0 });

            using var response = await Client.SendAsync(Post(host.MessagesUri, SmsPerPerson(1000)));

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.False(response.Headers.Contains("x-rate-limit-limit"));
        }
    }
}
