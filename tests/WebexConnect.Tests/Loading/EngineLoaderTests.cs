using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.Loading
{
    /// <summary>
    /// Loads the engine the way PowerShell 7 will: from the built module folder (out/WebexConnect/net8.0, laid out
    /// by `dotnet build -c Release`) into its own load context, with the seam shared with the default context.
    /// </summary>
    public class EngineLoaderTests
    {
        private static string Net8Edition => Path.Combine(RepoPaths.ModuleFolder, "net8.0");

        private static LoadedEngine LoadFromModuleFolder()
        {
            Assert.True(File.Exists(Path.Combine(Net8Edition, "dependencies", "WebexConnect.Engine.dll")),
                "Build first: dotnet build -c Release lays out " + Net8Edition);
            return EngineLoader.Load(Net8Edition);
        }

        [Fact]
        public void TheEngineLoadsIntoAPrivateContextFromDependencies()
        {
            var loaded = LoadFromModuleFolder();
            var context = AssemblyLoadContext.GetLoadContext(loaded.Assembly)!;
            Assert.NotSame(AssemblyLoadContext.Default, context);
            Assert.Equal("WebexConnect.Engine", context.Name);
            Assert.Equal(Path.Combine(Net8Edition, "dependencies"), loaded.DependencyDirectory);
            Assert.StartsWith(loaded.DependencyDirectory, loaded.Assembly.Location, StringComparison.Ordinal);
            Assert.Equal(EngineLoader.EngineTypeName, loaded.Engine.GetType().FullName);
        }

        [Fact]
        public void TheSeamInterfaceIsTheDefaultContextsType()
        {
            var loaded = LoadFromModuleFolder();
            Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(typeof(IConnectEngine).Assembly));
            Assert.Contains(typeof(IConnectEngine), loaded.Engine.GetType().GetInterfaces());
            // The engine's own reference to the module assembly resolves to the one already loaded.
            var context = AssemblyLoadContext.GetLoadContext(loaded.Assembly)!;
            Assert.Same(typeof(IConnectEngine).Assembly, context.LoadFromAssemblyName(new AssemblyName("WebexConnect")));
        }

        [Fact]
        public void ThirdPartyPackagesLoadInTheEngineContextFromDependencies()
        {
            var loaded = LoadFromModuleFolder();
            var context = AssemblyLoadContext.GetLoadContext(loaded.Assembly)!;
            foreach (var name in new[] { "Polly.Core", "System.IdentityModel.Tokens.Jwt" })
            {
                var package = context.LoadFromAssemblyName(new AssemblyName(name));
                Assert.Same(context, AssemblyLoadContext.GetLoadContext(package));
                Assert.Equal(loaded.DependencyDirectory, Path.GetDirectoryName(package.Location));
                Assert.Contains(package, context.Assemblies);
            }
            // PowerShell's own assembly is never taken from dependencies/, even if a copy were there.
            var automation = context.LoadFromAssemblyName(typeof(System.Management.Automation.PSCmdlet).Assembly.GetName());
            Assert.Same(typeof(System.Management.Automation.PSCmdlet).Assembly, automation);
        }

        [Fact]
        public void WithoutDependenciesFolderTheModuleFolderItselfIsUsed()
        {
            // How the test process has it: the engine beside the module assembly.
            var testFolder = AppContext.BaseDirectory;
            Assert.Equal(testFolder, EngineLoader.FindDependencyDirectory(testFolder));
        }

        [Fact]
        public void AMissingEngineIsEngineNotFound()
        {
            var empty = Directory.CreateTempSubdirectory("wxc-noengine-").FullName;
            try
            {
                var ex = Assert.Throws<ConnectionConfigurationException>(() => EngineLoader.Load(empty));
                Assert.Equal("EngineNotFound", ex.ErrorId);
            }
            finally
            {
                Directory.Delete(empty, recursive: true);
            }
        }

        [Fact]
        public void SharedIsLoadedOnceAndReused()
        {
            Assert.Same(EngineLoader.Shared, EngineLoader.Shared);
            Assert.IsAssignableFrom<IConnectEngine>(EngineLoader.Shared);
        }
    }
}
