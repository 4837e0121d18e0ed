using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using WebexConnect.Sending.Loading;

namespace WebexConnect.Sending
{
    /// <summary>
    /// Loads WebexConnect.Engine.dll and its packages from dependencies/ beside the module assembly, away from
    /// the assemblies other modules bring (PowerShell 7: a private AssemblyLoadContext; Windows PowerShell:
    /// an allow-list resolver), and creates the engine through the seam. The module never names an engine type.
    /// </summary>
    internal static class EngineLoader
    {
        public const string EngineAssemblyName = "WebexConnect.Engine";
        public const string EngineTypeName = "WebexConnect.Engine.ConnectEngine";
        public const string DependencyFolderName = "dependencies";

        private static readonly object Gate = new object();
        private static IConnectEngine? _shared;

        /// <summary>
        /// The engine for this module, loaded on first use and kept for the life of the process.
        /// A failed load is not cached, so fixing the module folder and trying again works.
        /// </summary>
        public static IConnectEngine Shared
        {
            get
            {
                lock (Gate)
                {
                    return _shared ??= Load(ModuleDirectory).Engine;
                }
            }
        }

        /// <summary>The folder of the module assembly (net8.0/ or net472/ in the module folder).</summary>
        public static string ModuleDirectory =>
            Path.GetDirectoryName(typeof(EngineLoader).Assembly.Location)
            ?? throw new InvalidOperationException("The module assembly has no location.");

        /// <summary>
        /// Where the engine lives: dependencies/ beside the module assembly, else that folder itself
        /// (a build output or test folder where everything sits together).
        /// </summary>
        public static string FindDependencyDirectory(string moduleDirectory)
        {
            var dependencies = Path.Combine(moduleDirectory, DependencyFolderName);
            if (File.Exists(Path.Combine(dependencies, EngineAssemblyName + ".dll"))) return dependencies;
            if (File.Exists(Path.Combine(moduleDirectory, EngineAssemblyName + ".dll"))) return moduleDirectory;
            throw new ConnectionConfigurationException("EngineNotFound", ErrorCategory.ObjectNotFound,
                $"{EngineAssemblyName}.dll was not found in {dependencies}. Reinstall the module.");
        }

        /// <summary>Loads a fresh engine from a module folder; <see cref="Shared"/> is the cached one.</summary>
        public static LoadedEngine Load(string moduleDirectory)
        {
            var directory = FindDependencyDirectory(moduleDirectory);
            var enginePath = Path.Combine(directory, EngineAssemblyName + ".dll");
            try
            {
                var assembly = LoadEngineAssembly(directory, enginePath);
                var type = assembly.GetType(EngineTypeName, throwOnError: true)!;
                var engine = (IConnectEngine)Activator.CreateInstance(type, nonPublic: true)!;
                return new LoadedEngine(engine, assembly, directory);
            }
            catch (Exception ex) when (ex is FileLoadException || ex is BadImageFormatException || ex is TypeLoadException
                || ex is InvalidCastException || ex is MissingMethodException || ex is TargetInvocationException || ex is FileNotFoundException)
            {
                throw new ConnectionConfigurationException("EngineLoadFailed", ErrorCategory.ResourceUnavailable,
                    EngineLoadFailure.Message(directory, ModuleFolderOf(moduleDirectory), ex), ex);
            }
        }

        /// <summary>
        /// The installed module's folder (the one with WebexConnect.psd1 above net8.0/ or net472/), which is what an admin
        /// unblocks; a folder without the manifest above it (a build or test output) is its own.
        /// </summary>
        private static string ModuleFolderOf(string moduleDirectory)
        {
            var parent = Path.GetDirectoryName(moduleDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
            return parent != null && File.Exists(Path.Combine(parent, "WebexConnect.psd1")) ? parent : moduleDirectory;
        }

        private static Assembly LoadEngineAssembly(string directory, string enginePath)
        {
#if NET
            var context = new EngineLoadContext(directory, typeof(EngineLoader).Assembly);
            return context.LoadFromAssemblyPath(enginePath);
#else
            DependencyResolver.Register(directory, typeof(EngineLoader).Assembly);
            return Assembly.LoadFrom(enginePath);
#endif
        }
    }

    /// <summary>An engine and where it came from (the tests check the load context).</summary>
    internal sealed class LoadedEngine
    {
        public LoadedEngine(IConnectEngine engine, Assembly assembly, string dependencyDirectory)
        {
            Engine = engine;
            Assembly = assembly;
            DependencyDirectory = dependencyDirectory;
        }

        public IConnectEngine Engine { get; }
        public Assembly Assembly { get; }
        public string DependencyDirectory { get; }
    }
}
