using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using WebexConnect.Engine;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.Journal
{
    /// <summary>The journal file itself: what it holds, what it survives, and who may use it.</summary>
    public class JournalFileTests
    {
        private static IEngineSession Sandbox() =>
            new ConnectEngine().Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox, Tps = 1000 });

        [Fact]
        public void The_file_holds_no_number_address_name_text_or_correlation_id()
        {
            using var folder = new TempFolder();
            var journal = folder.File("private.journal");
            using var session = Sandbox();
            var email = new EmailMessage { From = "billing@example.com", Subject = "Your invoice", Text = "Dear $(Name), invoice $(Order) is due." };

            JournalKit.Run(session, journal, JournalKit.Rows(1, 20));
            using (var dispatcher = session.CreateDispatcher(new DispatchOptions { JournalPath = journal }, CancellationToken.None))
            {
                for (var i = 1; i <= 20; i++)
                {
                    dispatcher.Add(new DispatchItem(email, new Recipient("person" + i + "@example.org", "mail-" + i,
                        new Dictionary<string, string> { ["Name"] = "Alice Example " + i, ["Order"] = "INV-" + i }), i));
                }

                Assert.All(dispatcher.Complete(), r => Assert.Equal(SendStatus.Queued, r.Status));
            }

            var text = File.ReadAllText(journal);
            foreach (var forbidden in new[] { "7700900", "4477009", "@", "example", "Person", "Alice", "INV-", "row-", "mail-", "invoice", "order", "ACME", "shipped" })
                Assert.DoesNotContain(forbidden, text, StringComparison.OrdinalIgnoreCase);
            // What it does hold: a header and lines of hex keys.
            var lines = JournalKit.Lines(journal);
            Assert.StartsWith("{\"format\":\"WebexConnect.Journal\"", lines[0]);
            Assert.All(lines.Skip(1), line =>
            {
                using var doc = JsonDocument.Parse(line);
                Assert.All(doc.RootElement.GetProperty("k").EnumerateArray(), k => Assert.Matches("^[0-9a-f]{32}$", k.GetString()));
            });
        }

        [Fact]
        public void Each_batch_writes_its_intent_and_its_outcome()
        {
            using var folder = new TempFolder();
            var journal = folder.File("lines.journal");
            using var session = Sandbox();

            JournalKit.Run(session, journal, JournalKit.Rows(1, 10));

            var states = JournalKit.Lines(journal).Skip(1).Select(l => JsonDocument.Parse(l).RootElement)
                .Select(e => (State: e.GetProperty("s").GetString(), Keys: e.GetProperty("k").GetArrayLength())).ToList();
            Assert.Equal(10, states.Where(s => s.State == "intent").Sum(s => s.Keys));
            Assert.Equal(10, states.Where(s => s.State == "queued").Sum(s => s.Keys));
            Assert.Equal("intent", states[0].State);
        }

        [Fact]
        public void A_journal_whose_lines_hold_no_messageId_still_skips_what_it_queued()
        {
            using var folder = new TempFolder();
            var journal = folder.File("old.journal");
            using var session = Sandbox();
            JournalKit.Run(session, journal, JournalKit.Rows(1, 10));
            Assert.Contains(JournalKit.Lines(journal), l => l.Contains("\"m\":"));
            // As a journal of a version that did not record the messageId: the rest of each line is the same.
            File.WriteAllLines(journal, JournalKit.Lines(journal).Select(l => Regex.Replace(l, "\"m\":\"[^\"]*\",", "")));

            var second = JournalKit.Run(session, journal, JournalKit.Rows(1, 10));

            Assert.All(second, r =>
            {
                Assert.Equal(SendStatus.Skipped, r.Status);
                Assert.Null(r.MessageId);
            });
            Assert.Equal(10, session.SandboxRequests.Sum(r => r.DestinationCount));
        }

        [Fact]
        public void Two_salted_journals_give_the_same_send_unrelated_keys()
        {
            using var folder = new TempFolder();
            using var session = Sandbox();

            JournalKit.Run(session, folder.File("a.journal"), new[] { 1 });
            JournalKit.Run(session, folder.File("b.journal"), new[] { 1 });

            Assert.NotEqual(KeysOf(folder.File("a.journal")), KeysOf(folder.File("b.journal")));
        }

        [Fact]
        public void A_half_written_last_line_is_dropped_and_the_rows_before_it_are_skipped()
        {
            using var folder = new TempFolder();
            var journal = folder.File("torn.journal");
            using var session = Sandbox();
            JournalKit.Run(session, journal, JournalKit.Rows(1, 30));
            File.AppendAllText(journal, "{\"s\":\"queued\",\"t\":\"2026-11-2");

            var second = JournalKit.Run(session, journal, JournalKit.Rows(1, 30));
            var third = JournalKit.Run(session, journal, JournalKit.Rows(1, 30));

            Assert.All(second, r => Assert.Equal(SendStatus.Skipped, r.Status));
            Assert.All(third, r => Assert.Equal(SendStatus.Skipped, r.Status));
            Assert.Equal(30, session.SandboxRequests.Sum(r => r.DestinationCount));
            // Repaired: every line is whole JSON again.
            Assert.All(JournalKit.Lines(journal), line => JsonDocument.Parse(line).Dispose());
        }

        [Fact]
        public void An_outcome_line_cut_short_by_a_crash_leaves_its_rows_Unknown_and_unsent()
        {
            using var folder = new TempFolder();
            var journal = folder.File("cut.journal");
            using var session = Sandbox();
            JournalKit.Run(session, journal, JournalKit.Rows(1, 10));
            // The last line is the batch's outcome; cut it in the middle as a crash during its write would.
            var bytes = File.ReadAllBytes(journal);
            var lastStart = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2) + 1;
            File.WriteAllBytes(journal, bytes.Take(lastStart + (bytes.Length - lastStart) / 2).ToArray());

            var second = JournalKit.Run(session, journal, JournalKit.Rows(1, 10));

            Assert.All(second, r => Assert.Equal(SendStatus.Unknown, r.Status));
            Assert.Equal(10, session.SandboxRequests.Sum(r => r.DestinationCount));
        }

        [Fact]
        public void An_outcome_line_that_lost_only_its_newline_still_counts_as_cut_short()
        {
            using var folder = new TempFolder();
            var journal = folder.File("nonewline.journal");
            using var session = Sandbox();
            JournalKit.Run(session, journal, JournalKit.Rows(1, 4));
            var bytes = File.ReadAllBytes(journal);
            File.WriteAllBytes(journal, bytes.Take(bytes.Length - 1).ToArray());

            var second = JournalKit.Run(session, journal, JournalKit.Rows(1, 4));

            // Unknown, not Skipped: the flush of that line never completed, so nothing vouches for it.
            Assert.All(second, r => Assert.Equal(SendStatus.Unknown, r.Status));
            Assert.Equal(4, session.SandboxRequests.Sum(r => r.DestinationCount));
            Assert.All(JournalKit.Lines(journal), line => JsonDocument.Parse(line).Dispose());
        }

        [Fact]
        public void A_damaged_line_before_the_last_stops_the_run_before_anything_is_sent()
        {
            using var folder = new TempFolder();
            var journal = folder.File("damaged.journal");
            using var session = Sandbox();
            JournalKit.Run(session, journal, JournalKit.Rows(1, 5));
            var lines = File.ReadAllLines(journal).ToList();
            lines.Insert(1, "{\"s\":\"que");
            File.WriteAllText(journal, string.Join("\n", lines) + "\n");
            var before = File.ReadAllBytes(journal);

            var failure = Assert.Throws<SessionFailureException>(() => JournalKit.Run(session, journal, JournalKit.Rows(1, 5)));

            Assert.Equal("JournalUnreadable", failure.ErrorId);
            Assert.Contains("Line 2", failure.Message);
            Assert.Equal(5, session.SandboxRequests.Sum(r => r.DestinationCount));
            Assert.Equal(before, File.ReadAllBytes(journal));
        }

        [Fact]
        public void A_file_that_is_not_a_journal_is_left_alone()
        {
            using var folder = new TempFolder();
            var path = folder.File("people.csv");
            File.WriteAllText(path, "Phone,Name\n+447700900001,Ann\n");

            using var session = Sandbox();
            var failure = Assert.Throws<SessionFailureException>(() => JournalKit.Run(session, path, new[] { 1 }));

            Assert.Equal("JournalUnreadable", failure.ErrorId);
            Assert.Contains("not a WebexConnect journal", failure.Message);
            Assert.Equal("Phone,Name\n+447700900001,Ann\n", File.ReadAllText(path));
            Assert.Empty(session.SandboxRequests);
        }

        [Theory]
        [InlineData("cut")]
        [InlineData("overwritten")]
        public void A_journal_whose_header_is_damaged_says_a_new_journal_sends_its_rows_again(string damage)
        {
            // Before, a damaged line 1 with the run's lines after it was "not a WebexConnect journal. Give -Journal a new
            // file", and following that sent every row this journal had recorded as sent.
            using var folder = new TempFolder();
            var journal = folder.File("header.journal");
            using var session = Sandbox();
            JournalKit.Run(session, journal, JournalKit.Rows(1, 3));
            var lines = File.ReadAllLines(journal);
            lines[0] = damage == "cut" ? lines[0].Substring(0, lines[0].Length / 2) : "\0\0\0\0";
            File.WriteAllText(journal, string.Join("\n", lines) + "\n");
            var before = File.ReadAllBytes(journal);

            var failure = Assert.Throws<SessionFailureException>(() => JournalKit.Run(session, journal, JournalKit.Rows(1, 3)));

            Assert.Equal("JournalUnreadable", failure.ErrorId);
            Assert.StartsWith($"Line 1 of the journal '{journal}' (its header) is damaged", failure.Message);
            Assert.Contains("Restore line 1 from a backup", failure.Message);
            Assert.Contains("a new journal sends those rows again", failure.Message);
            Assert.DoesNotContain("not a WebexConnect journal", failure.Message);
            Assert.Equal(3, session.SandboxRequests.Sum(r => r.DestinationCount));
            Assert.Equal(before, File.ReadAllBytes(journal));
        }

        [Fact]
        public void A_journal_of_a_newer_format_says_so_and_asks_for_that_version_instead_of_a_new_journal()
        {
            // The task's account loads an older copy of the module (another folder on its PSModulePath) than the one that
            // wrote the journal. Before, it was told the file was "not a WebexConnect journal (or one of a newer version)"
            // and to give -Journal a new file, which sends every row again.
            using var folder = new TempFolder();
            var journal = folder.File("newer.journal");
            var content = "{\"format\":\"WebexConnect.Journal\",\"version\":2,\"created\":\"2026-12-05T09:00:00.000Z\",\"salt\":\"AAEC\"}\n";
            File.WriteAllText(journal, content);
            using var session = Sandbox();

            var failure = Assert.Throws<SessionFailureException>(() => JournalKit.Run(session, journal, new[] { 1 }));

            Assert.Equal("JournalUnreadable", failure.ErrorId);
            Assert.Contains("newer version of WebexConnect", failure.Message);
            Assert.Contains("format 2", failure.Message);
            Assert.Contains("Get-Module WebexConnect -ListAvailable", failure.Message);
            Assert.DoesNotContain("new file", failure.Message);
            Assert.Equal(content, File.ReadAllText(journal));
            Assert.Empty(session.SandboxRequests);
        }

        [Theory]
        [InlineData("{\"format\":\"WebexConnect.Journal\",\"version\":0,\"created\":\"2026-12-05T09:00:00.000Z\",\"salt\":\"AAEC\"}\n")]
        [InlineData("{\"version\":0,\"format\":\"WebexConnect.Journal\",\"created\":\"2026-12-05T09:00:00.000Z\",\"salt\":\"AAEC\"}\n" +
            "{\"s\":\"q\",\"t\":\"2026-12-05T09:00:01.000Z\",\"k\":[]}\n")]
        public void A_journal_of_an_older_format_is_named_as_ours_with_its_version_not_as_damaged_or_someone_elses(string content)
        {
            // Before, a header of another format version was "damaged, and journal lines follow it" (when none did), or the
            // file "not a WebexConnect journal": the admin gave -Journal a new file, which sends every row it recorded again.
            using var folder = new TempFolder();
            var journal = folder.File("older.journal");
            File.WriteAllText(journal, content);
            using var session = Sandbox();

            var failure = Assert.Throws<SessionFailureException>(() => JournalKit.Run(session, journal, new[] { 1 }));

            Assert.Equal("JournalUnreadable", failure.ErrorId);
            Assert.StartsWith($"The journal '{journal}' is a WebexConnect journal of format version 0, which this version of WebexConnect " +
                "cannot read (it reads and writes format 1). Nothing was sent.", failure.Message);
            Assert.Contains("Get-Module WebexConnect -ListAvailable", failure.Message);
            Assert.Contains("a new journal knows nothing of them", failure.Message);
            Assert.Equal(content, File.ReadAllText(journal));
            Assert.Empty(session.SandboxRequests);
        }

        [Fact]
        public void A_journal_an_editor_saved_with_a_byte_order_mark_and_CRLF_still_skips_what_it_sent()
        {
            // Opened to look at and saved (Notepad, Set-Content -Encoding UTF8 in 5.1): before, a BOM made it "not a
            // WebexConnect journal" and the message said to give -Journal a new file, which sends every row again.
            using var folder = new TempFolder();
            var journal = folder.File("edited.journal");
            using var session = Sandbox();
            JournalKit.Run(session, journal, JournalKit.Rows(1, 3));
            var text = File.ReadAllText(journal).Replace("\n", "\r\n");
            File.WriteAllText(journal, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

            var again = JournalKit.Run(session, journal, JournalKit.Rows(1, 4));

            Assert.Equal(new[] { SendStatus.Skipped, SendStatus.Skipped, SendStatus.Skipped, SendStatus.Queued }, again.Select(r => r.Status));
            Assert.Equal(4, session.SandboxRequests.Sum(r => r.DestinationCount));
            Assert.All(JournalKit.Run(session, journal, JournalKit.Rows(1, 4)), r => Assert.Equal(SendStatus.Skipped, r.Status));
        }

        [Fact]
        public void A_header_cut_short_at_creation_starts_a_fresh_journal()
        {
            using var folder = new TempFolder();
            var journal = folder.File("new.journal");
            File.WriteAllText(journal, "{\"format\":\"WebexCon");
            using var session = Sandbox();

            var results = JournalKit.Run(session, journal, JournalKit.Rows(1, 3));

            Assert.All(results, r => Assert.Equal(SendStatus.Queued, r.Status));
            Assert.All(JournalKit.Run(session, journal, JournalKit.Rows(1, 3)), r => Assert.Equal(SendStatus.Skipped, r.Status));
        }

        [Fact]
        public void Two_runs_cannot_use_one_journal_at_once()
        {
            using var folder = new TempFolder();
            var journal = folder.File("shared.journal");
            using var session = Sandbox();

            using (var first = session.CreateDispatcher(new DispatchOptions { JournalPath = journal }, CancellationToken.None))
            {
                first.Add(new DispatchItem(JournalKit.Greeting, JournalKit.Person(1), 1));

                // At once, before the second run reads a row: none of its rows is taken and left without a result.
                var failure = Assert.Throws<SessionFailureException>(() => session.CreateDispatcher(new DispatchOptions { JournalPath = journal }, CancellationToken.None));

                Assert.Equal("JournalInUse", failure.ErrorId);
                Assert.Contains(journal, failure.Message);
                // Both runs are of this process: ForEach-Object -Parallel's one-row calls, which cannot "wait for that run to
                // end and run this again" (each but one stopped so, 19 rows of 20 not sent). It says what works instead.
                Assert.Contains("in use by another send command of this PowerShell process (ForEach-Object -Parallel", failure.Message);
                Assert.Contains("this command sent nothing. Pipe the rows into one call of the command instead, with this -Journal", failure.Message);
                Assert.DoesNotContain("journal of its own", failure.Message);
                Assert.All(first.Complete(), r => Assert.Equal(SendStatus.Queued, r.Status));
            }

            // Released with the first run: the next one gets it.
            Assert.Equal(SendStatus.Queued, JournalKit.Run(session, journal, new[] { 2 }).Single().Status);
        }

        [Fact]
        public void A_journal_another_process_holds_is_in_use_by_another_run_which_to_wait_for()
        {
            using var folder = new TempFolder();
            var journal = folder.File("held-elsewhere.journal");
            using var session = Sandbox();
            JournalKit.Run(session, journal, new[] { 1 });
            // As another process's run holds it: the system's lock, taken by no send command of this process.
            using (new FileStream(journal, FileMode.Open, FileAccess.ReadWrite, OperatingSystem.IsWindows() ? FileShare.Read : FileShare.None))
            {
                var failure = Assert.Throws<SessionFailureException>(() => session.CreateDispatcher(new DispatchOptions { JournalPath = journal }, CancellationToken.None));

                Assert.Equal("JournalInUse", failure.ErrorId);
                Assert.Contains("in use by another send run", failure.Message);
                // The usual cause is a scheduled job started again while its last run still sends the same CSV: another
                // journal would send that CSV a second time, so the message must not offer one without saying so.
                Assert.Contains("run this again", failure.Message);
                Assert.Contains("sent a second time", failure.Message);
                Assert.DoesNotContain("this PowerShell process", failure.Message);
            }
        }

        private static string[] KeysOf(string journal) =>
            JournalKit.Lines(journal).Skip(1).SelectMany(l => JsonDocument.Parse(l).RootElement.GetProperty("k").EnumerateArray().Select(k => k.GetString()!)).ToArray();
    }
}
