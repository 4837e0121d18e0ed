using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using WebexConnect.Results;
using Xunit;

namespace WebexConnect.Tests.Docs
{
    /// <summary>
    /// about_WebexConnect's "Error IDs" table is what an administrator matches $err.FullyQualifiedErrorId against.
    /// It is checked against the error IDs the source writes, both ways, so an ID added to the code without a line
    /// in the table, or a line left for an ID the code no longer writes, fails here.
    /// </summary>
    public class ErrorIdTableTests
    {
        /// <summary>The places an ID is written: every ErrorRecord, exception and table in src/ goes through one of them.</summary>
        private static readonly Regex[] IdSites =
        {
            // new ErrorRecord(..., "NotSandbox", ErrorCategory.X, ...), SendErrors' tables, ConnectionConfigurationException.
            new Regex(@"(?<!\w)""(?<id>[A-Z][A-Za-z]+)"",\s*ErrorCategory\."),
            // SendErrors.Classify: return ("OutcomeUnknown", code.IndexOf(...) ...).
            new Regex(@"return \(""(?<id>[A-Z][A-Za-z]+)"","),
            new Regex(@"(?:new (?:SessionFailure|ConnectionConfiguration)Exception|(?<!\w)Invalid|ThrowParameterError)\(""(?<id>[A-Z][A-Za-z]+)"""),
            // const string NoTextColumnErrorId = "NoTextColumn".
            new Regex(@"ErrorId\s*=\s*""(?<id>[A-Z][A-Za-z]+)"""),
        };

        private static readonly Regex TableLine = new Regex(@"^  (?<id>[A-Z][A-Za-z]+)(?:\s+(?<text>\S.*))?$");

        [Fact]
        public void EveryErrorIdTheCodeWritesIsDocumented()
        {
            var missing = CodeIds().Except(DocumentedIds().Keys).OrderBy(id => id, StringComparer.Ordinal).ToList();

            Assert.True(missing.Count == 0,
                "about_WebexConnect.md's 'Error IDs' table lacks: " + string.Join(", ", missing) + ". Add a line saying what it means and what to do.");
        }

        [Fact]
        public void EveryDocumentedErrorIdIsOneTheCodeWrites()
        {
            var stale = DocumentedIds().Keys.Except(CodeIds()).OrderBy(id => id, StringComparer.Ordinal).ToList();

            Assert.True(stale.Count == 0, "about_WebexConnect.md documents error IDs no code writes: " + string.Join(", ", stale));
        }

        [Fact]
        public void EachDocumentedErrorIdSaysWhatItMeans()
        {
            var bare = DocumentedIds().Where(p => p.Value.Length < 25).Select(p => p.Key).ToList();

            Assert.True(bare.Count == 0, "these error IDs have no explanation in about_WebexConnect.md: " + string.Join(", ", bare));
        }

        /// <summary>
        /// The table's "Stopping Connect-WebexConnect:" part lists the IDs that end that command; the cmdlet's own help
        /// (its NOTES, which Get-Help -Full shows) names each of them too. Connect-WebexConnect's listed 8 of 16: an
        /// admin whose task stopped with InvalidServiceKey read its help and found no word of it.
        /// </summary>
        [Fact]
        public void EachCmdletsNotesNameTheIdsTheTableSaysStopIt()
        {
            var gaps = new List<string>();
            foreach (var (cmdlet, ids) in StoppingIdsByCmdlet())
            {
                var notes = HelpPage.Load(Path.Combine(RepoPaths.Root, "docs", cmdlet + ".md")).Text("NOTES");
                var missing = ids.Where(id => !Regex.IsMatch(notes, @"\b" + id + @"\b")).ToList();
                if (missing.Count > 0) gaps.Add($"docs/{cmdlet}.md, NOTES: {string.Join(", ", missing)}");
            }
            Assert.True(gaps.Count == 0, "NOTES that leave out errors about_WebexConnect says stop the command:\n" + string.Join("\n", gaps));
        }

