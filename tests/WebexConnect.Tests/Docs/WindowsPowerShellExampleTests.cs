using System;
using System.Linq;
using Xunit;

namespace WebexConnect.Tests.Docs
{
    /// <summary>
    /// What the docs show must work in Windows PowerShell 5.1 too, which admins' scheduled tasks on Windows Server run.
    /// </summary>
    public class WindowsPowerShellExampleTests
    {
        /// <summary>
        /// Export-Csv in Windows PowerShell 5.1 writes ASCII unless told otherwise: every other character of a report (an
        /// 'ü' in a CorrelationId, an accented name in a Reason) became '?', and the next day's Import-Csv results.csv |
        /// Wait-ConnectDelivery no longer found the rows by it. -Encoding UTF8 keeps them in 5.1 and in PowerShell 7.
        /// </summary>
        [Fact]
        public void EveryReportTheExamplesExportNamesItsEncoding()
        {
            var exports = DocumentedExamples.All
                .SelectMany(source => CmdletInvocation.Find(source.Code, new[] { "Export-Csv" }).Select(call => (source, call)))
                .ToArray();
            var ascii = exports
                .Where(e => !e.call.Arguments.Any(a => a.Kind == ArgumentKind.Parameter && a.Text.Equals("Encoding", StringComparison.OrdinalIgnoreCase)))
                .Select(e => $"{e.source.Where(e.call.Line)}: {e.call}")
                .ToArray();
            Assert.True(exports.Length >= 8, $"Only {exports.Length} Export-Csv calls found: the test is not reading the examples");
            Assert.True(ascii.Length == 0,
                "Export-Csv without -Encoding UTF8 writes ASCII in Windows PowerShell 5.1 ('ü' becomes '?'):\n" + string.Join("\n", ascii));
        }

        /// <summary>
        /// Invoke-RestMethod in Windows PowerShell 5.1 offers SSL 3 and TLS 1.0 unless the process allows TLS 1.2 (the
        /// Framework's default for powershell.exe): New-ConnectJwt's example of calling the API with the token failed there
        /// with "The underlying connection was closed". Only the module's own requests add TLS 1.2.
        /// </summary>
        [Fact]
        public void EveryExampleThatCallsTheApiItselfAllowsTls12()
        {
            var calls = DocumentedExamples.All
                .Where(source => CmdletInvocation.Find(source.Code, new[] { "Invoke-RestMethod", "Invoke-WebRequest" }).Count > 0)
                .ToArray();
            Assert.NotEmpty(calls);
            var without = calls.Where(source => !source.Code.Contains("Tls12", StringComparison.Ordinal)).Select(source => source.Where(1)).ToArray();
            Assert.True(without.Length == 0,
                "Calls the API with Invoke-RestMethod but does not allow TLS 1.2, which Windows PowerShell 5.1 needs:\n" + string.Join("\n", without));
        }
    }
}
