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
    }
}
