using System;
using System.Linq;
using Xunit;

namespace WebexConnect.Tests.Docs
{
    /// <summary>Which calls the example checker finds, and where each one's arguments end.</summary>
    public class CmdletInvocationTests
    {
        private static readonly string[] Ours = { "Send-ConnectSms", "New-ConnectRcsSuggestion", "Connect-WebexConnect", "Get-ConnectContext" };

        private static string[] Calls(string code) =>
            CmdletInvocation.Find(code, Ours).OrderBy(c => c.Line).ThenBy(c => c.Cmdlet, StringComparer.Ordinal).Select(c => $"{c.Line}: {c}").ToArray();

        [Fact]
        public void ArgumentsRunToThePipeAcrossContinuationsAndAfterAnAssignment()
        {
            var code = "$r = Import-Csv ./a.csv -Encoding UTF8 |\n    Send-ConnectSms -From ACME `\n    -Journal ./j.json | Export-Csv ./r.csv -NoTypeInformation";
            Assert.Equal(new[] { "2: Send-ConnectSms -From ACME -Journal ./j.json" }, Calls(code));
        }

        [Fact]
        public void ALineEndEndsTheCallUnlessAPipeOrCommaContinuesIt()
        {
            var code = "Send-ConnectSms -To 'a',\n  'b' -From X\n  | Select-Object -First 1\nConnect-WebexConnect -Sandbox\n-Tps 5";
            Assert.Equal(new[] { "1: Send-ConnectSms -To 'a', 'b' -From X", "4: Connect-WebexConnect -Sandbox" }, Calls(code));
        }

        [Fact]
        public void NestedCallsAreCallsOfTheirOwnAndOneValueOfTheOuterCall()
        {
            var code = "Send-ConnectSms -To x -Suggestion (New-ConnectRcsSuggestion -DisplayText 'A' -Bogus 1)\n"
                + "if (-not (Get-ConnectContext)) { Connect-WebexConnect -Sandbox }; Write-Output \"$(Get-ConnectContext -X)\"";
            Assert.Equal(new[]
            {
                "1: New-ConnectRcsSuggestion -DisplayText 'A' -Bogus 1",
                "1: Send-ConnectSms -To x -Suggestion (...)",
                "2: Connect-WebexConnect -Sandbox",
                "2: Get-ConnectContext",
                "2: Get-ConnectContext -X",
            }, Calls(code));
        }

        [Fact]
        public void AdjacentPiecesMakeOneValue()
        {
            var call = CmdletInvocation.Find("Send-ConnectSms -SendAt (Get-Date).Date.AddDays(1) -Text:'x' -To $row.Phone", Ours).Single();
            Assert.Equal(new[] { "-SendAt", "(...).Date.AddDays(...)", "-Text:'x'", "-To", "$row.Phone" }, call.Arguments.Select(a => a.ToString()));
            Assert.Equal(new[] { "x" }, call.Arguments[2].Attached!.Literals);
            Assert.Null(call.Arguments[4].Literals);
        }

        [Fact]
        public void QuotedTextAndOtherCommandsArgumentsAreNotCalls()
        {
            var code = "Write-Host 'Send-ConnectSms -Bogus'\nGet-Help Send-ConnectSms -Examples\n# Connect-WebexConnect -Nope\nSend-ConnectSms -Text 'Hi -Name'";
            Assert.Equal(new[] { "4: Send-ConnectSms -Text 'Hi -Name'" }, Calls(code));
        }

        [Fact]
        public void ASplatIsKeptSoTheCallCanBeCountedAsUnchecked()
        {
            var call = CmdletInvocation.Find("& Send-ConnectSms @params -WhatIf", Ours).Single();
            Assert.Equal(ArgumentKind.Splat, call.Arguments[0].Kind);
            Assert.Equal("@params", call.Arguments[0].Text);
        }
    }
}
