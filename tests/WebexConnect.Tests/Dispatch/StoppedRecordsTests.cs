using System;
using WebexConnect.Engine.Dispatch;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.Dispatch
{
    /// <summary>
    /// A row whose request was on its way when a failure stopped the run is Unknown, and says what running the command again
    /// does with it. Before, it said "A re-run with the same -Journal reports it again" to a run that had no journal, whose
    /// re-run sends it again.
    /// </summary>
    public class StoppedRecordsTests
    {
        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void A_row_on_its_way_says_what_a_rerun_does_with_it_with_the_journal_or_without(bool journaled)
        {
            var stopped = new StoppedRecords(journaled);
            stopped.Added(1, new DispatchItem(new SmsMessage { From = "ACME", Text = "Hi" }, new Recipient("+447700900001"), null) { Row = 1 });
            stopped.Handed(new long[] { 1 }, batch: 1);

            var result = Assert.Single(stopped.Settle(new SessionFailureException("AuthenticationFailed", "The service refused the credentials."))).Result;

            Assert.Equal(SendStatus.Unknown, result.Status);
            if (journaled)
            {
                Assert.EndsWith("Check its delivery receipts (-NotifyUrl) or the service's message logs before sending it again: a re-run with the same -Journal reports it Unknown again instead of sending it twice.",
                    result.Reason, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain("same -Journal", result.Reason, StringComparison.Ordinal);
                Assert.Contains("Check its delivery receipts (-NotifyUrl) or the service's message logs before sending it again: this run has no -Journal, so running the command again sends it again.",
                    result.Reason, StringComparison.Ordinal);
            }
        }
    }
}
