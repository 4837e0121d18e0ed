using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using WebexConnect.Messages.Validation;
using Xunit;

namespace WebexConnect.Tests.Docs
{
    /// <summary>
    /// The sample CSVs and the README's first commands work as printed: every sample row would pass the
    /// module's own checks (so a first run shows Queued, not Invalid), and the commands name files that exist.
    /// </summary>
    public class ExampleFilesTests
    {
        private static readonly string Examples = Path.Combine(RepoPaths.Root, "docs", "examples");

        /// <summary>A sample CSV as header names and rows; the samples hold no quoted commas.</summary>
        private static (string[] Header, string[][] Rows) ReadCsv(string name)
        {
            var lines = File.ReadAllLines(Path.Combine(Examples, name)).Where(l => l.Length > 0).ToArray();
            return (lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToArray());
        }

        [Theory]
        [InlineData("sms-recipients.csv", "Phone")]
        [InlineData("rcs-recipients.csv", "Phone")]
        [InlineData("email-recipients.csv", "Email")]
        public void EverySampleRowHasAValidDestinationAndAUniqueCorrelationId(string file, string destinationColumn)
        {
            var (header, rows) = ReadCsv(file);
            var destination = Array.IndexOf(header, destinationColumn);
            var correlation = Array.IndexOf(header, "CorrelationId");
            Assert.True(destination >= 0 && correlation >= 0, $"{file} needs {destinationColumn} and CorrelationId columns");
            Assert.True(rows.Length >= 3, $"{file}: a sample needs a few rows");
            Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
            foreach (var row in rows)
            {
                var problem = destinationColumn == "Email" ? EmailAddressRule.Check(row[destination]) : PhoneNumberRule.Check(row[destination]);
                Assert.True(problem is null, $"{file}: {row[destination]}: {problem}");
            }
            Assert.Equal(rows.Length, rows.Select(r => r[correlation]).Distinct().Count());
        }

        [Fact]
        public void TheReadmeFirstCommandsSetUpFromTheSdkAloneRunTheSandboxExampleAndTest()
        {
            var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
            var first = Regex.Match(readme, "```powershell\\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
            var commands = first.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal)).ToArray();
            Assert.Equal(new[] { "dotnet tool restore; dotnet pwsh ./build.ps1 -Example", TestCommand }, commands);

            // -Example runs a sample script against the sandbox; -Test is what CI runs.
            var build = File.ReadAllText(Path.Combine(RepoPaths.Root, "build.ps1"));
            var scripts = Regex.Matches(build, @"'(docs/examples/[\w.-]+\.ps1)'").Select(m => m.Groups[1].Value).ToArray();
            Assert.Single(scripts);
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, scripts[0])), "build.ps1 -Example runs a missing " + scripts[0]);
            Assert.Contains("-Sandbox", build);
            Assert.Contains(TestCommand, File.ReadAllText(Path.Combine(RepoPaths.Root, ".ci", "run")));
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, ".config", "dotnet-tools.json")), "dotnet tool restore needs .config/dotnet-tools.json");
        }

        private const string TestCommand = "dotnet tool restore; dotnet pwsh ./build.ps1 -Test";

        [Fact]
        public void ExampleScriptsReadTheSampleCsvsThatExist()
        {
            foreach (var script in Directory.GetFiles(Examples, "*.ps1"))
            {
                var csvs = Regex.Matches(File.ReadAllText(script), @"'([\w-]+\.csv)'").Select(m => m.Groups[1].Value).ToArray();
                Assert.True(csvs.Length > 0, Path.GetFileName(script) + " names no sample CSV");
                Assert.All(csvs, c => Assert.True(File.Exists(Path.Combine(Examples, c)), $"{Path.GetFileName(script)} reads a missing {c}"));
            }
        }
    }
}
