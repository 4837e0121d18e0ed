using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using WebexConnect.Engine.Sandbox;
using WebexConnect.Sandbox.Host;
using Xunit;
using static WebexConnect.Tests.Sandbox.SandboxTestKit;

namespace WebexConnect.Tests.Sandbox
{
    /// <summary>What the sandbox remembers: requests (without credentials), accepted destinations and receipts.</summary>
    public sealed class SandboxRecordingTests
    {
        private static readonly HttpClient Client = new HttpClient();

        [Fact]
        public async Task Requests_are_recorded_in_order_with_outcome_and_body_but_never_credentials()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { ServiceKey = Key });
            var body = SmsBody("+15551230001", "+15551230002");

            using var accepted = await Client.SendAsync(Post(host.MessagesUri, body));
            using var refused = await Client.SendAsync(Post(host.MessagesUri, SmsBody("12345")));
            using var unauthorized = await Client.SendAsync(Post(host.MessagesUri, body, key: "wrong-" + Key));

            var requests = host.Server.Requests;
            Assert.Equal(new long[] { 1, 2, 3 }, requests.Select(r => r.Number));
            Assert.Equal(new[] { 201, 400, 401 }, requests.Select(r => r.StatusCode));
            Assert.Equal("sms", requests[0].Channel);
            Assert.Equal(2, requests[0].DestinationCount);
            Assert.Equal((await JsonBodyAsync(accepted)).GetProperty("messageId").GetString(), requests[0].MessageId);
            Assert.Equal(body.ToJsonString(), requests[0].Body);
            Assert.Equal("7041", requests[1].Code);
            Assert.Null(requests[1].MessageId);
            foreach (var request in requests)
                foreach (var property in request.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                    Assert.DoesNotContain(Key, Convert.ToString(property.GetValue(request), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }

        [Fact]
        public async Task A_refused_request_is_recorded_with_the_destinations_it_carried()
        {
            // Before: DestinationCount was 0 for every 400, so Get-ConnectSandboxRequest showed a 7041 on a batch of
            // three (before its split) as a request of no destinations.
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { ServiceKey = Key });

            using var badNumber = await Client.SendAsync(Post(host.MessagesUri, SmsBody("+15551230001", "12345", "+15551230003")));
            using var tooMany = await Client.SendAsync(Post(host.MessagesUri,
                SmsBody(Enumerable.Range(1, 1001).Select(i => "+1555200" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).ToArray())));

            var requests = host.Server.Requests;
            Assert.Equal(new[] { "7041", "7009" }, requests.Select(r => r.Code));
            Assert.Equal(new[] { 3, 1001 }, requests.Select(r => r.DestinationCount));
        }

        [Fact]
        public async Task Bodies_are_not_kept_when_recording_them_is_off()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { RecordBodies = false });

            using var response = await Client.SendAsync(Post(host.MessagesUri, SmsBody("+15551230001")));

