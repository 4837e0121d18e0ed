using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using WebexConnect.Composition;
using WebexConnect.Engine.Dispatch;
using WebexConnect.Engine.Journal;
using WebexConnect.Engine.Payload;
using WebexConnect.Engine.Transport;
using WebexConnect.Results;
using WebexConnect.Sending;
using WebexConnect.Tests.Dispatch;
using Xunit;

namespace WebexConnect.Tests.Journal
{
    /// <summary>
    /// A journal write that fails part-way (the disk fills up, the share drops) while the run goes on: the next run
    /// must still read the journal. Before, the half line stayed, the next line was appended after it, and the
    /// scheduled re-run stopped on "Line N ... is damaged" (JournalUnreadable) until someone edited the file by hand.
    /// </summary>
    public class JournalWriteFailureTests
    {
        private static readonly JournalKey First = Key(1);
        private static readonly JournalKey Second = Key(2);

        [Fact]
        public void A_write_cut_short_by_a_full_disk_is_undone_and_the_next_run_reads_the_lines_after_it()
        {
            using var folder = new TempFolder();
            var path = folder.File("full.journal");
            DiskThatFills? disk = null;
            using (var journal = SendJournal.Open(path, writeThrough: file => disk = new DiskThatFills(file) { FailNextWriteAfterHalf = true }))
            {
                var failure = Assert.Throws<IOException>(() => journal.Record(JournalState.Intent, new[] { First }));
                Assert.Equal("No space left on device", failure.Message);
                Assert.True(disk!.WroteHalfALine);

                journal.Record(JournalState.Intent, new[] { Second });
                journal.Record(JournalState.Queued, new[] { Second });
            }

            Assert.All(File.ReadAllLines(path), line => System.Text.Json.JsonDocument.Parse(line).Dispose());
            using var next = SendJournal.Open(path);
            Assert.False(next.TryGetEarlier(First, out _));
            Assert.True(next.TryGetEarlier(Second, out var entry));
            Assert.Equal(JournalState.Queued, entry.State);
        }

        [Fact]
        public void A_line_whose_flush_to_disk_failed_is_not_left_in_the_file_for_a_re_run_to_trust()
        {
            using var folder = new TempFolder();
            var path = folder.File("flush.journal");
            using (var journal = SendJournal.Open(path, writeThrough: file => new DiskThatFills(file) { FailNextFlush = true }))
            {
                Assert.Throws<IOException>(() => journal.Record(JournalState.Queued, new[] { First }));
                journal.Record(JournalState.Queued, new[] { Second });
            }

            using var next = SendJournal.Open(path);
            // The caller was told the line was not written: it must not count on the next run.
            Assert.False(next.TryGetEarlier(First, out _));
            Assert.True(next.TryGetEarlier(Second, out _));
        }

        [Fact]
        public void When_the_half_line_cannot_be_cut_back_nothing_more_is_appended_so_the_damage_stays_last()
        {
            using var folder = new TempFolder();
            var path = folder.File("dropped.journal");
            using (var journal = SendJournal.Open(path, writeThrough: file => new DiskThatFills(file) { FailNextWriteAfterHalf = true, ShareDropped = true }))
            {
                Assert.Throws<IOException>(() => journal.Record(JournalState.Queued, new[] { First }));
                var refused = Assert.Throws<IOException>(() => journal.Record(JournalState.Queued, new[] { Second }));
                Assert.Contains("could not be undone", refused.Message);
            }

            Assert.False(File.ReadAllText(path).EndsWith("\n", StringComparison.Ordinal));
            using (var next = SendJournal.Open(path))
            {
                Assert.Equal(0, next.EarlierCount);
                next.Record(JournalState.Queued, new[] { Second });
            }

            Assert.All(File.ReadAllLines(path), line => System.Text.Json.JsonDocument.Parse(line).Dispose());
        }

        /// <summary>
        /// A file-size limit (ulimit -f, systemd's LimitFSIZE): .NET reports the write's EFBIG as an ArgumentOutOfRangeException,
        /// which no caller took for a failed write, so the run crashed without results. It is now an IOException, undone as one.
        /// </summary>
        [Fact]
        public void A_write_past_the_file_size_limit_is_a_failed_write_and_is_undone()
        {
            using var folder = new TempFolder();
            var path = folder.File("limit.journal");
            using (var journal = SendJournal.Open(path, writeThrough: file => new DiskThatFills(file) { FailNextWriteAsTooLarge = true }))
            {
                var failure = Assert.Throws<IOException>(() => journal.Record(JournalState.Queued, new[] { First }));
                Assert.Equal("The journal file has reached the largest file size this process may write (a file-size limit).", failure.Message);
                journal.Record(JournalState.Queued, new[] { Second });
            }

            using var next = SendJournal.Open(path);
            Assert.False(next.TryGetEarlier(First, out _));
            Assert.True(next.TryGetEarlier(Second, out _));
        }

