#if !NET
using System;
using System.Reflection;

namespace WebexConnect.Sending.Loading
{
    /// <summary>
    /// Windows PowerShell: there is one load context, so the engine's packages are found through an
    /// AssemblyResolve handler that answers only for the files in dependencies/ and only when our own
    /// assemblies ask. Registered once per process.
    /// </summary>
    internal static class DependencyResolver
    {
        private static readonly object Gate = new object();
        private static DependencyAllowList? _allowList;
        private static Assembly? _module;

        public static void Register(string dependencyDirectory, Assembly moduleAssembly)
        {
            lock (Gate)
            {
                if (_allowList != null) return;
                _allowList = new DependencyAllowList(dependencyDirectory);
                _module = moduleAssembly;
                AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;
            }
        }

        private static Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args)
        {
            var allowList = _allowList;
            var module = _module;
            var requesting = args.RequestingAssembly;
            if (allowList is null || module is null || requesting is null) return null;

            var requested = new AssemblyName(args.Name);
            var requestingName = requesting.GetName().Name;
            var moduleName = module.GetName().Name ?? "WebexConnect";
            // The engine (loaded from dependencies/) asks for the module assembly that PowerShell already loaded.
            if (string.Equals(requested.Name, moduleName, StringComparison.OrdinalIgnoreCase))
                return requestingName != moduleName && allowList.IsOurs(requestingName, SafeLocation(requesting), moduleName) ? module : null;

            var path = allowList.Resolve(requested, requestingName, SafeLocation(requesting), moduleName);
            return path is null ? null : Assembly.LoadFrom(path);
        }

        private static string? SafeLocation(Assembly assembly)
        {
            try
            {
                return assembly.IsDynamic ? null : assembly.Location;
            }
            catch (NotSupportedException)
            {
                return null;
            }
        }
    }
}
#endif
