using System.Collections.Generic;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using Xunit;
using static WebexConnect.Tests.Validation.ValidationAssert;

namespace WebexConnect.Tests.Validation
{
    /// <summary>SMS content: text or template, length, the encoding asked for, sender and links.</summary>
    public class SmsValidationTests
    {
        private static IReadOnlyList<ValidationProblem> Check(SmsMessage message) => MessageValidator.Validate(message, Now);

        [Fact]
        public void TextIsRequiredUnlessThereIsATemplate()
        {
            Assert.Equal("the SMS has no text: give -Text or a Text column, or a template (-TemplateId)", Single(Check(new SmsMessage { From = "ACME" }), "Text"));
            Valid(Check(new SmsMessage { From = "ACME", Template = new MessageTemplate { Id = "T1" } }));
        }

        [Fact]
        public void TextAndTemplateAreNeverTogether()
        {
            var message = Single(Check(new SmsMessage { From = "ACME", Text = "Hi", Template = new MessageTemplate { Id = "T1" } }), "Text");
            Assert.Contains("not both", message);
        }

        [Fact]
        public void TextIsAtMost4000Characters()
        {
            Valid(Check(new SmsMessage { From = "ACME", Text = new string('a', 4000) }));
            Assert.Equal("has 4001 characters: at most 4000 are allowed",
                Single(Check(new SmsMessage { From = "ACME", Text = new string('a', 4001) }), "Text"));
        }

        [Fact]
        public void TextEncodingWithNonGsmCharactersListsThem()
        {
            var message = Single(Check(new SmsMessage { From = "ACME", Text = "Merci ça coûte 5€ 😀 ç", Encoding = SmsEncoding.Text }), "Text");

            Assert.Contains("'ç' 'û' '😀'", message);
            Assert.DoesNotContain("'€'", message);
            Assert.Contains("Auto or Unicode", message);
        }

        [Theory]
        [InlineData(SmsEncoding.Auto)]
        [InlineData(SmsEncoding.Unicode)]
        public void NonGsmCharactersAreFineWhenUnicodeIsAllowed(SmsEncoding encoding) =>
            Valid(Check(new SmsMessage { From = "ACME", Text = "ça coûte 😀", Encoding = encoding }));

        [Fact]
        public void GsmTextWithTextEncodingIsValid() =>
            Valid(Check(new SmsMessage { From = "ACME", Text = "Ça coute 5€? {ok} ~ Zürich", Encoding = SmsEncoding.Text }));

        [Fact]
        public void ALongCodeSenderIsWrittenWithoutPlus()
        {
            Valid(Check(new SmsMessage { From = "447700900123", Text = "Hi" }));
            Assert.Contains("digits only", Single(Check(new SmsMessage { From = "+447700900123", Text = "Hi" }), "From"));
        }

        [Fact]
        public void ShortenLinksNeedsADomain()
        {
            Valid(Check(new SmsMessage { From = "ACME", Text = "https://x.example/a", ShortenLinks = true, Domain = "acme.link" }));
            Single(Check(new SmsMessage { From = "ACME", Text = "https://x.example/a", ShortenLinks = true }), "Domain");
        }
    }
}
