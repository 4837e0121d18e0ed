using System;
using System.Linq;
using WebexConnect.Engine.Journal;
using Xunit;

namespace WebexConnect.Tests.Journal
{
    /// <summary>The -Verbose line a journaled run opens with: the journal's path and what earlier runs left in it.</summary>
    public class JournalFindingsTests
    {
        private static JournalEntry[] Entries(params JournalState[] states) =>
            states.Select(s => new JournalEntry(s, DateTimeOffset.UnixEpoch)).ToArray();

        [Fact]
        public void A_new_journal_says_no_row_is_skipped()
        {
            Assert.Equal("Journal '/jobs/sms.journal': no earlier run recorded a send in it, so no row is skipped as sent.",
                JournalFindings.Describe("/jobs/sms.journal", Entries(), resendUnknown: false));
        }

        [Fact]
        public void Counts_what_a_rerun_skips_holds_back_and_sends_again()
        {
            var earlier = Entries(JournalState.Queued, JournalState.Scheduled, JournalState.Intent, JournalState.Unknown,
                JournalState.Unknown, JournalState.Failed, JournalState.Rejected);

            Assert.Equal("Journal 'j': earlier runs recorded 7 rows: 2 sent or scheduled (Skipped if they come again), " +
                "3 in flight or of unknown outcome (Unknown, not sent again without -ResendUnknown), 2 failed or rejected (sent again).",
                JournalFindings.Describe("j", earlier, resendUnknown: false));
            Assert.Contains("3 in flight or of unknown outcome (sent again: -ResendUnknown)", JournalFindings.Describe("j", earlier, resendUnknown: true));
        }

        [Fact]
        public void Leaves_out_the_kinds_it_did_not_find_and_says_one_row_in_the_singular()
        {
            Assert.Equal("Journal 'j': earlier runs recorded 1 row: 1 failed or rejected (sent again).",
                JournalFindings.Describe("j", Entries(JournalState.Failed), resendUnknown: false));
        }
    }
}
