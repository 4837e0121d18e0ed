using System;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using Xunit;

namespace WebexConnect.Tests.BadInput
{
    /// <summary>Messages the corpus run found correct but misleading, pinned now that the validator says what the user sees.</summary>
    public sealed class ValidatorFindingsTests
    {
        [Fact]
        public void Full_width_digits_are_named_as_such_not_counted_as_no_digits()
        {
            // As pasted from some Asian-locale spreadsheets: the user sees 12 digits.
            var problems = MessageValidator.ValidateRecipient(MessageChannel.Sms, new Recipient("+\uFF14\uFF14\uFF17\uFF17\uFF10\uFF10\uFF19\uFF10\uFF10\uFF11\uFF12\uFF13"));
            var message = Assert.Single(problems).Message;
            Assert.DoesNotContain("0 digits", message, StringComparison.Ordinal);
            Assert.Contains("not plain ASCII digits (0-9)", message, StringComparison.Ordinal);
            // No guess built from the 0-9 digits alone: there are none.
            Assert.EndsWith("(e.g. +447700900123)", message, StringComparison.Ordinal);
        }

        [Fact]
        public void Arabic_indic_digits_mixed_with_ascii_ones_are_named_and_not_miscounted()
        {
            var message = Assert.Single(MessageValidator.ValidateRecipient(MessageChannel.Sms, new Recipient("+4477009001\u0662\u0663"))).Message;
            Assert.Contains("not plain ASCII digits (0-9)", message, StringComparison.Ordinal);
            Assert.DoesNotContain("digit,", message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(MessageChannel.Sms, "an SMS receipt")]
        [InlineData(MessageChannel.Email, "an email receipt")]
        [InlineData(MessageChannel.Rcs, "an RCS receipt")]
        public void An_unknown_receipt_is_named_with_the_right_article(MessageChannel channel, string expected)
        {
            ConnectMessage message = channel switch
            {
                MessageChannel.Sms => new SmsMessage { From = "ConnectCo", Text = "Hi", RequestedReceipts = new[] { "nope" } },
                MessageChannel.Email => new EmailMessage { From = "news@mail.example.com", Subject = "S", Text = "T", RequestedReceipts = new[] { "nope" } },
                _ => new RcsMessage { From = "app", Text = "Hi", RequestedReceipts = new[] { "nope" } },
            };
            var problem = Assert.Single(MessageValidator.Validate(message, BadInputCorpus.Now));
            Assert.StartsWith("'nope' is not " + expected + ": use ", problem.Message, StringComparison.Ordinal);
        }
    }
}
