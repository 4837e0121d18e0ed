using System;
using System.IO;
using System.Linq;
using System.Reflection;
using WebexConnect.Sending.Loading;
using Xunit;

namespace WebexConnect.Tests.Loading
{
    /// <summary>
    /// The rule the Windows PowerShell resolver applies, checked against the real net472 dependencies folder:
    /// only our files, only exact names, only for requests our assemblies make.
    /// </summary>
    public class DependencyAllowListTests
    {
        private static readonly string Folder = Path.Combine(RepoPaths.ModuleFolder, "net472", "dependencies");
        private static readonly string Engine = Path.Combine(Folder, "WebexConnect.Engine.dll");

        private static DependencyAllowList List()
        {
            Assert.True(File.Exists(Engine), "Build first: dotnet build -c Release lays out " + Folder);
            return new DependencyAllowList(Folder);
        }

        private static AssemblyName Shipped(string name) => AssemblyName.GetAssemblyName(Path.Combine(Folder, name + ".dll"));

        [Fact]
        public void TheListIsExactlyTheFolder()
        {
            var list = List();
            var files = Directory.GetFiles(Folder, "*.dll").Select(Path.GetFileNameWithoutExtension).OrderBy(n => n, StringComparer.OrdinalIgnoreCase);
            Assert.Equal(files, list.Names.OrderBy(n => n, StringComparer.OrdinalIgnoreCase));
            Assert.Contains("Polly.Core", list.Names);
        }

        [Fact]
        public void AnswersTheEngineAndTheModuleForAShippedPackage()
        {
            var list = List();
            Assert.Equal(Path.Combine(Folder, "Polly.Core.dll"), list.Resolve(Shipped("Polly.Core"), "WebexConnect.Engine", Engine, "WebexConnect"));
            Assert.Equal(Path.Combine(Folder, "Polly.Core.dll"), list.Resolve(new AssemblyName("Polly.Core"), "WebexConnect", "/anywhere/WebexConnect.dll", "WebexConnect"));
            // A shipped package asking for another shipped package (a transitive reference).
            Assert.NotNull(list.Resolve(Shipped("Microsoft.IdentityModel.Tokens"), "System.IdentityModel.Tokens.Jwt",
                Path.Combine(Folder, "System.IdentityModel.Tokens.Jwt.dll"), "WebexConnect"));
        }

        [Fact]
        public void NeverAnswersForOtherModulesRequests()
        {
            var list = List();
            // Another module's copy of Polly asking: not ours, even though we ship that name.
            Assert.Null(list.Resolve(Shipped("Polly.Core"), "Az.Accounts", "/modules/Az/Az.Accounts.dll", "WebexConnect"));
            // A same-named assembly loaded from elsewhere is not ours either.
            Assert.Null(list.Resolve(Shipped("Microsoft.IdentityModel.Tokens"), "System.IdentityModel.Tokens.Jwt",
                "/modules/Graph/System.IdentityModel.Tokens.Jwt.dll", "WebexConnect"));
            Assert.Null(list.Resolve(Shipped("Polly.Core"), null, null, "WebexConnect"));
        }

        [Fact]
        public void NeverByPartialNameOrForANewerVersionOrAnotherPublisher()
        {
            var list = List();
            Assert.Null(list.Resolve(new AssemblyName("Polly"), "WebexConnect.Engine", Engine, "WebexConnect"));
            Assert.Null(list.Resolve(new AssemblyName("Polly.Core.Extensions"), "WebexConnect.Engine", Engine, "WebexConnect"));
            var newer = Shipped("Polly.Core");
            newer.Version = new Version(newer.Version!.Major + 1, 0, 0, 0);
            Assert.Null(list.Resolve(newer, "WebexConnect.Engine", Engine, "WebexConnect"));
            var otherPublisher = Shipped("Polly.Core");
            otherPublisher.SetPublicKeyToken(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
            Assert.Null(list.Resolve(otherPublisher, "WebexConnect.Engine", Engine, "WebexConnect"));
        }

        [Fact]
        public void PowerShellAndTheModuleAssemblyAreNeverTakenFromTheFolder()
        {
            var list = List();
            Assert.False(list.Contains("System.Management.Automation"));
            Assert.False(list.Contains("WebexConnect"));
            Assert.Null(list.Resolve(new AssemblyName("System.Management.Automation"), "WebexConnect.Engine", Engine, "WebexConnect"));
        }
    }
}
