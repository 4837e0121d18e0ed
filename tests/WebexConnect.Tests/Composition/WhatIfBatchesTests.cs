using System.Collections.Generic;
using System.Linq;
using WebexConnect.Composition;
using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    public class WhatIfBatchesTests
    {
        private static Recipient Number(int i) => new Recipient("+4477009" + i.ToString("00000"));

        [Fact]
        public void Rows_of_one_message_are_reported_in_requests_of_the_batch_size()
        {
            var message = new SmsMessage { From = "ACME", Text = "Hi" };
            var batches = new WhatIfBatches(100);

            var full = Enumerable.Range(1, 250).SelectMany(i => batches.Add(message, Number(i), i)).ToList();
            var rest = batches.Flush();

            Assert.Equal(2, full.Count);
            Assert.Single(rest);
            Assert.Equal(new[] { 100, 100, 50 }, full.Concat(rest).Select(b => b!.Addresses.Count));
            Assert.Equal("batch 1: 100 destinations, rows 1-100 (+447700900001, +447700900002, +447700900003 and 97 more)", full[0]!.Target);
            Assert.Equal("batch 3: 50 destinations, rows 201-250 (+447700900201, +447700900202, +447700900203 and 47 more)", rest[0].Target);
        }

        [Fact]
        public void A_batch_whose_span_has_rows_it_does_not_hold_says_how_many_it_holds()
        {
            // Rows 6 and 7 were Invalid or skipped by the journal: "rows 4-9" alone read as if they went too.
            var message = new SmsMessage { From = "ACME", Text = "Hi" };
            var batches = new WhatIfBatches(100);
            foreach (var i in new[] { 4, 5, 8, 9 }) batches.Add(message, Number(i), i);
            var gapless = new WhatIfBatches(100);
            foreach (var i in new[] { 1, 2 }) gapless.Add(message, Number(i), i);

            Assert.Equal("batch 1: 4 destinations, 4 of rows 4-9 (+447700900004, +447700900005, +447700900008 and 1 more)", batches.Flush()[0].Target);
            Assert.Equal("batch 1: 2 destinations, rows 1-2 (+447700900001, +447700900002)", gapless.Flush()[0].Target);
        }

        [Fact]
        public void Rows_cycling_through_three_hundred_managers_are_one_request_per_manager_as_the_dispatcher_sends_them()
        {
            // 2,000 users whose Cc cycles through 300 managers, at -Tps 1000: with 256 batches open at most, opening a 257th
            // sent the oldest just before its manager's next row, and the run (and -WhatIf) made 2,000 requests.
            var managers = Enumerable.Range(0, 300).Select(m => new EmailMessage { From = "it@example.com", Subject = "S", Text = "T",
                Cc = new[] { "m" + m + "@example.com" } }).ToArray();
            var batches = new WhatIfBatches(1000, tps: 1000);

            var all = Enumerable.Range(1, 2000).SelectMany(i => batches.Add(managers[i % 300], new Recipient("u" + i + "@example.com"), i)).ToList();
            all.AddRange(batches.Flush());

            Assert.Equal(300, all.Count);
            Assert.Equal(2000, all.Sum(b => b.Addresses.Count));
        }

        [Fact]
        public void Rows_cycling_through_more_managers_than_the_rows_held_send_the_oldest_as_the_dispatcher_does()
        {
            // -Tps 200: the dispatcher holds 400 rows; 300 managers cycling fill no batch past one or two rows before the
            // oldest must go. -WhatIf must count the requests the run makes, batch for batch.
            var managers = Enumerable.Range(0, 300).Select(m => new SmsMessage { From = "ACME", Text = "For manager " + m }).ToArray();
            var transport = new WebexConnect.Tests.Dispatch.FakeTransport();
            var whatIf = new WhatIfBatches(1000, tps: 200);
            var reported = new List<long>();
            using (var dispatcher = new WebexConnect.Engine.Dispatch.Dispatcher(transport, new WebexConnect.Tests.Dispatch.OpenGate(1000, 200),
                WebexConnect.Tests.Dispatch.TestShapes.Of, WebexConnect.Tests.Dispatch.Items.Options(), System.Threading.CancellationToken.None,
                WebexConnect.Tests.Dispatch.Items.NoLinger))
            {
                for (var row = 1; row <= 2000; row++)
                {
                    dispatcher.Add(WebexConnect.Tests.Dispatch.Items.Person(row, managers[row % 300]));
                    reported.AddRange(whatIf.Add(managers[row % 300], Number(row), row).Select(b => (long)b.Addresses.Count));
                    dispatcher.TakeReady();
                }

                dispatcher.Complete().ToList();
            }

            reported.AddRange(whatIf.Flush().Select(b => (long)b.Addresses.Count));
            var sent = transport.Batches.Select(b => (long)b.Recipients.Count).ToList();
            Assert.Equal(sent.Count, reported.Count);
            Assert.Equal(sent.OrderBy(n => n), reported.OrderBy(n => n));
            Assert.InRange(sent.Count, 301, 1999);
        }

        [Theory]
        [InlineData(40)]
        [InlineData(300)]
        public void The_dispatcher_sends_rows_cycling_through_managers_in_one_request_a_manager_at_tps_1000(int managerCount)
        {
            // What the Pester run of 2,000 users through Send-ConnectEmail shows only on a quiet machine: there a pause of the
            // input sends part-full batches early (the linger), so the exact count is pinned here, without the linger.
            var managers = Enumerable.Range(0, managerCount).Select(m => new SmsMessage { From = "ACME", Text = "For manager " + m }).ToArray();
            var transport = new WebexConnect.Tests.Dispatch.FakeTransport();
            using (var dispatcher = new WebexConnect.Engine.Dispatch.Dispatcher(transport, new WebexConnect.Tests.Dispatch.OpenGate(1000, 1000),
                WebexConnect.Tests.Dispatch.TestShapes.Of, WebexConnect.Tests.Dispatch.Items.Options(), System.Threading.CancellationToken.None,
                WebexConnect.Tests.Dispatch.Items.NoLinger))
            {
                var results = 0;
                for (var row = 1; row <= 2000; row++)
                {
                    dispatcher.Add(WebexConnect.Tests.Dispatch.Items.Person(row, managers[row % managerCount]));
                    results += dispatcher.TakeReady().Count;
                }

                Assert.Equal(2000, results + dispatcher.Complete().Count());
            }

            Assert.Equal(managerCount, transport.Batches.Count);
            Assert.Equal(2000, transport.Batches.Sum(b => b.Recipients.Count));
        }

        [Fact]
        public void Rows_of_forty_managers_interleaved_are_forty_requests_as_the_dispatcher_sends_them()
        {
            // 2,000 users of 40 managers in an unsorted CSV: with 16 batches open, -WhatIf and the run said 2,000 requests.
            var managers = Enumerable.Range(0, 40).Select(m => new EmailMessage { From = "it@example.com", Subject = "S", Text = "T",
                Cc = new[] { "m" + m + "@example.com" } }).ToArray();
            var batches = new WhatIfBatches(1000);

            var all = Enumerable.Range(1, 2000).SelectMany(i => batches.Add(managers[i % 40], new Recipient("u" + i + "@example.com"), i)).ToList();
            all.AddRange(batches.Flush());

            Assert.Equal(40, all.Count);
            Assert.All(all, b => Assert.Equal(50, b.Addresses.Count));
        }

        [Fact]
        public void Partial_batches_holding_more_rows_than_the_dispatcher_holds_send_the_oldest()
        {
            // Two messages alternating in batches of 1,000: neither fills before the open ones hold the most rows the
            // dispatcher holds, which then sends the batch of the earliest row, as -WhatIf must show.
            var messages = new[] { new SmsMessage { From = "ACME", Text = "Hi" }, new SmsMessage { From = "ACME", Text = "Salut" } };
            var batches = new WhatIfBatches(int.MaxValue);
            var held = WhatIfBatches.DispatcherHeldRows;

            var sent = Enumerable.Range(1, held + 1).SelectMany(i => batches.Add(messages[i % 2], Number(i % 100000), i)).ToList();

            var oldest = Assert.Single(sent);
            Assert.Equal(1, oldest.FirstRow);
            Assert.Equal(Enumerable.Range(1, held + 1).Count(i => i % 2 == 1), oldest.RowCount);
            Assert.Single(batches.Flush());
        }

        [Fact]
        public void Holds_as_many_rows_as_the_dispatcher_does()
        {
            Assert.Equal(WhatIfBatches.DispatcherHeldRows, WebexConnect.Engine.Dispatch.DispatcherTuning.Default.MaxHeldRows);
            Assert.Equal(WhatIfBatches.DispatcherHeldSeconds, WebexConnect.Engine.Dispatch.DispatcherTuning.Default.HeldSeconds);
        }

        [Fact]
        public void At_a_low_rate_partial_batches_hold_the_rows_of_two_seconds_as_the_dispatcher_does()
        {
            // -Tps 10, a text of its own on every row: the dispatcher holds 20 rows, then sends the batch of the earliest.
            var batches = new WhatIfBatches(10, tps: 10);
            var sent = Enumerable.Range(1, 25)
                .SelectMany(i => batches.Add(new SmsMessage { From = "ACME", Text = "Code " + i }, Number(i), i)).ToList();

            Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, sent.Select(b => b.FirstRow).ToArray());
            Assert.Equal(20, batches.Flush().Count);
        }

        [Fact]
        public void Many_shapes_within_the_rows_held_stay_whole_batches()
        {
            var messages = Enumerable.Range(0, 1000).Select(i => new SmsMessage { From = "ACME", Text = "Hi " + i }).ToArray();
            var batches = new WhatIfBatches(1000);

            var sent = Enumerable.Range(1, 2 * messages.Length).SelectMany(i => batches.Add(messages[i % messages.Length], Number(i), i)).Count();

            Assert.Equal(0, sent);
            Assert.Equal(messages.Length, batches.Flush().Count);
        }

        [Fact]
        public void A_full_batch_takes_no_place_among_the_open_ones()
        {
            // Batch size 1: every row fills its batch, which the run sends as it fills; 17 shapes still split nothing.
            var messages = Enumerable.Range(0, 1000).Select(i => new SmsMessage { From = "ACME", Text = "Hi " + i }).ToArray();
            var batches = new WhatIfBatches(2);

            var sent = Enumerable.Range(1, messages.Length * 2).SelectMany(i => batches.Add(messages[(i - 1) / 2], Number(i), i)).ToList();
            var all = sent.Concat(batches.Flush()).ToList();

            Assert.Equal(messages.Length, all.Count);
            Assert.All(all, b => Assert.Equal(2, b.Addresses.Count));
        }

        [Fact]
        public void Different_messages_travel_in_their_own_batches()
        {
            var english = new SmsMessage { From = "ACME", Text = "Hi" };
            var french = new SmsMessage { From = "ACME", Text = "Salut" };
            var batches = new WhatIfBatches(1000);

            batches.Add(english, Number(1), 1);
            batches.Add(french, Number(2), 2);
            batches.Add(english, Number(3), 3);
            var all = batches.Flush();

            Assert.Equal(2, all.Count);
            Assert.Equal(new[] { "+447700900001", "+447700900003" }, all[0].Addresses);
            Assert.Equal("batch 2: 1 destination, row 2 (+447700900002)", all[1].Target);
        }

        [Fact]
        public void Equal_messages_of_different_objects_share_a_batch_as_the_dispatcher_batches_them()
        {
            // A Text column going back to an earlier text gives each row a message object of its own; the run sends rows 1
            // and 3 in one request, and -WhatIf said two.
            var batches = new WhatIfBatches(1000, m => ((SmsMessage)m).Text!);

            batches.Add(new SmsMessage { From = "ACME", Text = "Hi" }, Number(1), 1);
            batches.Add(new SmsMessage { From = "ACME", Text = "Salut" }, Number(2), 2);
            batches.Add(new SmsMessage { From = "ACME", Text = "Hi" }, Number(3), 3);
            var all = batches.Flush();

            Assert.Equal(2, all.Count);
            Assert.Equal("batch 1: 2 destinations, 2 of rows 1-3 (+447700900001, +447700900003)", all[0].Target);
        }

        [Fact]
        public void An_sms_of_several_parts_says_what_the_batch_is_billed_as()
        {
            var message = new SmsMessage { From = "ACME", Text = "long" };
            var batches = new WhatIfBatches(1000);

            batches.Add(message, Number(1), 1, parts: 14);
            batches.Add(message, new Recipient(new[] { "+447700900002", "+447700900003" }), 2, parts: 14);
            var same = batches.Flush().Single();
            batches.Add(message, Number(4), 4, parts: 13);
            batches.Add(message, Number(5), 5, parts: 15);
            var varying = batches.Flush().Single();
            batches.Add(message, Number(6), 6, parts: 1);
            var single = batches.Flush().Single();

            Assert.Equal("batch 1: 3 destinations, rows 1-2 (+447700900001, +447700900002, +447700900003): 42 SMS parts, 14 each", same.Target);
            Assert.Equal("batch 2: 2 destinations, rows 4-5 (+447700900004, +447700900005): 28 SMS parts, 13 to 15 each", varying.Target);
            Assert.Equal("batch 3: 1 destination, row 6 (+447700900006)", single.Target);
        }

        [Fact]
        public void A_bulk_destination_counts_every_address_against_the_batch_size()
        {
            var message = new SmsMessage { From = "ACME", Text = "Hi" };
            var batches = new WhatIfBatches(3);

            Assert.Empty(batches.Add(message, new Recipient(new[] { "+447700900001", "+447700900002" }), 1));
            var full = Assert.Single(batches.Add(message, new Recipient(new[] { "+447700900003", "+447700900004" }), 2));

            Assert.Equal(2, full.Addresses.Count);
            Assert.Equal(2, batches.Flush().Single().Addresses.Count);
        }
    }
}
