using System;
using System.IO;
using System.Linq;
using System.Text;
using WebexConnect.Engine.Journal;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.Journal
{
    /// <summary>
    /// A run on a journal this process's last run closed reads only what was appended since (JournalsReadHere): the calls
    /// of a foreach loop with one -Journal no longer read it whole, each one more line than the last. Any other change
    /// to the file (appended by another process, cut back, edited, replaced) and the run reads it whole, as before.
    /// </summary>
    public class JournalIncrementalReadTests
    {
        private static JournalKey Key(int i)
        {
            Assert.True(JournalKey.TryParse(i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture), out var key));
            return key;
        }

        /// <summary>One run: opens the journal, records the keys queued, closes it; returns where its read began.</summary>
        private static long Run(string path, params int[] queued)
        {
            using var journal = SendJournal.Open(path);
            if (queued.Length > 0) journal.Record(JournalState.Queued, queued.Select(Key).ToArray());
            return journal.ReadFrom;
        }

        private static JournalState? Earlier(string path, int key, out long readFrom)
        {
            using var journal = SendJournal.Open(path);
            readFrom = journal.ReadFrom;
            return journal.TryGetEarlier(Key(key), out var entry) ? entry.State : (JournalState?)null;
        }

        [Fact]
        public void A_loop_of_runs_reads_on_from_where_the_last_run_stopped_and_finds_every_earlier_row()
        {
            using var folder = new TempFolder();
            var path = folder.File("loop.journal");
            Assert.Equal(0, Run(path, 1));

            for (var i = 2; i <= 5; i++)
            {
                var lengthBefore = new FileInfo(path).Length;
                var readFrom = Run(path, i);
                // Everything up to the previous run's own line was read by that run: only that line is new.
                Assert.InRange(readFrom, 1, lengthBefore - 1);
            }

            for (var i = 1; i <= 5; i++) Assert.Equal(JournalState.Queued, Earlier(path, i, out _));
            Assert.Null(Earlier(path, 6, out _));
        }

        [Fact]
        public void A_run_with_more_entries_than_are_worth_keeping_keeps_nothing_and_the_next_run_reads_the_file_whole()
        {
            // Before: after a run that read a journal of a million rows, its read state (an entry a row) was held until the
            // process ended.
            using var folder = new TempFolder();
            var large = folder.File("large.journal");
            Run(large, Enumerable.Range(1, JournalsReadHere.MostEntriesKept + 1).ToArray());
            // The run after it reads its lines (a rerun of the file): those entries go with that run.
            Assert.Equal(JournalState.Queued, Earlier(large, JournalsReadHere.MostEntriesKept + 1, out _));

            Assert.False(JournalsReadHere.Keeps(large));
            Assert.Equal(JournalState.Queued, Earlier(large, 1, out var readFrom));
            Assert.Equal(0, readFrom);
            // That a journal under the bound is kept is the other tests' (a loop's): asserted here too, it could fail when
            // parallel test classes fill the few places kept (MostKept) between the run and the check.
        }

        [Fact]
        public void A_line_another_process_appended_between_two_runs_is_read_and_the_file_read_whole()
        {
            using var folder = new TempFolder();
            var path = folder.File("shared.journal");
            Run(path, 1);
            Run(path, 2);
            // Another process's run: its line, appended to the closed file.
            File.AppendAllText(path, "{\"s\":\"queued\",\"t\":\"2026-12-07T10:00:00Z\",\"k\":[\"" + Key(3) + "\"]}\n");

            Assert.Equal(JournalState.Queued, Earlier(path, 3, out var readFrom));
            Assert.Equal(0, readFrom);
            Assert.Equal(JournalState.Queued, Earlier(path, 2, out _));
        }

        [Fact]
        public void A_journal_cut_back_after_the_run_is_read_whole_and_the_cut_line_is_gone()
        {
            using var folder = new TempFolder();
            var path = folder.File("cut.journal");
            Run(path, 1);
            Run(path, 2);
            var lines = File.ReadAllLines(path);
            File.WriteAllText(path, string.Join("\n", lines.Take(lines.Length - 1)) + "\n");

            Assert.Null(Earlier(path, 2, out var readFrom));
            Assert.Equal(0, readFrom);
            Assert.Equal(JournalState.Queued, Earlier(path, 1, out _));
        }

        [Fact]
        public void A_line_edited_in_place_is_read_whole_even_with_the_same_length_and_last_write_time()
        {
            using var folder = new TempFolder();
            var path = folder.File("edited.journal");
            Run(path, 1);
            Run(path, 2);
            var written = File.GetLastWriteTimeUtc(path);
            var text = File.ReadAllText(path);
            // Row 1's line, which the last run had read already (row 2's, its own, the next run reads anyway): "failed" for
            // "queued", the same length, and the time the file was last written put back. Only its bytes tell.
            var first = text.IndexOf("\"queued\"", StringComparison.Ordinal);
            File.WriteAllText(path, text.Substring(0, first) + "\"failed\"" + text.Substring(first + 8), new UTF8Encoding(false));
            File.SetLastWriteTimeUtc(path, written);

            Assert.Equal(JournalState.Failed, Earlier(path, 1, out var readFrom));
            Assert.Equal(0, readFrom);
        }

        [Fact]
        public void A_journal_replaced_by_another_of_the_same_length_is_read_whole_with_its_own_salt()
        {
            using var folder = new TempFolder();
            var path = folder.File("replaced.journal");
            var other = folder.File("other.journal");
            Run(path, 1);
            Run(other, 1);
            Run(path, 2);
            Run(other, 3);
            var written = File.GetLastWriteTimeUtc(path);
            var header = File.ReadAllLines(path)[0];
            Assert.Equal(new FileInfo(path).Length, new FileInfo(other).Length);
            File.Copy(other, path, overwrite: true);
            File.SetLastWriteTimeUtc(path, written);

            Assert.NotEqual(File.ReadAllLines(other)[0], header);
            using var journal = SendJournal.Open(path);
            Assert.Equal(0, journal.ReadFrom);
            Assert.Equal(File.ReadAllLines(other)[0].Length, header.Length);
            Assert.True(journal.TryGetEarlier(Key(3), out _));
            Assert.False(journal.TryGetEarlier(Key(2), out _));
        }

        [Fact]
        public void A_damaged_line_among_appended_ones_is_named_by_its_line_number_in_the_whole_file()
        {
            using var folder = new TempFolder();
            var path = folder.File("damaged.journal");
            Run(path, 1);
            Run(path, 2);
            // Written by this process's next run, as if a disk had garbled it: the run reads on, and its count of lines goes on.
            using (var journal = SendJournal.Open(path))
            {
                journal.Record(JournalState.Queued, new[] { Key(3) });
                journal.Record(JournalState.Queued, new[] { Key(4) });
            }

            var written = File.GetLastWriteTimeUtc(path);
            var text = File.ReadAllText(path);
            var third = text.IndexOf(Key(3).ToString(), StringComparison.Ordinal);
            var damaged = text.Substring(0, third) + "zz" + text.Substring(third + 2);
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
            {
                // Same length, written in place; then the time it was last written put back, so only the bytes tell.
                var bytes = Encoding.UTF8.GetBytes(damaged);
                stream.Write(bytes, 0, bytes.Length);
            }

            File.SetLastWriteTimeUtc(path, written);

            var failure = Assert.Throws<SessionFailureException>(() => SendJournal.Open(path).Dispose());
            Assert.Equal("JournalUnreadable", failure.ErrorId);
            Assert.Contains("Line 4 of the journal", failure.Message);
        }

        [Fact]
        public void What_a_run_says_of_the_journal_read_on_counts_each_row_by_its_last_event_as_a_whole_read_does()
        {
            using var folder = new TempFolder();
            var path = folder.File("tally.journal");
            using (var journal = SendJournal.Open(path)) journal.Record(JournalState.Intent, new[] { Key(1), Key(2), Key(3) });
            using (var journal = SendJournal.Open(path)) journal.Record(JournalState.Queued, new[] { Key(1), Key(2) });
            using (var journal = SendJournal.Open(path)) journal.Record(JournalState.Failed, new[] { Key(2), Key(4) });
            using (var journal = SendJournal.Open(path)) journal.Record(JournalState.Scheduled, new[] { Key(4), Key(5) });

            using (var readOn = SendJournal.Open(path))
            {
                Assert.NotEqual(0, readOn.ReadFrom);
                // 1 queued, 4 and 5 scheduled; 3 an intent; 2 failed.
                Assert.Equal((3L, 1L, 1L), (readOn.EarlierTally.Sent, readOn.EarlierTally.Unfinished, readOn.EarlierTally.NotSent));
                Assert.Equal(JournalFindings.Describe(path, readOn.Earlier.ToList(), false), JournalFindings.Describe(path, readOn.EarlierTally, false));
            }

            JournalsReadHere.Forget(Path.GetFullPath(path));
            using var whole = SendJournal.Open(path);
            Assert.Equal(0, whole.ReadFrom);
            Assert.Equal((3L, 1L, 1L), (whole.EarlierTally.Sent, whole.EarlierTally.Unfinished, whole.EarlierTally.NotSent));
        }

        [Fact]
        public void A_run_reads_on_only_from_what_the_last_run_in_this_process_left_of_the_same_path()
        {
            using var folder = new TempFolder();
            var path = folder.File("kept.journal");
            Run(path, 1);
            Assert.True(JournalsReadHere.Keeps(Path.GetFullPath(path)));

            using (var journal = SendJournal.Open(path))
            {
                // Taken by the run that holds the lock: no other run may read on into what it reads on into.
                Assert.False(JournalsReadHere.Keeps(Path.GetFullPath(path)));
                Assert.NotEqual(0, journal.ReadFrom);
            }

            Assert.True(JournalsReadHere.Keeps(Path.GetFullPath(path)));
        }
    }
}
