using System;
using System.Linq;
using WebexConnect.Composition;
using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    public class OverlappingCopiesTests
    {
        private static EmailMessage Email(string[] cc, string[] bcc) => new EmailMessage
        {
            From = "it@example.com",
            Subject = "S",
            Text = "Hi",
            Html = "<p>Hi</p>",
            ReplyTo = "help@example.com",
            FromName = "IT",
            TrackOpens = true,
            MultipleToRecipients = true,
            ListUnsubscribeUrl = "https://example.com/u",
            Cc = cc,
            Bcc = bcc,
        };

        [Fact]
        public void The_rows_own_address_leaves_its_copies_and_a_cc_address_leaves_its_bcc()
        {
            var copies = new OverlappingCopies();
            var sent = (EmailMessage)copies.For(Email(new[] { "Ann@example.com", "boss@example.com" }, new[] { "ann@example.com", "BOSS@example.com", "audit@example.com" }),
                new[] { "ann@example.com" }, 1, preview: false, out var note);

            Assert.Equal(new[] { "boss@example.com" }, sent.Cc);
            Assert.Equal(new[] { "audit@example.com" }, sent.Bcc);
            Assert.Equal("'Ann@example.com' is in To and Cc, and goes in To only; 'ann@example.com' is in To and Bcc, and goes in To only; " +
                "'BOSS@example.com' is in Cc and Bcc, and goes in Cc only", note);
        }

        [Fact]
        public void A_row_without_repeats_keeps_its_message_and_is_not_counted()
        {
            var copies = new OverlappingCopies();
            var email = Email(new[] { "boss@example.com" }, new[] { "audit@example.com" });

            Assert.Same(email, copies.For(email, new[] { "ann@example.com" }, 1, preview: false, out var note));
            Assert.Null(note);
            copies.Done(1, went: true);
            Assert.Equal(0, copies.Rows);
            Assert.Null(copies.Warning(preview: false));
        }

        [Fact]
        public void The_email_with_fewer_copies_keeps_everything_else()
        {
            var email = Email(new[] { "ann@example.com" }, Array.Empty<string>());
            var sent = (EmailMessage)new OverlappingCopies().For(email, new[] { "ann@example.com" }, 1, preview: false, out _);

            Assert.Empty(sent.Cc);
            foreach (var property in typeof(EmailMessage).GetProperties().Where(p => p.Name is not nameof(EmailMessage.Cc)))
                Assert.Equal(property.GetValue(email), property.GetValue(sent));
        }

        [Fact]
        public void A_row_asked_about_again_is_counted_and_noted_once()
        {
            var copies = new OverlappingCopies();
            var email = Email(new[] { "ann@example.com" }, Array.Empty<string>());
            var first = copies.For(email, new[] { "ann@example.com" }, 4, preview: false, out var note);
            var again = copies.For(email, new[] { "ann@example.com" }, 4, preview: false, out var noteAgain);

            Assert.Same(first, again);
            Assert.NotNull(note);
            Assert.Null(noteAgain);
            copies.Done(4, went: true);
            Assert.Equal(1, copies.Rows);
            Assert.StartsWith("Row 4 gave an address in more than one of To, Cc and Bcc", copies.Warning(preview: false));
        }

        [Fact]
        public void Rows_whose_copies_come_out_the_same_share_one_message()
        {
            // The same shape either way; one object spares the dispatcher a JSON rendering per row.
            var copies = new OverlappingCopies();
            var email = Email(new[] { "boss@example.com" }, new[] { "boss@example.com" });

            Assert.Same(copies.For(email, new[] { "ann@example.com" }, 1, preview: false, out _), copies.For(email, new[] { "bob@example.com" }, 2, preview: false, out _));
        }

        [Fact]
        public void The_warning_counts_the_rows_names_the_first_and_the_first_rows_numbers()
        {
            var copies = new OverlappingCopies();
            var email = Email(new[] { "boss@example.com" }, Array.Empty<string>());
            foreach (var row in new long[] { 3, 5, 8, 9, 10, 11, 12 })
            {
                copies.For(email, new[] { "boss@example.com" }, row, preview: false, out _);
                copies.Done(row, went: true);
            }

            Assert.Equal("7 rows (rows 3, 5, 8, 9, 10 and 2 more) gave an address in more than one of To, Cc and Bcc, so each such address " +
                "goes once, in the first of them that has it: the service delivers and bills every copy it is given. In row 3, " +
                "'boss@example.com' is in To and Cc, and goes in To only. A row whose copies lose an address may go in a request of its own; " +
                "-Verbose names each row's.", copies.Warning(preview: false));
        }

        [Fact]
        public void Only_the_rows_whose_email_went_are_counted_and_a_preview_says_would()
        {
            // A re-run whose rows the journal skips, or a row declined at -Confirm, sent nothing twice: no "sent once" for it.
            var copies = new OverlappingCopies();
            var email = Email(new[] { "boss@example.com" }, Array.Empty<string>());
            copies.For(email, new[] { "boss@example.com" }, 1, preview: false, out _);
            copies.For(email, new[] { "boss@example.com" }, 2, preview: false, out _);
            copies.Done(1, went: false);

            Assert.Equal(0, copies.Rows);
            Assert.Null(copies.Warning(preview: false));

            copies.Done(2, went: true);
            copies.Done(2, went: true); // said once per row, however often the row is reported
            Assert.Equal(1, copies.Rows);
            Assert.StartsWith("Row 2 gave an address in more than one of To, Cc and Bcc, so each such address would go once, in the first",
                copies.Warning(preview: true));
        }

        [Fact]
        public void A_preview_says_where_a_dropped_copy_would_go_in_the_rows_note_and_the_warnings_example()
        {
            // Before: -WhatIf -Verbose said "goes in To only", and the warning's example said so too, of an email that went nowhere.
            var copies = new OverlappingCopies();
            var email = Email(new[] { "boss@example.com" }, new[] { "BOSS@example.com" });

            copies.For(email, new[] { "boss@example.com" }, 1, preview: true, out var note);
            copies.Done(1, went: true);

            Assert.Equal("'boss@example.com' is in To and Cc, and would go in To only; 'BOSS@example.com' is in To and Bcc, and would go in To only", note);
            Assert.Contains("would go once", copies.Warning(preview: true));
            Assert.DoesNotContain(" goes ", copies.Warning(preview: true));
        }
}
}
