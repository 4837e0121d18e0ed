using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace WebexConnect.Net472Smoke
{
    /// <summary>
    /// Usage: WebexConnect.Net472Smoke.exe &lt;module folder&gt; (the out/WebexConnect that the build lays out).
    /// Exit code 0 when every check passed, 1 when one failed, 2 on wrong usage.
    /// </summary>
    internal static class Program
    {
        private static Assembly? _module;

        /// <summary>Every AssemblyResolve the process raised, "requested &lt;- requesting", to show whether the module's resolver was needed.</summary>
        internal static readonly System.Collections.Concurrent.ConcurrentQueue<string> ResolveRequests = new System.Collections.Concurrent.ConcurrentQueue<string>();

        public static int Main(string[] args)
        {
            if (args.Length != 1)
            {
                Console.Error.WriteLine("Usage: WebexConnect.Net472Smoke.exe <path to out/WebexConnect>");
                return 2;
            }

            var editionDirectory = Path.Combine(Path.GetFullPath(args[0]), "net472");
            var modulePath = Path.Combine(editionDirectory, "WebexConnect.dll");
            if (!File.Exists(modulePath))
            {
                Console.WriteLine("FAIL module-folder: " + modulePath + " does not exist; build with dotnet build -c Release first");
                return 1;
            }

            // What Import-Module does with a binary module: load it by path. Everything else (the engine, its
            // packages) must then be found by the module itself.
            _module = Assembly.LoadFrom(modulePath);
            AppDomain.CurrentDomain.AssemblyResolve += PointSmokeAtLoadedModule;
            return Run(editionDirectory);
        }

        // Kept out of Main so that no module type is bound before the module is loaded.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int Run(string editionDirectory) => SmokeRun.Execute(editionDirectory);

        /// <summary>
        /// The smoke exe was compiled against WebexConnect, which is not beside it: send the exe's own request to
        /// the instance loaded from the module folder (PowerShell binds its cmdlets to that instance the same way).
        /// Requests made by any other assembly are left to the module's own resolver, which is under test.
        /// </summary>
        private static Assembly? PointSmokeAtLoadedModule(object? sender, ResolveEventArgs args)
        {
            ResolveRequests.Enqueue(args.Name + "  <-  " + (args.RequestingAssembly?.GetName().Name ?? "(no requesting assembly)"));
            if (_module is null || !string.Equals(new AssemblyName(args.Name).Name, "WebexConnect", StringComparison.OrdinalIgnoreCase))
                return null;
            return args.RequestingAssembly == typeof(Program).Assembly ? _module : null;
        }
    }
}
