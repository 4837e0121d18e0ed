using System;
using System.IO;
using System.Linq;
using WebexConnect.Engine;
using WebexConnect.Engine.Journal;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.Journal
{
    /// <summary>-WhatIf's reading of a journal: the same verdicts as a send run, and the file left exactly as it was.</summary>
    public class JournalPreviewTests
    {
        // Rows 1-3 queued, 4-5 rejected, 6-7 failed, 8-9 unknown: as JournalPolicyTests' first run.
        private static SendStatus FirstRun(int row) => row switch
        {
            <= 3 => SendStatus.Queued,
            <= 5 => SendStatus.Rejected,
            <= 7 => SendStatus.Failed,
            _ => SendStatus.Unknown,
        };

        private static SendResult?[] Preview(IJournalPreview preview, int first, int count) =>
            JournalKit.Rows(first, count).Select(i => preview.EarlierOutcome(new DispatchItem(JournalKit.Greeting, JournalKit.Person(i), i) { Row = i })).ToArray();

        [Fact]
        public void It_says_of_each_row_what_a_run_on_the_journal_would_report_instead_of_sending_it()
        {
            using var folder = new TempFolder();
            var journal = folder.File("preview.journal");
            using (var first = JournalKit.OverFake(new ScriptedTransport(FirstRun), journal)) JournalKit.Send(first, JournalKit.Rows(1, 9));

            using var preview = new ConnectEngine().PreviewJournal(journal, resendUnknown: false, forSandbox: false)!;
            var said = Preview(preview, 1, 10);

            Assert.Equal(new SendStatus?[]
            {
                SendStatus.Skipped, SendStatus.Skipped, SendStatus.Skipped, null, null, null, null, SendStatus.Unknown, SendStatus.Unknown, null,
            }, said.Select(r => r?.Status));
            Assert.Equal(JournalKit.Number(2), said[1]!.Destination);
            Assert.Equal(2, said[1]!.Row);
            Assert.StartsWith("Already sent in an earlier run", said[0]!.Reason);

            // The same rows through a send run: the verdicts agree row for row.
            var again = new ScriptedTransport(_ => SendStatus.Queued);
            using (var dispatcher = JournalKit.OverFake(again, journal))
            {
                var run = JournalKit.Send(dispatcher, JournalKit.Rows(1, 10));
                Assert.Equal(said.Select(r => r?.Status ?? SendStatus.Queued), run.Select(r => r.Status));
            }
        }

        [Fact]
        public void With_ResendUnknown_the_rows_of_unknown_outcome_would_be_sent()
        {
            using var folder = new TempFolder();
            var journal = folder.File("unknown.journal");
            using (var first = JournalKit.OverFake(new ScriptedTransport(FirstRun), journal)) JournalKit.Send(first, JournalKit.Rows(1, 9));

            using var preview = new ConnectEngine().PreviewJournal(journal, resendUnknown: true, forSandbox: false)!;

            Assert.Equal(new SendStatus?[] { SendStatus.Skipped, SendStatus.Skipped, SendStatus.Skipped, null, null, null, null, null, null },
                Preview(preview, 1, 9).Select(r => r?.Status));
        }

        [Fact]
        public void A_row_repeated_in_the_run_is_skipped_only_as_often_as_an_earlier_run_sent_it()
        {
            using var folder = new TempFolder();
            var journal = folder.File("twice.journal");
            using (var first = JournalKit.OverFake(new ScriptedTransport(_ => SendStatus.Queued), journal)) JournalKit.Send(first, new[] { 1 });

            using var preview = new ConnectEngine().PreviewJournal(journal, resendUnknown: false, forSandbox: false)!;

            Assert.Equal(new SendStatus?[] { SendStatus.Skipped, null }, new[] { 1, 1 }.Select(i =>
                preview.EarlierOutcome(new DispatchItem(JournalKit.Greeting, JournalKit.Person(i), i))?.Status));
        }

        [Fact]
        public void It_writes_nothing_and_creates_nothing()
        {
            using var folder = new TempFolder();
            var journal = folder.File("untouched.journal");
            using (var first = JournalKit.OverFake(new ScriptedTransport(FirstRun), journal)) JournalKit.Send(first, JournalKit.Rows(1, 9));
            var before = File.ReadAllBytes(journal);
            var written = File.GetLastWriteTimeUtc(journal);

            using (var preview = new ConnectEngine().PreviewJournal(journal, resendUnknown: false, forSandbox: false)!) Preview(preview, 1, 20);

            Assert.Equal(before, File.ReadAllBytes(journal));
            Assert.Equal(written, File.GetLastWriteTimeUtc(journal));
            using (var none = new ConnectEngine().PreviewJournal(folder.File("none-yet.journal"), resendUnknown: false, forSandbox: false))
            {
                Assert.False(none.HoldsRecords);
                Assert.All(Preview(none, 1, 3), Assert.Null);
            }
            Assert.False(File.Exists(folder.File("none-yet.journal")));
        }

        /// <summary>
        /// Before: -WhatIf -Verbose did not say which journal it read, nor what it held: a dry run given the wrong path (a
        /// journal no run wrote) looked like one given last night's. Now it says what a run's -Verbose opens with.
        /// </summary>
        [Fact]
        public void It_says_which_journal_it_read_and_what_it_holds_as_a_run_does()
        {
            using var folder = new TempFolder();
            var journal = folder.File("said.journal");
            using (var first = JournalKit.OverFake(new ScriptedTransport(FirstRun), journal)) JournalKit.Send(first, JournalKit.Rows(1, 9));

            using var preview = new ConnectEngine().PreviewJournal(journal, resendUnknown: false, forSandbox: false);
            using var missing = new ConnectEngine().PreviewJournal(folder.File("elsewhere.journal"), resendUnknown: false, forSandbox: false);

            Assert.True(preview.HoldsRecords);
            Assert.Equal(JournalFindings.Describe(journal, Enumerable.Repeat(new JournalEntry(JournalState.Queued, DateTimeOffset.UnixEpoch), 3)
                .Concat(Enumerable.Repeat(new JournalEntry(JournalState.Rejected, DateTimeOffset.UnixEpoch), 4))
                .Concat(Enumerable.Repeat(new JournalEntry(JournalState.Unknown, DateTimeOffset.UnixEpoch), 2)), resendUnknown: false), preview.Findings);
            Assert.Equal($"Journal '{folder.File("elsewhere.journal")}': no earlier run recorded a send in it, so no row is skipped as sent.", missing.Findings);
        }

        [Fact]
        public void After_rows_none_of_which_the_journal_recorded_it_warns_as_a_run_would()
        {
            using var folder = new TempFolder();
            var journal = folder.File("none.journal");
            using (var first = JournalKit.OverFake(new ScriptedTransport(FirstRun), journal)) JournalKit.Send(first, JournalKit.Rows(1, 9));

            using (var preview = new ConnectEngine().PreviewJournal(journal, resendUnknown: false, forSandbox: false))
            {
                Preview(preview, 20, 2);
                Assert.StartsWith($"The journal '{journal}' records 3 rows sent by earlier runs, and not one row of this run is among them: " +
                    "a run would send both rows as new.", preview.NoneMatched());
            }
            using (var preview = new ConnectEngine().PreviewJournal(journal, resendUnknown: false, forSandbox: false))
            {
                Preview(preview, 3, 2);
                Assert.Null(preview.NoneMatched());
            }
        }

        [Fact]
        public void A_journal_a_run_could_not_use_gives_the_error_that_run_would_meet()
        {
            using var folder = new TempFolder();
            var notJournal = folder.File("people.csv");
            File.WriteAllText(notJournal, "Phone,Name\n");

            Assert.Equal("JournalUnreadable", Assert.Throws<SessionFailureException>(() => new ConnectEngine().PreviewJournal(notJournal, false, false)).ErrorId);
            Assert.Equal("JournalIsDirectory", Assert.Throws<SessionFailureException>(() => new ConnectEngine().PreviewJournal(folder.Path, false, false)).ErrorId);
            Assert.Equal("JournalFolderMissing", Assert.Throws<SessionFailureException>(() =>
                new ConnectEngine().PreviewJournal(Path.Combine(folder.Path, "missing", "x.journal"), false, false)).ErrorId);
            Assert.Equal("Phone,Name\n", File.ReadAllText(notJournal));
        }
    }
}
