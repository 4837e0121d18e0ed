using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace WebexConnect.Tests
{
    /// <summary>The importable module folder that a plain build lays out: what Import-Module will find.</summary>
    public class ModuleLayoutTests
    {
        [Theory]
        [InlineData("net472")]
        [InlineData("net8.0")]
        public void EachEditionHasItsAssemblyAndTheEngineBehindTheSeam(string tfm)
        {
            var edition = Path.Combine(RepoPaths.ModuleFolder, tfm);
            Assert.True(File.Exists(Path.Combine(edition, "WebexConnect.dll")), $"{tfm}/WebexConnect.dll");
            Assert.True(File.Exists(Path.Combine(edition, "dependencies", "WebexConnect.Engine.dll")), $"{tfm}/dependencies/WebexConnect.Engine.dll");
            Assert.True(File.Exists(Path.Combine(edition, "dependencies", "Polly.Core.dll")));
            Assert.True(File.Exists(Path.Combine(edition, "dependencies", "System.IdentityModel.Tokens.Jwt.dll")));
            // PowerShell's own assembly is referenced, never shipped.
            Assert.False(File.Exists(Path.Combine(edition, "System.Management.Automation.dll")));
            Assert.False(File.Exists(Path.Combine(edition, "dependencies", "System.Management.Automation.dll")));
            // Third-party packages never sit beside the module assembly, where they would load into PowerShell's context.
            Assert.False(File.Exists(Path.Combine(edition, "Polly.Core.dll")));
        }

        [Fact]
        public void TheManifestCarriesTheVersionFromDirectoryBuildProps()
        {
            var props = File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props"));
            var version = Regex.Match(props, "<Version>([^<]+)</Version>").Groups[1].Value;
            var manifest = File.ReadAllText(Path.Combine(RepoPaths.ModuleFolder, "WebexConnect.psd1"));
            Assert.Matches($"ModuleVersion\\s*=\\s*'{Regex.Escape(version)}'", manifest);
            Assert.True(File.Exists(Path.Combine(RepoPaths.ModuleFolder, "WebexConnect.format.ps1xml")));
        }
    }
}
