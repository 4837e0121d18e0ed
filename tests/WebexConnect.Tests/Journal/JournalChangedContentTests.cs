using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using WebexConnect.Engine.Journal;
using WebexConnect.Engine.Payload;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.Journal
{
    /// <summary>
    /// A row the journal does not hold, to a destination an earlier run sent other content (a text corrected after it went):
    /// Skipped (JournalChanged) unless -ResendChanged, said in one warning a run, and the journal records destinations only
    /// as keyed hashes, in a member older versions pass over.
    /// </summary>
    public sealed class JournalChangedContentTests
    {
        private static readonly SmsMessage Corrected = new SmsMessage { From = "ACME", Text = "Hi $(Name), order $(Order) has shipped." };

        private static (List<SendResult> Results, List<string> Warnings, List<string> Verbose) Run(ScriptedTransport transport, string journal,
            IEnumerable<int> rows, ConnectMessage? message = null, bool resendChanged = false)
        {
            using var dispatcher = JournalKit.OverFake(transport, journal, resendChanged: resendChanged);
            var results = new List<SendResult>();
            foreach (var i in rows)
            {
                dispatcher.Add(new DispatchItem(message ?? JournalKit.Greeting, JournalKit.Person(i), inputObject: i) { Row = i });
                results.AddRange(dispatcher.TakeReady());
            }

            results.AddRange(dispatcher.Complete());
            var diagnostics = dispatcher.TakeDiagnostics();
            return (results,
                diagnostics.Where(d => d.Level == DiagnosticLevel.Warning).Select(d => d.Message).ToList(),
                diagnostics.Where(d => d.Level == DiagnosticLevel.Verbose).Select(d => d.Message).ToList());
        }

        [Fact]
        public void A_shared_text_fixed_half_way_sends_the_rest_and_holds_back_the_rows_that_went_with_one_warning()
        {
            using var folder = new TempFolder();
            var journal = folder.File("half.journal");
            var transport = new ScriptedTransport(_ => SendStatus.Queued);
            Run(transport, journal, JournalKit.Rows(1, 5));

            var (results, warnings, _) = Run(transport, journal, JournalKit.Rows(1, 10), Corrected);

            Assert.Equal(Enumerable.Repeat(SendStatus.Skipped, 5).Concat(Enumerable.Repeat(SendStatus.Queued, 5)), results.Select(r => r.Status));
            Assert.All(results.Take(5), r => Assert.Equal(DispatchOptions.ChangedContentCode, r.Code));
            Assert.Contains("-ResendChanged", results[0].Reason);
            Assert.Equal(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, transport.SentRows);
            var warning = Assert.Single(warnings);
            Assert.StartsWith("5 rows (rows 1, 2, 3, 4, 5) Skipped, not sent:", warning);
            Assert.Contains("-ResendChanged", warning);
        }

        [Fact]
        public void ResendChanged_sends_them_says_so_and_the_next_run_skips_them_as_sent()
        {
            using var folder = new TempFolder();
            var journal = folder.File("resend.journal");
            var transport = new ScriptedTransport(_ => SendStatus.Queued);
            Run(transport, journal, JournalKit.Rows(1, 3));

            var (resent, warnings, _) = Run(transport, journal, JournalKit.Rows(1, 3), Corrected, resendChanged: true);
            Assert.All(resent, r => Assert.Equal(SendStatus.Queued, r.Status));
            Assert.StartsWith("3 rows (rows 1, 2, 3) were sent (-ResendChanged)", Assert.Single(warnings));

            var (again, none, _) = Run(transport, journal, JournalKit.Rows(1, 3), Corrected);
            Assert.All(again, r => Assert.Equal((SendStatus.Skipped, "Journal"), (r.Status, r.Code)));
            Assert.Empty(none);
            Assert.Equal(6, transport.Sent);
        }

        [Fact]
        public void A_destination_whose_earlier_send_failed_was_never_reached_and_gets_the_new_text()
        {
            using var folder = new TempFolder();
            var journal = folder.File("failed.journal");
            Run(new ScriptedTransport(row => row == 2 ? SendStatus.Failed : SendStatus.Queued), journal, JournalKit.Rows(1, 2));

            var transport = new ScriptedTransport(_ => SendStatus.Queued);
            var (results, _, _) = Run(transport, journal, JournalKit.Rows(1, 2), Corrected);

            Assert.Equal(new[] { SendStatus.Skipped, SendStatus.Queued }, results.Select(r => r.Status));
            Assert.Equal(new[] { 2 }, transport.SentRows);
        }

        [Fact]
        public void One_row_calls_of_a_loop_to_one_destination_with_other_texts_skip_the_second()
        {
            // What the about topic documents: each call is a run of its own, so the journal cannot tell a person's second row
            // from a corrected first one; the reason says both and names -ResendChanged.
            using var folder = new TempFolder();
            var journal = folder.File("loop.journal");
            var transport = new ScriptedTransport(_ => SendStatus.Queued);
            Run(transport, journal, new[] { 1 });
            var (second, _, _) = Run(transport, journal, new[] { 1 }, Corrected);

            Assert.Equal(SendStatus.Skipped, Assert.Single(second).Status);
            Assert.Contains("foreach loop", second[0].Reason);
            Assert.Equal(1, transport.Sent);
        }

        [Fact]
        public void A_journal_of_an_earlier_version_cannot_warn_sends_the_changed_rows_and_says_so_in_verbose()
        {
            using var folder = new TempFolder();
            var journal = folder.File("old.journal");
            Run(new ScriptedTransport(_ => SendStatus.Queued), journal, JournalKit.Rows(1, 3));
            // As a version before destinations were recorded wrote it: no "d" on any line.
            File.WriteAllLines(journal, File.ReadAllLines(journal).Select(l => Regex.Replace(l, ",\"d\":\\[[^\\]]*\\]", "")));

            var transport = new ScriptedTransport(_ => SendStatus.Queued);
            var (results, warnings, verbose) = Run(transport, journal, JournalKit.Rows(1, 3), Corrected);

            Assert.All(results, r => Assert.Equal(SendStatus.Queued, r.Status));
            Assert.Contains(verbose, v => v.Contains("written by an earlier version of WebexConnect, do not record to whom they sent"));
            Assert.DoesNotContain(warnings, w => w.Contains("-ResendChanged"));
        }

        [Fact]
        public void The_journal_names_destinations_by_keyed_hash_only_beside_the_keys_readers_already_know()
        {
            using var folder = new TempFolder();
            var journal = folder.File("private.journal");
            Run(new ScriptedTransport(_ => SendStatus.Queued), journal, JournalKit.Rows(1, 2));

            var text = File.ReadAllText(journal);
            Assert.DoesNotContain("770090", text);
            foreach (var line in File.ReadAllLines(journal).Skip(1))
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                // The members an earlier version reads are as they were; "d" is one more, which it passes over.
                Assert.Equal(JsonValueKind.Array, root.GetProperty("k").ValueKind);
                var destinations = root.GetProperty("d").EnumerateArray().Select(d => d.GetString()).ToList();
                Assert.Equal(2, destinations.Distinct().Count());
                Assert.All(destinations, d => Assert.Matches("^[0-9a-f]{32}$", d));
                Assert.Empty(destinations.Intersect(root.GetProperty("k").EnumerateArray().Select(k => k.GetString())));
            }
        }

        [Fact]
        public void A_destination_key_depends_on_the_journal_salt_and_the_channel_not_on_the_text()
        {
            var recipient = JournalKit.Person(1);
            using var one = new JournalKeyMaker(new byte[] { 1, 2, 3 });
            using var other = new JournalKeyMaker(new byte[] { 3, 2, 1 });
            var greeting = MessageShape.Of(JournalKit.Greeting);
            Assert.Equal(one.ForDestination(greeting, recipient), one.ForDestination(MessageShape.Of(Corrected), recipient));
            Assert.NotEqual(one.ForDestination(greeting, recipient), other.ForDestination(greeting, recipient));
            Assert.NotEqual(one.ForDestination(greeting, recipient), one.ForDestination(greeting, JournalKit.Person(2)));
            var rcs = MessageShape.Of(new RcsMessage { From = "ACME", Text = "Hi" });
            Assert.NotEqual(one.ForDestination(greeting, recipient), one.ForDestination(rcs, recipient));
        }
    }
}
