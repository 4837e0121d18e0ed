using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace WebexConnect.Tests.Docs
{
    /// <summary>
    /// docs/ holds a PlatyPS 1.0 page for every cmdlet the module exports, and each page tells the truth
    /// about the cmdlet as compiled: its parameters, their types, sets, positions, pipeline input, aliases
    /// and accepted values, and its syntax per parameter set. (ExampleInvocationTests checks the examples,
    /// PlatyPsReaderTests that PlatyPS 1.0 can read the pages.)
    /// </summary>
    public class HelpCoverageTests
    {
        private static readonly string DocsFolder = Path.Combine(RepoPaths.Root, "docs");

        /// <summary>Always available, so a page documents them only as the CommonParameters entry.</summary>
        private static readonly HashSet<string> CommonParameters =
            new HashSet<string>(CommonParameter.All.Select(p => p.Name), StringComparer.OrdinalIgnoreCase);

        private static readonly HashSet<string> ShouldProcessParameters =
            new HashSet<string>(CommonParameter.ShouldProcess.Select(p => p.Name), StringComparer.OrdinalIgnoreCase);

        private static string[] ManifestCmdlets()
        {
            var manifest = File.ReadAllText(Path.Combine(RepoPaths.Root, "WebexConnect.psd1"));
            var block = Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\(([^)]*)\)").Groups[1].Value;
            return Regex.Matches(block, "'([^']+)'").Select(m => m.Groups[1].Value).ToArray();
        }

        /// <summary>Every cmdlet a user can meet: exported by the manifest or implemented in the assembly.</summary>
        public static TheoryData<string> ExportedCmdlets()
        {
            var data = new TheoryData<string>();
            foreach (var name in ManifestCmdlets().Concat(CmdletMetadata.All.Select(c => c.Name)).Distinct().OrderBy(n => n, StringComparer.Ordinal))
                data.Add(name);
            return data;
        }

        /// <summary>The cmdlets implemented in the assembly, whose pages can be compared with the code.</summary>
        public static TheoryData<string> ImplementedCmdlets()
        {
            var data = new TheoryData<string>();
            foreach (var cmdlet in CmdletMetadata.All) data.Add(cmdlet.Name);
            return data;
        }

        private static CmdletMetadata Cmdlet(string name) => CmdletMetadata.All.Single(c => c.Name == name);

        private static string PagePath(string cmdlet) => Path.Combine(DocsFolder, cmdlet + ".md");

        private static HelpPage Page(string cmdlet)
        {
            var path = PagePath(cmdlet);
            Assert.True(File.Exists(path), $"{cmdlet} has no help page: expected docs/{cmdlet}.md");
            return HelpPage.Load(path);
        }

        private static HashSet<string> OurCmdletNames() =>
            new HashSet<string>(ManifestCmdlets().Concat(CmdletMetadata.All.Select(c => c.Name)), StringComparer.OrdinalIgnoreCase);

        [Theory]
        [MemberData(nameof(ExportedCmdlets))]
        public void EveryExportedCmdletHasAPage(string cmdlet) => Assert.True(File.Exists(PagePath(cmdlet)), $"docs/{cmdlet}.md is missing");

        [Fact]
        public void EveryCmdletPageIsForAnExportedCmdlet()
        {
            var known = OurCmdletNames();
            var strays = Directory.GetFiles(DocsFolder, "*-*.md").Select(Path.GetFileNameWithoutExtension).Where(n => !known.Contains(n!)).ToArray();
            Assert.True(strays.Length == 0, "Pages for cmdlets that do not exist: " + string.Join(", ", strays));
        }

        [Theory]
        [MemberData(nameof(ExportedCmdlets))]
        public void PageHasASynopsisADescriptionTwoExamplesAndRelatedLinks(string cmdlet)
        {
            var page = Page(cmdlet);
            Assert.False(string.IsNullOrWhiteSpace(page.Text("SYNOPSIS")), $"{cmdlet}: empty SYNOPSIS");
            Assert.DoesNotContain("{{", page.Text("SYNOPSIS"));
            Assert.False(string.IsNullOrWhiteSpace(page.Text("DESCRIPTION")), $"{cmdlet}: empty DESCRIPTION");
            var examples = page.Examples;
            Assert.True(examples.Count >= 2, $"{cmdlet}: {examples.Count} example(s), expected at least 2");
            Assert.All(examples, e => Assert.Matches(@"^Example \d+", e.Title));
            Assert.All(examples, e => Assert.Contains(cmdlet, e.Code, StringComparison.OrdinalIgnoreCase));
            Assert.Matches(@"\[[^\]]+\]\([^)]+\)", page.Text("RELATED LINKS"));
            var relative = Regex.Matches(page.Text("RELATED LINKS"), @"\]\((?<target>[^)#:]+\.md)\)").Select(m => m.Groups["target"].Value);
            Assert.All(relative, t => Assert.True(File.Exists(Path.Combine(DocsFolder, t)), $"{cmdlet}: RELATED LINKS points to a missing {t}"));
        }

        [Theory]
        [MemberData(nameof(ImplementedCmdlets))]
        public void CmdletsThatBindColumnsShowAnImportCsvExample(string cmdlet)
        {
            if (!Cmdlet(cmdlet).Parameters.Any(p => p.Sets.Any(s => s.ValueFromPipelineByPropertyName))) return;
            Assert.Contains(Page(cmdlet).Examples, e => Regex.IsMatch(e.Code, @"Import-Csv[^\n]*\|"));
        }

        /// <summary>
        /// A DESCRIPTION that lists the columns binding to -To, "(To, Phone, ... or Number)", lists them all: Send-ConnectSms's
        /// left out MobilePhone, the column an Active Directory or Microsoft Graph export has, so an admin with such a
        /// CSV read that it would not bind and renamed it. A list that says "..." names only some, on purpose.
        /// </summary>
        [Theory]
        [MemberData(nameof(ImplementedCmdlets))]
        public void ADescriptionThatListsTheColumnsBindingToToListsEveryOne(string cmdlet)
        {
            var to = Cmdlet(cmdlet).Parameters.SingleOrDefault(p => p.Name == "To");
            if (to is null || to.Aliases.Count == 0) return;
            var description = Regex.Replace(Page(cmdlet).Text("DESCRIPTION"), @"\s+", " ");
            var list = Regex.Match(description, @"binds to -To by name \((?<columns>[^)]*)\)");
            if (!list.Success || list.Groups["columns"].Value.Contains("...")) return;
            var listed = Regex.Split(list.Groups["columns"].Value, @",\s*|\s+or\s+").Select(c => c.Trim()).ToArray();
            var missing = to.Aliases.Where(a => !listed.Contains(a, StringComparer.Ordinal)).ToArray();
            Assert.True(missing.Length == 0, $"{cmdlet}: DESCRIPTION lists the columns that bind to -To without " + string.Join(", ", missing));
        }

        /// <summary>
        /// Receipts go to Wait-ConnectDelivery -Receipt; what is piped to it are the send results (or their Export-Csv rows).
        /// ConvertFrom-ConnectWebhook's Example 5 said "Pipe $receipts to Wait-ConnectDelivery -Receipt with the send's
        /// results.csv": piped, each receipt is an InvalidSendResultRow error and the report has no row.
        /// </summary>
        [Fact]
        public void NoPageSaysToPipeReceiptsToWaitConnectDelivery()
        {
            var wrong = Directory.GetFiles(DocsFolder, "*.md").Append(Path.Combine(RepoPaths.Root, "README.md"))
                .SelectMany(f => Regex.Matches(Regex.Replace(File.ReadAllText(f), @"\s+", " "), @"[Pp]ipe \$?receipts to Wait-ConnectDelivery|\$receipts \| Wait-ConnectDelivery")
                    .Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
                .ToArray();
            Assert.True(wrong.Length == 0, "Pages that pipe receipts to Wait-ConnectDelivery instead of giving them to -Receipt:\n" + string.Join("\n", wrong));
        }

        [Theory]
        [MemberData(nameof(ImplementedCmdlets))]
        public void EveryParameterIsDocumentedAndNoOtherOne(string cmdlet)
        {
            var metadata = Cmdlet(cmdlet);
            var expected = metadata.Parameters.Select(p => p.Name)
                .Concat(metadata.SupportsShouldProcess ? ShouldProcessParameters : Enumerable.Empty<string>())
                .OrderBy(n => n, StringComparer.Ordinal).ToArray();
            var documented = Page(cmdlet).Parameters.Select(p => p.Name).Where(n => !CommonParameters.Contains(n))
                .OrderBy(n => n, StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, documented);
        }

        [Theory]
        [MemberData(nameof(ImplementedCmdlets))]
        public void ParameterFactsMatchTheCmdlet(string cmdlet)
        {
            var page = Page(cmdlet);
            foreach (var parameter in Cmdlet(cmdlet).Parameters)
            {
                var doc = page.Parameters.SingleOrDefault(p => p.Name == parameter.Name);
                if (doc is null) continue; // reported by EveryParameterIsDocumentedAndNoOtherOne
                var where = $"{cmdlet} -{parameter.Name}";
                Assert.True(doc.HasYaml, where + ": no yaml block");
                Assert.False(string.IsNullOrWhiteSpace(doc.Description), where + ": no description");
                Assert.Equal(parameter.TypeName, doc.Scalars.GetValueOrDefault("Type"));
                Assert.Equal("false", doc.Scalars.GetValueOrDefault("SupportsWildcards"));
                Assert.Equal("false", doc.Scalars.GetValueOrDefault("DontShow"));
                Assert.True(!string.IsNullOrEmpty(doc.Scalars.GetValueOrDefault("DefaultValue")) || parameter.Sets.All(s => s.Mandatory),
                    where + ": an optional parameter needs its DefaultValue (None when there is none)");
                Assert.Equal(parameter.Aliases.OrderBy(a => a, StringComparer.Ordinal), doc.Aliases.OrderBy(a => a, StringComparer.Ordinal));
                Assert.Equal(parameter.AcceptedValues, doc.AcceptedValues);

                var expectedSets = parameter.Sets.Select(s => string.Join(" ",
                    s.Set == CmdletMetadata.AllSets ? "(All)" : s.Set,
                    "Position=" + (s.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "Named"),
                    "IsRequired=" + Bool(s.Mandatory),
                    "ValueFromPipeline=" + Bool(s.ValueFromPipeline),
                    "ValueFromPipelineByPropertyName=" + Bool(s.ValueFromPipelineByPropertyName),
                    "ValueFromRemainingArguments=" + Bool(s.ValueFromRemainingArguments))).OrderBy(s => s, StringComparer.Ordinal);
                var documentedSets = doc.ParameterSets.Select(s => string.Join(" ",
                    s.GetValueOrDefault("Name"),
                    "Position=" + s.GetValueOrDefault("Position"),
                    "IsRequired=" + s.GetValueOrDefault("IsRequired"),
                    "ValueFromPipeline=" + s.GetValueOrDefault("ValueFromPipeline"),
                    "ValueFromPipelineByPropertyName=" + s.GetValueOrDefault("ValueFromPipelineByPropertyName"),
                    "ValueFromRemainingArguments=" + s.GetValueOrDefault("ValueFromRemainingArguments"))).OrderBy(s => s, StringComparer.Ordinal);
                Assert.Equal(expectedSets, documentedSets);
                // PlatyPS keeps one HelpMessage per parameter (PowerShell one per set): the one the prompt shows.
                Assert.Equal(parameter.Sets.Select(s => s.HelpMessage).FirstOrDefault(m => m != null) ?? "", doc.Scalars.GetValueOrDefault("HelpMessage") ?? "");
            }
        }

        [Theory]
        [MemberData(nameof(ImplementedCmdlets))]
        public void SyntaxShowsEachParameterSetWithItsParameters(string cmdlet)
        {
            var metadata = Cmdlet(cmdlet);
            var blocks = Page(cmdlet).SyntaxBlocks;
            Assert.Equal(metadata.ParameterSets, blocks.Select(b => b.Set).OrderBy(s => s, StringComparer.Ordinal));

            var defaultSet = metadata.DefaultParameterSet ?? (metadata.ParameterSets.Count == 1 ? metadata.ParameterSets[0] : null);
            Assert.Equal(metadata.ParameterSets.Count > 1 && defaultSet != null ? new[] { defaultSet } : Array.Empty<string>(),
                blocks.Where(b => b.IsDefault).Select(b => b.Set));

            foreach (var (set, _, syntax) in blocks)
            {
                Assert.StartsWith(cmdlet + " ", syntax.TrimStart() + " ");
                Assert.Contains("[<CommonParameters>]", syntax);
                var expected = metadata.ParametersIn(set).Select(p => p.Name)
                    .Concat(metadata.SupportsShouldProcess ? new[] { "Confirm", "WhatIf" } : Array.Empty<string>())
                    .OrderBy(n => n, StringComparer.Ordinal);
                var shown = Regex.Matches(syntax, @"(?<=[\s\[])-(\w+)").Select(m => m.Groups[1].Value).OrderBy(n => n, StringComparer.Ordinal);
                Assert.Equal(expected, shown);
                foreach (var parameter in metadata.ParametersIn(set))
                {
                    var membership = parameter.Sets.First(s => s.Set == set || s.Set == CmdletMetadata.AllSets);
                    var n = Regex.Escape(parameter.Name);
                    // [[-N] <T>] optional positional, [-N <T>] optional named, [-N] optional switch; [-N] <T> is mandatory positional.
                    var optional = Regex.IsMatch(syntax, @"\[\[-" + n + @"\]") || Regex.IsMatch(syntax, @"\[-" + n + @" <[^>]*>\]")
                        || (parameter.IsSwitch && Regex.IsMatch(syntax, @"(?<!\[)\[-" + n + @"\](?! <)"));
                    Assert.True(membership.Mandatory != optional, $"{cmdlet} set {set}: -{parameter.Name} is {(membership.Mandatory ? "mandatory" : "optional")} but the syntax shows otherwise");
                }
            }
        }

        /// <summary>
        /// An OUTPUTS entry that lists its type's properties ("Row, Channel, Destination, ...") lists all of them: the send
        /// cmdlets' left out IsSuccess, the one a script filters on (Where-Object IsSuccess -eq $false) and that Export-Csv
        /// writes as a column of the report. An entry that lists none (a sentence about the object) is left alone.
        /// </summary>
        [Theory]
        [MemberData(nameof(ImplementedCmdlets))]
        public void AnOutputThatListsItsPropertiesListsEveryOne(string cmdlet)
        {
            var entries = Page(cmdlet).Entries("OUTPUTS");
            foreach (var type in Cmdlet(cmdlet).OutputTypes.Where(t => t != typeof(void)))
            {
                if (!entries.TryGetValue(type.FullName!, out var lines)) continue; // reported by OutputsAndInputsNameTheRealTypes
                var text = string.Join(" ", lines);
                var properties = type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Select(p => p.Name).ToArray();
                var named = properties.Where(p => Regex.IsMatch(text, @"\b" + p + @"\b")).ToArray();
                if (named.Length < 3) continue;
                var missing = properties.Except(named).ToArray();
                Assert.True(missing.Length == 0, $"{cmdlet}: OUTPUTS lists {type.Name}'s properties without " + string.Join(", ", missing));
            }
        }

        [Theory]
        [MemberData(nameof(ImplementedCmdlets))]
        public void OutputsAndInputsNameTheRealTypes(string cmdlet)
        {
            var metadata = Cmdlet(cmdlet);
            var page = Page(cmdlet);
            var outputs = page.Entries("OUTPUTS").Keys.ToArray();
            foreach (var type in metadata.OutputTypes)
                Assert.Contains(type == typeof(void) ? "None" : type.FullName!, outputs);
            // Other entries describe output the attribute cannot (Connect-WebexConnect writes nothing without -PassThru,
            // -PayloadOnly writes JSON text), but they must still name something real.
            Assert.All(outputs, o => Assert.True(o == "None" || ResolveType(o) != null, $"{cmdlet}: OUTPUTS names an unknown type {o}"));

            var inputs = page.Entries("INPUTS").Keys.ToArray();
            var byValue = metadata.Parameters.Where(p => p.Sets.Any(s => s.ValueFromPipeline)).ToArray();
            if (byValue.Length == 0 && !metadata.Parameters.Any(p => p.AcceptsPipelineInput))
                Assert.Equal(new[] { "None" }, inputs);
            foreach (var parameter in byValue)
            {
                var element = parameter.Property.PropertyType.IsArray ? parameter.Property.PropertyType.GetElementType()! : parameter.Property.PropertyType;
                Assert.Contains(element.FullName!, inputs);
            }
        }

        [Fact]
        public void AboutTopicHasTheSectionsGetHelpShows()
        {
            var about = File.ReadAllText(Path.Combine(DocsFolder, "about_WebexConnect.md"));
            Assert.StartsWith("# about_WebexConnect", about);
            foreach (var section in new[] { "## SHORT DESCRIPTION", "## LONG DESCRIPTION", "## EXAMPLES", "## SEE ALSO" })
                Assert.Contains(section, about);
        }

        [Fact]
        public void AboutTopicNamesOnlyParametersThatExist()
        {
            var ours = OurCmdletNames();
            var real = new HashSet<string>(CmdletMetadata.All.SelectMany(c => c.Parameters).SelectMany(p => p.Aliases.Append(p.Name))
                .Concat(CommonParameters).Concat(ShouldProcessParameters), StringComparer.OrdinalIgnoreCase);
            var checkedNames = 0;
            var unknown = new List<string>();
            foreach (var line in File.ReadAllLines(Path.Combine(DocsFolder, "about_WebexConnect.md")))
            {
                foreach (Match name in Regex.Matches(line, @"(?<![\w$-])-(?<name>[A-Z][A-Za-z]+)"))
                {
                    // "Export-Csv x.csv -NoTypeInformation": a parameter of someone else's cmdlet on the same line. A verb may have
                    // a capital inside ("ForEach-Object -Parallel"). "pwsh -NonInteractive -File job.ps1", "powershell.exe
                    // -ExecutionPolicy RemoteSigned": a switch of PowerShell's own.
                    var owner = Regex.Matches(line.Substring(0, name.Index), @"\b[A-Z][a-z]+(?:[A-Z][a-z]+)*-[A-Z]\w+|\bpwsh\b|\bpowershell\b").Select(m => m.Value).LastOrDefault();
                    if (owner != null && !ours.Contains(owner)) continue;
                    checkedNames++;
                    if (!real.Contains(name.Groups["name"].Value)) unknown.Add(name.Value);
                }
            }
            Assert.True(checkedNames > 5, "the about topic names almost no parameters: is the pattern still right?");
            Assert.True(unknown.Count == 0, "about_WebexConnect names parameters no cmdlet has: " + string.Join(", ", unknown.Distinct()));
        }

        [Fact]
        public void EachChannelHasASampleCsvAndTheCommonJobsHaveScripts()
        {
            var examples = Path.Combine(DocsFolder, "examples");
            foreach (var file in new[] { "sms-recipients.csv", "email-recipients.csv", "rcs-recipients.csv" })
                Assert.True(File.Exists(Path.Combine(examples, file)), "docs/examples/" + file + " is missing");
            Assert.True(Directory.GetFiles(examples, "*.ps1").Length >= 4, "expected at least four example scripts in docs/examples");
        }

        [Fact]
        public void ReadmeLinksOnlyToFilesThatExist()
        {
            var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
            var links = Regex.Matches(readme, @"\]\((?!https?:)(?<target>[^)#]+)").Select(m => m.Groups["target"].Value).ToArray();
            Assert.NotEmpty(links);
            Assert.All(links, l => Assert.True(File.Exists(Path.Combine(RepoPaths.Root, l)) || Directory.Exists(Path.Combine(RepoPaths.Root, l)), "README links to a missing " + l));
        }

        private static Type? ResolveType(string name) =>
            Type.GetType(name) ?? typeof(global::WebexConnect.Commands.ConnectWebexConnectCommand).Assembly.GetType(name)
            ?? typeof(System.Management.Automation.PSObject).Assembly.GetType(name);

        private static string Bool(bool value) => value ? "true" : "false";
    }
}
