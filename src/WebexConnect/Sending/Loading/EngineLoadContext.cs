#if NET
using System;
using System.Reflection;
using System.Runtime.Loader;

namespace WebexConnect.Sending.Loading
{
    /// <summary>
    /// PowerShell 7: the engine and its packages (Polly, System.IdentityModel.Tokens.Jwt, ...) load here, so other
    /// modules' versions of them in PowerShell's context neither break us nor are broken by us. The module
    /// assembly and PowerShell itself always come from the default context: the seam types must be one type.
    /// </summary>
    internal sealed class EngineLoadContext : AssemblyLoadContext
    {
        private readonly DependencyAllowList _allowList;

        public EngineLoadContext(string dependencyDirectory, Assembly moduleAssembly)
            : base("WebexConnect.Engine", isCollectible: false)
        {
            _allowList = new DependencyAllowList(dependencyDirectory);
            ModuleAssemblyName = moduleAssembly.GetName().Name ?? "WebexConnect";
        }

        private string ModuleAssemblyName { get; }

        /// <summary>null hands the request to the default context: the module assembly, the framework, anything not shipped.</summary>
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var name = assemblyName.Name;
            if (name is null || string.Equals(name, ModuleAssemblyName, StringComparison.OrdinalIgnoreCase)) return null;
            var path = _allowList.PathOf(name);
            return path is null ? null : LoadFromAssemblyPath(path);
        }
    }
}
#endif