        [Fact]
        public void TheTableSaysWhichIdsStopConnectWebexConnect()
        {
            // Guards the reading of the table: were its "Stopping <cmdlet>:" lines reworded, the test above would pass on nothing.
            var stopping = StoppingIdsByCmdlet();
            Assert.Contains("InvalidServiceKey", stopping["Connect-WebexConnect"]);
            Assert.Contains("NoReceiptListener", stopping["Wait-ConnectDelivery"]);
        }

        [Theory]
        [InlineData(SendStatus.Invalid, "InvalidInput")]
        [InlineData(SendStatus.Rejected, "7041")]
        [InlineData(SendStatus.Rejected, "9003")]
        [InlineData(SendStatus.Rejected, "1234")]
        [InlineData(SendStatus.Failed, "429")]
        [InlineData(SendStatus.Failed, "CircuitOpen")]
        [InlineData(SendStatus.Unknown, "Timeout")]
        [InlineData(SendStatus.Skipped, "AlreadySent")]
        public void TheSourceScanSeesTheIdsResultsReallyGet(SendStatus status, string code)
        {
            // Guards the scan itself: were SendErrors rewritten so the patterns above missed it, the two tests
            // above would pass on an empty set.
            Assert.Contains(WebexConnect.Results.SendErrors.Classify(status, code).Id, CodeIds());
        }

        private static HashSet<string> CodeIds()
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var project in new[] { "WebexConnect", "WebexConnect.Engine" })
            {
                var folder = Path.Combine(RepoPaths.Root, "src", project);
                foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
                {
                    var relative = file.Substring(folder.Length);
                    if (relative.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) ||
                        relative.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar)) continue;
                    var text = File.ReadAllText(file);
                    foreach (var site in IdSites)
                        foreach (Match match in site.Matches(text))
                            ids.Add(match.Groups["id"].Value);
                }
            }
            Assert.True(ids.Count > 30, "the scan of src/ found only " + ids.Count + " error IDs: are the patterns still right?");
            return ids;
        }

        /// <summary>The IDs of each "Stopping Verb-Noun ...:" part of the table, by that cmdlet's name.</summary>
        private static Dictionary<string, List<string>> StoppingIdsByCmdlet()
        {
            var page = HelpPage.Load(Path.Combine(RepoPaths.Root, "docs", "about_WebexConnect.md"));
            var byCmdlet = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            List<string>? current = null;
            foreach (var line in page.Entries("LONG DESCRIPTION")["Error IDs"])
            {
                var part = Regex.Match(line, @"^Stopping (?<cmdlet>[A-Z][a-z]+-[A-Za-z]+)\b");
                if (part.Success) current = byCmdlet[part.Groups["cmdlet"].Value] = new List<string>();
                else if (TableLine.Match(line) is { Success: true } entry) current?.Add(entry.Groups["id"].Value);
                else if (!line.StartsWith("    ", StringComparison.Ordinal)) current = null;
            }
            return byCmdlet;
        }

        /// <summary>Each ID of the table with its explanation (continuation lines joined).</summary>
        private static Dictionary<string, string> DocumentedIds()
        {
            var page = HelpPage.Load(Path.Combine(RepoPaths.Root, "docs", "about_WebexConnect.md"));
            Assert.True(page.Entries("LONG DESCRIPTION").TryGetValue("Error IDs", out var lines),
                "about_WebexConnect.md has no '### Error IDs' section under LONG DESCRIPTION");

            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            string? current = null;
            foreach (var line in lines!)
            {
                var entry = TableLine.Match(line);
                if (entry.Success)
                {
                    current = entry.Groups["id"].Value;
                    Assert.False(ids.ContainsKey(current), current + " is listed twice in the Error IDs table");
                    ids[current] = entry.Groups["text"].Value.Trim();
                }
                else if (current != null && line.StartsWith("    ", StringComparison.Ordinal) && line.Trim().Length > 0)
                {
                    ids[current] = (ids[current] + " " + line.Trim()).Trim();
                }
                else
                {
                    current = null;
                }
            }
            return ids;
        }
    }
}
