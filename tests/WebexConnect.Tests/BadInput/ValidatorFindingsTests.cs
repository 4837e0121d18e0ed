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
        public void Full_width_digits_are_named_as_such_and_shown_as_plain_digits_to_copy()
        {
            // As pasted from some Asian-locale spreadsheets: the user sees 12 digits. Before, the example was the generic
            // +447700900123, not this number: the admin had to retype it.
            var problems = MessageValidator.ValidateRecipient(MessageChannel.Sms, new Recipient("\uFF0B\uFF14\uFF14\uFF17\uFF17\uFF10\uFF10\uFF19\uFF10\uFF10\uFF14\uFF15\uFF16"));
            var message = Assert.Single(problems).Message;
            Assert.DoesNotContain("0 digits", message, StringComparison.Ordinal);
            Assert.Contains("not plain ASCII digits (0-9)", message, StringComparison.Ordinal);
            Assert.EndsWith("(e.g. +447700900456)", message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("+\u0664\u0664\u0667\u0667\u0660\u0660\u0669\u0660\u0660\u0664\u0665\u0666")] // Arabic-Indic
        [InlineData("+\u06F4\u06F4\u06F7\u06F7\u06F0\u06F0\u06F9\u06F0\u06F0\u06F4\u06F5\u06F6")] // Persian
        [InlineData("+4477009004\u0665\u0666")] // mixed with ASCII digits
        public void Other_script_digits_are_refused_with_the_number_in_plain_digits_as_the_example(string number)
        {
            var message = Assert.Single(MessageValidator.ValidateRecipient(MessageChannel.Sms, new Recipient(number))).Message;
            Assert.Contains("not plain ASCII digits (0-9)", message, StringComparison.Ordinal);
            Assert.EndsWith("(e.g. +447700900456)", message, StringComparison.Ordinal);
        }

        [Fact]
        public void Other_script_digits_too_many_for_a_number_are_counted_and_get_no_guess()
        {
            var message = Assert.Single(MessageValidator.ValidateRecipient(MessageChannel.Sms,
                new Recipient("+" + new string('\u0664', 16)))).Message;
            Assert.Contains("it has 16 digits, more than 15", message, StringComparison.Ordinal);
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
