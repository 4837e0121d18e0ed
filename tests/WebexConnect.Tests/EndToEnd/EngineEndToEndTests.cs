using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine;
using WebexConnect.Engine.Sandbox;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sandbox.Host;
using WebexConnect.Sending;
using Xunit;
using static WebexConnect.Tests.TestSecrets;

namespace WebexConnect.Tests.EndToEnd
{
    /// <summary>
    /// The path a send cmdlet takes, with the engine's real parts: ConnectEngine → session → dispatcher →
    /// batch transport → HTTP → the sandbox, in-process and over a loopback port.
    /// </summary>
    public class EngineEndToEndTests
    {
        private static readonly SmsMessage Greeting = new SmsMessage { From = "ACME", Text = "Hi $(Name), order $(Order) shipped." };

        private static Recipient Person(int i) => new Recipient("+4477009" + i.ToString("00000"), "row-" + i,
            new Dictionary<string, string> { ["Name"] = "Person " + i, ["Order"] = "A-" + i });

        private static List<SendResult> SendAll(IEngineSession session, int count, ConnectMessage? message = null)
        {
            using var dispatcher = session.CreateDispatcher(new DispatchOptions(), CancellationToken.None);
            var results = new List<SendResult>();
            for (var i = 1; i <= count; i++)
            {
                dispatcher.Add(new DispatchItem(message ?? Greeting, Person(i), inputObject: i));
                results.AddRange(dispatcher.TakeReady());
            }
            results.AddRange(dispatcher.Complete());
            return results;
        }

        [Fact]
        public void The_in_process_sandbox_queues_every_row_once_in_input_order()
        {
            using var session = new ConnectEngine().Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox, Tps = 500 });

            var results = SendAll(session, 1200);

            Assert.Equal(1200, results.Count);
            Assert.All(results, r => Assert.Equal(SendStatus.Queued, r.Status));
            Assert.Equal(Enumerable.Range(1, 1200), results.Select(r => (int)r.InputObject!));
            Assert.Equal(Enumerable.Range(1, 1200).Select(i => "row-" + i), results.Select(r => r.CorrelationId));
            Assert.All(results, r => Assert.False(string.IsNullOrEmpty(r.MessageId)));
            // TPS 500 caps a request at 500 destinations: at least three requests, none larger.
            var requests = session.SandboxRequests;
            Assert.True(requests.Count >= 3, $"{requests.Count} requests");
            Assert.All(requests, r => Assert.InRange(r.DestinationCount, 1, 500));
            Assert.Equal(1200, requests.Where(r => r.StatusCode == 201).Sum(r => r.DestinationCount));
        }

        [Fact]
        public async Task A_real_endpoint_over_loopback_gets_each_destination_exactly_once_with_the_service_key()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { ServiceKey = "e2e-key", Tps = 1000 });
            using var session = new ConnectEngine().Open(new ConnectionSettings
            {
                AuthMode = ConnectAuthMode.ServiceKey,
                ServiceKey = Secure("e2e-key"),
                BaseUri = host.BaseUri,
                Tps = 1000,
            });

            var results = SendAll(session, 2500);

            Assert.All(results, r => Assert.Equal(SendStatus.Queued, r.Status));
            Assert.Equal(2500, host.Server.AcceptedDestinations.Total);
            Assert.Equal(2500, host.Server.AcceptedDestinations.Distinct);
            Assert.Empty(host.Server.AcceptedDestinations.Duplicates());
        }

        [Fact]
        public async Task A_jwt_session_is_accepted_by_a_server_that_checks_the_signature()
        {
            const string secret = "c2VjcmV0LWZvci1lbmQtdG8tZW5kLXRlc3RzLTAxMjM0NTY3"; // Base64 of 36 bytes
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { ServiceId = "svc-e2e", ServiceSecret = secret, Tps = 100 });
            using var session = new ConnectEngine().Open(new ConnectionSettings
            {
                AuthMode = ConnectAuthMode.Jwt,
                ServiceId = "svc-e2e",
                ServiceSecret = Secure(secret),
                BaseUri = host.BaseUri,
                Tps = 100,
            });

            var results = SendAll(session, 150);

            Assert.All(results, r => Assert.Equal(SendStatus.Queued, r.Status));
            Assert.Equal(150, host.Server.AcceptedDestinations.Total);
        }

        [Fact]
        public async Task A_wrong_service_key_ends_the_run_with_a_session_failure()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { ServiceKey = "right", Tps = 100 });
            using var session = new ConnectEngine().Open(new ConnectionSettings
            {
                AuthMode = ConnectAuthMode.ServiceKey,
                ServiceKey = Secure("wrong"),
                BaseUri = host.BaseUri,
                Tps = 100,
            });

            var failure = Assert.Throws<SessionFailureException>(() => SendAll(session, 5));

            Assert.Equal("AuthenticationFailed", failure.ErrorId);
            Assert.DoesNotContain("wrong", failure.Message);
            Assert.Equal(0, host.Server.AcceptedDestinations.Total);
        }

        [Fact]
        public void Without_a_tps_the_session_adopts_the_limit_the_service_announces()
        {
            // The sandbox announces its TPS (x-rate-limit-limit: 100); the client starts at 10 (batches of 1) and
            // must end up sending the larger batches of the announced limit (10).
            using var session = new ConnectEngine().Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox });
            Assert.Equal(10, session.TpsInForce);

            var results = SendAll(session, 400);

            Assert.All(results, r => Assert.Equal(SendStatus.Queued, r.Status));
            Assert.Contains(session.SandboxRequests, r => r.DestinationCount > 1);
            Assert.All(session.SandboxRequests, r => Assert.NotEqual(429, r.StatusCode));
            // What Get-ConnectContext shows as TpsInForce: the announced limit, kept for the session.
            Assert.Equal(100, session.TpsInForce);
        }

        [Fact]
        public void A_given_tps_is_the_rate_in_force_whatever_the_service_announces()
        {
            using var session = new ConnectEngine().Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox, Tps = 40 });

            SendAll(session, 50);

            Assert.Equal(40, session.TpsInForce);
        }
    }
}
