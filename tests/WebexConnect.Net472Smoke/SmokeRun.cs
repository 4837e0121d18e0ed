using System;
using System.IO;
using WebexConnect.Sending;

namespace WebexConnect.Net472Smoke
{
    /// <summary>The checks, in the order a user would meet them: load, send in the sandbox, mint a JWT, send over HTTP.</summary>
    internal static class SmokeRun
    {
        public static int Execute(string editionDirectory)
        {
            Console.WriteLine("== WebexConnect net472 smoke on " + RuntimeDescription.Current);
            Console.WriteLine("   module folder: " + editionDirectory);
            var report = new Report();
            var fixtures = Path.Combine(AppDomain.CurrentDomain.BaseDirectory, "Fixtures");

            IConnectEngine? engine = null;
            report.Run("engine-load", () =>
            {
                engine = EngineLoader.Shared;
                var moduleDir = EngineLoader.ModuleDirectory;
                var engineLocation = engine.GetType().Assembly.Location;
                var expectedEngine = Path.Combine(editionDirectory, EngineLoader.DependencyFolderName, EngineLoader.EngineAssemblyName + ".dll");
                var ok = SamePath(moduleDir, editionDirectory) && SamePath(engineLocation, expectedEngine);
                return (ok, "module from " + moduleDir + ", engine " + engine.GetType().FullName + " from " + engineLocation);
            });

            if (engine != null)
            {
                SandboxChecks.Run(report, engine, fixtures);
                JwtChecks.Run(report, engine);
                ReceiptChecks.Run(report, engine);
                EndpointChecks.Run(report, engine);
            }

            // Last: by now every package the checks needed has been loaded, so where each came from is known.
            LoadChecks.Run(report, editionDirectory);
            ReferenceChecks.Run(report, editionDirectory);

            Console.WriteLine($"== net472 smoke: {report.Passed} passed, {report.Failed} failed");
            return report.Failed == 0 ? 0 : 1;
        }

        internal static bool SamePath(string? a, string? b) =>
            a != null && b != null &&
            string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar),
                StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"Mono 6.8.0.105 (...)" or ".NET Framework 4.0.30319.42000": the report says what actually ran.</summary>
    internal static class RuntimeDescription
    {
        public static bool IsMono { get; } = Type.GetType("Mono.Runtime") != null;

        public static string Current
        {
            get
            {
                if (!IsMono) return ".NET Framework (CLR " + Environment.Version + ")";
                var display = Type.GetType("Mono.Runtime")!.GetMethod("GetDisplayName",
                    System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)?.Invoke(null, null);
                return "Mono " + display;
            }
        }
    }
}
