using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Results;
using WebexConnect.Sending;
using Xunit;
using static WebexConnect.Tests.Transport.TransportHarness;

namespace WebexConnect.Tests.Transport
{
    /// <summary>
    /// A 2xx whose body is a web page did not come from the Messaging API: -BaseUri points at a web site (the
    /// Webex Connect portal, a site whose every path answers its home page) or a proxy or captive portal answered.
    /// Every row used to come back Queued, with no MessageId, and a -Journal recorded them as sent, so the admin
    /// saw a successful night in which nothing may have gone out. They are Unknown now, with advice, and not resent.
    /// </summary>
    public sealed class WebPageAnswerTests
    {
        private const string HomePage = "<!DOCTYPE html>\n<html><head><title>Webex Connect</title></head><body>Sign in</body></html>";

        [Theory]
        [InlineData(200, "text/html; charset=utf-8")]
        [InlineData(201, "text/html")]
        [InlineData(200, "application/xhtml+xml")]
        [InlineData(200, "text/plain")]          // markup under another label
        [InlineData(200, "application/json")]    // a mislabelled error page
        public async Task A_2xx_web_page_is_Unknown_not_Queued_and_says_to_check_the_address(int status, string contentType)
        {
            await using var server = await ScriptedServer.StartAsync();
            server.Fallback = (c, _) => ScriptedServer.Reply(c, status, HomePage, contentType);
            var transport = NewTransport(server.BaseUri, new RecordingGate(), FastOptions(maxAttempts: 3));

            var outcome = await transport.SendAsync(Batch(Numbers(2)), CancellationToken.None);

            Assert.All(outcome.PerRecipient, o =>
            {
                Assert.Equal(SendStatus.Unknown, o.Status);
                Assert.Equal("WebPage", o.Code);
                Assert.Null(o.MessageId);
                Assert.Equal(1, o.Attempts);
                Assert.Contains("web page", o.Reason, StringComparison.Ordinal);
                Assert.Contains("-BaseUri", o.Reason, StringComparison.Ordinal);
                Assert.Contains("not resent", o.Reason, StringComparison.Ordinal);
            });
            Assert.Single(server.Received);
        }

        [Fact]
        public async Task A_web_page_too_long_to_read_is_known_by_its_content_type()
        {
            await using var server = await ScriptedServer.StartAsync();
            var big = "<html><body>" + new string('x', 200 * 1024) + "</body></html>";
            server.Fallback = (c, _) => ScriptedServer.Reply(c, 200, big, "text/html");
            var transport = NewTransport(server.BaseUri, new RecordingGate(), FastOptions(maxAttempts: 3));

            var outcome = await transport.SendAsync(Batch(Numbers(1)), CancellationToken.None);

            Assert.Equal(SendStatus.Unknown, Assert.Single(outcome.PerRecipient).Status);
        }

        [Theory]
        [InlineData(201, "{\"messageId\":\"m-1\",\"status\":\"queued\"}", "application/json; charset=ISO-8859-1")]
        [InlineData(202, "", "application/json")]      // no body at all: the status code decides
        [InlineData(204, null, "application/json")]
        public async Task A_2xx_that_is_not_a_web_page_is_still_Queued(int status, string? body, string contentType)
        {
            await using var server = await ScriptedServer.StartAsync();
            server.Fallback = (c, _) => ScriptedServer.Reply(c, status, body, contentType);
            var transport = NewTransport(server.BaseUri, new RecordingGate(), FastOptions(maxAttempts: 3));

            var outcome = await transport.SendAsync(Batch(Numbers(2)), CancellationToken.None);

            Assert.All(outcome.PerRecipient, o => Assert.Equal(SendStatus.Queued, o.Status));
        }

        [Theory]
        [InlineData(404)]
        [InlineData(405)]
        [InlineData(400)]
        public async Task A_4xx_web_page_is_not_called_the_services_rejection_and_says_to_check_the_address(int status)
        {
            // Most web sites answer a POST to /v2/messages with their 404 or 405 page: every row read "Rejected by the
            // service: HTTP 404.", and the admin looked for what was wrong with the rows.
            await using var server = await ScriptedServer.StartAsync();
            server.Fallback = (c, _) => ScriptedServer.Reply(c, status, "<html><head><title>Not Found</title></head><body>nginx</body></html>", "text/html");
            var transport = NewTransport(server.BaseUri, new RecordingGate(), FastOptions(maxAttempts: 3));

            var outcome = await transport.SendAsync(Batch(Numbers(2)), CancellationToken.None);

            Assert.All(outcome.PerRecipient, o =>
            {
                Assert.Equal(SendStatus.Rejected, o.Status);
                Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Code);
                Assert.StartsWith("Not accepted: HTTP " + status + " with a web page, not the Messaging API's JSON", o.Reason, StringComparison.Ordinal);
                Assert.Contains("-BaseUri", o.Reason, StringComparison.Ordinal);
                Assert.DoesNotContain("Rejected by the service", o.Reason, StringComparison.Ordinal);
            });
            Assert.Single(server.Received);
        }

        [Theory]
        [InlineData(401)]
        [InlineData(403)]
        public async Task A_401_or_403_web_page_stops_the_run_without_blaming_the_key(int status)
        {
            // A corporate proxy or firewall refuses with its own page; the API's 401 has an empty body. "Check the service
            // key" sent the admin to rotate a key that was never checked.
            await using var server = await ScriptedServer.StartAsync();
            server.Fallback = (c, _) => ScriptedServer.Reply(c, status, "<html><body><h1>Access denied by policy</h1></body></html>", "text/html");

            var error = await Assert.ThrowsAsync<SessionFailureException>(() =>
                NewTransport(server.BaseUri, new RecordingGate(), FastOptions(maxAttempts: 3)).SendAsync(Batch(Numbers(1)), CancellationToken.None));

            Assert.Equal("AuthenticationFailed", error.ErrorId);
            Assert.StartsWith("The request was refused, but not by the Messaging API: " + server.BaseUri + " answered " + status + " with a web page", error.Message, StringComparison.Ordinal);
            Assert.Contains("proxy or firewall", error.Message, StringComparison.Ordinal);
            Assert.EndsWith("The credentials were not checked.", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("Check the service key", error.Message, StringComparison.Ordinal);
            // Nor does the session remember it as the key refused: its later calls still ask (the proxy may let them by).
            Assert.Null(error.SessionRefusedWith);
        }

        [Fact]
        public async Task With_ResendUnknown_a_web_page_is_tried_again_like_any_ambiguous_answer()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(200, HomePage, "text/html").Fallback = (c, _) => ScriptedServer.Reply(c, 201, ScriptedServer.Queued("m-2"));
            var transport = NewTransport(server.BaseUri, new RecordingGate(), FastOptions(maxAttempts: 3, resendAmbiguous: true));

            var outcome = await transport.SendAsync(Batch(Numbers(2)), CancellationToken.None);

            Assert.All(outcome.PerRecipient, o => Assert.Equal(SendStatus.Queued, o.Status));
            Assert.Equal(2, server.Received.Count);
        }
    }
}
