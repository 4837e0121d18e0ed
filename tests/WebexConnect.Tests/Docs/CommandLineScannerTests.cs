using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace WebexConnect.Tests.Docs
{
    /// <summary>The example checker reads the calls an admin would type, so a wrong parameter cannot hide.</summary>
    public class CommandLineScannerTests
    {
        private static readonly HashSet<string> Ours = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Send-ConnectSms", "New-ConnectRcsSuggestion", "Connect-WebexConnect" };

        private static string[] Calls(string code) =>
            CommandLineScanner.Calls(code, Ours).Select(c => c.Cmdlet + " -" + c.Parameter).ToArray();

        [Fact]
        public void ReadsParametersAcrossPipesContinuationsAndAssignments()
        {
            var code = "$r = Import-Csv ./a.csv -Encoding UTF8 |\n    Send-ConnectSms -From ACME `\n    -Journal ./j.json | Export-Csv ./r.csv -NoTypeInformation";
            Assert.Equal(new[] { "Send-ConnectSms -From", "Send-ConnectSms -Journal" }, Calls(code));
        }

        [Fact]
        public void ReadsNestedCallsAsTheirOwnCommands()
        {
            var code = "Send-ConnectSms -To x -Suggestion (New-ConnectRcsSuggestion -DisplayText 'A' -Bogus 1)\nif ($s) { Connect-WebexConnect -Sandbox }";
            Assert.Equal(new[] { "New-ConnectRcsSuggestion -DisplayText", "New-ConnectRcsSuggestion -Bogus", "Connect-WebexConnect -Sandbox", "Send-ConnectSms -To", "Send-ConnectSms -Suggestion" },
                Calls(code));
        }

        [Fact]
        public void IgnoresQuotedTextAndOtherCommandsArguments()
        {
            var code = "Send-ConnectSms -Text 'Hi -Name, order A-1' -From \"x -Y\"\nGet-Help Send-ConnectSms -Examples";
            Assert.Equal(new[] { "Send-ConnectSms -Text", "Send-ConnectSms -From" }, Calls(code));
        }
    }
}
