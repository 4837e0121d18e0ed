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
    /// sent, and counted in one warning a run (a person's second, different message is often meant: a loop's second
    /// appointment, a repeat customer's second order); Skipped (JournalChanged) only with -SkipChanged. The journal records
    /// destinations only as keyed hashes, in a member older versions pass over.
    /// </summary>
    public sealed class JournalChangedContentTests
    {
        private static readonly SmsMessage Corrected = new SmsMessage { From = "ACME", Text = "Hi $(Name), order $(Order) has shipped." };

        private static (List<SendResult> Results, List<string> Warnings, List<string> Verbose) Run(ScriptedTransport transport, string journal,
            IEnumerable<int> rows, ConnectMessage? message = null, bool skipChanged = false, System.Func<int, Recipient>? person = null)
        {
            using var dispatcher = JournalKit.OverFake(transport, journal, skipChanged: skipChanged);
            var results = new List<SendResult>();
            foreach (var i in rows)
            {
                dispatcher.Add(new DispatchItem(message ?? JournalKit.Greeting, (person ?? JournalKit.Person)(i), inputObject: i) { Row = i });
                results.AddRange(dispatcher.TakeReady());
            }

            results.AddRange(dispatcher.Complete());
            var diagnostics = dispatcher.TakeDiagnostics();
            return (results,
                diagnostics.Where(d => d.Level == DiagnosticLevel.Warning).Select(d => d.Message).ToList(),
                diagnostics.Where(d => d.Level == DiagnosticLevel.Verbose).Select(d => d.Message).ToList());
        }

        [Fact]
        public void A_shared_text_fixed_half_way_sends_every_row_and_warns_once_of_those_that_had_the_old_one()
        {
            using var folder = new TempFolder();
            var journal = folder.File("half.journal");
            var transport = new ScriptedTransport(_ => SendStatus.Queued);
            Run(transport, journal, JournalKit.Rows(1, 5));

            var (results, warnings, _) = Run(transport, journal, JournalKit.Rows(1, 10), Corrected);

            Assert.All(results, r => Assert.Equal(SendStatus.Queued, r.Status));
            Assert.Equal(15, transport.Sent);
            var warning = Assert.Single(warnings);
            Assert.Equal("5 rows (rows 1, 2, 3, ...) got a second, different message: this journal sent those people other content before. " +
                         "-SkipChanged holds them back.", warning);
            // Two lines at 80 columns, after "WARNING: ".
            Assert.True(("WARNING: " + warning).Length <= 160, warning);
        }

        [Fact]
        public void SkipChanged_holds_them_back_as_JournalChanged_and_a_run_without_it_then_sends_them()
        {
            using var folder = new TempFolder();
            var journal = folder.File("skip.journal");
            var transport = new ScriptedTransport(_ => SendStatus.Queued);
            Run(transport, journal, JournalKit.Rows(1, 3));

            var (held, warnings, _) = Run(transport, journal, JournalKit.Rows(1, 3), Corrected, skipChanged: true);
            Assert.All(held, r => Assert.Equal((SendStatus.Skipped, DispatchOptions.ChangedContentCode), (r.Status, r.Code)));
            Assert.All(held, r => Assert.True(r.IsSuccess));
            Assert.Contains("-SkipChanged", held[0].Reason);
            Assert.StartsWith("3 rows (rows 1, 2, 3) were held back (Skipped, -SkipChanged)", Assert.Single(warnings));
            Assert.Equal(3, transport.Sent);

            // Held back, not recorded as sent: the same command without the switch sends them, and the one after skips them.
            var (sent, sentWarnings, _) = Run(transport, journal, JournalKit.Rows(1, 3), Corrected);
            Assert.All(sent, r => Assert.Equal(SendStatus.Queued, r.Status));
            Assert.StartsWith("3 rows (rows 1, 2, 3) got a second, different message", Assert.Single(sentWarnings));
            var (again, none, _) = Run(transport, journal, JournalKit.Rows(1, 3), Corrected);
            Assert.All(again, r => Assert.Equal((SendStatus.Skipped, "Journal"), (r.Status, r.Code)));
            Assert.Empty(none);
            Assert.Equal(6, transport.Sent);
        }

        [Fact]
        public void A_rerun_after_a_crash_sends_a_repeat_customers_second_order_that_never_went()
        {
            // Rows 1 and 2 are one person's orders 123 and 456; the first run ended after row 1. Before, the rerun held back
            // order 456 (JournalChanged, IsSuccess true), a message meant to go that never went.
            using var folder = new TempFolder();
            var journal = folder.File("orders.journal");
            var transport = new ScriptedTransport(_ => SendStatus.Queued);
            Recipient Order(int row) => new Recipient(JournalKit.Number(1), "row-" + row,
                new Dictionary<string, string> { ["Name"] = "Ann", ["Order"] = row == 1 ? "123" : "456" });
            Run(transport, journal, new[] { 1 }, person: Order);

            var (rerun, warnings, _) = Run(transport, journal, new[] { 1, 2 }, person: Order);

            Assert.Equal(new[] { SendStatus.Skipped, SendStatus.Queued }, rerun.Select(r => r.Status));
            Assert.Equal("Journal", rerun[0].Code);
            Assert.Equal(new[] { 1, 2 }, transport.SentRows);
            Assert.StartsWith("1 row (row 2) got a second, different message", Assert.Single(warnings));
        }

        [Fact]
        public void A_destination_whose_earlier_send_failed_was_never_reached_and_is_not_counted()
        {
            using var folder = new TempFolder();
            var journal = folder.File("failed.journal");
            Run(new ScriptedTransport(row => row == 2 ? SendStatus.Failed : SendStatus.Queued), journal, JournalKit.Rows(1, 2));

            var transport = new ScriptedTransport(_ => SendStatus.Queued);
            var (results, warnings, _) = Run(transport, journal, JournalKit.Rows(1, 2), Corrected, skipChanged: true);

            Assert.Equal(new[] { SendStatus.Skipped, SendStatus.Queued }, results.Select(r => r.Status));
            Assert.Equal(new[] { 2 }, transport.SentRows);
            Assert.StartsWith("1 row (row 1) was held back", Assert.Single(warnings));
        }

        [Fact]
        public void One_row_calls_of_a_loop_to_one_destination_with_other_texts_send_both_and_the_second_warns_once()
        {
            // Each call is a run of its own, so the journal cannot tell a person's second message (a second appointment)
            // from a corrected first one: it sends it, and that call warns once; with -SkipChanged it is held back.
            using var folder = new TempFolder();
            var journal = folder.File("loop.journal");
            var transport = new ScriptedTransport(_ => SendStatus.Queued);
            var (first, firstWarnings, _) = Run(transport, journal, new[] { 1 });
            var (second, warnings, _) = Run(transport, journal, new[] { 1 }, Corrected);

            Assert.Equal(SendStatus.Queued, Assert.Single(first).Status);
            Assert.Empty(firstWarnings);
            Assert.Equal(SendStatus.Queued, Assert.Single(second).Status);
            Assert.Equal("This row got a second, different message: this journal sent that person other content before. " +
                         "-SkipChanged holds it back.", Assert.Single(warnings));
            Assert.Equal(2, transport.Sent);

            var third = new SmsMessage { From = "ACME", Text = "Hi $(Name), your visit is on Friday." };
            var (held, _, _) = Run(transport, journal, new[] { 1 }, third, skipChanged: true);
            Assert.Equal(SendStatus.Skipped, Assert.Single(held).Status);
            Assert.Contains("foreach loop", held[0].Reason);
            Assert.Equal(2, transport.Sent);
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
            Assert.DoesNotContain(warnings, w => w.Contains("-SkipChanged"));
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
