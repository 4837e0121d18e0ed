using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine.Auth;
using WebexConnect.Engine.Transport;
using WebexConnect.Results;
using WebexConnect.Sending;
using Xunit;
using static WebexConnect.Tests.Transport.TransportHarness;
using static WebexConnect.Tests.TestSecrets;

namespace WebexConnect.Tests.Transport
{
    /// <summary>400s split or reject batches; 401/403 renew a JWT once; session-wide refusals terminate.</summary>
    public class BatchTransportRejectionTests
    {
        private static Func<Microsoft.AspNetCore.Http.HttpContext, ReceivedRequest, Task> RejectIfContains(string bad, string code, string message) =>
            (context, request) => NumbersIn(request).Contains(bad)
                ? ScriptedServer.Reply(context, 400, ScriptedServer.Error(code, message))
                : ScriptedServer.Reply(context, 201, ScriptedServer.Queued());

        [Fact]
        public async Task OneBadNumberAmongEight_IsBisectedOut_AndTheOtherSevenAreQueued()
        {
            await using var server = await ScriptedServer.StartAsync();
            var numbers = Numbers(8);
            var bad = numbers[5];
            server.Fallback = RejectIfContains(bad, "7041", "Invalid msisdn, not in +E.164 format");
            var gate = new RecordingGate();

            var outcome = await NewTransport(server.BaseUri, gate).SendAsync(Batch(numbers), CancellationToken.None);

            for (var i = 0; i < 8; i++)
            {
                Assert.Equal(i == 5 ? SendStatus.Rejected : SendStatus.Queued, outcome.PerRecipient[i].Status);
            }

            var rejected = outcome.PerRecipient[5];
            Assert.Equal("7041", rejected.Code);
            Assert.Contains("E.164", rejected.Reason);
            Assert.Equal(4, rejected.Attempts); // 8, 4..7, 4..5, 5

            // Halves in order: all eight, the good first half, the second half, then down to the bad one.
            var sent = server.Received.Select(r => string.Join(",", NumbersIn(r).Select(n => Array.IndexOf(numbers, n)))).ToArray();
            Assert.Equal(new[] { "0,1,2,3,4,5,6,7", "0,1,2,3", "4,5,6,7", "4,5", "4", "5", "6,7" }, sent);
            Assert.Equal(7, gate.Waits);
        }

        [Fact]
        public async Task InvalidParameterNamingANumberOfTheBatch_IsBisectedToo()
        {
            await using var server = await ScriptedServer.StartAsync();
            var numbers = Numbers(2);
            server.Fallback = RejectIfContains(numbers[0], "7004", "Invalid parameter - " + numbers[0]);

            var outcome = await NewTransport(server.BaseUri, new RecordingGate()).SendAsync(Batch(numbers), CancellationToken.None);

            Assert.Equal(SendStatus.Rejected, outcome.PerRecipient[0].Status);
            Assert.Equal("7004", outcome.PerRecipient[0].Code);
            Assert.Equal(SendStatus.Queued, outcome.PerRecipient[1].Status);
            Assert.Equal(3, server.Received.Count);
        }

        [Theory]
        [InlineData("7004", "Invalid parameter - sendAt")]
        [InlineData("7000", "Invalid JSON")]
        [InlineData("7107", "Message too long")]
        public async Task A400AboutASharedField_RejectsTheWholeBatch_AfterOneRequest(string code, string message)
        {
            await using var server = await ScriptedServer.StartAsync();
            server.Fallback = (context, _) => ScriptedServer.Reply(context, 400, ScriptedServer.Error(code, message));

            var outcome = await NewTransport(server.BaseUri, new RecordingGate()).SendAsync(Batch(Numbers(8)), CancellationToken.None);

            Assert.All(outcome.PerRecipient, o =>
            {
                Assert.Equal(SendStatus.Rejected, o.Status);
                Assert.Equal(code, o.Code);
                Assert.Contains(message, o.Reason);
                Assert.Equal(1, o.Attempts);
            });
            Assert.Single(server.Received);
        }

        [Fact]
        public async Task ARedirect_IsNotFollowed_SoTheKeyNeverLeavesTheConfiguredHost()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(307, null, headers: ("Location", server.BaseUri + "elsewhere/v2/messages"));

