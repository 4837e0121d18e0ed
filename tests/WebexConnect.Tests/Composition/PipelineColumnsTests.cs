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
        [InlineData(typeof(SendConnectSmsCommand), "CorrelationId Mobile MobileNumber MobilePhone Msisdn Number Phone PhoneNumber Text To")]
        [InlineData(typeof(SendConnectEmailCommand), "CorrelationId Email EmailAddress Html Mail Subject Text To")]
        [InlineData(typeof(SendConnectRcsCommand), "CorrelationId GtrId Mobile MobileNumber MobilePhone Msisdn Number Phone PhoneNumber Text To")]
        [InlineData(typeof(SendConnectMessageCommand), "CorrelationId Email EmailAddress Mail Mobile MobileNumber MobilePhone Msisdn Number Phone PhoneNumber To")]
        public void EachSendCmdletConsumesItsDestinationAliasesAndPerRowContent(Type cmdlet, string expected)
        {
            var columns = PipelineColumns.Of(cmdlet).OrderBy(c => c, StringComparer.Ordinal);

            Assert.Equal(expected, string.Join(" ", columns));
        }

        [Fact]
        public void ColumnsMatchWhateverTheirCaseAsPowerShellBindsThem()
        {
            Assert.Contains("MSISDN", PipelineColumns.Of(typeof(SendConnectSmsCommand)));
        }
    }
}
