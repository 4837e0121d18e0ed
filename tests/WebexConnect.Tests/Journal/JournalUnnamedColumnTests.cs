using System.Collections.Generic;
using System.Linq;
using WebexConnect.Engine.Journal;
using WebexConnect.Engine.Payload;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.Journal
{
    /// <summary>
    /// A column the message does not name is no part of its send: one CSV sent as SMS and as email, with row 10's empty
    /// Phone corrected between two runs, sent user10 the same email twice and warned that the row got "a second, different
    /// message". Journals earlier versions wrote, which hashed every column, still name what they sent.
    /// </summary>
    public class JournalUnnamedColumnTests
    {
        private static readonly EmailMessage OrderEmail = new EmailMessage { From = "shop@example.com", Subject = "Order $(Order)", Text = "Hi $(Name)" };

        private static Recipient User(int i, string phone, string? id = null)
        {
            var values = new Dictionary<string, string> { ["Phone"] = phone, ["Name"] = "User" + i, ["Order"] = "A" + i };
            if (id is not null) values["Id"] = id;
            return new Recipient($"user{i}@example.com", "row-" + i, values);
        }

        private static List<SendResult> Send(string journal, ScriptedTransport transport, IEnumerable<Recipient> rows)
        {
            var results = new List<SendResult>();
            using var dispatcher = JournalKit.OverFake(transport, journal);
            var row = 0;
            foreach (var recipient in rows)
            {
                row++;
                dispatcher.Add(new DispatchItem(OrderEmail, recipient, inputObject: row) { Row = row });
                results.AddRange(dispatcher.TakeReady());
            }
            results.AddRange(dispatcher.Complete());
            return results;
        }

        [Fact]
        public void Correcting_a_column_the_email_does_not_name_skips_the_email_on_the_rerun()
        {
            using var folder = new TempFolder();
            var journal = folder.File("email.journal");
            var first = new ScriptedTransport(_ => SendStatus.Queued);
            Send(journal, first, new[] { User(9, "+447700900009"), User(10, "") });
            Assert.Equal(2, first.Sent);

            // The admin fills in row 10's Phone and runs the email command again with its journal.
            var again = new ScriptedTransport(_ => SendStatus.Queued);
            var second = Send(journal, again, new[] { User(9, "+447700900009"), User(10, "+447700900010") });

            Assert.Equal(0, again.Sent);
            Assert.All(second, r => Assert.Equal(SendStatus.Skipped, r.Status));
            // And nothing says the row got other content: it did not.
            using var run = new JournalRun(journal, resendUnknown: false);
            var shape = MessageShape.Of(OrderEmail);
            var item = new DispatchItem(OrderEmail, User(10, "+447700900010"), inputObject: 10) { Row = 10 };
            Assert.Equal(SendStatus.Skipped, run.Admit(item, shape, out _, out _)?.Status);
            Assert.Null(run.ChangedWarning());
            Assert.Equal((1L, 1L), run.Matches);
        }

        [Fact]
        public void A_journal_an_earlier_version_wrote_with_every_column_still_skips_its_rows()
        {
            using var folder = new TempFolder();
            var journal = folder.File("before.journal");
            // Rows 1 and 2 differ in their Id only, which the email does not name: to earlier versions two first sends, each
            // with its own key; here two repeats of one send, whose second is still the second row those versions sent.
            var rows = new[] { User(1, "+447700900001", id: "1"), User(1, "+447700900001", id: "2"), User(3, "") };
            var shape = MessageShape.Of(OrderEmail);
            using (var earlier = SendJournal.Open(journal))
            using (var keys = new JournalKeyMaker(earlier.Salt))
                earlier.Record(JournalState.Queued, rows.Select(r => keys.WithEveryColumn(shape, r, 1)).ToList());

            var again = new ScriptedTransport(_ => SendStatus.Queued);
            var second = Send(journal, again, rows);

            Assert.Equal(0, again.Sent);
            Assert.Equal(new[] { SendStatus.Skipped, SendStatus.Skipped, SendStatus.Skipped }, second.Select(r => r.Status));
        }

        [Fact]
        public void A_template_email_still_sends_a_row_whose_column_changed()
        {
            // Its text is in Webex Connect and may name the corrected column: the module cannot tell, so the row is new.
            using var folder = new TempFolder();
            var journal = folder.File("template.journal");
            var template = new EmailMessage { From = "shop@example.com", Template = new MessageTemplate { Id = "order-shipped" } };
            var first = new ScriptedTransport(_ => SendStatus.Queued);
            using (var dispatcher = JournalKit.OverFake(first, journal))
            {
                dispatcher.Add(new DispatchItem(template, User(10, ""), inputObject: 1) { Row = 1 });
                Assert.Equal(SendStatus.Queued, Assert.Single(dispatcher.Complete()).Status);
            }

            var again = new ScriptedTransport(_ => SendStatus.Queued);
            List<SendResult> second;
            using (var dispatcher = JournalKit.OverFake(again, journal))
            {
                dispatcher.Add(new DispatchItem(template, User(10, "+447700900010"), inputObject: 1) { Row = 1 });
                second = dispatcher.Complete().ToList();
            }

            Assert.Equal(SendStatus.Queued, Assert.Single(second).Status);
            Assert.Equal(1, again.Sent);
        }
    }
}
