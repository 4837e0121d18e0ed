using System;
using System.Linq;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using Xunit;
using static WebexConnect.Tests.Validation.ValidationAssert;

namespace WebexConnect.Tests.Validation
{
    /// <summary>A user fixes a message in one go: every broken rule is reported, not just the first.</summary>
    public class AllProblemsAtOnceTests
    {
        [Fact]
        public void AMessageWithFiveProblemsGetsFiveEntries()
        {
            var message = new SmsMessage
            {
                From = "",                                   // 1
                Text = "Merci ça",                           // 2: Text encoding cannot carry ç
                Encoding = SmsEncoding.Text,
                SendAt = Now.AddDays(-1),                    // 3
                CallbackData = new string('x', 2001),        // 4
                NotifyUrl = "http://hooks.example.com/x",    // 5
            };

            var problems = MessageValidator.Validate(message, Now);

            Assert.Equal(new[] { "From", "SendAt", "CallbackData", "NotifyUrl", "Text" }, problems.Select(p => p.Field));
            Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
        }

        [Fact]
        public void ARecipientReportsEveryBadAddressAndItsCorrelationId()
        {
            var recipient = new Recipient(new[] { "+447700900001", "7700", "+44 7700 900003" }, new string('c', 51), gtrIds: new[] { "g" });

            var problems = MessageValidator.ValidateRecipient(MessageChannel.Sms, recipient);

            Assert.Equal(new[] { "To[1]", "To[2]", "CorrelationId", "GtrId" }, problems.Select(p => p.Field));
        }

        [Fact]
        public void AProblemReadsAsFieldThenRule()
        {
            var problem = MessageValidator.Validate(new SmsMessage { From = "ACME" }, Now).Single();
            Assert.Equal("Text: the SMS has no text: give -Text or a Text column, or a template (-TemplateId)", problem.ToString());
        }

        [Fact]
        public void ProblemsAreSnapshotsTheCallerCannotAlter()
        {
            var problems = MessageValidator.Validate(new SmsMessage { From = "ACME" }, Now);
            Assert.Throws<NotSupportedException>(() => ((System.Collections.Generic.IList<ValidationProblem>)problems).Add(problems[0]));
        }
    }
}
