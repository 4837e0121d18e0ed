using System;
using WebexConnect.Engine.Transport;
using Xunit;

namespace WebexConnect.Tests.Transport
{
    public class FailureCircuitTests
    {
        [Fact]
        public void BatchesInFlightTogetherWhenOneBlipHitsCountAsOneFailure()
        {
            var circuit = new FailureCircuit(3, TimeSpan.FromSeconds(30), new ManualClock());
            var tickets = new long[8];
            for (var i = 0; i < tickets.Length; i++) Assert.True(circuit.TryPass(out _, out tickets[i]));

            // A restart cuts all eight at once: one episode, not eight consecutive failures.
            foreach (var ticket in tickets) circuit.Record(false, "ConnectionLost", ticket);
            Assert.False(circuit.IsOpen);

            // Failures of batches sent after each previous failure was seen do add up.
            for (var i = 0; i < 2; i++)
            {
                Assert.True(circuit.TryPass(out _, out var next));
                circuit.Record(false, "ConnectionFailed", next);
            }
            Assert.True(circuit.IsOpen);
        }

        [Fact]
        public void AfterTheBreak_OneBatchProbes_AndItsSuccessCloses()
        {
            var clock = new ManualClock();
            var circuit = new FailureCircuit(2, TimeSpan.FromSeconds(30), clock);
            circuit.Record(false, "HTTP 503");
            Assert.True(circuit.TryPass(out _));
            circuit.Record(false, "HTTP 503");

            Assert.False(circuit.TryPass(out var reason));
            Assert.Equal("Not sent: stopped after 2 consecutive failures (last: HTTP 503)", reason);

            clock.Now += TimeSpan.FromSeconds(31);
            Assert.True(circuit.TryPass(out _));   // the probe
            Assert.False(circuit.TryPass(out _));  // others still fail fast while it is out
            circuit.Record(true, null);

            Assert.False(circuit.IsOpen);
            Assert.True(circuit.TryPass(out _));
        }

        [Fact]
        public void AFailedProbe_OpensItAgainForAnotherBreak()
        {
            var clock = new ManualClock();
            var circuit = new FailureCircuit(1, TimeSpan.FromSeconds(30), clock);
            circuit.Record(false, "ConnectionFailed");
            clock.Now += TimeSpan.FromSeconds(31);
            Assert.True(circuit.TryPass(out _));

            circuit.Record(false, "ConnectionFailed");

            Assert.False(circuit.TryPass(out _));
            clock.Now += TimeSpan.FromSeconds(31);
            Assert.True(circuit.TryPass(out _));
        }

        [Fact]
        public void AnAbandonedProbe_LetsTheNextBatchProbe()
        {
            var clock = new ManualClock();
            var circuit = new FailureCircuit(1, TimeSpan.FromSeconds(30), clock);
            circuit.Record(false, "ConnectionFailed");
            clock.Now += TimeSpan.FromSeconds(31);
            Assert.True(circuit.TryPass(out _));

            circuit.Abandon();

            Assert.True(circuit.TryPass(out _));
        }
    }
}
