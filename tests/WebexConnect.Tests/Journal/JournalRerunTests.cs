using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine.Sandbox;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.Journal
{
    /// <summary>
    /// Running the same send again with the same journal, through the wired engine and a loopback HTTP
    /// sandbox that counts what it accepted: what went out before is not sent again.
    /// </summary>
    public class JournalRerunTests
    {
        [Fact]
        public async Task A_rerun_sends_nothing_and_reports_every_row_Skipped_in_input_order()
        {
            using var folder = new TempFolder();
            var journal = folder.File("people.journal");
            var (host, session) = await JournalKit.LoopbackAsync();
            await using var _ = host;
            using var __ = session;

            var first = JournalKit.Run(session, journal, JournalKit.Rows(1, 1000));
            var second = JournalKit.Run(session, journal, JournalKit.Rows(1, 1000));

            Assert.All(first, r => Assert.Equal(SendStatus.Queued, r.Status));
            Assert.Equal(1000, host.Server.AcceptedDestinations.Total);
            Assert.Equal(Enumerable.Range(1, 1000), second.Select(r => (int)r.InputObject!));
            Assert.All(second, r =>
            {
                Assert.Equal(SendStatus.Skipped, r.Status);
                Assert.Equal(0, r.Batch);
                Assert.Contains("earlier run", r.Reason);
            });
            Assert.Equal(Enumerable.Range(1, 1000).Select(JournalKit.Number), second.Select(r => r.Destination));
        }

        [Fact]
        public void Asking_the_run_journal_before_each_row_changes_nothing_it_decides()
        {
            // The cmdlet asks the run's journal about a row that repeats an earlier one before handing it over (a
            // repeat the journal skips warns of nothing). Asking must not count the row: identical rows are keyed by
            // their count in the run, and a second count would skip the third copy of a message sent only twice.
            using var folder = new TempFolder();
            var journal = folder.File("peek.journal");
            var rows = new[] { 1, 2, 1 };
            var transport = new ScriptedTransport(_ => SendStatus.Queued);
            using (var first = JournalKit.OverFake(transport, journal)) JournalKit.Send(first, rows);

            var asked = new List<SendStatus?>();
            var results = new List<SendResult>();
            using (var again = JournalKit.OverFake(transport, journal))
            {
                foreach (var i in rows.Append(1))
                {
                    var item = new DispatchItem(JournalKit.Greeting, JournalKit.Person(i), inputObject: i);
                    asked.Add(((IJournalLookup)again).EarlierOutcomeOf(item)?.Status);
                    asked.Add(((IJournalLookup)again).EarlierOutcomeOf(item)?.Status);
                    again.Add(item);
                    results.AddRange(again.TakeReady());
                }
                results.AddRange(again.Complete());
            }

            Assert.Equal(new SendStatus?[] { SendStatus.Skipped, SendStatus.Skipped, SendStatus.Skipped, SendStatus.Skipped,
                SendStatus.Skipped, SendStatus.Skipped, null, null }, asked);
            Assert.Equal(new[] { SendStatus.Skipped, SendStatus.Skipped, SendStatus.Skipped, SendStatus.Queued }, results.Select(r => r.Status));
        }

        [Fact]
        public async Task A_skipped_row_carries_the_messageId_it_went_out_with()
        {
            using var folder = new TempFolder();
            var journal = folder.File("ids.journal");
            var (host, session) = await JournalKit.LoopbackAsync();
            await using var _ = host;
            using var __ = session;

            // More rows than one request holds at TPS 1000.
            var first = JournalKit.Run(session, journal, JournalKit.Rows(1, 1300));
            var second = JournalKit.Run(session, journal, JournalKit.Rows(1, 1300));

            Assert.All(first, r => Assert.False(string.IsNullOrEmpty(r.MessageId)));
            // Several requests, so several messageIds: each row gets its own request's back.
            Assert.True(first.Select(r => r.MessageId).Distinct().Count() > 1);
            Assert.Equal(first.Select(r => r.MessageId), second.Select(r => r.MessageId));
            Assert.All(second, r => Assert.Equal(SendStatus.Skipped, r.Status));
        }

        [Fact]
        public async Task A_run_cancelled_midway_and_run_again_sends_every_destination_once()
        {
            using var folder = new TempFolder();
            var journal = folder.File("cancelled.journal");
            // 200-destination requests that take a while: the cancel lands with requests still to come.
            var (host, session) = await JournalKit.LoopbackAsync(new SandboxOptions { ServiceKey = "journal-key", Tps = 200, Latency = TimeSpan.FromMilliseconds(100) });
            await using var _ = host;
            using var __ = session;

            var firstResults = new List<SendResult>();
            using (var stop = new CancellationTokenSource())
            using (var dispatcher = session.CreateDispatcher(new DispatchOptions { JournalPath = journal, MaxConcurrentRequests = 2 }, stop.Token))
            {
                Assert.ThrowsAny<OperationCanceledException>(() =>
                {
                    for (var i = 1; i <= 2000; i++)
                    {
                        dispatcher.Add(new DispatchItem(JournalKit.Greeting, JournalKit.Person(i), inputObject: i));
                        firstResults.AddRange(dispatcher.TakeReady());
                        if (firstResults.Count >= 400) stop.Cancel();
                    }
                });
            }

            var afterFirst = host.Server.AcceptedDestinations.Total;
            Assert.InRange(afterFirst, 400, 1999);

            var second = JournalKit.Run(session, journal, JournalKit.Rows(1, 2000));

            Assert.Equal(Enumerable.Range(1, 2000), second.Select(r => (int)r.InputObject!));
            Assert.Empty(host.Server.AcceptedDestinations.Duplicates());
            // Rows answered in the first run are skipped; rows whose request was in flight are Unknown and
            // not sent; every other row is sent now.
            var firstQueued = firstResults.Where(r => r.Status == SendStatus.Queued).Select(r => (int)r.InputObject!).ToHashSet();
            Assert.All(second.Where(r => firstQueued.Contains((int)r.InputObject!)), r => Assert.Equal(SendStatus.Skipped, r.Status));
            Assert.All(second, r => Assert.Contains(r.Status, new[] { SendStatus.Skipped, SendStatus.Unknown, SendStatus.Queued }));
            var unknown = second.Where(r => r.Status == SendStatus.Unknown).ToList();
            Assert.All(unknown, r => Assert.Contains("-ResendUnknown", r.Reason));
            Assert.Equal(second.Count(r => r.Status == SendStatus.Queued), host.Server.AcceptedDestinations.Total - afterFirst);
            foreach (var row in Enumerable.Range(1, 2000).Where(i => second[i - 1].Status != SendStatus.Unknown))
                Assert.Equal(1, host.Server.AcceptedDestinations.CountOf(JournalKit.Number(row), "row-" + row));
            Assert.True(second.Count(r => r.Status == SendStatus.Queued) >= 1, "the re-run sent the rest");
        }

        [Fact]
        public async Task A_changed_text_is_a_different_message_sent_again_unless_SkipChanged()
        {
            // The corrected text goes to the 50 people who had the first one (a second, different message, which the run's
            // warning counts); -SkipChanged holds such rows back (JournalChanged), as for a further correction here.
            using var folder = new TempFolder();
            var journal = folder.File("changed.journal");
            var (host, session) = await JournalKit.LoopbackAsync();
            await using var _ = host;
            using var __ = session;

            JournalKit.Run(session, journal, JournalKit.Rows(1, 50));
            var corrected = new SmsMessage { From = "ACME", Text = "Hi $(Name), order $(Order) has shipped." };
            var second = JournalKit.Run(session, journal, JournalKit.Rows(1, 50), corrected);
            Assert.All(second, r => Assert.Equal(SendStatus.Queued, r.Status));
            Assert.Equal(100, host.Server.AcceptedDestinations.Total);

            var again = new SmsMessage { From = "ACME", Text = "Hi $(Name), order $(Order) is on its way." };
            var third = JournalKit.Run(session, journal, JournalKit.Rows(1, 50), again, skipChanged: true);
            Assert.All(third, r => Assert.Equal((SendStatus.Skipped, DispatchOptions.ChangedContentCode), (r.Status, r.Code)));
            Assert.Equal(100, host.Server.AcceptedDestinations.Total);
        }

        [Fact]
        public async Task Only_the_new_rows_of_a_longer_input_are_sent()
        {
            using var folder = new TempFolder();
            var journal = folder.File("grown.journal");
            var (host, session) = await JournalKit.LoopbackAsync();
            await using var _ = host;
            using var __ = session;

            JournalKit.Run(session, journal, JournalKit.Rows(1, 300));
            var second = JournalKit.Run(session, journal, JournalKit.Rows(1, 500));

            Assert.Equal(Enumerable.Repeat(SendStatus.Skipped, 300).Concat(Enumerable.Repeat(SendStatus.Queued, 200)), second.Select(r => r.Status));
            Assert.Equal(500, host.Server.AcceptedDestinations.Total);
            Assert.Empty(host.Server.AcceptedDestinations.Duplicates());
        }

        [Fact]
        public async Task A_row_repeated_in_the_input_is_sent_as_often_as_it_appears_and_no_more()
        {
            using var folder = new TempFolder();
            var journal = folder.File("repeats.journal");
            var (host, session) = await JournalKit.LoopbackAsync();
            await using var _ = host;
            using var __ = session;

            var first = JournalKit.Run(session, journal, new[] { 1, 2 });
            var second = JournalKit.Run(session, journal, new[] { 1, 2, 2, 1 });
            var third = JournalKit.Run(session, journal, new[] { 1, 2, 2, 1 });

            Assert.All(first, r => Assert.Equal(SendStatus.Queued, r.Status));
            Assert.Equal(new[] { SendStatus.Skipped, SendStatus.Skipped, SendStatus.Queued, SendStatus.Queued }, second.Select(r => r.Status));
            Assert.All(third, r => Assert.Equal(SendStatus.Skipped, r.Status));
            Assert.Equal(2, host.Server.AcceptedDestinations.CountOf(JournalKit.Number(1), "row-1"));
            Assert.Equal(2, host.Server.AcceptedDestinations.CountOf(JournalKit.Number(2), "row-2"));
        }

        [Fact]
        public void A_run_without_rows_still_opens_its_journal_which_the_next_run_reads_as_empty()
        {
            using var folder = new TempFolder();
            var journal = folder.File("empty.journal");
            using var session = new WebexConnect.Engine.ConnectEngine().Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox, Tps = 100 });

            // Opened when the run is made, so that a journal that cannot be used stops it before any row is read.
            Assert.Empty(JournalKit.Run(session, journal, Array.Empty<int>()));

            Assert.Single(JournalKit.Lines(journal));
            Assert.All(JournalKit.Run(session, journal, new[] { 1 }), r => Assert.Equal(SendStatus.Queued, r.Status));
        }
    }
}
