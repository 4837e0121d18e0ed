using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using WebexConnect.Sending;
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

            report.Run("resolver-handler-answers-like-net-framework", () =>
            {
                // The module's AssemblyResolve handler, called as .NET Framework calls it: with the reference as it is
                // written in the requesting assembly, and that assembly (loaded from dependencies/) as the requester.
                var handler = typeof(DependencyResolver).GetMethod("OnAssemblyResolve", BindingFlags.NonPublic | BindingFlags.Static)
                    ?? throw new InvalidOperationException("DependencyResolver.OnAssemblyResolve not found");
                Func<string, Assembly?, Assembly?> ask = (name, requester) =>
                    (Assembly?)handler.Invoke(null, new object?[] { null, new ResolveEventArgs(name, requester) });
                var loaded = AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && SmokeRun.SamePath(Path.GetDirectoryName(a.Location), dependencies))
                    .GroupBy(a => a.GetName().Name!).ToDictionary(g => g.Key, g => g.First());
                var problems = new List<string>();
                var answered = 0;
                foreach (var requester in loaded.Values)
                {
                    foreach (var reference in requester.GetReferencedAssemblies().Where(r => allowList.Contains(r.Name!)))
                    {
                        var answer = ask(reference.FullName, requester);
                        if (answer is null || !SmokeRun.SamePath(Path.GetDirectoryName(answer.Location), dependencies) || answer.GetName().Version < reference.Version)
                            problems.Add(requester.GetName().Name + " asking for " + reference.FullName + " got " + (answer?.Location ?? "null"));
                        else answered++;
                    }
                }
                var module = typeof(EngineLoader).Assembly;
                var engineAssembly = loaded.TryGetValue(EngineLoader.EngineAssemblyName, out var e) ? e : null;
                if (engineAssembly is null) problems.Add("the engine is not loaded from dependencies/");
                else if (!ReferenceEquals(ask(module.FullName, engineAssembly), module)) problems.Add("the engine's request for the module assembly is not answered with the loaded module");
                var outsider = typeof(ReferenceChecks).Assembly;
                if (ask("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", outsider) != null)
                    problems.Add("an outside assembly's request for System.Text.Json was answered from dependencies/");
                if (ask(module.FullName, outsider) != null) problems.Add("an outside assembly's request for the module assembly was answered");
                if (ask("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", null) != null)
                    problems.Add("a request without a requesting assembly was answered");
                return problems.Count == 0
                    ? (true, answered + " references from " + loaded.Count + " loaded package assemblies answered from dependencies/; the engine gets the loaded module; outsiders and anonymous requests get null")
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
