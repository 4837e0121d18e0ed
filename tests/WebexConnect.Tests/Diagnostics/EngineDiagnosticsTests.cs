using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine;
using WebexConnect.Engine.Auth;
using WebexConnect.Engine.Diagnostics;
using WebexConnect.Engine.Payload;
using WebexConnect.Engine.Sandbox;
using WebexConnect.Engine.Transport;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sandbox.Host;
using WebexConnect.Sending;
using WebexConnect.Tests.Transport;
using Xunit;
using static WebexConnect.Tests.Diagnostics.EngineRun;
using static WebexConnect.Tests.TestSecrets;

namespace WebexConnect.Tests.Diagnostics
{
    /// <summary>
    /// What -Verbose, -Debug and warnings say during real runs: the wired engine (ConnectEngine → dispatcher →
    /// batch transport) against the sandbox on a loopback port, with the faults an admin would want explained.
    /// </summary>
    public class EngineDiagnosticsTests
    {
        /// <summary>A session of the wired engine on the loopback sandbox, with the user's -Tps (or none).</summary>
        internal static IEngineSession Open(LoopbackSandboxHost host, int? tps) => new ConnectEngine().Open(new ConnectionSettings
        {
            AuthMode = ConnectAuthMode.ServiceKey,
            ServiceKey = Secure("diag-key"),
            BaseUri = host.BaseUri,
            Tps = tps,
        });

        [Fact]
        public async Task Each_accepted_request_is_told_with_its_size_status_time_and_message_id()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { Tps = 1000 });
            using var session = Open(host, 200);

            var run = Send(session, 450);

            Assert.All(run.Results, r => Assert.Equal(SendStatus.Queued, r.Status));
            // A request answered in a second or more is told in seconds ("1.2 s"): a loaded machine gets there.
            var sent = run.Lines(DiagnosticLevel.Verbose)
                .Select(l => Regex.Match(l, @"^Batch (\d+): (\d+) SMS destinations? sent, HTTP (\d{3}) in (\d+ ms|\d+(\.\d)? s), messageId (?<id>\S+)\.$"))
                .Where(m => m.Success).ToList();
            Assert.True(sent.Count >= 3, run.Transcript);
            Assert.Equal(450, sent.Sum(m => int.Parse(m.Groups[2].Value)));
            Assert.All(sent, m => Assert.InRange(int.Parse(m.Groups[3].Value), 200, 299));
            // The messageId told is the one the rows of that batch carry.
            foreach (var m in sent)
            {
                var batch = long.Parse(m.Groups[1].Value);
                Assert.All(run.Results.Where(r => r.Batch == batch), r => Assert.Equal(m.Groups["id"].Value, r.MessageId));
            }

