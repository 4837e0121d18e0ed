using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Commands;
using WebexConnect.Composition;
using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>
    /// -SendAt in a run that lasts longer than the time until it: a job started at 05:55 with -SendAt 06:00 and a text per
    /// row (a Text column) made every row it reached after 06:00 Invalid, "SendAt ... is in the past".
    /// </summary>
    public class MessageChecksScheduleTests
    {
        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 12, 7, 5, 55, 0, TimeSpan.Zero);
        private static readonly RecordComposer Sms = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), null);

        private static ComposedRecord Record(string number) =>
            Sms.Compose(new[] { new ConnectDestination(number) }, null, new InputRow(Array.Empty<KeyValuePair<string, object?>>()));

        private static SmsMessage Code(int code, DateTimeOffset? sendAt = null, DateTimeOffset? expireAt = null) =>
            new SmsMessage { From = "ACME", Text = "Your code is " + code, SendAt = sendAt, ExpireAt = expireAt };

        [Fact]
        public void ARowReachedAfterSendAtIsStillScheduled()
        {
            var now = Start;
            var checks = MessageChecks.Standard(clock: () => now);
            var sixOClock = Start.AddMinutes(5);

            Assert.Null(checks.Check(1, Code(1, sixOClock), Record("+447700900001"), null));
            now = Start.AddMinutes(20);
            Assert.Null(checks.Check(40000, Code(40000, sixOClock), Record("+447700940000"), null));
        }

        [Fact]
        public void ASendAtAlreadyPastWhenTheRunStartsIsStillInvalid()
        {
            var now = Start.AddMinutes(20);
            var checks = MessageChecks.Standard(clock: () => now);

            var invalid = checks.Check(1, Code(1, Start.AddMinutes(5)), Record("+447700900001"), null);

            Assert.NotNull(invalid);
            Assert.Contains("SendAt: 2026-12-07 06:00:00Z is in the past (now 2026-12-07 06:15:00Z)", invalid!.Reason);
        }

        [Fact]
        public void AnExpireAtTheRunOvertakesStillMakesTheRowInvalid()
        {
            // Sent after its expiry the message could never be delivered: that row is still refused, saying why.
            var now = Start;
            var checks = MessageChecks.Standard(clock: () => now);
            var expiry = Start.AddMinutes(5);

            Assert.Null(checks.Check(1, Code(1, expireAt: expiry), Record("+447700900001"), null));
            now = Start.AddMinutes(20);
            var invalid = checks.Check(40000, Code(40000, expireAt: expiry), Record("+447700940000"), null);

            Assert.NotNull(invalid);
            Assert.Contains("ExpireAt:", invalid!.Reason);
        }

        [Fact]
        public void AnExpireAtTheRunOvertakesMakesTheLaterRowsOfOneSharedMessageInvalidToo()
        {
            // One text for every row is one message, checked once: before, the rows reached after its expiry went out
            // expired, where a text per row made them Invalid.
            var now = Start;
            var checks = MessageChecks.Standard(clock: () => now);
            var shared = Code(1, expireAt: Start.AddMinutes(5));

            Assert.Null(checks.Check(1, shared, Record("+447700900001"), null));
            now = Start.AddMinutes(20);
            var invalid = checks.Check(40000, shared, Record("+447700940000"), null);

            Assert.NotNull(invalid);
            Assert.Contains("ExpireAt: 2026-12-07 06:00:00Z is not in the future (now 2026-12-07 06:15:00Z)", invalid!.Reason);
        }
    }
}
