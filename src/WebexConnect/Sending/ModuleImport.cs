using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace WebexConnect.Sending
{
    /// <summary>
    /// Counts the runspace that imports the module (PowerShell calls this on every Import-Module, in the importing
    /// runspace), so that <see cref="ModuleCleanup"/> closes the process's sessions only when the last one removes it.
    /// </summary>
    public sealed class ModuleImport : IModuleAssemblyInitializer
    {
        /// <summary>Records the runspace that imports the module.</summary>
        public void OnImport() => ModuleRunspaces.Imported(Runspace.DefaultRunspace);
    }
}
