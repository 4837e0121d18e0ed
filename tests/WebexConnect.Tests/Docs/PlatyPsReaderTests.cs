using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace WebexConnect.Tests.Docs
{
    /// <summary>
    /// Each cmdlet page has the shape Microsoft.PowerShell.PlatyPS 1.0's Import-MarkdownCommandHelp reads
    /// (src/MarkdownReader/CommandHelpMarkdownReader.cs, ParsedMarkdownContent.cs, V2ParameterMetadata.cs in
    /// PowerShell/platyPS). The reader rarely fails: a page it cannot follow mostly loses content silently (a
    /// parameter whose yaml it cannot map disappears, a description after a list is dropped), so these rules
    /// are checked here rather than discovered in Get-Help. HelpCoverageTests checks that the content is true.
    /// </summary>
    public class PlatyPsReaderTests
    {
        /// <summary>
        /// The "## " sections in reading order. The reader finds each by its exact text and ends several at a
        /// named successor (SYNOPSIS at SYNTAX, DESCRIPTION at EXAMPLES, EXAMPLES at PARAMETERS, NOTES at
        /// RELATED LINKS), so none may be missing, renamed or moved. ALIASES is the 1.0 schema's own section.
        /// </summary>
        private static readonly string[] SectionOrder =
        {
            "SYNOPSIS", "SYNTAX", "ALIASES", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
        };

        /// <summary>What ValidateMetadata reports as an error when missing, plus the document type.</summary>
        private static readonly string[] RequiredMetadata =
        {
            "document type", "external help file", "HelpUri", "Locale", "Module Name", "ms.date", "PlatyPS schema version", "title",
        };

        /// <summary>
        /// The keys of ParameterMetadataV2 and ParameterSetV2. The reader deserializes the yaml with
        /// IgnoreUnmatchedProperties, so a misspelt key is not an error: its value is silently lost.
        /// </summary>
        private static readonly string[] ParameterKeys =
        {
            "Type", "DefaultValue", "SupportsWildcards", "ParameterValue", "Aliases", "ParameterSets", "DontShow", "AcceptedValues", "HelpMessage",
        };

        private static readonly string[] ParameterSetKeys =
        {
            "Name", "Position", "IsRequired", "ValueFromPipeline", "ValueFromPipelineByPropertyName", "ValueFromRemainingArguments",
        };

        private static readonly string[] BooleanKeys =
        {
            "SupportsWildcards", "DontShow", "IsRequired", "ValueFromPipeline", "ValueFromPipelineByPropertyName", "ValueFromRemainingArguments",
        };

        public static TheoryData<string> Cmdlets() => HelpCoverageTests.ExportedCmdlets();

        private static HelpPage Page(string cmdlet)
        {
            var path = Path.Combine(RepoPaths.Root, "docs", cmdlet + ".md");
            Assert.True(File.Exists(path), $"docs/{cmdlet}.md is missing");
            return HelpPage.Load(path);
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void FrontMatterIsOneBlockWithTheKeysTheReaderRequires(string cmdlet)
        {
            var page = Page(cmdlet);
            // GetMetadata expects "---", then the key lines as one paragraph, then "---" (Markdig sees a setext
            // heading). A blank line inside splits the paragraph and the page has no metadata at all.
            Assert.Equal("---", page.Lines[0]);
            var end = page.Lines.Skip(1).ToList().IndexOf("---") + 1;
            Assert.True(end > 1, $"{cmdlet}: the front matter has no closing ---");
            Assert.All(page.Lines.Skip(1).Take(end - 1), l => Assert.Matches(@"^[A-Za-z][A-Za-z .]*: \S", l));

            foreach (var key in RequiredMetadata)
                Assert.True(page.FrontMatter.ContainsKey(key), $"{cmdlet}: front matter lacks '{key}' (PlatyPS reports it as an error)");
            Assert.Equal("cmdlet", page.FrontMatter["document type"]);
            // Export-MamlCommandHelp groups pages into files by this name (PlatyPS 1.0.2+) and PowerShell looks
            // for the binary cmdlets' help under it.
            Assert.Equal("WebexConnect.dll-Help.xml", page.FrontMatter["external help file"]);
            Assert.Equal("WebexConnect", page.FrontMatter["Module Name"]);
            Assert.Equal("en-US", page.FrontMatter["Locale"]);
            Assert.Equal("2024-05-01", page.FrontMatter["PlatyPS schema version"]);
            Assert.Equal(cmdlet, page.FrontMatter["title"]);
            Assert.True(DateTime.TryParseExact(page.FrontMatter["ms.date"], "MM/dd/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                $"{cmdlet}: ms.date '{page.FrontMatter["ms.date"]}' is not MM/dd/yyyy as PlatyPS writes it");
            // The MAML converter turns HelpUri into the first related link ("Online Version") and Get-Help -Online
            // opens it, so it must be a real address.
            Assert.True(Uri.TryCreate(page.FrontMatter["HelpUri"], UriKind.Absolute, out var online) && online.Scheme == Uri.UriSchemeHttps,
                $"{cmdlet}: HelpUri '{page.FrontMatter["HelpUri"]}' is not an https address");
            Assert.EndsWith("/docs/" + cmdlet + ".md", online!.AbsolutePath, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void TitleAndSectionsAreWhereTheReaderLooks(string cmdlet)
        {
            var page = Page(cmdlet);
            // The command name is the first word of the first "# " heading.
            Assert.Equal(new[] { "# " + cmdlet }, page.Lines.Where(l => l.StartsWith("# ", StringComparison.Ordinal)).ToArray());
            Assert.Equal(SectionOrder, page.Sections.Keys.ToArray());
            // Headings are compared as plain text: markup in one (`code`, **bold**) hides it from the reader.
            var headings = page.Lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal) || l.StartsWith("### ", StringComparison.Ordinal));
            Assert.All(headings, h => Assert.DoesNotMatch(@"[`*]|\]\(", h));
            // A deeper heading ends an example's or a parameter's text early.
            Assert.DoesNotContain(page.Lines, l => l.StartsWith("####", StringComparison.Ordinal));
            Assert.Contains("CommonParameters", page.Entries("PARAMETERS").Keys);
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void EachSyntaxHeadingIsFollowedByItsCodeBlock(string cmdlet)
        {
            var page = Page(cmdlet);
            Assert.NotEmpty(page.Entries("SYNTAX"));
            foreach (var (set, lines) in page.Entries("SYNTAX"))
            {
                // The reader takes the block right after the heading; anything else in between loses the set.
                var content = lines.Where(l => l.Trim().Length > 0).ToArray();
                Assert.True(content.Length >= 3 && content[0] == "```" && content[^1] == "```" && content.Count(l => l.StartsWith("```", StringComparison.Ordinal)) == 2,
                    $"{cmdlet} syntax '{set}': expected exactly one fenced block and nothing else");
                Assert.StartsWith(cmdlet + " ", content[1]);
                // GetSyntaxParameters splits the text at spaces: a type with a space inside (<a, b>) breaks it apart.
                Assert.DoesNotMatch(@"<[^>]*\s[^>]*>", string.Join(" ", content.Skip(1).Take(content.Length - 2)));
            }
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void ExamplesAreNumberedAndEachHasCodeThenRemarks(string cmdlet)
        {
            var page = Page(cmdlet);
            var number = 0;
            foreach (var (title, lines) in page.Entries("EXAMPLES"))
            {
                number++;
                Assert.Matches("^Example " + number + "(: .+)?$", title);
                var blocks = HelpPage.CodeBlocks(lines).ToArray();
                Assert.True(blocks.Length >= 1 && blocks.All(b => b.Info == "powershell"), $"{cmdlet} {title}: needs a ```powershell block");
                var afterCode = lines.Skip(blocks[^1].FirstLine - 1 + blocks[^1].Lines.Count + 1);
                Assert.True(afterCode.Any(l => l.Trim().Length > 0), $"{cmdlet} {title}: no remark after the code says what it does");
            }
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void EachParameterHasADescriptionAndOneYamlBlockWithTheV2Keys(string cmdlet)
        {
            var page = Page(cmdlet);
            var entries = page.Entries("PARAMETERS").Keys.Where(k => k != "CommonParameters").ToArray();
            Assert.All(entries, e => Assert.StartsWith("-", e));
            foreach (var parameter in page.Parameters)
            {
                var where = $"{cmdlet} -{parameter.Name}";
                Assert.True(parameter.YamlBlockCount == 1, $"{where}: {parameter.YamlBlockCount} ```yaml blocks, expected one");
                Assert.False(string.IsNullOrWhiteSpace(parameter.Description), where + ": the description before the yaml is empty");
                Assert.Equal(ParameterKeys, parameter.Keys);
                Assert.NotEmpty(parameter.ParameterSets);
                Assert.All(parameter.ParameterSets, s => Assert.Equal(ParameterSetKeys, s.Keys.ToArray()));
                Assert.False(string.IsNullOrEmpty(parameter.Scalars.GetValueOrDefault("Type")), where + ": no Type");
                foreach (var (key, value) in parameter.RawScalars)
                {
                    if (BooleanKeys.Contains(key))
                        Assert.True(value == "true" || value == "false", $"{where}: {key} is '{value}', expected true or false");
                    Assert.True(IsSafeYamlScalar(value), $"{where}: {key}: {value} is not a plain or single-quoted yaml scalar the reader keeps as written");
                }
            }
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void InputsAndOutputsDescribeEachTypeInAParagraph(string cmdlet)
        {
            var page = Page(cmdlet);
            foreach (var section in new[] { "INPUTS", "OUTPUTS" })
            {
                Assert.NotEmpty(page.Entries(section));
                foreach (var (type, lines) in page.Entries(section))
                {
                    // The heading's text is the type name; the description is read only when a paragraph follows.
                    Assert.Matches(@"^[A-Za-z][\w.`\[\],]*$", type);
                    var first = lines.FirstOrDefault(l => l.Trim().Length > 0);
                    Assert.True(first != null && Regex.IsMatch(first, @"^[A-Za-z(]"), $"{cmdlet} {section} {type}: start the description with a paragraph");
                }
            }
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void RelatedLinksAreOneListOfLinks(string cmdlet)
        {
            // The reader takes paragraphs of links, then at most one list: anything after that list is dropped.
            var lines = Page(cmdlet).Sections["RELATED LINKS"].Where(l => l.Trim().Length > 0).ToArray();
            Assert.NotEmpty(lines);
            Assert.All(lines, l => Assert.Matches(@"^- \[[^\]]+\]\([^)\s]+\)$", l));
        }

        /// <summary>
        /// Whether YamlDotNet reads the value back as written: single-quoted with doubled quotes, or plain without
        /// an indicator at the start and without ": " or " #" inside (those would end or break the scalar).
        /// </summary>
        internal static bool IsSafeYamlScalar(string value)
        {
            if (value == "[]") return true;
            if (value.StartsWith("'", StringComparison.Ordinal))
                return value.Length >= 2 && value.EndsWith("'", StringComparison.Ordinal) && !Regex.IsMatch(value.Substring(1, value.Length - 2), "(?<!')'(?!')");
            return value.Length > 0 && "[]{}&*!|>'\"%@`#,?:-".IndexOf(value[0]) < 0
                && !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal) && !value.EndsWith(":", StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("None", true)]
        [InlineData("System.Nullable`1[System.DateTimeOffset]", true)]
        [InlineData("'None (the row''s column)'", true)]
        [InlineData("'The sender: SMS'", true)]
        [InlineData("The sender: SMS", false)]
        [InlineData("[All]", false)]
        [InlineData("*", false)]
        [InlineData("'it's'", false)]
        [InlineData("Every row # but this", false)]
        public void YamlScalarRuleAcceptsWhatYamlDotNetKeeps(string value, bool safe) => Assert.Equal(safe, IsSafeYamlScalar(value));

        [Fact]
        public void AboutTopicReadsAsHelpTextWhereGetHelpTakesItsSynopsis()
        {
            // build.ps1 copies the file unchanged to en-US/about_WebexConnect.help.txt. PowerShell (5.1 and 7, HelpFileHelpInfo)
            // shows the text as is and takes the fifth line as the topic's synopsis in Get-Help lists.
            var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "about_WebexConnect.md"));
            Assert.Equal("# about_WebexConnect", lines[0]);
            Assert.Equal("", lines[1]);
            Assert.Equal("## SHORT DESCRIPTION", lines[2]);
            Assert.Equal("", lines[3]);
            Assert.Matches(@"^[A-Z].*\.$", lines[4]);
            Assert.Equal("", lines[5]);
        }
    }
}
