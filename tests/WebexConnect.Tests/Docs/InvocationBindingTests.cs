using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace WebexConnect.Tests.Docs
{
    /// <summary>
    /// The example checker refuses what PowerShell's binder refuses, judged against the real cmdlets: so
    /// a doc with a wrong call fails ExampleInvocationTests, and a right one passes.
    /// </summary>
    public class InvocationBindingTests
    {
        private static IReadOnlyList<string> Problems(string code)
        {
            var call = CmdletInvocation.Find(code, CmdletMetadata.All.Select(c => c.Name).ToArray()).Single();
            return InvocationBinding.Problems(CmdletMetadata.All.Single(c => c.Name == call.Cmdlet), call).Select(p => p.Text).ToArray();
        }

        [Theory]
        [InlineData("Send-ConnectSms -To '+447700900001' -From ACME -Text 'Hi' -PayloadOnly")]
        [InlineData("Send-ConnectSms -Phone '+447700900001' -Fr ACME -Tex 'Hi' -ea Stop -WhatIf")]
        [InlineData("Send-ConnectSms '+447700900001' -From ACME -TemplateId t -PayloadOnly:$false -Verbose:$false")]
        [InlineData("Send-ConnectSms -In $row -From ACME -Text x")]
        [InlineData("Connect-WebexConnect -Sandbox -SandboxLatency 00:00:01 -Tps 5 -PassThru")]
        [InlineData("New-ConnectRcsSuggestion 'Yes' 'answer-yes'")]
        [InlineData("New-ConnectRcsSuggestion -DisplayText Shop -Address 'High Street'")]
        [InlineData("New-ConnectRcsCard -Title t -MediaHeight medium -Orientation $o -ProgressAction SilentlyContinue")]
        [InlineData("$sms = @{\n    From = 'ACME'\n    Text = 'Hi $(Name)'\n    PayloadOnly = $true\n}\nSend-ConnectSms '+447700900001' @sms")]
        [InlineData("$card = @{ Title = 'Shipped'; MediaHeight = 'Medium'; Suggestion = $a, $b }\nNew-ConnectRcsCard @card")]
        public void CallsPowerShellWouldBindPass(string code) => Assert.Empty(Problems(code));

        [Theory]
        [InlineData("Send-ConnectSms -From ACME -Txet 'Hi'", "-Txet: Send-ConnectSms has no such parameter")]
        [InlineData("Connect-WebexConnect -Sandbox -WhatIf", "-WhatIf: Connect-WebexConnect has no such parameter")]
        [InlineData("Send-ConnectSms -T x -From ACME", "-T is ambiguous: it could be -Tag1, -Tag2, -TemplateId, -Text, -To, -TrackClicks")]
        [InlineData("Get-ConnectSandboxRequest -P", "-P is ambiguous: it could be -ProgressAction, -PipelineVariable")]
        [InlineData("Send-ConnectSms -From ACME -Text x -TemplateId t", "no parameter set has all of -Text (Text), -TemplateId (Template)")]
        [InlineData("Connect-WebexConnect -Sandbox -Region eu", "no parameter set has all of -Sandbox (Sandbox), -Region (Credential|Environment|ServiceKey|ServiceSecret)")]
        [InlineData("Connect-WebexConnect -Sandbox $true", "-Sandbox is a switch and takes no value: $true would bind by position instead; write -Sandbox:$true")]
        [InlineData("Send-ConnectSms -To x -From -Text y", "-From needs a value")]
        [InlineData("Send-ConnectSms -To x -From A -Text y -From B", "-From: -From is given more than once")]
        [InlineData("New-ConnectRcsSuggestion 'Yes' 'answer-yes' 'extra'", "'extra': no free positional parameter takes it")]
        [InlineData("Get-ConnectContext current", "current: no free positional parameter takes it")]
        [InlineData("New-ConnectRcsCard -Title t -MediaHeight Large", "-MediaHeight: 'Large' is not one of its values (Short, Medium, Tall)")]
        [InlineData("Send-ConnectSms -To x -From A -Text y -RequestedReceipt DELIVERED, READ", "-RequestedReceipt: 'READ' is not one of its values")]
        [InlineData("Send-ConnectSms -To x -From A -Text:", "-Text: no value after the colon")]
        [InlineData("Send-ConnectSms -To x -From A ` \n  -Text y", "-Text starts a line the call does not continue to")]
        [InlineData("$sms = @{\n    From = 'ACME'\n    Txet = 'Hi'\n}\nSend-ConnectSms -To x @sms", "-Txet: Send-ConnectSms has no such parameter")]
        [InlineData("$card = @{ Title = 't'; MediaHeight = 'Large' }\nNew-ConnectRcsCard @card", "-MediaHeight: 'Large' is not one of its values (Short, Medium, Tall)")]
        [InlineData("$sms = @{ From = 'ACME'; TemplateId = 't' }\nSend-ConnectSms -To x -Text y @sms", "no parameter set has all of -Text (Text), -TemplateId (Template)")]
        [InlineData("$sms = @{ From = 'ACME' }\nSend-ConnectSms -To x -Text y -From B @sms", "-From: -From is given more than once")]
        public void CallsPowerShellWouldRefuseAreReportedWithTheReason(string code, string problem) =>
            Assert.Contains(Problems(code), p => p.StartsWith(problem, StringComparison.Ordinal));

        [Fact]
        public void ASplatOfATableTheCodeDoesNotWriteIsLeftUnchecked()
        {
            // Assigned twice, from elsewhere, or changed after it is written (PowerShell refuses -Txet, and -Text with
            // -TemplateId, which the table as written does not hold): which keys it holds is known only when the code runs.
            foreach (var code in new[]
            {
                "$p = @{ Txet = 1 }\n$p = @{ Text = 1 }\nSend-ConnectSms @p", "$p = Get-Params\nSend-ConnectSms @p",
                "$p = @{ Text = 1 }\n$p.Txet = 2\nSend-ConnectSms @p", "$p = @{ Text = 1 }\n$p['Txet'] = 2\nSend-ConnectSms @p",
                "$p = @{ Text = 1 }\n$p += @{ TemplateId = 't' }\nSend-ConnectSms @p", "$P = @{ Text = 1 }\n$p.Remove('Text')\nSend-ConnectSms @p",
            })
            {
                var call = CmdletInvocation.Find(code, new[] { "Send-ConnectSms" }).Single();
                Assert.Equal(ArgumentKind.Splat, Assert.Single(call.Arguments).Kind);
            }
        }

        [Fact]
        public void AProblemNamesTheLineOfItsArgument()
        {
            var call = CmdletInvocation.Find("Send-ConnectSms -From ACME `\n  -Text 'x' `\n  -Jurnal j.json", new[] { "Send-ConnectSms" }).Single();
            var problem = Assert.Single(InvocationBinding.Problems(CmdletMetadata.All.Single(c => c.Name == "Send-ConnectSms"), call));
            Assert.Equal(3, problem.Line);
        }
    }
}
