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
        public void AWhatIfRunSaysRowsSkipChangedWouldHoldBackWereNotSentBefore()
        {
            // Before, they were "skip 2 as already sent (the journal says so)": they are rows never sent with this content.
            var others = new Dictionary<SendStatus, long> { [SendStatus.Skipped] = 1 };

            Assert.Equal("Send SMS: 5 rows in 0.1 s with -WhatIf: nothing sent; a run would send 2, " +
                "hold back 2 whose destinations the journal records other content for (-SkipChanged), skip 1 as already sent (the journal says so).",
                RunSummary.WhatIf("Send SMS", 2, others, TimeSpan.FromSeconds(0.1), wouldHoldBack: 2));
        }

        [Fact]
        public void AWhatIfRunOfOneRowToSend()
        {
            Assert.Equal("Send email: 1 row in 0.0 s with -WhatIf: nothing sent; a run would send 1.",
                RunSummary.WhatIf("Send email", 1, new Dictionary<SendStatus, long>(), TimeSpan.Zero));
        }

        private static SendResult Result(long row, SendStatus status, string code, string reason) =>
            new SendResult(Messages.MessageChannel.Sms, "+44770090000" + row, null, status, code: code, reason: reason, row: row);

        private static Dictionary<SendStatus, long> CountsOf(IEnumerable<SendResult> results, RunFailures failures)
        {
            var counts = new Dictionary<SendStatus, long>();
            foreach (var result in results)
            {
                counts[result.Status] = (counts.TryGetValue(result.Status, out var n) ? n : 0) + 1;
                if (SendErrors.IsError(result)) failures.Add(result);
            }
            return counts;
        }

        [Fact]
        public void ARunWithEveryRowSentEndsWithNoWarning()
        {
            var failures = new RunFailures();
            var counts = CountsOf(new[] { Result(1, SendStatus.Queued, "", ""), Result(2, SendStatus.Skipped, "", "Already sent") }, failures);

            Assert.Null(RunSummary.Failures("Send SMS", 2, counts, failures, TimeSpan.FromSeconds(1), "/j"));
        }

        [Fact]
        public void TheServiceOutOfReachNamesTheCommonestCauseItsFirstRowAndTheJournalToRunAgainWith()
        {
            // The night the service is down: the first rows fail on their own, then the circuit fails the rest fast.
            var failures = new RunFailures();
            var results = new List<SendResult> { Result(1, SendStatus.Queued, "", "") };
            for (var row = 2; row <= 4; row++) results.Add(Result(row, SendStatus.Failed, "ConnectionFailed", "Not sent: could not connect."));
            for (var row = 5; row <= 20000; row++) results.Add(Result(row, SendStatus.Failed, "CircuitOpen", "Not sent: stopped after 5 consecutive failures."));
            var counts = CountsOf(results, failures);

            Assert.Equal("Send SMS: 20,000 rows in 85.2 s: 1 sent, 19,999 Failed (SendFailed (CircuitOpen) for 19,996 of 19,999: row 5's error says why). " +
                "Failed rows were not sent: once the service answers, run the same command with the journal '/jobs/sms.journal' again: " +
                "the rows it sent are Skipped, and the others are sent.",
                RunSummary.Failures("Send SMS", 20000, counts, failures, TimeSpan.FromSeconds(85.2), "/jobs/sms.journal"));
        }

        [Fact]
        public void WithoutAJournalFailedRowsAreToBeSentAgainByThemselves()
        {
            var failures = new RunFailures();
            var counts = CountsOf(new[] { Result(1, SendStatus.Queued, "", ""), Result(2, SendStatus.Failed, "503", "Not sent: HTTP 503.") }, failures);

            Assert.Equal("Send SMS: 2 rows in 1.0 s: 1 sent, 1 Failed (ServiceUnavailable (503): row 2's error says why). " +
                "Failed rows were not sent and are safe to send again: once the service answers, send those rows again (the results' Row says which), " +
                "or give -Journal, so that running the command again sends only what it did not send.",
                RunSummary.Failures("Send SMS", 2, counts, failures, TimeSpan.FromSeconds(1), null));
        }

        [Fact]
        public void UnknownInvalidAndSkippedRowsEachSayWhatToDo()
        {
            var failures = new RunFailures();
            var counts = CountsOf(new[]
            {
                Result(1, SendStatus.Skipped, "", "Already sent"), Result(2, SendStatus.Unknown, "Timeout", "May have been sent."),
                Result(3, SendStatus.Invalid, SendErrors.InvalidInputCode, "Row 3: To: no number."), Result(4, SendStatus.Invalid, SendErrors.InvalidInputCode, "Row 4: To: no plus."),
            }, failures);

            Assert.Equal("Send SMS: 4 rows in 2.0 s: 0 sent, 1 Unknown, 1 Skipped, 2 Invalid (InvalidInput for 2 of 3, from row 3: each row's error says what is wrong). " +
                "Unknown rows may have been sent: check the delivery reports before sending them again (-ResendUnknown). " +
                "Invalid and Rejected rows were not sent: correct what their errors say in the input, then run the same command with the " +
                "journal '/j' again: the rows it sent are Skipped, and the others are sent.",
                RunSummary.Failures("Send SMS", 4, counts, failures, TimeSpan.FromSeconds(2), "/j"));
        }

        [Fact]
        public void WithAJournalInvalidRowsAreSentAgainByTheRunAgainWhichFailedRowsNameOnce()
        {
            // A scheduled run with -Journal: "then send them again" left the admin to pick the rows out. The run again is the
            // way, and with Failed rows too it is named once, the Invalid rows' advice saying what to do before it.
            var failures = new RunFailures();
            var counts = CountsOf(new[]
            {
                Result(1, SendStatus.Failed, "ConnectionFailed", "Not sent."), Result(2, SendStatus.Invalid, SendErrors.InvalidInputCode, "Row 2: To: no plus."),
            }, failures);

            var said = RunSummary.Failures("Send SMS", 2, counts, failures, TimeSpan.FromSeconds(1), "/j");

            Assert.EndsWith("run the same command with the journal '/j' again: the rows it sent are Skipped, and the others are sent. " +
                "Invalid and Rejected rows were not sent: correct what their errors say in the input before that run.", said);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(said!, "the same command"));
        }

        [Fact]
        public void InvalidRowsThatAllHaveOneReasonAreToldItOnceInsteadOfBeingSentToEachRowsError()
        {
            // Before: "(InvalidInput for all 3, from row 1: each row's error says what is wrong)" of three rows that all had
            // one $(Nmae) in the text: the fix was in the first row's error, past 400 characters of advice.
            var failures = new RunFailures();
            var reason = "Subject and Text: $(Nmae) has no value: the row has no column named 'Nmae', but has 'Name': write $(Name) instead";
            var counts = CountsOf(new[]
            {
                Result(1, SendStatus.Invalid, SendErrors.InvalidInputCode, "Row 1: " + reason),
                Result(2, SendStatus.Invalid, SendErrors.InvalidInputCode, "Row 2: " + reason),
                Result(3, SendStatus.Invalid, SendErrors.InvalidInputCode, "Row 3: " + reason),
            }, failures);

            Assert.Equal("Send SMS: 3 rows in 1.0 s: 0 sent, 3 Invalid (InvalidInput for all 3, all for one reason: " + reason + "). " +
                "Invalid and Rejected rows were not sent: correct what their errors say, then send them again.",
                RunSummary.Failures("Send SMS", 3, counts, failures, TimeSpan.FromSeconds(1), null));

            // One row that differs: each row's error is the place to look again.
            var mixed = new RunFailures();
            var mixedCounts = CountsOf(new[]
            {
                Result(1, SendStatus.Invalid, SendErrors.InvalidInputCode, "Row 1: " + reason),
                Result(2, SendStatus.Invalid, SendErrors.InvalidInputCode, "Row 2: To: no number."),
            }, mixed);
            Assert.Contains("(InvalidInput for all 2, from row 1: each row's error says what is wrong)",
                RunSummary.Failures("Send SMS", 2, mixedCounts, mixed, TimeSpan.FromSeconds(1), null));
        }

        [Fact]
        public void WithoutAJournalUnknownRowsAreNotToldOfResendUnknown()
        {
            // Without a journal a re-run with -ResendUnknown sends every row again, the Queued ones too.
            var failures = new RunFailures();
            var counts = CountsOf(new[] { Result(1, SendStatus.Queued, "", ""), Result(2, SendStatus.Unknown, "Timeout", "May have been sent.") }, failures);

            Assert.Equal("Send SMS: 2 rows in 1.0 s: 1 sent, 1 Unknown (OutcomeUnknown (Timeout): row 2's error says why). " +
                "Unknown rows may have been sent: check the delivery reports (Get-ConnectMessage) before sending them again.",
                RunSummary.Failures("Send SMS", 2, counts, failures, TimeSpan.FromSeconds(1), null));
        }

        [Fact]
        public void TheNoRowsWarningNamesTheCommand()
        {
            Assert.StartsWith("No rows were piped to Send-ConnectSms, so nothing was sent.", RunSummary.NoRows("Send-ConnectSms"));
        }
    }
}
