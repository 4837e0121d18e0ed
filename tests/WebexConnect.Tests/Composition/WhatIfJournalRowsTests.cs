using System.Collections.Generic;
using System.Linq;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Results;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    public class WhatIfJournalRowsTests
    {
        private static SendResult Earlier(int i, SendStatus status) =>
            new SendResult(MessageChannel.Sms, "+4477009" + i.ToString("00000"), null, status, row: i);

        [Fact]
        public void Consecutive_rows_of_one_verdict_are_one_line_and_a_row_to_send_or_another_verdict_ends_it()
        {
            var rows = new WhatIfJournalRows("/jobs/nightly.journal");
            var lines = new List<string?>
            {
                rows.Add(1, Earlier(1, SendStatus.Skipped)),
                rows.Add(2, Earlier(2, SendStatus.Skipped)),
                rows.Add(3, Earlier(3, SendStatus.Skipped)),
                rows.Add(4, Earlier(4, SendStatus.Skipped)),
                rows.Add(5, Earlier(5, SendStatus.Unknown)),
                rows.End(), // row 6 is to be sent
                rows.Add(7, Earlier(7, SendStatus.Skipped)),
                rows.End(),
                rows.End(),
            };

            Assert.Equal(new[]
            {
                "Skipping rows 1-4 (+447700900001, +447700900002, +447700900003 and 1 more): the journal '/jobs/nightly.journal' says an earlier run sent or scheduled them. A run reports them Skipped.",
                "Not resending row 5 (+447700900005): the journal '/jobs/nightly.journal' says its outcome in an earlier run is unknown. A run reports it Unknown; after checking delivery reports, -ResendUnknown sends it again.",
                "Skipping row 7 (+447700900007): the journal '/jobs/nightly.journal' says an earlier run sent or scheduled it. A run reports it Skipped.",
            }, lines.Where(l => l is not null));
            Assert.Equal(5, rows.ByStatus[SendStatus.Skipped]);
            Assert.Equal(1, rows.ByStatus[SendStatus.Unknown]);
        }

        [Fact]
        public void Rows_SkipChanged_would_hold_back_are_counted_apart_from_the_rows_sent_before()
        {
            // Before, they were counted as Skipped, and the closing line said a run would "skip 2 as already sent".
            var rows = new WhatIfJournalRows("j");
            var changed = new SendResult(MessageChannel.Sms, "+447700900001", null, SendStatus.Skipped,
                code: WebexConnect.Sending.DispatchOptions.ChangedContentCode, row: 1);

            rows.Add(1, changed);
            rows.Add(2, Earlier(2, SendStatus.Skipped));

            Assert.Equal(1, rows.HeldBack);
            Assert.Equal(1, rows.ByStatus[SendStatus.Skipped]);
        }

        [Fact]
        public void Rows_not_next_to_each_other_are_separate_ranges_even_without_a_row_between_them_to_send()
        {
            // Row 2 was Invalid (it reaches neither the journal nor a batch): rows 1 and 3 are not "rows 1-3".
            var rows = new WhatIfJournalRows("j");

            Assert.Null(rows.Add(1, Earlier(1, SendStatus.Skipped)));
            Assert.StartsWith("Skipping row 1 (", rows.Add(3, Earlier(3, SendStatus.Skipped)));
            Assert.StartsWith("Skipping row 3 (", rows.End());
        }
    }
}
