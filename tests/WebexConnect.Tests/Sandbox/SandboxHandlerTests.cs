using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine.Sandbox;
using Xunit;
using static WebexConnect.Tests.Sandbox.SandboxTestKit;

namespace WebexConnect.Tests.Sandbox
{
    /// <summary>The in-process path (Connect-WebexConnect -Sandbox): an HttpClient over SandboxHandler, no socket.</summary>
    public sealed class SandboxHandlerTests
    {
        private static readonly Uri Messages = new Uri("https://api.sandbox.invalid/v2/messages");

        private static (SandboxServer Server, HttpClient Client) Create(SandboxOptions? options = null)
        {
            var server = new SandboxServer(options ?? new SandboxOptions { ServiceKey = Key });
            return (server, new HttpClient(new SandboxHandler(server)));
        }

        [Fact]
        public async Task Accepted_request_answers_201_with_rate_headers()
        {
            var (server, client) = Create();
            using (client)
            {
                using var response = await client.SendAsync(Post(Messages, SmsBody("+15551230001")));

                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                Assert.Equal("queued", (await JsonBodyAsync(response)).GetProperty("status").GetString());
                Assert.Equal("100", Header(response, "x-rate-limit-limit"));
                Assert.Equal("99", Header(response, "x-rate-limit-remaining"));
                Assert.Equal(1, server.AcceptedDestinations.CountOf("+15551230001", "row-1"));
            }
        }

        [Fact]
        public async Task A_bounded_record_keeps_the_latest_requests_and_counts_nothing_per_destination()
        {
            var (server, client) = Create(new SandboxOptions { ServiceKey = Key, MaxRecordedRequests = 3, CountAcceptedDestinations = false, RecordReceipts = false });
            using (client)
            {
                for (var i = 1; i <= 5; i++)
                    using (var response = await client.SendAsync(Post(Messages, SmsBody("+1555123000" + i))))
                        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

                Assert.Equal(new long[] { 3, 4, 5 }, server.Requests.Select(r => r.Number));
                Assert.Equal(0, server.AcceptedDestinations.Total);
                Assert.Empty(server.Receipts);
            }
        }

        [Fact]
        public async Task A_byte_bound_keeps_only_as_many_requests_as_fit_and_always_the_newest()
        {
            // Each body is about 125 bytes of UTF-8: 256 + 125 bytes recorded. 1,500 bytes hold three of them.
            var (server, client) = Create(new SandboxOptions { ServiceKey = Key, MaxRecordedBytes = 1500, CountAcceptedDestinations = false, RecordReceipts = false });
            using (client)
            {
                for (var i = 1; i <= 6; i++)
                    using (var response = await client.SendAsync(Post(Messages, SmsBody("+1555123000" + i))))
                        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

                var kept = server.Requests;
                Assert.Equal(6, kept.Last().Number);
                Assert.InRange(kept.Count, 1, 3);
                Assert.True(kept.Sum(r => SandboxServer.RecordOverheadBytes + (long)Encoding.UTF8.GetByteCount(r.Body)) <= 1500);
            }

            var (tiny, tinyClient) = Create(new SandboxOptions { ServiceKey = Key, MaxRecordedBytes = 1, CountAcceptedDestinations = false, RecordReceipts = false });
            using (tinyClient)
            {
                for (var i = 1; i <= 2; i++)
                    using (var response = await tinyClient.SendAsync(Post(Messages, SmsBody("+1555123000" + i))))
                        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

                Assert.Equal(new long[] { 2 }, tiny.Requests.Select(r => r.Number));
            }
        }

