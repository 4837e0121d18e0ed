using System;
using System.Collections.Generic;
using WebexConnect.Composition;
using WebexConnect.Results;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>The line a send run ends with, and the warning for no rows (issue 15).</summary>
    public class RunSummaryTests
    {
        [Fact]
        public void CountsEachStatusThatOccurredInTheirOrder()
        {
            var counts = new Dictionary<SendStatus, long> { [SendStatus.Invalid] = 2, [SendStatus.Queued] = 1234, [SendStatus.Failed] = 0 };

            Assert.Equal("Send SMS: 1,236 rows in 12.3 s: 1,234 Queued, 2 Invalid.",
                RunSummary.Format("Send SMS", 1236, counts, TimeSpan.FromSeconds(12.34)));
        }

        [Fact]
        public void OneRowIsARow()
        {
            Assert.Equal("Send email: 1 row in 0.0 s: 1 Scheduled.",
                RunSummary.Format("Send email", 1, new Dictionary<SendStatus, long> { [SendStatus.Scheduled] = 1 }, TimeSpan.Zero));
        }

        [Fact]
        public void NoResultsSaysNothingWasSent()
        {
            Assert.Equal("Send RCS: 0 rows in 0.1 s: nothing sent.",
                RunSummary.Format("Send RCS", 0, new Dictionary<SendStatus, long>(), TimeSpan.FromMilliseconds(100)));
        }

        [Fact]
        public void ARunAFailureStoppedSaysSoLast()
        {
            var counts = new Dictionary<SendStatus, long> { [SendStatus.Queued] = 2, [SendStatus.Failed] = 3 };

            Assert.Equal("Send SMS: 5 rows in 1.5 s: 2 Queued, 3 Failed; then the run stopped (AuthenticationFailed).",
                RunSummary.Format("Send SMS", 5, counts, TimeSpan.FromSeconds(1.5), "AuthenticationFailed"));
        }

        [Fact]
        public void AWhatIfRunSaysWhatARunWouldDoWithEveryRow()
        {
            // Before, a -WhatIf re-run whose journal would skip all 3,000 rows ended "0 rows ... nothing sent".
            var others = new Dictionary<SendStatus, long> { [SendStatus.Invalid] = 2, [SendStatus.Skipped] = 3000, [SendStatus.Unknown] = 1 };

            Assert.Equal("Send SMS: 3,008 rows in 0.4 s with -WhatIf: nothing sent; a run would send 5, " +
                "not resend 1 whose outcome in an earlier run is unknown (the journal says so), skip 3,000 as already sent (the journal says so), report 2 Invalid.",
                RunSummary.WhatIf("Send SMS", 5, others, TimeSpan.FromSeconds(0.4)));
        }

        [Fact]
        public void AWhatIfRunOfOneRowToSend()
        {
            Assert.Equal("Send email: 1 row in 0.0 s with -WhatIf: nothing sent; a run would send 1.",
                RunSummary.WhatIf("Send email", 1, new Dictionary<SendStatus, long>(), TimeSpan.Zero));
        }

        [Fact]
        public void TheNoRowsWarningNamesTheCommand()
        {
            Assert.StartsWith("No rows were piped to Send-ConnectSms, so nothing was sent.", RunSummary.NoRows("Send-ConnectSms"));
        }
    }
}
