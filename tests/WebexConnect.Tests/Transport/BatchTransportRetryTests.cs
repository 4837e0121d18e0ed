using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine.Auth;
using WebexConnect.Engine.Dispatch;
using WebexConnect.Engine.Transport;
using WebexConnect.Messages;
using WebexConnect.Results;
using Xunit;
using static WebexConnect.Tests.Transport.TransportHarness;
using static WebexConnect.Tests.TestSecrets;

namespace WebexConnect.Tests.Transport
{
    /// <summary>Which failures are retried and which end Unknown, against a real loopback HTTP server.</summary>
    public class BatchTransportRetryTests
    {
        [Fact]
        public async Task Created_QueuesEveryRecipient_WithTheMessageIdAndTheServiceTimestamp()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(201, ScriptedServer.Queued("11111111-2222-3333-4444-555555555555"));
            var gate = new RecordingGate();

            var outcome = await NewTransport(server.BaseUri, gate).SendAsync(Batch(Numbers(3)), CancellationToken.None);

            Assert.All(outcome.PerRecipient, o =>
            {
                Assert.Equal(SendStatus.Queued, o.Status);
                Assert.Equal("11111111-2222-3333-4444-555555555555", o.MessageId);
                Assert.Equal(1, o.Attempts);
                Assert.Equal(TimeSpan.FromHours(1), o.SubmittedAt!.Value.Offset);
                Assert.Equal(new DateTimeOffset(2026, 11, 23, 20, 4, 5, 123, TimeSpan.Zero), o.SubmittedAt.Value.ToUniversalTime());
            });
            var request = Assert.Single(server.Received);
            Assert.Equal("POST", request.Method);
            Assert.Equal("/v2/messages", request.Path);
            Assert.Equal(ServiceKey, request.Header("key"));
            Assert.Equal("application/json; charset=utf-8", request.Header("Content-Type"));
            Assert.StartsWith("WebexConnect/", request.Header("User-Agent"));
            Assert.Equal(Numbers(3), NumbersIn(request));
            Assert.Equal(1, gate.Waits);
            Assert.Equal(3, gate.Destinations);
        }

        [Fact]
        public async Task AnyTwoHundred_IsSuccess_AndSendAtMakesItScheduled()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(202, ScriptedServer.Queued());
            var message = new SmsMessage { From = "ACME", Text = "later", SendAt = DateTimeOffset.UtcNow.AddDays(1) };

            var outcome = await NewTransport(server.BaseUri, new RecordingGate()).SendAsync(Batch(message, Numbers(2)), CancellationToken.None);

