using System;
using WebexConnect.Messages;
using WebexConnect.Receipts;
using Xunit;

namespace WebexConnect.Tests.Receipts
{
    /// <summary>What a send's requestedReceipts lets the service post, as Wait-ConnectDelivery reads it.</summary>
    public class ReceiptFiltersTests
    {
        private static EmailMessage Email(string? html, params string[] receipts) =>
            new EmailMessage { From = "it@example.com", Subject = "S", Text = "T", Html = html, RequestedReceipts = receipts };

        [Theory]
        // No filter: every receipt the channel (and, for email, the app) sends.
        [InlineData(null, new string[0], "Any")]
        [InlineData(null, new[] { "submitted", "delivered" }, "Any")]
        // Submitted alone: nothing comes after it, whatever the email app.
        [InlineData(null, new[] { "submitted" }, "SubmittedOnly")]
        // A text email gets no read or clicked receipt (API.md), so asking for them besides Submitted asks for nothing later.
        [InlineData(null, new[] { "submitted", "read", "clicked" }, "SubmittedOnly")]
        [InlineData("<p>T</p>", new[] { "submitted", "read" }, "Any")]
        // Only receipts after Submitted: an SMTP email app, which sends Submitted alone, sends none of them.
        [InlineData(null, new[] { "delivered", "bounced" }, "NoSubmitted")]
        // Read and clicked alone on a text email: nothing is posted at all, whatever the app.
        [InlineData(null, new[] { "read", "clicked" }, "Nothing")]
        [InlineData("<p>T</p>", new[] { "read", "clicked" }, "NoSubmitted")]
        public void AnEmailsRequestedReceiptsSayWhatCanCome(string? html, string[] receipts, string expected) =>
            Assert.Equal(expected, ReceiptFilters.Of(Email(html, receipts)).ToString());

        [Theory]
        // A results file's RequestedReceipts cell, as Export-Csv wrote the send result's: the same filter as the send's, so
        // Import-Csv results.csv | Wait-ConnectDelivery stops at Submitted as the send's own results do.
        [InlineData(new[] { "submitted" }, "submitted", "SubmittedOnly")]
        [InlineData(new[] { "read", "clicked" }, "read, clicked", "NoSubmitted")]
        [InlineData(new[] { "submitted", "not verified" }, "submitted, not verified", "Any")]
        [InlineData(new string[0], null, "Any")]
        public void TheTextOfAnEmailsRequestedReceiptsReadsBackAsTheSameFilter(string[] receipts, string? text, string expected)
        {
            var message = Email("<p>T</p>", receipts);
            Assert.Equal(text, ReceiptFilters.Text(message));
            Assert.Equal(expected, ReceiptFilters.Of(ReceiptFilters.Text(message)).ToString());
            Assert.Equal(ReceiptFilters.Of(message), ReceiptFilters.Of(ReceiptFilters.Text(message)));
        }

        [Theory]
        // A text email's read and clicked never come, and its results file says so in the cell: read back, the filter is the
        // send's. Before, the cell was "read" and the file's row waited -Timeout for a read receipt the send's own result did not.
        [InlineData(new[] { "read" }, "read (never for a text email)", "Nothing")]
        [InlineData(new[] { "submitted", "clicked" }, "submitted, clicked (never for a text email)", "SubmittedOnly")]
        [InlineData(new[] { "delivered", "read" }, "delivered, read (never for a text email)", "NoSubmitted")]
        [InlineData(new[] { "submitted" }, "submitted", "SubmittedOnly")]
        public void TheTextOfATextEmailsRequestedReceiptsSaysWhichNeverCome_AndReadsBackAsTheSameFilter(string[] receipts, string text, string expected)
        {
            var message = Email(null, receipts);
            Assert.Equal(text, ReceiptFilters.Text(message));
            Assert.Equal(expected, ReceiptFilters.Of(ReceiptFilters.Text(message)).ToString());
            Assert.Equal(ReceiptFilters.Of(message), ReceiptFilters.Of(ReceiptFilters.Text(message)));
        }

        [Fact]
        public void RowsOfOneMessage_WithAndWithoutHtml_EachGetTheirOwnText()
        {
            // One -RequestedReceipt list, shared by the rows of a run, some of which have an Html column filled.
            var receipts = new[] { "read" };
            var html = new EmailMessage { From = "it@example.com", Subject = "S", Text = "T", Html = "<p>T</p>", RequestedReceipts = receipts };
            var text = new EmailMessage { From = "it@example.com", Subject = "S", Text = "T", RequestedReceipts = receipts };

            Assert.Equal("read", ReceiptFilters.Text(html));
            Assert.Equal("read (never for a text email)", ReceiptFilters.Text(text));
            Assert.Equal("read", ReceiptFilters.Text(html));
        }

        [Fact]
        public void AnSmsAskingForSentAloneEndsAtSubmittedAsOneAskingForSubmitted()
        {
            Assert.Equal(ReceiptFilter.SubmittedOnly, ReceiptFilters.Of(new SmsMessage { From = "ACME", Text = "Hi", RequestedReceipts = new[] { "SENT" } }));
            Assert.Equal(ReceiptFilter.Any, ReceiptFilters.Of(new SmsMessage { From = "ACME", Text = "Hi", RequestedReceipts = new[] { "SUBMITTED", "DELIVERED" } }));
        }
    }
}