            var recorded = Assert.Single(host.Server.Requests);
            Assert.Equal(201, recorded.StatusCode);
            Assert.Equal("", recorded.Body);
        }

        [Fact]
        public async Task A_destination_accepted_twice_shows_up_as_a_duplicate()
        {
            await using var host = await LoopbackSandboxHost.StartAsync();

            using var first = await Client.SendAsync(Post(host.MessagesUri, SmsBody("+15551230001", "+15551230002")));
            using var again = await Client.SendAsync(Post(host.MessagesUri, SmsBody("+15551230001")));
            var otherRow = SmsBody("+15551230001");
            otherRow["to"]![0]!["correlationId"] = "row-2";
            using var sameNumberOtherRow = await Client.SendAsync(Post(host.MessagesUri, otherRow));

            var accepted = host.Server.AcceptedDestinations;
            Assert.Equal(4, accepted.Total);
            Assert.Equal(3, accepted.Distinct);
            Assert.Equal(2, accepted.CountOf("+15551230001", "row-1"));
            Assert.Equal(1, accepted.CountOf("+15551230001", "row-2"));
            var duplicate = Assert.Single(accepted.Duplicates());
            Assert.Equal(("+15551230001", "row-1", 2), (duplicate.Address, duplicate.CorrelationId, duplicate.Count));
        }

        [Fact]
        public async Task Each_accepted_destination_gets_submitted_then_delivered_receipts_in_the_webhook_shape()
        {
            var options = new SandboxOptions();
            options.UndeliverableAddresses.Add("+15559999999");
            await using var host = await LoopbackSandboxHost.StartAsync(options);
            var body = SmsBody("+15551230001", "+15559999999");
            body["callbackData"] = "batch-7";

            using var response = await Client.SendAsync(Post(host.MessagesUri, body));
            var messageId = (await JsonBodyAsync(response)).GetProperty("messageId").GetString();

            var receipts = host.Server.Receipts.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("deliveryInfoNotification")).ToList();
            Assert.Equal(4, receipts.Count);
            var codes = receipts.Select(r => (r.GetProperty("deliveryInfo").GetProperty("destination").GetString()!,
                r.GetProperty("deliveryInfo").GetProperty("code").GetString()!)).ToList();
            Assert.Equal(new[] { ("+15551230001", "7501"), ("+15551230001", "7500"), ("+15559999999", "7501"), ("+15559999999", "7102") }, codes);
            foreach (var receipt in receipts)
            {
                Assert.Equal("batch-7", receipt.GetProperty("callbackData").GetString());
                Assert.Equal("row-1", receipt.GetProperty("correlationid").GetString());
                Assert.Equal(messageId, receipt.GetProperty("transid").GetString());
                var info = receipt.GetProperty("deliveryInfo");
                Assert.Equal("sms", info.GetProperty("deliveryChannel").GetString());
                Assert.False(string.IsNullOrEmpty(info.GetProperty("Description").GetString()));
                Assert.True(DateTimeOffset.TryParse(info.GetProperty("timeStamp").GetString(), out _));
            }
        }

        /// <summary>A webhook receiver on a loopback port that hands each posted body to <paramref name="receive"/>.</summary>
        [Fact]
        public async Task An_undeliverable_email_address_bounces_with_7520_as_the_service_answers_email_and_a_number_fails_with_7102()
        {
            // API.md: 7102 is an invalid address (a number); an email that does not arrive bounces (7520, Bounced). Before, the
            // sandbox answered every failure 7102, so a rehearsal's report showed email rows Failed where the service says Bounced.
            var options = new SandboxOptions();
            options.UndeliverableAddresses.Add("gone@example.com");
            await using var host = await LoopbackSandboxHost.StartAsync(options);

            using var response = await Client.SendAsync(Post(host.MessagesUri, Email("ann@example.com", "gone@example.com")));
            response.EnsureSuccessStatusCode();

            var infos = host.Server.Receipts.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("deliveryInfoNotification").GetProperty("deliveryInfo")).ToList();
            var said = infos.Select(i => (i.GetProperty("destination").GetString()!, i.GetProperty("code").GetString()!, i.GetProperty("deliveryStatus").GetString()!)).ToList();
            Assert.Equal(new[] { ("ann@example.com", "7501", "Submitted"), ("ann@example.com", "7500", "Delivered"),
                ("gone@example.com", "7501", "Submitted"), ("gone@example.com", "7520", "Bounced") }, said);
        }

        [Theory]
        [InlineData("email", "gone@example.com", "Bounced")]
        [InlineData("sms", "+15559999999", "Failed")]
        [InlineData("email", "ann@example.com", "Delivered")]
        public async Task The_lookups_status_is_the_deliveryStatus_of_the_final_receipt(string channel, string address, string expected)
        {
            // Before, GET /v2/messages/{id} said Failed of an email whose receipt said Bounced (7520): a rehearsal's
            // Get-ConnectMessage and Wait-ConnectDelivery disagreed about the same address.
            var options = new SandboxOptions();
            if (expected != "Delivered") options.UndeliverableAddresses.Add(address);
            await using var host = await LoopbackSandboxHost.StartAsync(options);
            using var response = await Client.SendAsync(Post(host.MessagesUri, channel == "email" ? Email(address) : SmsBody(address)));
            var messageId = (await JsonBodyAsync(response)).GetProperty("messageId").GetString();

            using var lookup = new HttpRequestMessage(HttpMethod.Get, new Uri(host.MessagesUri + "/" + messageId));
            lookup.Headers.Add("key", Key);
            using var answer = await Client.SendAsync(lookup);

            var finalReceipt = host.Server.Receipts.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("deliveryInfoNotification")
                .GetProperty("deliveryInfo").GetProperty("deliveryStatus").GetString()).Last();
            Assert.Equal(expected, finalReceipt);
            Assert.Equal(expected, (await JsonBodyAsync(answer)).GetProperty("status").GetString());
        }

        [Fact]
        public async Task Each_cc_and_bcc_address_gets_receipts_of_its_own_under_the_same_message_as_the_service_sends()
        {
            // The service posts a receipt for every To, Cc and Bcc recipient, with the message's transid; a rehearsal that never
            // showed them could not show how Wait-ConnectDelivery treats them (they answer for no row).
            var options = new SandboxOptions();
            options.UndeliverableAddresses.Add("gone-boss@example.com");
            await using var host = await LoopbackSandboxHost.StartAsync(options);
            var body = Email("ann@example.com");
            body["cc"] = new JsonArray(JsonValue.Create("gone-boss@example.com"));
            body["bcc"] = new JsonArray(JsonValue.Create("audit@example.com"));

            using var response = await Client.SendAsync(Post(host.MessagesUri, body));
            var messageId = (await JsonBodyAsync(response)).GetProperty("messageId").GetString();

            var receipts = host.Server.Receipts.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("deliveryInfoNotification")).ToList();
            var said = receipts.Select(r => (r.GetProperty("deliveryInfo").GetProperty("destination").GetString()!, r.GetProperty("deliveryInfo").GetProperty("code").GetString()!)).ToList();
            Assert.Equal(new[] { ("ann@example.com", "7501"), ("ann@example.com", "7500"), ("gone-boss@example.com", "7501"), ("gone-boss@example.com", "7520"),
                ("audit@example.com", "7501"), ("audit@example.com", "7500") }, said);
            Assert.All(receipts, r => Assert.Equal(messageId, r.GetProperty("transid").GetString()));
            // Copies are no destination: the accepted destinations (what duplicate checks count) are the To addresses alone.
            Assert.Equal(1, host.Server.AcceptedDestinations.Total);
        }

        [Theory]
        // requestedReceipts filters the webhooks (API.md): the sandbox posted every receipt whatever it named, so a rehearsal of
        // -RequestedReceipt submitted (what an SMTP email app can send) showed Delivered receipts the service would not send.
        [InlineData("email", "submitted", "7501")]
        [InlineData("email", "delivered", "7500")]
        [InlineData("sms", "SENT", "7501")]
        [InlineData("sms", "DELIVERED", "7500")]
        public async Task Only_the_receipts_requestedReceipts_names_are_posted(string channel, string asked, string code)
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions());
            var body = channel == "email" ? Email("ann@example.com") : SmsBody("+15551230001");
            body["requestedReceipts"] = new JsonArray(JsonValue.Create(asked));

            using var response = await Client.SendAsync(Post(host.MessagesUri, body));
            response.EnsureSuccessStatusCode();

            var codes = host.Server.Receipts.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("deliveryInfoNotification")
                .GetProperty("deliveryInfo").GetProperty("code").GetString()).ToList();
            Assert.Equal(new[] { code }, codes);
        }

        private static async Task<WebApplication> StartWebhookAsync(Action<string> receive)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var webhook = builder.Build();
            webhook.Run(async context =>
            {
                using var reader = new StreamReader(context.Request.Body);
                receive(await reader.ReadToEndAsync());
                context.Response.StatusCode = 200;
            });
            await webhook.StartAsync();
            return webhook;
        }

        [Fact]
        public async Task A_scheduled_message_has_no_receipt_posted_before_its_sendAt_and_gets_it_then()
        {
            // Before, a rehearsal of a send for tomorrow got Delivered at once, which the service never gives.
            var received = new ConcurrentQueue<(DateTimeOffset At, string Body)>();
            await using var webhook = await StartWebhookAsync(body => received.Enqueue((DateTimeOffset.UtcNow, body)));
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { PostReceiptsToLoopback = true });
            var now = SmsBody("+15551230001");
            now["notifyUrl"] = webhook.Urls.First() + "/hooks";
            var later = SmsBody("+15551230002");
            later["notifyUrl"] = now["notifyUrl"]!.GetValue<string>();
            var sendAt = DateTimeOffset.UtcNow.AddSeconds(3);
            later["sendAt"] = sendAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");

            using (await Client.SendAsync(Post(host.MessagesUri, later))) { }
            using (await Client.SendAsync(Post(host.MessagesUri, now))) { }
            await host.Server.WhenReceiptsPostedAsync().WaitAsync(TimeSpan.FromSeconds(30));

            string To(string receipt) => JsonNode.Parse(receipt)!["deliveryInfoNotification"]!["deliveryInfo"]!["destination"]!.GetValue<string>();
            Assert.Equal(new[] { "+15551230001", "+15551230001" }, received.Select(r => To(r.Body)));
            for (var waited = 0; received.Count < 4 && waited < 300; waited++) await Task.Delay(50);
            var held = received.Where(r => To(r.Body) == "+15551230002").ToList();
            Assert.Equal(2, held.Count);
            Assert.All(held, r => Assert.True(r.At >= sendAt.AddMilliseconds(-50), "posted at " + r.At.ToString("O") + ", before its sendAt " + sendAt.ToString("O")));
            Assert.All(held, r => Assert.True(DateTimeOffset.Parse(JsonNode.Parse(r.Body)!["deliveryInfoNotification"]!["deliveryInfo"]!["timeStamp"]!.GetValue<string>()) >= sendAt.AddMilliseconds(-1)));
        }

        [Fact]
        public async Task Receipts_are_posted_to_a_loopback_notify_url_when_asked()
        {
            var received = new ConcurrentQueue<string>();
            await using var webhook = await StartWebhookAsync(received.Enqueue);
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { PostReceiptsToLoopback = true });
            var body = Email("a@example.com");
            body["notifyUrl"] = webhook.Urls.First() + "/hooks";

            using var response = await Client.SendAsync(Post(host.MessagesUri, body));
            await host.Server.WhenReceiptsPostedAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(new[] { "7501", "7500" }, received.Select(r =>
                JsonNode.Parse(r)!["deliveryInfoNotification"]!["deliveryInfo"]!["code"]!.GetValue<string>()));
        }

        [Fact]
        public async Task Receipts_are_never_posted_off_the_machine()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { PostReceiptsToLoopback = true });
            var body = SmsBody("+15551230001");
            body["notifyUrl"] = "https://hooks.example.com/receipts";

            using var response = await Client.SendAsync(Post(host.MessagesUri, body));

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.True(host.Server.WhenReceiptsPostedAsync().IsCompletedSuccessfully);
            Assert.False(SandboxReceiptPoster.IsLoopbackUrl("https://hooks.example.com/receipts"));
            Assert.True(SandboxReceiptPoster.IsLoopbackUrl("http://127.0.0.1:5000/hooks"));
        }
    }
}
