using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Engine.Sandbox;
using Xunit;

namespace WebexConnect.Tests.Sandbox
{
    /// <summary>
    /// What the sandbox remembers for GET /v2/messages/{id} is bounded by destinations, not by messages: a
    /// million-row rehearsal in requests of 1,000 destinations kept all of them (140 MB) when the bound was
    /// 10,000 messages.
    /// </summary>
    public class SandboxMessageLogTests
    {
        [Fact]
        public void LargeMessagesAreForgottenOldestFirstOnceTheirDestinationsPassTheCapacity()
        {
            var log = new SandboxMessageLog(2500);
            for (var i = 1; i <= 5; i++) log.Add("m" + i, Message(1000), DateTimeOffset.UtcNow);

            var kept = Enumerable.Range(1, 5).Where(i => log.TryGet("m" + i, out _, out _)).ToArray();
            Assert.Equal(new[] { 4, 5 }, kept);
        }

        [Fact]
        public void SmallMessagesAreKeptUpToTheCapacityAndTheNewestAlwaysIs()
        {
            var log = new SandboxMessageLog(3);
            for (var i = 1; i <= 4; i++) log.Add("s" + i, Message(1), DateTimeOffset.UtcNow);
            log.Add("big", Message(10), DateTimeOffset.UtcNow);

            Assert.False(log.TryGet("s4", out _, out _));
            Assert.True(log.TryGet("big", out var message, out _), "the newest message is kept even when it alone passes the capacity");
            Assert.Equal(10, message.Destinations.Count);
        }

        private static SandboxMessage Message(int destinations) =>
            new SandboxMessage("sms", "ACME", Enumerable.Range(0, destinations).Select(i => new SandboxDestination("+4477009" + i.ToString("D5"), null)).ToList(), null, null, null);
    }
}
