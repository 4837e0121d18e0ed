using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Results;
using Xunit;
using static WebexConnect.Tests.Transport.TransportHarness;

namespace WebexConnect.Tests.Transport
{
    /// <summary>Circuit, cancellation, response decoding and rate headers.</summary>
    public class BatchTransportSessionTests
    {
        [Fact]
        public async Task AfterConsecutiveFailedBatches_FurtherBatchesFailFast_WithoutARequest()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.Fallback = (context, _) => ScriptedServer.Reply(context, 502, null);
            var transport = NewTransport(server.BaseUri, new RecordingGate(), FastOptions(circuit: 3));

            for (var i = 0; i < 3; i++)
            {
                var sent = await transport.SendAsync(Batch(Numbers(2)), CancellationToken.None);
                Assert.All(sent.PerRecipient, o => Assert.Equal(SendStatus.Unknown, o.Status));
            }

            var stopped = await transport.SendAsync(Batch(Numbers(2)), CancellationToken.None);

            Assert.True(transport.CircuitOpen);
            Assert.All(stopped.PerRecipient, o =>
            {
                Assert.Equal(SendStatus.Failed, o.Status);
                Assert.Equal("CircuitOpen", o.Code);
                Assert.Equal(0, o.Attempts);
                // What the last failure met, not the advice given to its rows ("may have been accepted... not resent").
                Assert.Equal("Not sent: stopped after 3 consecutive failures (last: HTTP 502). Safe to send again.", o.Reason);
            });
            Assert.Equal(3, server.Received.Count);
        }

        [Fact]
        public async Task ConcurrentBatches_ShareTheTransport_AndEachGetsItsOwnAnswer()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.Fallback = (context, request) => ScriptedServer.Reply(context, 201, ScriptedServer.Queued(NumbersIn(request)[0]));
            var gate = new RecordingGate();
            var transport = NewTransport(server.BaseUri, gate);
            var batches = Enumerable.Range(0, 8).Select(b => Batch(Numbers(10).Select(n => n + "-" + b).ToArray())).ToArray();

            var outcomes = await Task.WhenAll(batches.Select(b => transport.SendAsync(b, CancellationToken.None)));

            for (var b = 0; b < batches.Length; b++)
            {
                Assert.All(outcomes[b].PerRecipient, o => Assert.Equal(batches[b].Recipients[0].Addresses[0], o.MessageId));
            }

            Assert.Equal(8, server.Received.Count);
            Assert.Equal(8, gate.Waits);
            Assert.Equal(80, gate.Destinations);
        }

        [Fact]
        public async Task ARejectedBatch_ShowsTheServiceWorks_AndResetsTheCount()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(502, null).ThenRespond(400, ScriptedServer.Error("7003", "Mandatory parameter missing - from")).ThenRespond(502, null);
            var transport = NewTransport(server.BaseUri, new RecordingGate(), FastOptions(circuit: 2));

            for (var i = 0; i < 4; i++) await transport.SendAsync(Batch(Numbers(1)), CancellationToken.None);

            Assert.False(transport.CircuitOpen);
            Assert.Equal(4, server.Received.Count);
        }

        [Fact]
        public async Task CancelledWhileTheRequestIsInFlight_EndsUnknown_AndIsNotResent()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenDelay(TimeSpan.FromSeconds(20));
            using var cts = new CancellationTokenSource();
            server.BodyReceived += _ => cts.CancelAfter(100);

            var outcome = await NewTransport(server.BaseUri, new RecordingGate(), FastOptions(resendAmbiguous: true))
                .SendAsync(Batch(Numbers(2)), cts.Token);

            Assert.All(outcome.PerRecipient, o =>
            {
                Assert.Equal(SendStatus.Unknown, o.Status);
                Assert.Equal("Cancelled", o.Code);
            });
            Assert.Single(server.Received);
        }

        [Fact]
        public async Task CancelledDuringARetryWait_Throws_AndSendsNothingMore()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(429, null, headers: ("Retry-After", "30"));
            using var cts = new CancellationTokenSource();
            server.BodyReceived += _ => cts.CancelAfter(300);

            var started = DateTimeOffset.UtcNow;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                NewTransport(server.BaseUri, new RecordingGate()).SendAsync(Batch(Numbers(1)), cts.Token));

            Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(15));
            Assert.Single(server.Received);
        }

        [Fact]
        public async Task AlreadyCancelled_SendsNothing_AndSaysItNeverLeft()
        {
            await using var server = await ScriptedServer.StartAsync();
            using var cts = new CancellationTokenSource();
            cts.Cancel();

            // A batch whose task starts after a failure stopped the run (a loaded machine schedules it late): a plain
            // cancellation made the dispatcher call its rows Unknown ("may have been accepted"), though nothing left.
            await Assert.ThrowsAsync<WebexConnect.Engine.Transport.BatchNeverSentException>(() =>
                NewTransport(server.BaseUri, new RecordingGate()).SendAsync(Batch(Numbers(1)), cts.Token));

            Assert.Empty(server.Received);
        }

        [Fact]
        public async Task ABodyLabelledIso88591_IsDecodedByItsLabel()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(400, ScriptedServer.Error("7003", "Paramètre obligatoire manquant - from"), "application/json; charset=ISO-8859-1");

            var outcome = await NewTransport(server.BaseUri, new RecordingGate()).SendAsync(Batch(Numbers(1)), CancellationToken.None);

            var only = Assert.Single(outcome.PerRecipient);
            Assert.Equal(SendStatus.Rejected, only.Status);
            Assert.Contains("Paramètre obligatoire manquant - from", only.Reason);
        }

        [Fact]
        public async Task RateAndQuotaHeaders_AreKeptOnTheOutcome_AndTheAnnouncedLimitIsOfferedToTheGate()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(201, ScriptedServer.Queued(), headers: new[]
            {
                ("x-rate-limit-limit", "50"), ("x-rate-limit-remaining", "47"), ("x-quota-limit-day", "100000"),
            });
            var gate = new RecordingGate();

            var outcome = await NewTransport(server.BaseUri, gate).SendAsync(Batch(Numbers(3)), CancellationToken.None);

            Assert.Equal(50, outcome.AnnouncedTpsLimit);
            Assert.Equal(47, outcome.RateLimitRemaining);
            Assert.Equal("100000", outcome.QuotaHeaders["x-quota-limit-day"]);
            Assert.Equal(new[] { 50 }, gate.Adopted);
        }
    }
}