            Assert.Contains(run.Lines(DiagnosticLevel.Debug), l => l.StartsWith("Send run started: batches of up to 200 destinations", StringComparison.Ordinal));
            Assert.Equal(450, run.Lines(DiagnosticLevel.Verbose).Select(l => Regex.Match(l, @"^Batch \d+ done in [\d.]+ m?s: (\d+) Queued\.$"))
                .Where(m => m.Success).Sum(m => int.Parse(m.Groups[1].Value)));
            Assert.DoesNotContain(run.Diagnostics, d => d.Level == DiagnosticLevel.Warning);
        }

        [Fact]
        public async Task A_429_says_what_the_service_answered_and_that_the_run_waits_its_retry_after()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { Tps = 1000 });
            host.Server.Faults.Enqueue(SandboxFault.Status(429, "1"));
            using var session = Open(host, 100);

            var run = Send(session, 3);

            Assert.All(run.Results, r => Assert.Equal(SendStatus.Queued, r.Status));
            Assert.Contains(run.Lines(DiagnosticLevel.Verbose), l => Regex.IsMatch(l,
                @"^Batch 1: HTTP 429 code 7020.*; waiting 1 s \(Retry-After\) before attempt 2 of 6\.$"));
            Assert.Contains(run.Lines(DiagnosticLevel.Verbose), l => l.StartsWith("Batch 1: 3 SMS destinations sent, ", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_503_without_retry_after_waits_by_backoff()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { Tps = 1000 });
            host.Server.Faults.Enqueue(SandboxFault.Status(503));
            using var session = Open(host, 100);

            var run = Send(session, 2);

            Assert.All(run.Results, r => Assert.Equal(SendStatus.Queued, r.Status));
            Assert.Contains(run.Lines(DiagnosticLevel.Verbose), l => Regex.IsMatch(l, @"^Batch 1: HTTP 503.*; waiting \d+ ms \(backoff\) before attempt 2 of 6\.$"));
        }

        [Fact]
        public async Task Without_a_tps_the_limit_the_service_announces_is_told_when_adopted()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { Tps = 250 });
            using var session = Open(host, tps: null);

            var first = Send(session, 12);
            var second = Send(session, 12);

            Assert.Contains("TPS: adopted 250 announced by the service (was 10).", first.Lines(DiagnosticLevel.Verbose));
            // The session's gate already runs at 250: the next run has nothing new to say about it.
            Assert.DoesNotContain(second.Diagnostics, d => d.Message.StartsWith("TPS:", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_tps_the_user_gave_is_kept_and_the_announcement_only_reaches_debug()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { Tps = 250 });
            using var session = Open(host, tps: 40);

            var run = Send(session, 5);

            Assert.Contains("TPS: the service announces 250; keeping 40 given with -Tps.", run.Lines(DiagnosticLevel.Debug));
            Assert.DoesNotContain(run.Lines(DiagnosticLevel.Verbose), l => l.StartsWith("TPS:", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Waiting_for_the_tps_budget_is_told_at_debug_level()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { Tps = 1000 });
            using var session = Open(host, tps: 10);

            var run = Send(session, 25);

            Assert.All(run.Results, r => Assert.Equal(SendStatus.Queued, r.Status));
            Assert.Contains(run.Lines(DiagnosticLevel.Debug), l => Regex.IsMatch(l, @"^Batch \d+: waited [\d.]+ m?s for the TPS budget before sending \d+ destinations?\.$"));
        }

        [Fact]
        public async Task A_destination_the_service_refuses_is_found_by_splitting_and_each_split_is_told()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { Tps = 1000 });
            using var session = Open(host, 100);
            var recipients = Enumerable.Range(1, 4).Select(Person).ToList();
            recipients[2] = new Recipient("12345", "row-3");

            var run = Send(session, recipients);

            Assert.Equal(new[] { SendStatus.Queued, SendStatus.Queued, SendStatus.Rejected, SendStatus.Queued }, run.Results.Select(r => r.Status));
            Assert.Contains(run.Lines(DiagnosticLevel.Verbose), l => Regex.IsMatch(l,
                @"^Batch 1: the service refused a destination \(HTTP 400 code 7041.*\); splitting 4 destinations into 2 and 2 to find it\.$"));
            Assert.Contains(run.Lines(DiagnosticLevel.Verbose), l => l.StartsWith("Batch 1: 2 SMS destinations: HTTP 400 code 7041", StringComparison.Ordinal));
            Assert.Contains(run.Lines(DiagnosticLevel.Verbose), l => Regex.IsMatch(l, @"^Batch 1 done in [\d.]+ m?s: 3 Queued, 1 Rejected\.$"));
        }

        [Fact]
        public async Task A_refused_token_is_renewed_once_and_the_renewal_is_told()
        {
            const string secret = "ZGlhZ25vc3RpY3Mtc2VjcmV0LWZvci10ZXN0cy0wMTIzNDU2Nzg5";
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { ServiceId = "svc-diag", ServiceSecret = secret, Tps = 1000 });
            host.Server.Faults.Enqueue(SandboxFault.Status(401));
            using var session = new ConnectEngine().Open(new ConnectionSettings
            {
                AuthMode = ConnectAuthMode.Jwt, ServiceId = "svc-diag", ServiceSecret = Secure(secret), BaseUri = host.BaseUri, Tps = 100,
            });

            var run = Send(session, 2);

            Assert.Null(run.Failure);
            Assert.All(run.Results, r => Assert.Equal(SendStatus.Queued, r.Status));
            Assert.Contains(run.Lines(DiagnosticLevel.Verbose), l => Regex.IsMatch(l,
                @"^Batch 1: the service refused the credentials \(HTTP 401.*\); renewing the token and trying once more\.$"));
        }

        [Fact]
        public async Task A_drop_after_the_body_is_told_as_a_lost_connection()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { Tps = 1000 });
            host.Server.Faults.Enqueue(SandboxFault.DropAfterBody);
            using var session = Open(host, 100);

            var run = Send(session, 2);

            Assert.All(run.Results, r => Assert.Equal(SendStatus.Unknown, r.Status));
            Assert.Contains(run.Lines(DiagnosticLevel.Verbose), l => l.StartsWith("Batch 1: 2 SMS destinations: the connection failed after the request was sent", StringComparison.Ordinal));
        }

        [Fact]
        public async Task The_circuit_opening_is_a_warning_and_batches_failed_fast_are_told_at_debug()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.Fallback = (c, _) => ScriptedServer.Reply(c, 503, null);
            var sink = new DiagnosticSink();
            var transport = new BatchTransport(ConnectHttpClientFactory.Create(server.BaseUri), new ServiceKeyCredential(Secure("k")),
                new RecordingGate(), V2PayloadSource.Instance, TransportHarness.FastOptions(maxAttempts: 1, circuit: 2), diagnostics: sink);

            for (var i = 1; i <= 3; i++)
                await transport.SendAsync(TransportHarness.Batch(TransportHarness.Numbers(2)), CancellationToken.None);

            var lines = sink.TakeAll();
            var warning = Assert.Single(lines, d => d.Level == DiagnosticLevel.Warning);
            // Once, and two lines at most of a log 80 columns wide with PowerShell's "WARNING: ": it quoted the last failure with
            // its advice (four lines for a refused connection), which each row's error says already.
            Assert.Equal("2 batches in a row failed: for 600 s the batches after them are not sent (CircuitOpen: safe to send again), then one tries again.",
                warning.Message);
            Assert.True(("WARNING: " + warning.Message).Length <= 2 * 80 - 10);
            Assert.Contains(lines, d => d.Level == DiagnosticLevel.Debug && d.Message.Contains("not sent, the circuit is open"));
            Assert.Equal(2, server.Received.Count);
        }

        [Fact]
        public async Task Debug_says_why_each_batch_went()
        {
            await using var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions { Tps = 1000 });
            using var session = Open(host, 100);

            // A full batch of 100, then 30 rows and a pause of the input (longer than the budget takes to free), then 20 and its end.
            var rows = Enumerable.Range(1, 150).Select(Person).Select((r, i) => (Recipient: r, Pause: i == 130 ? TimeSpan.FromSeconds(1.5) : TimeSpan.Zero));
            var run = Send(session, Paused(rows));

            // What each batch holds depends on how fast this machine answers (slow answers make smaller requests): not asserted.
            var handed = run.Lines(DiagnosticLevel.Debug).Where(l => l.Contains(" handed to the transport (")).ToList();
            Assert.StartsWith("Batch 1: ", handed[0]);
            Assert.Contains("destinations handed to the transport (full); ", handed[0]);
            Assert.Contains(handed, l => l.Contains(" handed to the transport (the input paused: no row for 50 ms); "));
            Assert.Contains(" handed to the transport (the input ended); ", handed[handed.Count - 1]);
        }

        private static IEnumerable<Recipient> Paused(IEnumerable<(Recipient Recipient, TimeSpan Pause)> rows)
        {
            foreach (var (recipient, pause) in rows)
            {
                if (pause > TimeSpan.Zero) Thread.Sleep(pause);
                yield return recipient;
            }
        }
    }
}