        [Fact]
        public async Task Bad_key_answers_401_with_an_empty_body()
        {
            var (_, client) = Create();
            using (client)
            {
                using var response = await client.SendAsync(Post(Messages, SmsBody("+15551230001"), key: "nope"));

                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            }
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task The_clients_own_body_is_taken_without_a_copy_and_counts_as_written_only_when_it_was(bool dropBeforeBody)
        {
            // The transport decides resend or Unknown by BodyWritten and times the rate gate by the permit's Leaving: taking
            // the body in this process must say both, as writing it to a socket does, and record exactly what was sent.
            var (server, client) = Create();
            using (client)
            {
                if (dropBeforeBody) server.Faults.Enqueue(SandboxFault.DropBeforeBody);
                var bytes = Encoding.UTF8.GetBytes(SmsBody("+15551230001").ToJsonString());
                var left = 0;
                using var content = new WebexConnect.Engine.Transport.JsonBodyContent(bytes, () => left++);
                using var request = Post(Messages, SmsBody("+15551230001"));
                request.Content = content;

                if (dropBeforeBody)
                {
                    await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(request));
                    Assert.False(content.BodyWritten);
                    Assert.Equal(0, left);
                    return;
                }

                using var response = await client.SendAsync(request);
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                Assert.True(content.BodyWritten);
                Assert.Equal(1, left);
                Assert.Equal(Encoding.UTF8.GetString(bytes), server.Requests.Last().Body);
            }
        }

        [Fact]
        public async Task Drop_before_body_looks_like_a_refused_connection_and_accepts_nothing()
        {
            var (server, client) = Create();
            using (client)
            {
                server.Faults.Enqueue(SandboxFault.DropBeforeBody);

                var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(Post(Messages, SmsBody("+15551230001"))));

                Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
                Assert.IsType<SocketException>(error.InnerException);
                Assert.Equal(0, server.AcceptedDestinations.Total);
            }
        }

