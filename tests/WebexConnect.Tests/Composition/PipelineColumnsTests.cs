using System;
using System.Linq;
using WebexConnect.Commands;
using WebexConnect.Composition;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>The columns each send cmdlet consumes by name, which therefore never become substitutions.</summary>
    public class PipelineColumnsTests
    {
        [Theory]
        [InlineData(typeof(SendConnectSmsCommand), "CorrelationId Mobile MobileNumber MobilePhone Msisdn Number Phone PhoneNumber SendAt Text To")]
        [InlineData(typeof(SendConnectEmailCommand), "Attachment Attachments Bcc Cc CorrelationId Email EmailAddress Html Mail PrimarySmtpAddress ReplyTo SendAt Subject Text To WindowsEmailAddress")]
        // MediaUrl: a CSV of recipients each with their own image or boarding pass.
        [InlineData(typeof(SendConnectRcsCommand), "CorrelationId GtrId MediaContentUrl MediaUrl Mobile MobileNumber MobilePhone Msisdn Number Phone PhoneNumber SendAt Text To")]
        [InlineData(typeof(SendConnectMessageCommand), "CorrelationId Email EmailAddress Mail Mobile MobileNumber MobilePhone Msisdn Number Phone PhoneNumber SendAt To")]
        public void EachSendCmdletConsumesItsDestinationAliasesAndPerRowContent(Type cmdlet, string expected)
        {
            var columns = PipelineColumns.Of(cmdlet).OrderBy(c => c, StringComparer.Ordinal);

            Assert.Equal(expected, string.Join(" ", columns));
        }

        [Theory]
        [InlineData(typeof(SendConnectSmsCommand), "Template", "CorrelationId Mobile MobileNumber MobilePhone Msisdn Number Phone PhoneNumber SendAt To")]
        // Cc and Bcc are the request's in either set; ReplyTo is the content's, so with -TemplateId a ReplyTo column is a substitution.
        [InlineData(typeof(SendConnectEmailCommand), "Template", "Bcc Cc CorrelationId Email EmailAddress Mail PrimarySmtpAddress SendAt To WindowsEmailAddress")]
        [InlineData(typeof(SendConnectRcsCommand), "Card", "CorrelationId GtrId Mobile MobileNumber MobilePhone Msisdn Number Phone PhoneNumber SendAt To")]
        [InlineData(typeof(SendConnectRcsCommand), "Text", "CorrelationId GtrId MediaContentUrl MediaUrl Mobile MobileNumber MobilePhone Msisdn Number Phone PhoneNumber SendAt Text To")]
        public void AContentColumnIsConsumedOnlyInTheParameterSetWhereItBinds(Type cmdlet, string parameterSet, string expected)
        {
            // With -TemplateId (or an RCS card) a Text or Subject column sets nothing: it is a substitution like any other.
            var columns = PipelineColumns.Of(cmdlet, parameterSet).OrderBy(c => c, StringComparer.Ordinal);

            Assert.Equal(expected, string.Join(" ", columns));
        }

        [Fact]
        public void TheParametersNoColumnSetsAreThoseWithoutPipelineInputByPropertyNameInTheSet()
        {
            var sms = PipelineColumns.NotFromColumns(typeof(SendConnectSmsCommand), "Text");
            var template = PipelineColumns.NotFromColumns(typeof(SendConnectEmailCommand), "Template");

            Assert.Equal("ExpireAt", sms["expireat"]);
            foreach (var name in new[] { "Validity", "From", "CallbackData", "Encoding" }) Assert.Equal(name, sms[name]);
            // SendAt binds a column: appointment reminders, each row at its own time.
            foreach (var name in new[] { "To", "Phone", "Text", "CorrelationId", "InputObject", "SendAt" }) Assert.False(sms.ContainsKey(name), name);
            // Not a parameter of the template set, but one a column sets in the other: a Subject column there is simply a substitution.
            Assert.False(template.ContainsKey("Subject"));
            Assert.True(template.ContainsKey("TemplateSubject"));
        }

        [Fact]
        public void AnotherSetsParameterThatNoColumnSetsAnywhereIsOneToo()
        {
            // Before: beside -Text, a Card column of Send-ConnectRcs went out as a substitution without a word, and a TemplateId
            // column beside Send-ConnectSms -Text the same. (A MediaUrl column binds there since each row may have its own file.)
            var rcsText = PipelineColumns.NotFromColumns(typeof(SendConnectRcsCommand), "Text");
            var smsText = PipelineColumns.NotFromColumns(typeof(SendConnectSmsCommand), "Text");

            foreach (var name in new[] { "Card", "Carousel", "TemplateId" }) Assert.Equal(name, rcsText[name]);
            Assert.False(rcsText.ContainsKey("MediaUrl"));
            Assert.Equal("Card", rcsText["RichCard"]);
            Assert.Equal("TemplateId", smsText["TemplateId"]);
            // -Text binds from a column in its own set: never one of these, whatever the set.
            Assert.False(PipelineColumns.NotFromColumns(typeof(SendConnectRcsCommand), "Card").ContainsKey("Text"));
            // Their warning says to give them in place of -Text, which they do not go with; -From goes with every set.
            var otherSets = PipelineColumns.OfOtherSets(typeof(SendConnectRcsCommand), "Text");
            Assert.DoesNotContain("MediaUrl", otherSets);
            Assert.Contains("Card", otherSets);
            Assert.DoesNotContain("From", otherSets);
            Assert.DoesNotContain("Text", otherSets);
        }

        [Fact]
        public void ColumnsMatchWhateverTheirCaseAsPowerShellBindsThem()
        {
            Assert.Contains("MSISDN", PipelineColumns.Of(typeof(SendConnectSmsCommand)));
        }
    }
}
