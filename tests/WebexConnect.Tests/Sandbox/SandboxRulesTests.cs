using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using WebexConnect.Engine.Sandbox;
using WebexConnect.Sandbox.Host;
using Xunit;
using static WebexConnect.Tests.Sandbox.SandboxTestKit;

namespace WebexConnect.Tests.Sandbox
{
    /// <summary>Each body rule of API.md answers the documented 400 code, and nothing of a refused request is accepted.</summary>
    public sealed class SandboxRulesTests : IAsyncLifetime
    {
        private static readonly HttpClient Client = new HttpClient();
        private LoopbackSandboxHost _host = null!;

        public async Task InitializeAsync() =>
            _host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { ServiceKey = Key, Tps = 2000 });

        public async Task DisposeAsync() => await _host.DisposeAsync();

        [Theory]
        [InlineData("channel missing", "7003", "channel")]
        [InlineData("from missing", "7003", "from")]
        [InlineData("to missing", "7003", "to")]
        [InlineData("to empty", "7003", "to")]
        [InlineData("content and template missing", "7003", "content")]
        [InlineData("channel fax", "7004", "channel")]
        [InlineData("content and template", "7004", "content")]
        [InlineData("expireAt and validity", "7004", "Invalid parameter - expireAt")]
        [InlineData("sendAt 8 days ahead", "7004", "Invalid parameter - sendAt")]
        [InlineData("sendAt unparsable", "7004", "Invalid parameter - sendAt")]
        [InlineData("msisdn without plus", "7041", "15551230001")]
        [InlineData("one bad msisdn among good", "7041", "+0123")]
        [InlineData("sms text over 4000", "7107", "")]
        [InlineData("over 1000 destinations", "7009", "")]
        [InlineData("correlationId over 50 bytes", "7004", "correlationId")]
        public async Task Invalid_body_gets_400_with_the_code_naming_the_field(string flaw, string code, string named)
        {
            var body = SmsBody("+15551230001", "+15551230002");
            switch (flaw)
            {
                case "channel missing": body.Remove("channel"); break;
                case "from missing": body.Remove("from"); break;
                case "to missing": body.Remove("to"); break;
                case "to empty": body["to"] = new JsonArray(); break;
                case "content and template missing": body.Remove("content"); break;
                case "channel fax": body["channel"] = "fax"; break;
                case "content and template": body["template"] = new JsonObject { ["id"] = "t1" }; break;
                case "expireAt and validity": body["expireAt"] = "2030-01-01T00:00:00.000Z"; body["validity"] = "3600"; break;
                case "sendAt 8 days ahead": body["sendAt"] = DateTimeOffset.UtcNow.AddDays(8).ToString("o", CultureInfo.InvariantCulture); break;
                case "sendAt unparsable": body["sendAt"] = "next tuesday"; break;
                case "msisdn without plus": body = SmsBody("15551230001"); break;
                case "one bad msisdn among good": body = SmsBody("+15551230001", "+0123", "+15551230003"); break;
                case "sms text over 4000": body["content"]!["text"] = new string('a', 4001); break;
                case "over 1000 destinations": body = SmsPerPerson(1001); break;
                case "correlationId over 50 bytes": body["to"]![0]!["correlationId"] = new string('é', 26); break;
            }

            using var response = await Client.SendAsync(Post(_host.MessagesUri, body));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = await JsonBodyAsync(response);
            Assert.Equal(code, error.GetProperty("code").GetString());
            Assert.Contains(named, error.GetProperty("message").GetString());
            Assert.Equal(0, _host.Server.AcceptedDestinations.Total);
        }

        [Fact]
        public async Task Invalid_json_gets_7000()
        {
            using var response = await Client.SendAsync(PostRaw(_host.MessagesUri, "{\"channel\": \"sms\","));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = await JsonBodyAsync(response);
            Assert.Equal("7000", error.GetProperty("code").GetString());
            Assert.Equal("Invalid JSON", error.GetProperty("message").GetString());
        }

        [Fact]
        public async Task Invalid_email_address_gets_7004_naming_it()
        {
            using var response = await Client.SendAsync(Post(_host.MessagesUri, Email("ok@example.com", "not-an-address")));

            var error = await JsonBodyAsync(response);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("7004", error.GetProperty("code").GetString());
            Assert.Contains("not-an-address", error.GetProperty("message").GetString());
        }

        [Theory]
        [InlineData("sendAt 6 days ahead")]
        [InlineData("sms text of exactly 4000")]
        [InlineData("template instead of content")]
        [InlineData("validity alone")]
        [InlineData("1000 destinations")]
        [InlineData("email")]
        public async Task Bodies_at_the_limits_are_accepted(string edge)
        {
            JsonObject body = SmsBody("+15551230001");
            switch (edge)
            {
                case "sendAt 6 days ahead": body["sendAt"] = DateTimeOffset.UtcNow.AddDays(6).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture); break;
                case "sms text of exactly 4000": body["content"]!["text"] = new string('a', 4000); break;
                case "template instead of content": body.Remove("content"); body["template"] = new JsonObject { ["id"] = "t1" }; break;
                case "validity alone": body["validity"] = "3600"; break;
                case "1000 destinations": body = SmsPerPerson(1000); break;
                case "email": body = Email("a@example.com", "b@example.org"); break;
            }

            using var response = await Client.SendAsync(Post(_host.MessagesUri, body));

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        [Fact]
        public async Task Iso_8859_1_label_is_used_when_asked()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { LabelResponsesIso88591 = true });

            using var response = await Client.SendAsync(Post(host.MessagesUri, SmsBody("+15551230001")));

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal("ISO-8859-1", response.Content.Headers.ContentType!.CharSet);
            Assert.Equal("queued", (await JsonBodyAsync(response)).GetProperty("status").GetString());
        }
    }
}
