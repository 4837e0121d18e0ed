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
        private readonly Assembly _moduleAssembly;
        private readonly string _moduleName;

        public EngineLoadContext(string dependencyDirectory, Assembly moduleAssembly)
            : base("WebexConnect.Engine", isCollectible: false)
        {
            _allowList = new DependencyAllowList(dependencyDirectory);
            _moduleAssembly = moduleAssembly;
            _moduleName = moduleAssembly.GetName().Name ?? "WebexConnect";
        }

        /// <summary>
        /// The module assembly: the very instance PowerShell loaded (by path, so a by-name lookup in the default
        /// context is not guaranteed to find it). Files in dependencies/: loaded here. Anything else (the framework,
        /// PowerShell): null, which hands the request to the default context.
        /// </summary>
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var name = assemblyName.Name;
            if (name is null) return null;
            if (string.Equals(name, _moduleName, StringComparison.OrdinalIgnoreCase)) return _moduleAssembly;
            var path = _allowList.PathOf(name);
            return path is null ? null : LoadFromAssemblyPath(path);
        }
    }
}
#endif