        /// <summary>
        /// The outcome of one batch cannot be written (the share drops for a moment) and the run goes on to the end. Before,
        /// it reported its rows Queued and said nothing, and the next run's Unknown rows, "in flight when an earlier run
        /// stopped", were the first anyone heard of it, of a run that had not stopped.
        /// </summary>
        [Fact]
        public void A_run_whose_journal_could_not_record_an_outcome_says_so_once_at_its_end_and_the_next_run_says_what_it_knows()
        {
            using var folder = new TempFolder();
            var path = folder.File("dropped.journal");
            var run = new JournalRun(path, resendUnknown: false,
                writeThrough: file => new DiskThatFills(file) { FailFirstWriteHolding = "\"s\":\"queued\"" });
            var first = new ScriptedTransport(_ => SendStatus.Queued);
            var options = new DispatchOptions { JournalPath = path, MaxConcurrentRequests = 1 };
            List<SendResult> results;
            var said = new List<DiagnosticEntry>();
            using (var dispatcher = JournalingDispatcher.Around(run, resendUnknown: false,
                       attempts => new WholeBatchAttempt(first, attempts!), MessageShape.Of,
                       t => new Dispatcher(t, new OpenGate(10), MessageShape.Of, options, CancellationToken.None)))
            {
                results = JournalKit.Send(dispatcher, JournalKit.Rows(1, 40));
                said.AddRange(dispatcher.TakeDiagnostics());
            }

            // Batches of 10: four requests, one of whose outcome is lost. The rows' results are what the service answered.
            Assert.Equal(40, results.Count);
            Assert.All(results, r => Assert.Equal(SendStatus.Queued, r.Status));

            var next = new ScriptedTransport(_ => SendStatus.Queued);
            List<SendResult> rerun;
            using (var dispatcher = JournalKit.OverFake(next, path)) rerun = JournalKit.Send(dispatcher, JournalKit.Rows(1, 40));
            var unknown = rerun.Where(r => r.Status == SendStatus.Unknown).ToList();
            Assert.NotEmpty(unknown);
            Assert.True(unknown.Count < 40, "only the one batch's outcome was lost");
            Assert.Equal(0, next.Sent);

            var warning = Assert.Single(said, d => d.Level == DiagnosticLevel.Warning).Message;
            Assert.Equal($"The journal '{Path.GetFullPath(path)}' could not record what the service answered for {Counted.Of(unknown.Count, "row")}: " +
                         "The network name is no longer available. Their results here are as the service answered. A re-run with this journal " +
                         "reports them Unknown and does not send them again: check them with Get-ConnectMessage or the delivery reports, " +
                         "then use -ResendUnknown to send what did not arrive.", warning);

            // The next run's reason is true of a run that finished as of one that stopped.
            Assert.All(unknown, r => Assert.StartsWith("An earlier run on ", r.Reason));
            Assert.All(unknown, r => Assert.Contains(" recorded sending it but not what the service answered (journal)", r.Reason));
        }

        private static JournalKey Key(byte n) => JournalKey.FromHash(Enumerable.Repeat(n, JournalKey.ByteLength).ToArray());

        /// <summary>The journal's file, as a disk that fills up (or a share that drops) in the middle of one write.</summary>
        private sealed class DiskThatFills : Stream
        {
            private readonly FileStream _file;

            public DiskThatFills(FileStream file) => _file = file;

            /// <summary>The next write puts half its bytes in the file, then fails as ENOSPC does.</summary>
            public bool FailNextWriteAfterHalf { get; set; }

            /// <summary>The next flush fails, after the bytes reached the file.</summary>
            public bool FailNextFlush { get; set; }

            /// <summary>The file cannot be cut back either.</summary>
            public bool ShareDropped { get; set; }

            public bool WroteHalfALine { get; private set; }

            /// <summary>The next write puts half its bytes in the file, then fails as .NET reports EFBIG (a file-size limit).</summary>
            public bool FailNextWriteAsTooLarge { get; set; }

            /// <summary>The first write whose text holds this fails before writing anything, as a dropped share does.</summary>
            public string? FailFirstWriteHolding { get; set; }

            public override bool CanRead => false;
            public override bool CanSeek => true;
            public override bool CanWrite => true;
            public override long Length => _file.Length;

            public override long Position
            {
                get => _file.Position;
                set => _file.Position = value;
            }

            public override void Write(byte[] buffer, int offset, int count)
            {
                if (FailNextWriteAsTooLarge)
                {
                    FailNextWriteAsTooLarge = false;
                    _file.Write(buffer, offset, count / 2);
                    throw new ArgumentOutOfRangeException("value", "Specified file length was too large for the file system.");
                }

                if (FailFirstWriteHolding is { } text && Encoding.UTF8.GetString(buffer, offset, count).Contains(text, StringComparison.Ordinal))
                {
                    FailFirstWriteHolding = null;
                    throw new IOException("The network name is no longer available.");
                }

                if (FailNextWriteAfterHalf)
                {
                    FailNextWriteAfterHalf = false;
                    _file.Write(buffer, offset, count / 2);
                    _file.Flush(flushToDisk: true);
                    WroteHalfALine = Encoding.UTF8.GetString(buffer, offset, count / 2).IndexOf('\n') < 0;
                    throw new IOException("No space left on device");
                }

                _file.Write(buffer, offset, count);
            }

            public override void Flush()
            {
                _file.Flush(flushToDisk: true);
                if (!FailNextFlush) return;
                FailNextFlush = false;
                throw new IOException("No space left on device");
            }

            public override void SetLength(long value)
            {
                if (ShareDropped) throw new IOException("The network name is no longer available.");
                _file.SetLength(value);
            }

            public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing) _file.Dispose();
                base.Dispose(disposing);
            }
        }
    }
}
