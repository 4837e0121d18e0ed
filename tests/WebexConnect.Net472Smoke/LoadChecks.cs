using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace WebexConnect.Net472Smoke
{
    /// <summary>Where every assembly of the process came from, and whether the engine's packages came from dependencies/.</summary>
    internal static class LoadChecks
    {
        /// <summary>Loaded by any run that sent, minted a JWT and rendered JSON: their absence means the checks did not run.</summary>
        private static readonly string[] MustBeLoaded =
        {
            "WebexConnect.Engine", "System.Text.Json", "System.Memory", "System.Text.Encodings.Web", "Polly.Core",
            "System.IdentityModel.Tokens.Jwt", "Microsoft.IdentityModel.Tokens",
        };

        /// <summary>
        /// Mono only: these framework assemblies are remapped by Mono's loader to its own GAC copy whatever version is
        /// requested (MONO_LOG_MASK=asm shows "was remapped to v4.0.0.0"); .NET Framework 4.7.2 does not unify them,
        /// so there the request for 4.1.4.0 is answered from dependencies/. Tolerated on Mono, never on .NET Framework.
        /// </summary>
        private static readonly HashSet<string> RemappedByMono = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "System.Numerics.Vectors" };

        public static void Run(Report report, string editionDirectory)
        {
            var dependencies = Path.Combine(editionDirectory, "dependencies");
            var shipped = new HashSet<string>(Directory.GetFiles(dependencies, "*.dll").Select(Path.GetFileNameWithoutExtension), StringComparer.OrdinalIgnoreCase);
            var loaded = AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic).OrderBy(a => a.GetName().Name, StringComparer.Ordinal).ToList();

            Console.WriteLine("   loaded assemblies:");
            foreach (var assembly in loaded)
            {
                var name = assembly.GetName();
                Report.Info(name.Name + " " + name.Version + "  " + Location(assembly));
            }

            Console.WriteLine("   AssemblyResolve raised for (requested <- requesting):");
            foreach (var request in Program.ResolveRequests) Report.Info(request);
            if (Program.ResolveRequests.IsEmpty) Report.Info("(none: the runtime bound every reference without asking)");

            report.Run("packages-load-from-dependencies", () =>
            {
                var problems = new List<string>();
                var tolerated = new List<string>();
                foreach (var required in MustBeLoaded)
                    if (!loaded.Any(a => a.GetName().Name == required)) problems.Add(required + " was never loaded");
                foreach (var group in loaded.Where(a => shipped.Contains(a.GetName().Name ?? "")).GroupBy(a => a.GetName().Name))
                {
                    if (group.Count() > 1) problems.Add(group.Key + " loaded " + group.Count() + " times");
                    foreach (var assembly in group)
                    {
                        if (SmokeRun.SamePath(Path.GetDirectoryName(Location(assembly)), dependencies)) continue;
                        if (RuntimeDescription.IsMono && RemappedByMono.Contains(group.Key ?? "") && Location(assembly).Contains("/gac/"))
                            tolerated.Add(group.Key + " " + assembly.GetName().Version + " from Mono's GAC (Mono remaps it; .NET Framework would not)");
                        else
                            problems.Add(group.Key + " came from " + Location(assembly));
                    }
                }
                var module = loaded.FirstOrDefault(a => a.GetName().Name == "WebexConnect");
                if (module is null || !SmokeRun.SamePath(Location(module), Path.Combine(editionDirectory, "WebexConnect.dll")))
                    problems.Add("WebexConnect came from " + (module is null ? "nowhere" : Location(module)));
                var fromDependencies = loaded.Count(a => shipped.Contains(a.GetName().Name ?? ""));
                return problems.Count == 0
                    ? (true, fromDependencies + " of " + shipped.Count + " shipped assemblies loaded, each once and from " + dependencies
                        + (tolerated.Count == 0 ? "" : "; tolerated: " + string.Join("; ", tolerated)))
                    : (false, string.Join("; ", problems));
            });
        }

        private static string Location(Assembly assembly)
        {
            try
            {
                return string.IsNullOrEmpty(assembly.Location) ? "(no location)" : assembly.Location;
            }
            catch (NotSupportedException)
            {
                return "(no location)";
            }
        }
    }
}
