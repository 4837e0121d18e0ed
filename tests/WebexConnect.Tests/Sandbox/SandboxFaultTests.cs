using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using WebexConnect.Engine.Sandbox;
using WebexConnect.Sandbox.Host;
using Xunit;
using static WebexConnect.Tests.Sandbox.SandboxTestKit;

namespace WebexConnect.Tests.Sandbox
{
    /// <summary>Scripted faults hit exactly the next request, over a real socket, and say whether the message was accepted.</summary>
    public sealed class SandboxFaultTests : IAsyncLifetime
    {
        private static readonly HttpClient Client = new HttpClient();
        private LoopbackSandboxHost _host = null!;

        public async Task InitializeAsync() => _host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { Tps = 1000 });

        public async Task DisposeAsync() => await _host.DisposeAsync();

        [Theory]
        [InlineData(503, "7006")]
        [InlineData(500, "7006")]
        [InlineData(429, "7020")]
        public async Task Status_fault_answers_once_with_the_api_error_and_accepts_nothing(int status, string code)
        {
            _host.Server.Faults.Enqueue(SandboxFault.Status(status));

            using var faulted = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230001")));
            var acceptedByFault = _host.Server.AcceptedDestinations.Total;
            using var next = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230001")));

            Assert.Equal(status, (int)faulted.StatusCode);
            Assert.Equal(code, (await JsonBodyAsync(faulted)).GetProperty("code").GetString());
            Assert.Equal(0, acceptedByFault);
            Assert.Equal(HttpStatusCode.Created, next.StatusCode);
            Assert.Equal(1, _host.Server.AcceptedDestinations.CountOf("+15551230001", "row-1"));
        }

        [Theory]
        [InlineData(502)]
        [InlineData(504)]
        public async Task Gateway_faults_answer_html_as_a_proxy_would(int status)
        {
            _host.Server.Faults.Enqueue(SandboxFault.Status(status));

            using var response = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230001")));

            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(0, _host.Server.AcceptedDestinations.Total);
        }

        [Fact]
        public async Task Retry_after_in_seconds_is_sent_verbatim()
        {
            _host.Server.Faults.Enqueue(SandboxFault.Status(429, "2"));

            using var response = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230001")));

            Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter!.Delta);
        }

        [Fact]
        public async Task Retry_after_as_an_http_date_is_sent_as_a_date()
        {
            var retryAt = new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.Zero);
            _host.Server.Faults.Enqueue(SandboxFault.Status(429, retryAt));

            using var response = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230001")));

            Assert.Equal(retryAt, response.Headers.RetryAfter!.Date);
        }

        [Fact]
        public async Task Scripted_400_carries_the_given_code_and_message()
        {
            _host.Server.Faults.Enqueue(SandboxFault.Status(400, "7008", "Inactive profile"));

            using var response = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230001")));

            var error = await JsonBodyAsync(response);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("7008", error.GetProperty("code").GetString());
            Assert.Equal("Inactive profile", error.GetProperty("message").GetString());
        }

        [Fact]
        public async Task Drop_before_body_fails_the_request_and_accepts_nothing()
        {
            _host.Server.Faults.Enqueue(SandboxFault.DropBeforeBody);

            await Assert.ThrowsAsync<HttpRequestException>(() => Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230001"))));

            Assert.Equal(0, _host.Server.AcceptedDestinations.Total);
            var recorded = Assert.Single(_host.Server.Requests);
            Assert.Equal(0, recorded.StatusCode);
            Assert.Null(recorded.MessageId);
            Assert.Equal("DropBeforeBody", recorded.Fault);
        }

        [Fact]
        public async Task Drop_after_body_fails_the_request_but_the_message_was_accepted()
        {
            _host.Server.Faults.Enqueue(SandboxFault.DropAfterBody);

            await Assert.ThrowsAsync<HttpRequestException>(() => Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230001"))));

            Assert.Equal(1, _host.Server.AcceptedDestinations.CountOf("+15551230001", "row-1"));
            var recorded = Assert.Single(_host.Server.Requests);
            Assert.Equal(0, recorded.StatusCode);
            Assert.NotNull(recorded.MessageId);
            Assert.Equal("DropAfterBody", recorded.Fault);
        }

        [Fact]
        public async Task Delay_past_the_client_timeout_times_out_but_the_message_was_accepted()
        {
            _host.Server.Faults.Enqueue(SandboxFault.Delay(TimeSpan.FromSeconds(30)));
            using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230001"))));

            Assert.Equal(1, _host.Server.AcceptedDestinations.CountOf("+15551230001", "row-1"));
            Assert.StartsWith("Delay", Assert.Single(_host.Server.Requests).Fault);
        }

        [Fact]
        public async Task Faults_play_in_the_order_scripted()
        {
            _host.Server.Faults.Enqueue(SandboxFault.Status(503));
            _host.Server.Faults.Enqueue(SandboxFault.Status(429, "1"));

            using var first = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230001")));
            using var second = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230001")));
            using var third = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230001")));

            Assert.Equal(new[] { 503, 429, 201 }, new[] { (int)first.StatusCode, (int)second.StatusCode, (int)third.StatusCode });
            Assert.Equal(0, _host.Server.Faults.Pending);
        }

        [Fact]
        public async Task Restart_refuses_connections_while_down_then_serves_the_same_port_and_state()
        {
            using var before = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230001")));
            var port = _host.Port;

            await _host.StopAsync();
            await Assert.ThrowsAsync<HttpRequestException>(() => Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230002"))));
            await _host.StartAgainAsync();
            using var afterStart = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230003")));
            await _host.RestartAsync(TimeSpan.FromMilliseconds(50));
            using var afterRestart = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230004")));

            Assert.Equal(port, _host.Port);
            Assert.Equal(HttpStatusCode.Created, afterStart.StatusCode);
            Assert.Equal(HttpStatusCode.Created, afterRestart.StatusCode);
            Assert.Equal(3, _host.Server.AcceptedDestinations.Total);
        }
    }
}
