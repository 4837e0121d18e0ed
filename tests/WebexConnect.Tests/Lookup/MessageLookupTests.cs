using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine;
using WebexConnect.Engine.Auth;
using WebexConnect.Engine.Sandbox;
using WebexConnect.Engine.Transport;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sending;
using WebexConnect.Tests.Transport;
using Xunit;
using static WebexConnect.Tests.TestSecrets;

namespace WebexConnect.Tests.Lookup
{
    /// <summary>GET /v2/messages/{messageId} over a real loopback socket, the sandbox's answers, and what each status means.</summary>
    public class MessageLookupTests
    {

        [Fact]
        public async Task ItIsAGetOfTheEscapedIdWithTheKeyHeaderAndNoBody()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(404, ScriptedServer.Error("404", "not found"));
            var lookup = new MessageLookup(ConnectHttpClientFactory.Create(server.BaseUri), new ServiceKeyCredential(Secure("k-1")), TimeSpan.FromSeconds(5));

            var answer = await lookup.LookUpAsync("abc/def 1", CancellationToken.None);

            var request = Assert.Single(server.Received);
            Assert.Equal("GET", request.Method);
            Assert.Equal("/v2/messages/abc%2Fdef%201", request.Path);
            Assert.Equal("k-1", request.Header("key"));
            Assert.Equal("", request.Body);
            Assert.Equal(404, answer.StatusCode);
            Assert.Equal("404", ((IDictionary)answer.Body!)["code"]);
        }

        [Fact]
        public async Task AnAnswerThatIsNotTheGzipItsHeaderNames_IsNoAnswerThatSaysSo_NotAnExceptionOfTheDecompression()
        {
            await using var server = await ScriptedServer.StartAsync();
            // A proxy or gateway that labels a plain body as compressed: the client's decompression finds no gzip stream.
            server.ThenRespond(200, "{\"messageId\":\"m-1\",\"status\":\"Submitted\"}", headers: new[] { ("Content-Encoding", "gzip") });
            var lookup = new MessageLookup(ConnectHttpClientFactory.Create(server.BaseUri), new ServiceKeyCredential(Secure("k-1")), TimeSpan.FromSeconds(5));

            var answer = await lookup.LookUpAsync("m-1", CancellationToken.None);

            Assert.Equal(0, answer.StatusCode);
            Assert.False(answer.TimedOut);
            Assert.StartsWith("the answer could not be read", answer.Failure);
            Assert.Contains("gzip", answer.Failure);
        }

        [Fact]
        public async Task A401WithAJwtIsTriedOnceMoreWithAFreshToken()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(401).ThenRespond(200, "{\"messageId\":\"m-1\",\"status\":\"Submitted\"}");
            var credential = new JwtCredential(new TokenProvider("svc", Secure(Convert.ToBase64String(new byte[32]))));
            var lookup = new MessageLookup(ConnectHttpClientFactory.Create(server.BaseUri), credential, TimeSpan.FromSeconds(5));

            var answer = await lookup.LookUpAsync("m-1", CancellationToken.None);

