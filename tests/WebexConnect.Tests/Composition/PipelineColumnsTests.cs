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
        // ExpireAt and Validity: each row's own expiry, read by the module from the row rather than bound (RowColumnAttribute).
        [InlineData(typeof(SendConnectSmsCommand), "CorrelationId ExpireAt Mobile MobileNumber MobilePhone Msisdn Number Phone PhoneNumber SendAt Text To Validity")]
        [InlineData(typeof(SendConnectEmailCommand), "Attachment Attachments Bcc Cc CorrelationId Email EmailAddress ExpireAt Html Mail PrimarySmtpAddress ReplyTo SendAt Subject Text To Validity WindowsEmailAddress")]
        // MediaUrl: a CSV of recipients each with their own image or boarding pass.
        [InlineData(typeof(SendConnectRcsCommand), "CorrelationId ExpireAt FallbackText GtrId MediaContentUrl MediaUrl Mobile MobileNumber MobilePhone Msisdn Number Phone PhoneNumber SendAt Text To Validity")]
        [InlineData(typeof(SendConnectMessageCommand), "CorrelationId Email EmailAddress ExpireAt Mail Mobile MobileNumber MobilePhone Msisdn Number Phone PhoneNumber SendAt To Validity")]
        public void EachSendCmdletConsumesItsDestinationAliasesAndPerRowContent(Type cmdlet, string expected)
        {
            var columns = PipelineColumns.Of(cmdlet).OrderBy(c => c, StringComparer.Ordinal);

            Assert.Equal(expected, string.Join(" ", columns));
        }

        [Theory]
        [InlineData(typeof(SendConnectSmsCommand), "Template", "CorrelationId ExpireAt Mobile MobileNumber MobilePhone Msisdn Number Phone PhoneNumber SendAt To Validity")]
        // Cc and Bcc are the request's in either set; ReplyTo is the content's, so with -TemplateId a ReplyTo column is a substitution.
        [InlineData(typeof(SendConnectEmailCommand), "Template", "Bcc Cc CorrelationId Email EmailAddress ExpireAt Mail PrimarySmtpAddress SendAt To Validity WindowsEmailAddress")]
        [InlineData(typeof(SendConnectRcsCommand), "Card", "CorrelationId ExpireAt FallbackText GtrId Mobile MobileNumber MobilePhone Msisdn Number Phone PhoneNumber SendAt To Validity")]
        [InlineData(typeof(SendConnectRcsCommand), "Text", "CorrelationId ExpireAt FallbackText GtrId MediaContentUrl MediaUrl Mobile MobileNumber MobilePhone Msisdn Number Phone PhoneNumber SendAt Text To Validity")]
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

            Assert.Equal("CallbackData", sms["callbackdata"]);
            foreach (var name in new[] { "From", "Tag1", "Encoding" }) Assert.Equal(name, sms[name]);
            // SendAt binds a column: appointment reminders, each row at its own time; the module reads ExpireAt and Validity ones.
            foreach (var name in new[] { "To", "Phone", "Text", "CorrelationId", "InputObject", "SendAt", "ExpireAt", "Validity" }) Assert.False(sms.ContainsKey(name), name);
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
        public void EitherExpiryOnTheCommandLineLeavesBothExpiryColumnsUnreadAndTheirWarningNamesIt()
        {
            // -Validity sets every row's expiry: an ExpireAt cell beside it would give a row both, which the service refuses.
            var validity = PipelineColumns.GivenOnCommandLine(typeof(SendConnectSmsCommand), "Text", new[] { "From", "Validity" });
            var expireAt = PipelineColumns.GivenOnCommandLine(typeof(SendConnectEmailCommand), "Template", new[] { "ExpireAt" });
            var neither = PipelineColumns.GivenOnCommandLine(typeof(SendConnectSmsCommand), "Text", new[] { "From", "SendAt" });

            Assert.Equal("Validity", validity["Validity"]);
            Assert.Equal("Validity", validity["expireat"]);
            Assert.Equal("ExpireAt", expireAt["ExpireAt"]);
            Assert.Equal("ExpireAt", expireAt["Validity"]);
            Assert.Equal("SendAt", Assert.Single(neither).Key);
        }

        [Fact]
        public void ColumnsMatchWhateverTheirCaseAsPowerShellBindsThem()
        {
            Assert.Contains("MSISDN", PipelineColumns.Of(typeof(SendConnectSmsCommand)));
        }
    }
}
