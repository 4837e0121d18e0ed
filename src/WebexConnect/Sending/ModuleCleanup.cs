using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace WebexConnect.Sending
{
    /// <summary>
    /// Remove-Module WebexConnect closes the current session and every session kept with -PassThru, so no
    /// connection, token or service key outlives the module in the process, and stops every receipt listener it
    /// started, so no port stays taken (PowerShell calls this when it removes the assembly's module). Those belong to
    /// the process: while another open runspace still has the module (this is a ForEach-Object -Parallel block or a
    /// thread job removing its own import), they stay open for it.
    /// </summary>
    public sealed class ModuleCleanup : IModuleAssemblyCleanup
    {
        /// <summary>
        /// The session the last removal closed ("Webex Connect sandbox"), or null when none was open. The module's
        /// root script reads it to say so in verbose: PowerShell calls this class without a stream to write to.
        /// </summary>
        public static string? LastClosedSession { get; private set; }

        /// <summary>
        /// Closes the current session and the kept ones, if any, and stops the listeners, when no other open runspace
        /// has the module; a send still running on a session finishes first.
        /// </summary>
        /// <param name="psModuleInfo">The module being removed.</param>
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (!ModuleRunspaces.RemovedFromLast(Runspace.DefaultRunspace))
            {
                LastClosedSession = null;
                return;
            }
            LastClosedSession = SessionState.CloseAll()?.ToString();
            Receipts.RunningListeners.StopAll();
        }
    }
}