        [Fact]
        public async Task Drop_after_body_looks_like_a_response_ended_early_and_the_message_was_accepted()
        {
            var (server, client) = Create();
            using (client)
            {
                server.Faults.Enqueue(SandboxFault.DropAfterBody);

                var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(Post(Messages, SmsBody("+15551230001"))));

                Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
                Assert.IsAssignableFrom<IOException>(error.InnerException);
                Assert.Equal(1, server.AcceptedDestinations.Total);
            }
        }

        [Fact]
        public async Task Latency_delays_the_answer_and_honours_cancellation()
        {
            var (_, client) = Create(new SandboxOptions { Latency = TimeSpan.FromMilliseconds(200), LatencyJitter = TimeSpan.FromMilliseconds(50) });
            using (client)
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.SendAsync(Post(Messages, SmsBody("+15551230001")));
                var answeredAfter = clock.Elapsed;
                using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));
                var slowed = new SandboxOptions { Latency = TimeSpan.FromSeconds(30) };
                var (_, slowClient) = Create(slowed);

                clock.Restart();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => slowClient.SendAsync(Post(Messages, SmsBody("+15551230001")), cancel.Token));

                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                Assert.True(answeredAfter >= TimeSpan.FromMilliseconds(190), $"answered after {answeredAfter}");
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"cancellation took {clock.Elapsed}");
                slowClient.Dispose();
            }
        }

        [Fact]
        public async Task Concurrent_requests_are_each_numbered_and_counted_once()
        {
            var (server, client) = Create(new SandboxOptions { Tps = 0 });
            using (client)
            {
                var responses = await Task.WhenAll(Enumerable.Range(0, 400).Select(i =>
                    Task.Run(() => client.SendAsync(Post(Messages, SmsPerPerson(5, i * 5))))));

                Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
                Assert.Equal(2000, server.AcceptedDestinations.Total);
                Assert.Equal(2000, server.AcceptedDestinations.Distinct);
                Assert.Empty(server.AcceptedDestinations.Duplicates());
                Assert.Equal(Enumerable.Range(1, 400).Select(i => (long)i), server.Requests.Select(r => r.Number));
                Assert.Equal(400, server.Requests.Select(r => r.MessageId).Distinct().Count());
                foreach (var r in responses) r.Dispose();
            }
        }

        [Fact]
        public async Task Random_faults_follow_the_seed_so_a_soak_run_can_be_replayed()
        {
            async Task<string?[]> RunAsync()
            {
                var (server, client) = Create(new SandboxOptions { Tps = 0, FaultRate = 0.4, FaultSeed = 42 });
                using (client)
                {
                    for (var i = 0; i < 60; i++)
                    {
                        try { using var _ = await client.SendAsync(Post(Messages, SmsBody(Number(i)))); }
                        catch (HttpRequestException) { }
                    }
                    return server.Requests.Select(r => r.Fault).ToArray();
                }
            }

            var first = await RunAsync();
            var second = await RunAsync();

            Assert.Equal(first, second);
            Assert.InRange(first.Count(f => f != null), 10, 40);
        }

        [Fact]
        public async Task Email_and_rcs_receipts_name_their_channel_and_destination_type()
        {
            var (server, client) = Create(new SandboxOptions());
            using (client)
            {
                var rcs = SmsBody("+15551230001");
                rcs["channel"] = "rcs";
                rcs["from"] = "app-id-1";
                using var email = await client.SendAsync(Post(Messages, Email("a@example.com")));
                using var rcsResponse = await client.SendAsync(Post(Messages, rcs));

                Assert.Equal(HttpStatusCode.Created, email.StatusCode);
                Assert.Equal(HttpStatusCode.Created, rcsResponse.StatusCode);
                var infos = server.Receipts.Select(r => System.Text.Json.JsonDocument.Parse(r).RootElement
                    .GetProperty("deliveryInfoNotification").GetProperty("deliveryInfo")).ToList();
                Assert.Equal(new[] { "email/EMAIL/7501", "email/EMAIL/7500", "rcs/MSISDN/7501", "rcs/MSISDN/7500" },
                    infos.Select(i => i.GetProperty("deliveryChannel").GetString() + "/" + i.GetProperty("destinationType").GetString()
                        + "/" + i.GetProperty("code").GetString()));
            }
        }

        [Fact]
        public async Task Reset_forgets_requests_acceptances_receipts_and_pending_faults()
        {
            var (server, client) = Create();
            using (client)
            {
                using var sent = await client.SendAsync(Post(Messages, SmsBody("+15551230001")));
                server.Faults.Enqueue(SandboxFault.Status(503));

                server.Reset();
                using var afterReset = await client.SendAsync(Post(Messages, SmsBody("+15551230001")));

                Assert.Equal(HttpStatusCode.Created, afterReset.StatusCode);
                Assert.Single(server.Requests);
                Assert.Equal(1, server.AcceptedDestinations.CountOf("+15551230001", "row-1"));
                Assert.Equal(2, server.Receipts.Count);
            }
        }

        [Fact]
        public async Task Refusals_and_faults_announce_the_rate_limit_too()
        {
            var (server, client) = Create(new SandboxOptions { Tps = 7 });
            using (client)
            {
                server.Faults.Enqueue(SandboxFault.Status(503));
                using var faulted = await client.SendAsync(Post(Messages, SmsBody("+15551230001")));
                using var refused = await client.SendAsync(Post(Messages, SmsBody("5551230001")));

                Assert.Equal("7", Header(faulted, "x-rate-limit-limit"));
                Assert.Equal("7", Header(refused, "x-rate-limit-remaining"));
            }
        }

        [Fact]
        public async Task A_reused_token_stops_working_when_it_expires()
        {
            var now = DateTimeOffset.UtcNow;
            var (_, client) = Create(new SandboxOptions { ServiceId = ServiceId, ServiceSecret = Secret, UtcNow = () => now });
            using (client)
            {
                var token = Jwt(Secret, ServiceId, now.AddSeconds(-30), now.AddMinutes(5));

                using var first = await client.SendAsync(Post(Messages, SmsBody("+15551230001"), key: null, bearer: token));
                now = now.AddMinutes(4);
                using var reused = await client.SendAsync(Post(Messages, SmsBody("+15551230002"), key: null, bearer: token));
                now = now.AddMinutes(2);
                using var expired = await client.SendAsync(Post(Messages, SmsBody("+15551230003"), key: null, bearer: token));

                Assert.Equal(HttpStatusCode.Created, first.StatusCode);
                Assert.Equal(HttpStatusCode.Created, reused.StatusCode);
                Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
            }
        }

        [Fact]
        public void A_secret_that_is_not_base64_is_refused_without_echoing_it()
        {
            var error = Assert.Throws<ArgumentException>(() => new SandboxServer(new SandboxOptions { ServiceSecret = "not base64 secret!" }));

            Assert.DoesNotContain("not base64 secret!", error.Message);
        }
    }
}
