using System.Management.Automation;

namespace WebexConnect.Sending
{
    /// <summary>
    /// Remove-Module WebexConnect closes the current session and every session kept with -PassThru, so no
    /// connection, token or service key outlives the module in the process, and stops every receipt listener it
    /// started, so no port stays taken (PowerShell calls this when it removes the assembly's module).
    /// </summary>
    public sealed class ModuleCleanup : IModuleAssemblyCleanup
    {
        /// <summary>
        /// The session the last removal closed ("Webex Connect sandbox"), or null when none was open. The module's
        /// root script reads it to say so in verbose: PowerShell calls this class without a stream to write to.
        /// </summary>
        public static string? LastClosedSession { get; private set; }

        /// <summary>Closes the current session and the kept ones, if any; a send still running on one finishes first.</summary>
        /// <param name="psModuleInfo">The module being removed.</param>
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            LastClosedSession = SessionState.CloseAll()?.ToString();
            Receipts.RunningListeners.StopAll();
        }
    }
}
