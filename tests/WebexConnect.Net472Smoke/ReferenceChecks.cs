using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using WebexConnect.Sending.Loading;

namespace WebexConnect.Net472Smoke
{
    /// <summary>
    /// What Mono cannot show by running: Mono binds the engine's packages by probing dependencies/ and ignores most
    /// version differences, so the module's AssemblyResolve handler is never asked. .NET Framework 4.7.2 has no
    /// binding redirects in powershell.exe.config for us and asks it for every reference whose version differs from
    /// the shipped file. These checks read every reference of every shipped assembly and put it to the module's own
    /// allow-list rule (DependencyAllowList) and to the list of .NET Framework 4.7.2 assemblies.
    /// </summary>
    internal static class ReferenceChecks
    {
        private const string FrameworkListFile = "net472-framework.txt";

        /// <summary>
        /// In-box on .NET Framework 4.7.1+ and unified by the runtime whatever version is asked for: the package's own
        /// build/net471/System.ValueTuple.targets removes its binding redirect for that reason ("the assembly version
        /// in the already shipped packages is higher than what's provided inbox"). A higher version is not a gap.
        /// </summary>
        private static readonly HashSet<string> UnifiedInBox = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "System.ValueTuple" };

        public static void Run(Report report, string editionDirectory)
        {
            var dependencies = Path.Combine(editionDirectory, "dependencies");
            var allowList = new DependencyAllowList(dependencies);
            var moduleName = AssemblyName.GetAssemblyName(Path.Combine(editionDirectory, "WebexConnect.dll"));
            var shipped = Directory.GetFiles(dependencies, "*.dll")
                .Select(path => (Path: path, Name: AssemblyName.GetAssemblyName(path), References: Assembly.ReflectionOnlyLoadFrom(path).GetReferencedAssemblies()))
                .ToList();

            report.Run("resolver-answers-every-package-reference", () =>
            {
                var problems = new List<string>();
                var redirected = new List<string>();
                foreach (var assembly in shipped)
                {
                    foreach (var reference in assembly.References)
                    {
                        if (reference.Name == moduleName.Name)
                        {
                            if (reference.Version != moduleName.Version) problems.Add(assembly.Name.Name + " wants " + reference.FullName);
                            continue;
                        }
                        if (!allowList.Contains(reference.Name!)) continue;
                        var path = allowList.Resolve(reference, assembly.Name.Name, assembly.Path, moduleName.Name!);
                        if (path is null)
                        {
                            problems.Add(assembly.Name.Name + " wants " + reference.FullName + ", which dependencies/ cannot answer");
                            continue;
                        }
                        var answered = AssemblyName.GetAssemblyName(path);
                        if (answered.Version != reference.Version)
                            redirected.Add(assembly.Name.Name + " -> " + reference.Name + " " + reference.Version + " (ships " + answered.Version + ")");
                    }
                }
                Console.WriteLine("   references that need the resolver on .NET Framework (no binding redirects):");
                foreach (var line in redirected.OrderBy(l => l, StringComparer.Ordinal)) Report.Info(line);
                return problems.Count == 0
                    ? (true, "every reference between the " + shipped.Count + " shipped assemblies is answered by the allow-list; " + redirected.Count + " of them only by version >= requested")
                    : (false, string.Join("; ", problems));
            });

            report.Run("framework-references-exist-in-net472", () =>
            {
                var listPath = Path.Combine(AppDomain.CurrentDomain.BaseDirectory, FrameworkListFile);
                var framework = File.ReadAllLines(listPath).Where(l => l.Length > 0).Select(l => new AssemblyName(l))
                    .GroupBy(n => n.Name!, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => g.Max(n => n.Version)!, StringComparer.OrdinalIgnoreCase);
                var problems = new List<string>();
                var count = 0;
                foreach (var assembly in shipped.Append((Path: Path.Combine(editionDirectory, "WebexConnect.dll"), Name: moduleName,
                             References: Assembly.ReflectionOnlyLoadFrom(Path.Combine(editionDirectory, "WebexConnect.dll")).GetReferencedAssemblies())))
                {
                    foreach (var reference in assembly.References)
                    {
                        if (allowList.Contains(reference.Name!) || reference.Name == moduleName.Name || reference.Name == "System.Management.Automation") continue;
                        count++;
                        if (!framework.TryGetValue(reference.Name!, out var version))
                            problems.Add(assembly.Name.Name + " wants " + reference.FullName + ", which .NET Framework 4.7.2 does not have");
                        else if (reference.Version != null && version < reference.Version && !UnifiedInBox.Contains(reference.Name!))
                            problems.Add(assembly.Name.Name + " wants " + reference.FullName + ", .NET Framework 4.7.2 has " + version);
                    }
                }
                return problems.Count == 0
                    ? (true, count + " references to framework assemblies, each present in the .NET Framework 4.7.2 reference set at that version or later")
                    : (false, string.Join("; ", problems));
            });
        }
    }
}