            Assert.Equal(2, server.Received.Count);
            Assert.All(server.Received, r => Assert.StartsWith("Bearer ", r.Header("Authorization")));
            Assert.Equal(200, answer.StatusCode);
        }

        [Fact]
        public async Task A429IsWaitedOutForAsLongAsTheServiceAsksAndTriedAgain()
        {
            // Before: the 429 was the lookup's answer (MessageLookupFailed), and the next ID of the pipeline was asked at once.
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(429, ScriptedServer.Error("429", "Too many requests"), "application/json", ("Retry-After", "1"))
                .ThenRespond(200, "{\"messageId\":\"m-1\",\"status\":\"Submitted\"}");
            var lookup = new MessageLookup(ConnectHttpClientFactory.Create(server.BaseUri), new ServiceKeyCredential(Secure("k")), TimeSpan.FromSeconds(5));

            var answer = await lookup.LookUpAsync("m-1", CancellationToken.None);

            Assert.Equal(200, answer.StatusCode);
            Assert.Equal(2, server.Received.Count);
            Assert.True(answer.Elapsed >= TimeSpan.FromSeconds(0.9), "it waited the second the service asked for, not " + answer.Elapsed);
            // What -Verbose says of it: one 429, one second waited.
            Assert.Equal(1, answer.TooManyRequests);
            Assert.Equal(TimeSpan.FromSeconds(1), answer.WaitedOut);
            Assert.Equal("Message m-1: the service answered 429 (too many requests) once; waited 1 s in all, as long as it asked.",
                LookupReading.WaitsOf("m-1", answer));
        }

        [Fact]
        public async Task A429ThatLastsIsTheAnswerAfterAFewTries()
        {
            await using var server = await ScriptedServer.StartAsync();
            for (var i = 0; i <= MessageLookup.TriesAfter429 + 1; i++) server.ThenRespond(429, null, "application/json", ("Retry-After", "0"));
            var lookup = new MessageLookup(ConnectHttpClientFactory.Create(server.BaseUri), new ServiceKeyCredential(Secure("k")), TimeSpan.FromSeconds(5));

            var answer = await lookup.LookUpAsync("m-1", CancellationToken.None);

            Assert.Equal(429, answer.StatusCode);
            Assert.Equal(1 + MessageLookup.TriesAfter429, server.Received.Count);
            Assert.Equal(1 + MessageLookup.TriesAfter429, answer.TooManyRequests);
            Assert.Equal(TimeSpan.Zero, answer.WaitedOut);
        }

        [Fact]
        public async Task A429ThatLastsIsTheSessions_TheNextLookupWaitsWhatItAskedAndAsksOnce_AnyOtherAnswerEndsIt()
        {
            // Before: each lookup had tries and waits of its own, and the next ID asked at once after a lasting 429.
            await using var server = await ScriptedServer.StartAsync();
            for (var i = 0; i < MessageLookup.TriesAfter429 + 2; i++) server.ThenRespond(429, null, "application/json", ("Retry-After", "1"));
            server.ThenRespond(200, "{\"messageId\":\"m-3\",\"status\":\"Delivered\"}");
            var lookup = new MessageLookup(ConnectHttpClientFactory.Create(server.BaseUri), new ServiceKeyCredential(Secure("k")), TimeSpan.FromSeconds(5));

            var first = await lookup.LookUpAsync("m-1", CancellationToken.None);
            var second = await lookup.LookUpAsync("m-2", CancellationToken.None);

            Assert.Equal(1 + MessageLookup.TriesAfter429, first.TooManyRequests);
            Assert.Equal(1 + MessageLookup.TriesAfter429, first.InARow);
            Assert.Equal(429, second.StatusCode);
            Assert.Equal(1, second.TooManyRequests);
            Assert.Equal(2 + MessageLookup.TriesAfter429, second.InARow);
            Assert.True(second.Held >= TimeSpan.FromSeconds(0.8), "it waited the second the last 429 asked for, not " + second.Held);
            var requests = server.Received.ToList();
            Assert.Equal(2 + MessageLookup.TriesAfter429, requests.Count);
            Assert.True(requests[^1].At - requests[^2].At >= TimeSpan.FromSeconds(0.8), "the second lookup asked before the wait was out");
            var problem = LookupReading.ProblemOf("m-2", second)!;
            Assert.Contains("answered 429 again, after the 1 s it had asked to wait; 5 answers in a row", problem.Message, StringComparison.Ordinal);
            Assert.Null(LookupReading.WaitsOf("m-2", second));

            var third = await lookup.LookUpAsync("m-3", CancellationToken.None);

            Assert.Equal(200, third.StatusCode);
            Assert.Equal(0, lookup.InARow);
            Assert.Equal(0, third.TooManyRequests);
        }

        [Fact]
        public async Task A401WithAServiceKeyIsNotRepeated()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(401).ThenRespond(200, "{}");
            var lookup = new MessageLookup(ConnectHttpClientFactory.Create(server.BaseUri), new ServiceKeyCredential(Secure("bad")), TimeSpan.FromSeconds(5));

            var answer = await lookup.LookUpAsync("m-1", CancellationToken.None);

            Assert.Single(server.Received);
            Assert.Equal(401, answer.StatusCode);
            var test = LookupReading.ToTest(answer, server.BaseUri, ConnectAuthMode.ServiceKey, DateTimeOffset.Now);
            Assert.Equal(ConnectionTestStatus.Refused, test.Status);
            Assert.Contains($"belongs to the tenant at {server.BaseUri}", test.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain("clock", test.Detail, StringComparison.Ordinal);

            // The same refusal on a JWT session names the clock, as it read when the test ran.
            var jwtTest = LookupReading.ToTest(answer, server.BaseUri, ConnectAuthMode.Jwt, new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.FromHours(1)));
            Assert.Contains("Check the service ID and secret, and that they belong to the tenant at", jwtTest.Detail, StringComparison.Ordinal);
            Assert.Contains("Check also this computer's clock (it read 2026-12-05 07:00:00 UTC)", jwtTest.Detail, StringComparison.Ordinal);
        }

        [Fact]
        public async Task NoServerIsNoAnswerWithTheReason()
        {
            var lookup = new MessageLookup(ConnectHttpClientFactory.Create(new Uri("http://127.0.0.1:1/")), new ServiceKeyCredential(Secure("k")), TimeSpan.FromSeconds(5));

            var answer = await lookup.LookUpAsync("m-1", CancellationToken.None);

            Assert.Equal(0, answer.StatusCode);
            Assert.Contains("could not connect to 127.0.0.1 (check this computer's network and firewall", answer.Failure);
            Assert.Equal(ConnectionTestStatus.Unreachable, LookupReading.ToTest(answer, new Uri("http://127.0.0.1:1/"), ConnectAuthMode.ServiceKey, DateTimeOffset.Now).Status);
        }

        [Fact]
        public async Task AHostThatAnswersNothingIsNoAnswerAfterTheConnectTimeout_SaidAsSuch()
        {
            // Before: "no answer within 30 s" after the handler's 15 s connect timeout, which read as a slow service.
            using var silent = new SilentHost();
            var lookup = new MessageLookup(ConnectHttpClientFactory.Create(silent.BaseUri), new ServiceKeyCredential(Secure("k")), TimeSpan.FromSeconds(30));

            var answer = await lookup.LookUpAsync("m-1", CancellationToken.None);

            Assert.Equal(0, answer.StatusCode);
            Assert.True(answer.Elapsed < TimeSpan.FromSeconds(15), $"It waited {answer.Elapsed}.");
            Assert.False(answer.TimedOut);
            Assert.StartsWith("could not connect to 127.0.0.1 (check this computer's network and firewall", answer.Failure);
            Assert.EndsWith("no answer within 5 s to setting up a connection (nothing refused it: a wrong address, or a firewall that drops the packets)",
                answer.Failure);
        }

        [Fact]
        public async Task AConnectionDroppedAfterTheRequestSaysSoInOneSentence()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenDrop();
            var lookup = new MessageLookup(ConnectHttpClientFactory.Create(server.BaseUri), new ServiceKeyCredential(Secure("k")), TimeSpan.FromSeconds(5));

            var answer = await lookup.LookUpAsync("m-1", CancellationToken.None);
            var message = LookupReading.ProblemOf("m-1", answer)!.Message;

            Assert.Equal(0, answer.StatusCode);
            // The service was reached: the request went out and the connection closed before the answer.
            Assert.StartsWith("Message m-1 was not looked up: the connection closed before the answer came: ", message);
            Assert.DoesNotContain("could not reach", message);
            Assert.DoesNotContain("..", message);
            Assert.DoesNotContain(".:", message);
            Assert.EndsWith(".", message);
        }

        [Fact]
        public async Task ASlowServerIsATimeoutNotAHang()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenDelay(TimeSpan.FromSeconds(10));
            var lookup = new MessageLookup(ConnectHttpClientFactory.Create(server.BaseUri), new ServiceKeyCredential(Secure("k")), TimeSpan.FromMilliseconds(300));

            var answer = await lookup.LookUpAsync("m-1", CancellationToken.None);

            Assert.Equal(0, answer.StatusCode);
            Assert.Contains("no answer within", answer.Failure);
        }

        [Theory]
        [InlineData(200, ConnectionTestStatus.Accepted, null, false)]
        [InlineData(404, ConnectionTestStatus.Accepted, null, false)]
        [InlineData(401, ConnectionTestStatus.Refused, "AuthenticationFailed", true)]
        [InlineData(403, ConnectionTestStatus.Refused, "AuthenticationFailed", true)]
        [InlineData(405, ConnectionTestStatus.Inconclusive, "MessageLookupNotAvailable", true)]
        [InlineData(429, ConnectionTestStatus.Inconclusive, "MessageLookupFailed", false)]
        [InlineData(503, ConnectionTestStatus.Inconclusive, "MessageLookupFailed", false)]
        public void EachStatusMeansOneThing(int status, ConnectionTestStatus test, string? errorId, bool stops)
        {
            // The API's 200 carries the message as a JSON object; its other answers may have no body.
            var body = status == 200 ? new Dictionary<string, object?> { ["messageId"] = "m-1", ["status"] = "delivered" } : null;
            var answer = LookupAnswer.Answered(status, body, TimeSpan.Zero);

            Assert.Equal(test, LookupReading.ToTest(answer, new Uri("https://api.eu.webexconnect.io/"), ConnectAuthMode.ServiceKey, DateTimeOffset.Now).Status);
            var problem = LookupReading.ProblemOf("m-1", answer);
            Assert.Equal(errorId, problem?.ErrorId);
            Assert.Equal(stops, problem?.StopsTheCommand ?? false);
        }

        [Theory]
        [InlineData(null)]          // an empty body, or one that is not JSON
        [InlineData("accepted")]    // JSON, but not the object the API answers with
        public void A200WithoutTheMessagesJsonIsNoMessage_TheLookupFailsAndTheTestProvesNothing(string? body)
        {
            // Before: Found True with every field empty, and Test-WebexConnect said Accepted, though a gateway may have answered.
            var answer = LookupAnswer.Answered(200, body, TimeSpan.Zero);
            var endpoint = new Uri("https://api.eu.webexconnect.io/");

            var problem = LookupReading.ProblemOf("m-1", answer, endpoint);
            var test = LookupReading.ToTest(answer, endpoint, ConnectAuthMode.ServiceKey, DateTimeOffset.Now);

            Assert.Equal("MessageLookupFailed", problem?.ErrorId);
            Assert.False(problem!.StopsTheCommand);
            Assert.Equal("Message m-1 was not looked up: https://api.eu.webexconnect.io/ answered 200 without the Messaging API's JSON (its " +
                "body is empty or not a JSON object): a proxy or gateway may have answered for the service. Check Connect-WebexConnect " +
                "-BaseUri and the proxy, then look it up again; nothing was sent.", problem.Message);
            Assert.Equal(ConnectionTestStatus.Inconclusive, test.Status);
            Assert.False(test.IsAccepted);
            Assert.StartsWith("The credential was not proven: https://api.eu.webexconnect.io/ answered 200 without", test.Detail, StringComparison.Ordinal);
        }

        [Fact]
        public void AFailuresCauseIsSaidOnce()
        {
            var socket = new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused);
            var repeated = new System.Net.Http.HttpRequestException(socket.Message + " (api.eu.webexconnect.io:443)", socket);
            var wrapped = new System.Net.Http.HttpRequestException("An error occurred while sending the request.", socket);

            Assert.Equal(socket.Message + " (api.eu.webexconnect.io:443)", Engine.Transport.MessageLookup.Reason(repeated));
            Assert.Equal("An error occurred while sending the request; " + socket.Message.TrimEnd('.'), Engine.Transport.MessageLookup.Reason(wrapped));
        }

        [Theory]
        [InlineData(200)]
        [InlineData(404)]
        [InlineData(401)]   // a proxy's or firewall's page: the key was never checked, so not Refused
        [InlineData(403)]
        public void AWebPageInTheApisPlaceProvesNothing_TheTestSaysUnreachableAndTheLookupFails(int status)
        {
            // A wrong -BaseUri (a web site) answers any GET with its home page or its 404 page, never checking the key.
            var answer = LookupAnswer.Answered(status, null, TimeSpan.Zero, isWebPage: true);
            var endpoint = new Uri("https://www.example.com/");

            var test = LookupReading.ToTest(answer, endpoint, ConnectAuthMode.ServiceKey, DateTimeOffset.Now);
            var problem = LookupReading.ProblemOf("m-1", answer, endpoint);

            Assert.Equal(ConnectionTestStatus.Unreachable, test.Status);
            Assert.False(test.IsAccepted);
            Assert.Contains("https://www.example.com/ answered " + status + " with a web page", test.Detail, StringComparison.Ordinal);
            Assert.Contains("-BaseUri", test.Detail, StringComparison.Ordinal);
            Assert.Equal("MessageLookupFailed", problem?.ErrorId);
            Assert.Contains("web page", problem!.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A401ToGetConnectMessageSaysWhatToCheck_TheClockToo_ForAJwtSession()
        {
            var answer = LookupAnswer.Answered(401, null, TimeSpan.Zero);
            var endpoint = new Uri("https://api.eu.webexconnect.io/");

            var withKey = LookupReading.ProblemOf("m-1", answer, endpoint, ConnectAuthMode.ServiceKey, DateTimeOffset.Now)!.Message;
            var withJwt = LookupReading.ProblemOf("m-1", answer, endpoint, ConnectAuthMode.Jwt, new DateTimeOffset(2026, 12, 5, 7, 0, 0, TimeSpan.Zero))!.Message;

            Assert.Contains("Check the service key, and that it belongs to the tenant at https://api.eu.webexconnect.io/", withKey, StringComparison.Ordinal);
            Assert.DoesNotContain("clock", withKey, StringComparison.Ordinal);
            Assert.Contains("Check also this computer's clock (it read 2026-12-05 07:00:00 UTC)", withJwt, StringComparison.Ordinal);
            Assert.EndsWith("Then connect again.", withJwt, StringComparison.Ordinal);
        }

        [Fact]
        public void A404IsAMessageNotFoundNotAFailure()
        {
            var message = LookupReading.ToMessage("m-404", LookupAnswer.Answered(404, null, TimeSpan.Zero), DateTimeOffset.Now);

            Assert.False(message.Found);
            Assert.Equal("m-404", message.MessageId);
            Assert.Null(message.Status);
        }

        [Theory]
        [InlineData("447500661610", "+447500661610", false)]          // the service writes numbers without +
        [InlineData("447500661610", "+447700900027", true)]           // another destination of the same request
        [InlineData("447500661610", "+447700900027, +447500661610", false)] // one of a several-number row's addresses
        [InlineData("Ops@Example.com", "ops@example.com", false)]
        [InlineData("447500661610", null, false)]                     // an ID given by itself: no row to compare
        [InlineData("", "+447700900027", false)]                      // an answer that names no destination
        public void AnAnswerNamingAnotherDestinationOfTheRequestIsToldApart(string to, string? sentTo, bool another)
        {
            var body = Engine.Receipts.JsonTree.Read(System.Text.Encoding.UTF8.GetBytes(
                "{\"messageId\":\"m-7\",\"to\":\"" + to + "\",\"status\":\"Delivered\"}"));
            var message = LookupReading.ToMessage("m-7", LookupAnswer.Answered(200, body, TimeSpan.Zero), DateTimeOffset.Now);

            Assert.Equal(another, LookupReading.NamesAnotherDestination(message, sentTo));
        }

        [Fact]
        public void TheDocumentedFieldsAreTypedAndEveryFieldIsKept()
        {
            // API.md's 200 body, with numSegments as text and to as one string.
            var body = Engine.Receipts.JsonTree.Read(System.Text.Encoding.UTF8.GetBytes(
                "{\"clientId\":\"c1\",\"toType\":\"msisdn\",\"numSegments\":\"2\",\"requestTimestamp\":\"2026-12-03T10:00:00.000+01:00\",\"groupId\":\"g\"," +
                "\"channel\":\"sms\",\"messageId\":\"m-7\",\"version\":\"2.0\",\"callbackData\":\"cb\",\"notifyUrl\":\"https://x.example/\",\"from\":\"ACME\"," +
                "\"correlationId\":\"row-7\",\"to\":\"447500661610\",\"direction\":\"outbound\",\"status\":\"Submitted\",\"teamId\":\"t\"}"));

            var message = LookupReading.ToMessage("m-7", LookupAnswer.Answered(200, body, TimeSpan.Zero), DateTimeOffset.Now);

            Assert.True(message.Found);
            Assert.Equal("Submitted", message.Status);
            Assert.Equal("sms", message.Channel);
            Assert.Equal("ACME", message.From);
            Assert.Equal("447500661610", message.To);
            Assert.Equal("row-7", message.CorrelationId);
            Assert.Equal("cb", message.CallbackData);
            Assert.Equal(2, message.Segments);
            Assert.Equal("outbound", message.Direction);
            Assert.Equal(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(1)), message.RequestTimestamp);
            Assert.Equal("t", message.Fields["teamId"]);
            Assert.Equal("c1", message.Fields["CLIENTID"]);
        }

        [Fact]
        public void TheSandboxAnswersForAMessageItAcceptedAnd404ForOthersAndNeverSends()
        {
            var engine = new ConnectEngine();
            using var session = engine.Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox, BaseUri = new Uri("https://sandbox.invalid/") });
            using (var dispatcher = session.CreateDispatcher(new DispatchOptions(), CancellationToken.None))
            {
                var message = new SmsMessage { From = "ACME", Text = "Hi" };
                dispatcher.Add(new DispatchItem(message, new Recipient("+447700900001", "row-1"), null) { Row = 1 });
                var result = dispatcher.Complete().Single();
                Assert.Equal(SendStatus.Queued, result.Status);

                var before = session.SandboxRequests.Count;
                var found = session.LookUpMessage(result.MessageId!, CancellationToken.None);
                var missing = session.LookUpMessage(Guid.NewGuid().ToString(), CancellationToken.None);

                Assert.Equal(200, found.StatusCode);
                var read = LookupReading.ToMessage(result.MessageId!, found, DateTimeOffset.Now);
                Assert.Equal(result.MessageId, read.MessageId);
                Assert.Equal("+447700900001", read.To);
                Assert.Equal("row-1", read.CorrelationId);
                Assert.Equal("Delivered", read.Status);
                Assert.Equal(404, missing.StatusCode);
                // The lookups are recorded as requests, and none of them is a send.
                Assert.Equal(before + 2, session.SandboxRequests.Count);
                Assert.All(session.SandboxRequests.Skip(before), r => Assert.Equal(0, r.DestinationCount));
            }
        }

        [Fact]
        public async Task TheSandboxAnswers404ForAScheduledMessageUntilItsSendAt_ThenWhatItsReceiptsSay()
        {
            // Before, a message scheduled for tomorrow was Delivered at once: the service does not know a message (404, "not
            // known yet") before it goes out, and Get-ConnectMessage then told the admin something that had not happened.
            var now = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
            using var server = new SandboxServer(new SandboxOptions { ServiceKey = "k", UtcNow = () => now });
            var headers = new Dictionary<string, string> { ["key"] = "k" };
            var body = "{\"channel\":\"sms\",\"from\":\"ACME\",\"to\":[{\"msisdn\":[\"+447700900001\"]}],\"sendAt\":\"2026-12-07T09:00:00.000Z\"," +
                "\"content\":{\"type\":\"text\",\"text\":\"Hi\"}}";
            var sent = await server.HandleAsync(new SandboxHttpRequest("POST", "/v2/messages", headers, Encoding.UTF8.GetBytes(body)), CancellationToken.None);
            Assert.Equal(201, sent.StatusCode);
            var id = JsonDocument.Parse(sent.Body).RootElement.GetProperty("messageId").GetString()!;

            async Task<SandboxResponse> LookUpAt(DateTimeOffset at)
            {
                now = at;
                return await server.HandleAsync(new SandboxHttpRequest("GET", "/v2/messages/" + id, headers, ReadOnlyMemory<byte>.Empty), CancellationToken.None);
            }

            Assert.Equal(404, (await LookUpAt(new DateTimeOffset(2026, 12, 7, 8, 59, 59, TimeSpan.Zero))).StatusCode);
            var gone = await LookUpAt(new DateTimeOffset(2026, 12, 7, 9, 0, 1, TimeSpan.Zero));
            Assert.Equal(200, gone.StatusCode);
            Assert.Equal("Delivered", JsonDocument.Parse(gone.Body).RootElement.GetProperty("status").GetString());
        }

        [Fact]
        public async Task TheSandboxRefusesALookupWithTheWrongKey()
        {
            await using var host = await WebexConnect.Sandbox.Host.LoopbackSandboxHost.StartAsync(new SandboxOptions { ServiceKey = "right" });
            var lookup = new MessageLookup(ConnectHttpClientFactory.Create(host.BaseUri), new ServiceKeyCredential(Secure("wrong")), TimeSpan.FromSeconds(5));

            var answer = await lookup.LookUpAsync(Guid.NewGuid().ToString(), CancellationToken.None);

            Assert.Equal(401, answer.StatusCode);
        }
    }
}