            Assert.All(outcome.PerRecipient, o => Assert.Equal(SendStatus.Scheduled, o.Status));
        }

        [Fact]
        public async Task TooManyRequests_WithRetryAfterSeconds_WaitsThatLongThenSucceeds()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(429, ScriptedServer.Error("7020", "TPS exceeded"), headers: ("Retry-After", "1"));

            var outcome = await NewTransport(server.BaseUri, new RecordingGate()).SendAsync(Batch(Numbers(1)), CancellationToken.None);

            var only = Assert.Single(outcome.PerRecipient);
            Assert.Equal(SendStatus.Queued, only.Status);
            Assert.Equal(2, only.Attempts);
            var requests = server.Received;
            Assert.Equal(2, requests.Count);
            // The backoff alone is 10-50 ms here: a gap near a second can only come from Retry-After.
            Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), $"gap {requests[1].At - requests[0].At}");
        }

        [Fact]
        public async Task TooManyRequests_WithRetryAfterDate_WaitsUntilThatDate()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.Then((context, _) =>
            {
                // An HTTP-date has whole seconds: 3 s ahead is at least 2 s after truncation.
                var date = DateTimeOffset.UtcNow.AddSeconds(3).ToString("r", CultureInfo.InvariantCulture);
                return ScriptedServer.Reply(context, 429, null, headers: ("Retry-After", date));
            });

            var outcome = await NewTransport(server.BaseUri, new RecordingGate()).SendAsync(Batch(Numbers(1)), CancellationToken.None);

            Assert.Equal(SendStatus.Queued, Assert.Single(outcome.PerRecipient).Status);
            var requests = server.Received;
            Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(1500), $"gap {requests[1].At - requests[0].At}");
        }

        [Fact]
        public async Task RetryAfter_IsCappedByTheOption()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(429, null, headers: ("Retry-After", "3600"));
            var sink = new Engine.Diagnostics.DiagnosticSink();
            var transport = new Engine.Transport.BatchTransport(Engine.Transport.ConnectHttpClientFactory.Create(server.BaseUri),
                new Engine.Auth.ServiceKeyCredential(WebexConnect.Tests.TestSecrets.Secure(ServiceKey)), new RecordingGate(), TransportHarness.Payload,
                new Engine.Transport.TransportOptions
                {
                    MaxAttempts = 2,
                    BaseBackoff = TimeSpan.FromMilliseconds(10),
                    MaxRetryAfter = TimeSpan.FromMilliseconds(200),
                }, diagnostics: sink);

            var started = DateTimeOffset.UtcNow;
            var outcome = await transport.SendAsync(Batch(Numbers(1)), CancellationToken.None);

            Assert.Equal(SendStatus.Queued, Assert.Single(outcome.PerRecipient).Status);
            Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(30));
            // -Verbose says the service asked for longer than the run waits, not "(Retry-After)" beside the shorter wait.
            Assert.Contains(sink.TakeAll(), d => d.Message.Contains("waiting 200 ms (Retry-After asked for 3600 s, the most this waits) before attempt 2", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData(503, null)]
        [InlineData(503, "7006")]
        [InlineData(400, "7020")]
        public async Task TransientAnswers_AreRetried_AndEveryAttemptPassesTheGate(int status, string? code)
        {
            await using var server = await ScriptedServer.StartAsync();
            var body = code is null ? null : ScriptedServer.Error(code, "try again");
            server.ThenRespond(status, body).ThenRespond(status, body);
            var gate = new RecordingGate();

            var outcome = await NewTransport(server.BaseUri, gate).SendAsync(Batch(Numbers(2)), CancellationToken.None);

            Assert.All(outcome.PerRecipient, o =>
            {
                Assert.Equal(SendStatus.Queued, o.Status);
                Assert.Equal(3, o.Attempts);
            });
            Assert.Equal(3, server.Received.Count);
            Assert.Equal(3, gate.Waits);
            Assert.Equal(6, gate.Destinations);
        }

        [Fact]
        public async Task TooManyRequests_UntilAttemptsRunOut_EndsFailed()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.Fallback = (context, _) => ScriptedServer.Reply(context, 429, ScriptedServer.Error("7020", "TPS exceeded"));

            var outcome = await NewTransport(server.BaseUri, new RecordingGate(), FastOptions(maxAttempts: 4)).SendAsync(Batch(Numbers(2)), CancellationToken.None);

            Assert.All(outcome.PerRecipient, o =>
            {
                Assert.Equal(SendStatus.Failed, o.Status);
                Assert.Equal("7020", o.Code);
                Assert.Equal(4, o.Attempts);
                Assert.Contains("Safe to send again", o.Reason);
            });
            Assert.Equal(4, server.Received.Count);
        }

        [Fact]
        public async Task ConnectionRefused_BeforeAnyAnswer_IsRetried_ThenStopsTheRun_AsNeverSent()
        {
            // Before, each batch of a run against a closed port retried its attempts and ended Failed, batch after batch, until
            // the circuit opened: 1,000 rows took 36 s and wrote 1,000 errors. Nothing of the run can reach the service.
            var port = ClosedPort();
            var gate = new RecordingGate();
            var transport = NewTransport(new Uri("http://127.0.0.1:" + port + "/"), gate, FastOptions(maxAttempts: 3));

            var failure = await Assert.ThrowsAsync<WebexConnect.Sending.SessionFailureException>(() =>
                transport.SendAsync(Batch(Numbers(2)), CancellationToken.None));

            Assert.Equal("ServiceUnreachable", failure.ErrorId);
            Assert.Equal("ConnectionFailed", failure.Code);
            Assert.True(failure.BatchNeverAccepted);
            Assert.StartsWith("The service could not be reached (3 attempts): could not connect to 127.0.0.1 (check this computer's network", failure.Message, StringComparison.Ordinal);
            Assert.Contains("The run stopped: its rows were not sent and are safe to send again.", failure.Message, StringComparison.Ordinal);
            // The socket's own words once: "Connection refused (127.0.0.1:n) (Connection refused)" repeated them.
            Assert.Equal(1, CountOf(failure.Message, "refused"));
            Assert.Equal(3, gate.Waits);
        }

        [Fact]
        public async Task AHostThatAnswersNothing_StopsTheRunAfterItsConnectTimeouts_AsNeverSent()
        {
            // Packets dropped (a firewall, a wrong address): no refusal and no answer. Before, each attempt waited the handler's
            // 15 s connect timeout and was reported as "could not connect and send within 30 s": a run stopped after 100 s.
            using var silent = new SilentHost();
            var gate = new RecordingGate();
            var transport = NewTransport(silent.BaseUri, gate,
                FastOptions(maxAttempts: 2, timeout: TimeSpan.FromSeconds(30), connectTimeout: TimeSpan.FromSeconds(1)));
            var clock = Stopwatch.StartNew();

            var failure = await Assert.ThrowsAsync<WebexConnect.Sending.SessionFailureException>(() =>
                transport.SendAsync(Batch(Numbers(2)), CancellationToken.None));

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"It waited {clock.Elapsed}, more than its two connect timeouts.");
            Assert.Equal("ServiceUnreachable", failure.ErrorId);
            Assert.Equal("ConnectionFailed", failure.Code);
            Assert.True(failure.BatchNeverAccepted);
            Assert.StartsWith("The service could not be reached (2 attempts): could not connect to 127.0.0.1 (check this computer's network", failure.Message, StringComparison.Ordinal);
            Assert.Contains("no answer within 1 s to setting up a connection (nothing refused it: a wrong address, or a firewall that drops the packets)",
                failure.Message, StringComparison.Ordinal);
            Assert.Contains("its rows were not sent and are safe to send again", failure.Message, StringComparison.Ordinal);
            Assert.Equal(2, gate.Waits);
        }

        [Fact]
        public void TheModulesConnectTimeout_IsShorterThanTheRequestTimeout_SoASilentHostStopsARunWithinAMinute()
        {
            // Six attempts of the connect timeout, and the backoff between them (about 10 s), stop the run: 100 s before, at 15 s.
            var options = new TransportOptions();
            Assert.True(options.MaxAttempts * ConnectHttpClientFactory.ConnectTimeout.TotalSeconds + 15 < 60);
            Assert.True(ConnectHttpClientFactory.ConnectTimeout < options.RequestTimeout);
        }

        [Fact]
        public async Task ConnectionRefused_AfterTheServiceAnswered_StaysARowFailure_SafeToSendAgain()
        {
            // The service answered earlier in the run, so a refusal now may be a blip: the rows fail and the run goes on, as before.
            var server = await ScriptedServer.StartAsync();
            // Connection: close, so that the next request opens a connection of its own rather than try a pooled one the server closed.
            server.ThenRespond(202, ScriptedServer.Queued(), "application/json", ("Connection", "close"));
            var transport = NewTransport(server.BaseUri, new RecordingGate(), FastOptions(maxAttempts: 2));
            Assert.Equal(SendStatus.Queued, Assert.Single((await transport.SendAsync(Batch(Numbers(1)), CancellationToken.None)).PerRecipient).Status);
            await server.DisposeAsync();

            var outcome = await transport.SendAsync(Batch(Numbers(2)), CancellationToken.None);

            Assert.All(outcome.PerRecipient, o =>
            {
                Assert.Equal(SendStatus.Failed, o.Status);
                Assert.Equal("ConnectionFailed", o.Code);
                Assert.Equal(2, o.Attempts);
                Assert.EndsWith("(2 attempts). Safe to send again.", o.Reason, StringComparison.Ordinal);
            });
        }

        [Fact]
        public async Task AHostThatDoesNotResolve_SaysToCheckTheAddress()
        {
            // A -BaseUri typo read only "Name or service not known (api.eu.webexconect.io:443)" on every row.
            var transport = NewTransport(new Uri("https://api.no-such-region.invalid/"), new RecordingGate(), FastOptions(maxAttempts: 1));

            var failure = await Assert.ThrowsAsync<WebexConnect.Sending.SessionFailureException>(() =>
                transport.SendAsync(Batch(Numbers(1)), CancellationToken.None));

            Assert.Equal("ServiceUnreachable", failure.ErrorId);
            Assert.StartsWith("The service could not be reached (1 attempt): could not find the host api.no-such-region.invalid (check Connect-WebexConnect -BaseUri or -Region",
                failure.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task APlainHttpPortGivenAsHttps_FailsItsTlsHandshake_SaysWhatToCheck_AndStopsTheRunAsNeverSent()
        {
            // Before: "the connection failed before the request was sent: The SSL connection could not be established, see
            // inner exception." six times over on every row, which named neither the address nor what to check.
            await using var server = await ScriptedServer.StartAsync();
            var https = new UriBuilder(server.BaseUri) { Scheme = "https" }.Uri;
            var transport = NewTransport(https, new RecordingGate(), FastOptions(maxAttempts: 2));

            var failure = await Assert.ThrowsAsync<WebexConnect.Sending.SessionFailureException>(() =>
                transport.SendAsync(Batch(Numbers(1)), CancellationToken.None));

            Assert.Equal("ServiceUnreachable", failure.ErrorId);
            Assert.True(failure.BatchNeverAccepted);
            Assert.StartsWith("The service could not be reached (2 attempts): could not set up a secure (TLS) connection with 127.0.0.1:" + https.Port +
                " (check that Connect-WebexConnect -BaseUri is the API's https:// address", failure.Message, StringComparison.Ordinal);
            Assert.Empty(server.Received);
        }

        [Fact]
        public async Task AFailureWhoseOwnTextEndsWithAPeriod_IsQuotedWithoutASecondOne()
        {
            // A key Connect-WebexConnect did not see (made before its ASCII check, or by a caller of the engine) fails in .NET's
            // header check, whose sentence ends with its own period: the stop read "...only ASCII characters.." before.
            await using var server = await ScriptedServer.StartAsync();
            var key = new ServiceKeyCredential(Secure("key\u00a0with-a-non-breaking-space"));
            var transport = NewTransport(server.BaseUri, new RecordingGate(), FastOptions(maxAttempts: 1), key);

            var failure = await Assert.ThrowsAnyAsync<Exception>(() => transport.SendAsync(Batch(Numbers(1)), CancellationToken.None));

            Assert.Contains("ASCII", failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("..", failure.Message, StringComparison.Ordinal);
            Assert.Empty(server.Received);
        }

        private static int CountOf(string text, string word)
        {
            var count = 0;
            for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.OrdinalIgnoreCase)) count++;
            return count;
        }

        [Fact]
        public async Task ConnectionDroppedAfterTheBody_EndsUnknown_WithExactlyOneRequest()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenDrop();
            var before = DateTimeOffset.Now;

            var outcome = await NewTransport(server.BaseUri, new RecordingGate()).SendAsync(Batch(Numbers(2)), CancellationToken.None);

            Assert.All(outcome.PerRecipient, o =>
            {
                Assert.Equal(SendStatus.Unknown, o.Status);
                Assert.Equal("ConnectionLost", o.Code);
                Assert.Contains("not resent", o.Reason);
                // When the request left, so that Wait-ConnectDelivery can tell an earlier send's receipts from its own.
                Assert.InRange(o.SubmittedAt!.Value, before, DateTimeOffset.Now);
            });
            Assert.Single(server.Received);
        }

        [Theory]
        [InlineData(500)]
        [InlineData(502)]
        [InlineData(504)]
        public async Task ServerErrorsThatMayHaveQueued_EndUnknown_AndAreNotResent(int status)
        {
            await using var server = await ScriptedServer.StartAsync();
            server.Fallback = (context, _) => ScriptedServer.Reply(context, status, null);

            var outcome = await NewTransport(server.BaseUri, new RecordingGate()).SendAsync(Batch(Numbers(3)), CancellationToken.None);

            Assert.All(outcome.PerRecipient, o =>
            {
                Assert.Equal(SendStatus.Unknown, o.Status);
                Assert.Equal(status.ToString(CultureInfo.InvariantCulture), o.Code);
                Assert.Contains("may or may not have been accepted", o.Reason);
                Assert.Contains("not resent", o.Reason);
                Assert.Equal(1, o.Attempts);
            });
            Assert.Single(server.Received);
        }

        [Fact]
        public async Task ResendAmbiguous_ResendsAfterA500()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(500, null);

            var outcome = await NewTransport(server.BaseUri, new RecordingGate(), FastOptions(resendAmbiguous: true))
                .SendAsync(Batch(Numbers(1)), CancellationToken.None);

            var only = Assert.Single(outcome.PerRecipient);
            Assert.Equal(SendStatus.Queued, only.Status);
            Assert.Equal(2, only.Attempts);
            Assert.Equal(2, server.Received.Count);
        }

        [Fact]
        public async Task ResendAmbiguous_StillUnknownAfterEveryAttempt_SaysItMayHaveGoneMoreThanOnce_InTheParameterNameTheAdminGave()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.Fallback = (context, _) => ScriptedServer.Reply(context, 500, null);

            var outcome = await NewTransport(server.BaseUri, new RecordingGate(), FastOptions(resendAmbiguous: true))
                .SendAsync(Batch(Numbers(1)), CancellationToken.None);

            var only = Assert.Single(outcome.PerRecipient);
            Assert.Equal(SendStatus.Unknown, only.Status);
            Assert.True(only.Attempts > 1);
            // The admin typed -ResendUnknown; the engine's own option name means nothing to them.
            Assert.Contains("-ResendUnknown", only.Reason);
            Assert.DoesNotContain("ResendAmbiguous", only.Reason);
            Assert.Contains("more than once", only.Reason);
        }

        [Fact]
        public async Task TooManyRequests_WithoutAUserLimit_HalvesTheRate_AndResendsInRequestsThatFitIt()
        {
            // The session's first request is refused for the rate (another sender used the tenant's second): nothing of
            // ours was accepted yet, which once brought the gate down to 1 a second and made the retry wait for 1 destination
            // at a time, half a minute each, before sending all 8 over the new limit in one request.
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(429, ScriptedServer.Error("7020", "TPS exceeded"), headers: ("Retry-After", "1"));
            using var gate = new RateGate(null);

            var outcome = await NewTransport(server.BaseUri, gate).SendAsync(Batch(Numbers(8)), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal(RateGate.ConservativeTps / 2, gate.Tps);
            Assert.All(outcome.PerRecipient, o =>
            {
                Assert.Equal(SendStatus.Queued, o.Status);
                Assert.Equal(2, o.Attempts);
            });
            var requests = server.Received;
            Assert.Equal(new[] { 8, 5, 3 }, requests.Select(r => NumbersIn(r).Length).ToArray());
            Assert.Equal(Numbers(8), requests.Skip(1).SelectMany(NumbersIn).ToArray());
            Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), $"Retry-After was not kept: {requests[1].At - requests[0].At}");
        }

        [Fact]
        public async Task NoAnswerWithinTheTimeout_EndsUnknown_AndIsNotResent()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenDelay(TimeSpan.FromSeconds(20)).ThenDelay(TimeSpan.FromSeconds(20));

            var outcome = await NewTransport(server.BaseUri, new RecordingGate(), FastOptions(timeout: TimeSpan.FromMilliseconds(500)))
                .SendAsync(Batch(Numbers(2)), CancellationToken.None);

            Assert.All(outcome.PerRecipient, o =>
            {
                Assert.Equal(SendStatus.Unknown, o.Status);
                Assert.Equal("Timeout", o.Code);
            });
            Assert.Single(server.Received);
        }

        private static int ClosedPort()
        {
            // Bind to get a free port, then close it: connecting there is refused.
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
