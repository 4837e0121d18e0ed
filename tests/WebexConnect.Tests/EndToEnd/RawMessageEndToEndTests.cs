using System.Collections.Generic;
using System.Linq;
using System.Threading;
using WebexConnect.Engine;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.EndToEnd
{
    /// <summary>
    /// A message whose content the caller wrote takes the typed cmdlets' road: one request per batch of
    /// identical content, results in input order, and a service 400 about one destination bisected out of
    /// the batch onto its own row with the service's code and message.
    /// </summary>
    public class RawMessageEndToEndTests
    {
        private static readonly RawMessage WhatsApp = new RawMessage("whatsapp")
        {
            From = "wa-app",
            Content = "{\"type\":\"template\",\"template\":{\"name\":\"order_update\"},\"text\":\"Hi $(Name)\"}",
        };

        private static List<SendResult> Send(IEngineSession session, ConnectMessage message, IEnumerable<string> numbers)
        {
            using var dispatcher = session.CreateDispatcher(new DispatchOptions(), CancellationToken.None);
            var results = new List<SendResult>();
            var row = 0;
            foreach (var number in numbers)
            {
                row++;
                dispatcher.Add(new DispatchItem(message, new Recipient(number, "row-" + row, new Dictionary<string, string> { ["Name"] = "P" + row }), row) { Row = row });
                results.AddRange(dispatcher.TakeReady());
            }
            results.AddRange(dispatcher.Complete());
            return results;
        }

        [Fact]
        public void Whatsapp_rows_travel_in_one_request_and_a_refused_number_is_bisected_onto_its_own_row()
        {
            using var session = new ConnectEngine().Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox, Tps = 100 });
            // Row 3 passes no client check here (the dispatcher is fed directly): the sandbox refuses it as the service would.
            var numbers = new[] { "+447700900001", "+447700900002", "+0447700900003", "+447700900004" };

            var results = Send(session, WhatsApp, numbers);

            Assert.Equal(new[] { 1L, 2L, 3L, 4L }, results.Select(r => r.Row));
            Assert.Equal(new[] { SendStatus.Queued, SendStatus.Queued, SendStatus.Rejected, SendStatus.Queued }, results.Select(r => r.Status));
            Assert.All(results, r => Assert.Equal(MessageChannel.WhatsApp, r.Channel));
            Assert.Equal("7041", results[2].Code);
            Assert.Contains("+0447700900003", results[2].Reason);
            Assert.All(session.SandboxRequests, r => Assert.Equal("whatsapp", r.Channel));
            Assert.Equal(3, session.SandboxRequests.Where(r => r.StatusCode == 201).Sum(r => r.DestinationCount));
            // Rows added back to back share a request (a partial batch lingers 50 ms); when the refused number
            // travelled with others, it was split out of that request rather than sinking it.
            if (session.SandboxRequests.Any(r => r.StatusCode == 400 && r.DestinationCount > 1))
                Assert.True(results[2].Attempts >= 2, "the refused number was not bisected out of its batch");
        }

        [Fact]
        public void A_channel_the_service_does_not_offer_comes_back_on_every_row_with_the_service_code()
        {
            using var session = new ConnectEngine().Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox, Tps = 100 });
            var fax = new RawMessage("fax") { From = "x", DestinationKey = "msisdn", Content = "{\"text\":\"hi\"}" };

            var results = Send(session, fax, new[] { "+447700900001", "+447700900002" });

            Assert.All(results, r => Assert.Equal(SendStatus.Rejected, r.Status));
            Assert.All(results, r => Assert.Equal("7004", r.Code));
            Assert.All(results, r => Assert.Contains("channel", r.Reason));
            Assert.All(results, r => Assert.Equal(MessageChannel.Other, r.Channel));
        }
    }
}
