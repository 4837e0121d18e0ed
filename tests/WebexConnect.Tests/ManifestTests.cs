using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace WebexConnect.Tests
{
    /// <summary>The manifest's explicit CmdletsToExport and the [Cmdlet] types in the module assembly agree.</summary>
    public class ManifestTests
    {
        private static string[] ManifestCmdlets()
        {
            var manifest = File.ReadAllText(Path.Combine(RepoPaths.Root, "WebexConnect.psd1"));
            var block = Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\(([^)]*)\)").Groups[1].Value;
            return Regex.Matches(block, "'([^']+)'").Select(m => m.Groups[1].Value).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        }

        private static string[] AssemblyCmdlets() =>
            typeof(global::WebexConnect.Commands.ConnectWebexConnectCommand).Assembly.GetTypes()
                .Select(t => t.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType == typeof(CmdletAttribute)))
                .Where(a => a != null)
                .Select(a => a!.ConstructorArguments[0].Value + "-" + a.ConstructorArguments[1].Value)
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToArray();

        [Fact]
        public void EveryCmdletInTheAssemblyIsExportedByName()
        {
            var notExported = AssemblyCmdlets().Except(ManifestCmdlets()).ToArray();
            Assert.True(notExported.Length == 0, "Cmdlets missing from CmdletsToExport: " + string.Join(", ", notExported));
        }

        [Fact]
        public void TheManifestExportsNoWildcardsFunctionsOrAliases()
        {
            var manifest = File.ReadAllText(Path.Combine(RepoPaths.Root, "WebexConnect.psd1"));
            Assert.DoesNotContain("*", string.Join("", ManifestCmdlets()));
            Assert.Matches(@"FunctionsToExport\s*=\s*@\(\)", manifest);
            Assert.Matches(@"AliasesToExport\s*=\s*@\(\)", manifest);
        }

        [Fact]
        public void EveryExportedNameIsACmdletInTheAssembly()
        {
            var missing = ManifestCmdlets().Except(AssemblyCmdlets()).ToArray();
            Assert.True(missing.Length == 0, "In CmdletsToExport but not implemented: " + string.Join(", ", missing));
        }
    }
}
