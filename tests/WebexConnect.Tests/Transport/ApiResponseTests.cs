using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine.Transport;
using WebexConnect.Results;
using Xunit;
using static WebexConnect.Tests.Transport.TransportHarness;

namespace WebexConnect.Tests.Transport
{
    public class ApiResponseTests
    {
        [Fact]
        public void Decode_FollowsTheLabel_AndFallsBackToUtf8ForAnUnknownOne()
        {
            var latin1 = Encoding.Latin1.GetBytes("Paramètre");
            var utf8 = Encoding.UTF8.GetBytes("Paramètre");

            Assert.Equal("Paramètre", ApiResponse.Decode(latin1, "ISO-8859-1"));
            Assert.Equal("Paramètre", ApiResponse.Decode(latin1, "\"iso-8859-1\""));
            Assert.Equal("Paramètre", ApiResponse.Decode(utf8, null));
            Assert.Equal("Paramètre", ApiResponse.Decode(utf8, "x-no-such-charset"));
        }

        // Valid JSON whose string escapes are half a UTF-16 pair (an emoji cut in two by a server that truncates text):
        // System.Text.Json parses it, and throws InvalidOperationException only when the string is read.
        private const string HalfAnEmoji = "\\ud83d";

        [Fact]
        public async Task AFieldWithHalfASurrogatePair_IsLeftOut_AndTheOtherFieldsAreRead()
        {
            using var response = new HttpResponseMessage((HttpStatusCode)400)
            {
                Content = new StringContent("{\"code\":\"7004\",\"message\":\"Bad text " + HalfAnEmoji + "\",\"" + HalfAnEmoji + "\":1,\"messageId\":\"m-9\"}",
                    Encoding.UTF8, "application/json"),
            };

            var parsed = await ApiResponse.ReadAsync(response, DateTimeOffset.UtcNow, CancellationToken.None);

            Assert.Equal("7004", parsed.Code);
            Assert.Null(parsed.Message);
            Assert.Equal("m-9", parsed.MessageId);
        }

        [Fact]
        public async Task A202WhoseMessageIdHoldsHalfASurrogatePair_IsQueued_NotAnExceptionThatEndsTheBatch()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(202, "{\"status\":\"queued\",\"messageId\":\"" + HalfAnEmoji + "\",\"requestTimestamp\":\"2026-11-23T21:04:05Z\"}");

            var outcome = await NewTransport(server.BaseUri, new RecordingGate()).SendAsync(Batch(Numbers(2)), CancellationToken.None);

            Assert.All(outcome.PerRecipient, r =>
            {
                Assert.Equal(SendStatus.Queued, r.Status);
                Assert.Null(r.MessageId);
            });
            Assert.Single(server.Received);
        }
    }
}