            var outcome = await NewTransport(server.BaseUri, new RecordingGate()).SendAsync(Batch(Numbers(1)), CancellationToken.None);

            var only = Assert.Single(outcome.PerRecipient);
            Assert.Equal(SendStatus.Rejected, only.Status);
            Assert.Equal("307", only.Code);
            Assert.Contains("elsewhere", only.Reason);
            Assert.Single(server.Received);
        }

        [Fact]
        public async Task JwtSession_RefreshesTheTokenAfterA401_AndSucceeds()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(401, null);
            var clock = new ManualClock { Tick = TimeSpan.FromSeconds(1) };
            var credential = new JwtCredential(new TokenProvider("svc-1", Secure(Convert.ToBase64String(new byte[32])), clock: clock));

            var outcome = await NewTransport(server.BaseUri, new RecordingGate(), credential: credential).SendAsync(Batch(Numbers(1)), CancellationToken.None);

            Assert.Equal(SendStatus.Queued, Assert.Single(outcome.PerRecipient).Status);
            var requests = server.Received;
            Assert.Equal(2, requests.Count);
            Assert.StartsWith("Bearer ", requests[0].Header("Authorization"));
            Assert.StartsWith("Bearer ", requests[1].Header("Authorization"));
            Assert.NotEqual(requests[0].Header("Authorization"), requests[1].Header("Authorization"));
            Assert.Null(requests[0].Header("key"));
        }

        [Fact]
        public async Task RequestExpired_RenewsAJwtOnce_ButRejectsWithAServiceKey()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(400, ScriptedServer.Error("7019", "Request expired"));
            var credential = new JwtCredential(new TokenProvider("svc", Secure(Convert.ToBase64String(new byte[32])), clock: new ManualClock { Tick = TimeSpan.FromSeconds(1) }));

            var renewed = await NewTransport(server.BaseUri, new RecordingGate(), credential: credential).SendAsync(Batch(Numbers(1)), CancellationToken.None);

            Assert.Equal(SendStatus.Queued, Assert.Single(renewed.PerRecipient).Status);
            Assert.Equal(2, server.Received.Count);

            server.ThenRespond(400, ScriptedServer.Error("7019", "Request expired"));
            var keyed = await NewTransport(server.BaseUri, new RecordingGate()).SendAsync(Batch(Numbers(1)), CancellationToken.None);

            Assert.Equal(SendStatus.Rejected, Assert.Single(keyed.PerRecipient).Status);
            Assert.Equal("7019", keyed.PerRecipient[0].Code);
            Assert.Equal(3, server.Received.Count);
        }

        [Fact]
        public async Task JwtSession_RejectedTwice_FailsTheSession()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.Fallback = (context, _) => ScriptedServer.Reply(context, 401, null);
            var credential = new JwtCredential(new TokenProvider("svc-1", Secure(Convert.ToBase64String(new byte[32]))));

            var error = await Assert.ThrowsAsync<SessionFailureException>(() =>
                NewTransport(server.BaseUri, new RecordingGate(), credential: credential).SendAsync(Batch(Numbers(1)), CancellationToken.None));

            Assert.Equal("AuthenticationFailed", error.ErrorId);
            Assert.Equal("401", error.Code);
            Assert.Equal(2, server.Received.Count);
            // The session remembers it (ConnectSession.Remember): refused even with a fresh token is the API's refusal.
            Assert.Equal("HTTP 401", error.SessionRefusedWith);
            // A right ID and secret are refused when this computer's clock is off: iat comes from it.
            Assert.Contains("Check the service ID and secret, and that they belong to the tenant at", error.Message, StringComparison.Ordinal);
            Assert.Matches(@"Check also this computer's clock \(it read \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\): each token's issue time \(iat\) comes from it", error.Message);
            Assert.DoesNotContain("service key", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(401)]
        [InlineData(403)]
        public async Task ServiceKeyRefused_FailsTheSession_WithoutRetrying(int status)
        {
            await using var server = await ScriptedServer.StartAsync();
            server.Fallback = (context, _) => ScriptedServer.Reply(context, status, null);

            var error = await Assert.ThrowsAsync<SessionFailureException>(() =>
                NewTransport(server.BaseUri, new RecordingGate()).SendAsync(Batch(Numbers(1)), CancellationToken.None));

            Assert.Equal("AuthenticationFailed", error.ErrorId);
            Assert.Single(server.Received);
            // What the session's later calls name when they make no request (CredentialRefusal).
            Assert.Equal("HTTP " + status, error.SessionRefusedWith);
            // Where it went: a key right for another region's tenant is refused, and a task with no -Region goes to us.
            Assert.Contains($"belongs to the tenant at {server.BaseUri}", error.Message, StringComparison.Ordinal);
            Assert.Contains("-Region", error.Message, StringComparison.Ordinal);
            // A key is not signed with the clock: no clock advice to send the admin the wrong way.
            Assert.DoesNotContain("clock", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task ServiceKeyRefusedAfterItWasAccepted_SaysItWasRevoked_NotToCheckTheRegion()
        {
            // A key revoked mid-run: the first request is queued, the second refused. Before, the error said to check that the
            // key belongs to this region's tenant, where it had just been accepted, and nothing of connecting again.
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(201, ScriptedServer.Queued());
            server.Fallback = (context, _) => ScriptedServer.Reply(context, 401, null);
            var transport = NewTransport(server.BaseUri, new RecordingGate());

            var first = await transport.SendAsync(Batch(Numbers(1)), CancellationToken.None);
            var error = await Assert.ThrowsAsync<SessionFailureException>(() => transport.SendAsync(Batch(Numbers(1)), CancellationToken.None));

            Assert.Equal(SendStatus.Queued, Assert.Single(first.PerRecipient).Status);
            Assert.Equal("AuthenticationFailed", error.ErrorId);
            Assert.Contains("It accepted this key for earlier requests: the key was revoked or regenerated", error.Message, StringComparison.Ordinal);
            Assert.Contains("Run Connect-WebexConnect again with the service's current key", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("-Region", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task ServiceKeyRefusedAfterItWasAccepted_SaysWhatARerunSends_WithTheJournalOrWithout(bool journaled)
        {
            // Before, a run without -Journal was told "with the same -Journal, it sends only the rows this run did not send": an
            // admin who re-ran it sent again every row the run had sent.
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(201, ScriptedServer.Queued());
            server.Fallback = (context, _) => ScriptedServer.Reply(context, 401, null);
            var transport = NewTransport(server.BaseUri, new RecordingGate(), new TransportOptions { Journaled = journaled });

            await transport.SendAsync(Batch(Numbers(1)), CancellationToken.None);
            var error = await Assert.ThrowsAsync<SessionFailureException>(() => transport.SendAsync(Batch(Numbers(1)), CancellationToken.None));

            if (journaled)
            {
                Assert.EndsWith("then run the same command again: with the same -Journal, it sends only the rows this run did not send.", error.Message, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain("same -Journal", error.Message, StringComparison.Ordinal);
                Assert.Contains("then send again only the rows this run did not send: the results with Status Failed and Code RunStopped", error.Message, StringComparison.Ordinal);
                Assert.Contains("This run has no -Journal, so running the same command again sends every row again", error.Message, StringComparison.Ordinal);
            }
        }

        [Theory]
        [InlineData("7007", "ServiceInactive")]
        [InlineData("7010", "SourceIpNotAllowed")]
        public async Task SessionWideRefusals_Terminate(string code, string errorId)
        {
            await using var server = await ScriptedServer.StartAsync();
            server.Fallback = (context, _) => ScriptedServer.Reply(context, 400, ScriptedServer.Error(code, "refused"));

            var error = await Assert.ThrowsAsync<SessionFailureException>(() =>
                NewTransport(server.BaseUri, new RecordingGate()).SendAsync(Batch(Numbers(2)), CancellationToken.None));

            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal(code, error.Code);
            Assert.Single(server.Received);
            // The session remembers it (CredentialRefusal): a loop's later one-row calls make no request.
            Assert.Contains("code " + code, error.SessionRefusedWith);
        }
    }
}
