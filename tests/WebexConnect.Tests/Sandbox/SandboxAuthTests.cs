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
    /// <summary>The sandbox accepts exactly the credentials the service would, over a real loopback socket.</summary>
    public sealed class SandboxAuthTests : IAsyncLifetime
    {
        private static readonly HttpClient Client = new HttpClient();
        private LoopbackSandboxHost _host = null!;

        public async Task InitializeAsync() =>
            _host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { ServiceKey = Key, ServiceId = ServiceId, ServiceSecret = Secret });

        public async Task DisposeAsync() => await _host.DisposeAsync();

        [Fact]
        public async Task Matching_key_is_accepted_with_the_documented_201_body()
        {
            using var response = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230001")));

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var body = await JsonBodyAsync(response);
            Assert.Equal("queued", body.GetProperty("status").GetString());
            Assert.True(Guid.TryParse(body.GetProperty("messageId").GetString(), out _));
            Assert.Equal("", body.GetProperty("correlationId").GetString());
            var timestamp = body.GetProperty("requestTimestamp").GetString()!;
            Assert.EndsWith("+00:00", timestamp);
            Assert.InRange(DateTimeOffset.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture),
                DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        }

        [Theory]
        [InlineData("not-the-key")]
        [InlineData(null)]
        public async Task Wrong_or_missing_key_gets_401_with_an_empty_body(string? key)
        {
            using var response = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230001"), key));

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(0, _host.Server.AcceptedDestinations.Total);
        }

        [Fact]
        public async Task Valid_jwt_is_accepted()
        {
            using var response = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230001"), key: null, bearer: ValidJwt()));

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        [Theory]
        [InlineData("expired")]
        [InlineData("wrong secret")]
        [InlineData("wrong issuer")]
        [InlineData("issued in the future")]
        [InlineData("lives over an hour")]
        [InlineData("old without exp")]
        [InlineData("garbage")]
        public async Task Bad_jwt_gets_401_with_an_empty_body(string flaw)
        {
            var now = DateTimeOffset.UtcNow;
            var token = flaw switch
            {
                "expired" => Jwt(Secret, ServiceId, now.AddMinutes(-50), now.AddMinutes(-1)),
                "wrong secret" => Jwt(Convert.ToBase64String(new byte[32]), ServiceId, now.AddSeconds(-30), now.AddMinutes(30)),
                "wrong issuer" => Jwt(Secret, "someone-else", now.AddSeconds(-30), now.AddMinutes(30)),
                "issued in the future" => Jwt(Secret, ServiceId, now.AddMinutes(5), now.AddMinutes(30)),
                "lives over an hour" => Jwt(Secret, ServiceId, now.AddSeconds(-30), now.AddMinutes(61)),
                "old without exp" => Jwt(Secret, ServiceId, now.AddMinutes(-61)),
                _ => "not.a.token",
            };

            using var response = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230001"), key: null, bearer: token));

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }

        [Fact]
        public async Task Jwt_within_the_clock_skew_is_accepted()
        {
            var now = DateTimeOffset.UtcNow;
            var token = Jwt(Secret, ServiceId, now.AddSeconds(40), now.AddMinutes(30));

            using var response = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230001"), key: null, bearer: token));

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        [Fact]
        public async Task Jwt_wins_over_key_when_both_are_sent()
        {
            var badToken = Jwt(Secret, "someone-else", DateTimeOffset.UtcNow.AddSeconds(-30));
            using var goodKeyBadToken = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230001"), Key, badToken));
            using var badKeyGoodToken = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230002"), "wrong", ValidJwt()));

            Assert.Equal(HttpStatusCode.Unauthorized, goodKeyBadToken.StatusCode);
            Assert.Equal(HttpStatusCode.Created, badKeyGoodToken.StatusCode);
        }

        [Theory]
        [InlineData("GET", "v2/messages")]
        [InlineData("POST", "v1/messages")]
        [InlineData("POST", "v2/message")]
        public async Task Only_POST_v2_messages_exists(string method, string path)
        {
            using var request = Post(new Uri(_host.BaseUri, path), SmsBody("+15551230001"));
            request.Method = new HttpMethod(method);
            if (method == "GET") request.Content = null;

            using var response = await Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    /// <summary>With no credentials configured the sandbox takes any key or well-formed token, but not none.</summary>
    public sealed class SandboxOpenAuthTests : IAsyncLifetime
    {
        private static readonly HttpClient Client = new HttpClient();
        private LoopbackSandboxHost _host = null!;

        public async Task InitializeAsync() => _host = await LoopbackSandboxHost.StartAsync(new SandboxOptions());

        public async Task DisposeAsync() => await _host.DisposeAsync();

        [Fact]
        public async Task Any_key_or_wellformed_token_is_accepted_but_an_empty_key_is_not()
        {
            var anySecret = Convert.ToBase64String(new byte[] { 1, 2, 3 });
            using var anyKey = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230001"), "whatever"));
            using var anyToken = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230002"), null,
                Jwt(anySecret, "any-service", DateTimeOffset.UtcNow.AddSeconds(-30))));
            using var emptyKey = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230003"), ""));
            using var expiredToken = await Client.SendAsync(Post(_host.MessagesUri, SmsBody("+15551230004"), null,
                Jwt(anySecret, "any-service", DateTimeOffset.UtcNow.AddHours(-2), DateTimeOffset.UtcNow.AddHours(-1))));

            Assert.Equal(HttpStatusCode.Created, anyKey.StatusCode);
            Assert.Equal(HttpStatusCode.Created, anyToken.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, emptyKey.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, expiredToken.StatusCode);
        }
    }
}
