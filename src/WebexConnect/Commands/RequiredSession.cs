using System.Management.Automation;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Commands
{
    /// <summary>The session a cmdlet that needs one works with, or the command ends with the same error everywhere.</summary>
    internal static class RequiredSession
    {
        /// <summary>
        /// -Session when given, else the current one. None (NotConnected) or a closed one (SessionClosed) ends the
        /// command with a terminating error whose target is <paramref name="given"/>.
        /// </summary>
        public static ConnectSession For(PSCmdlet cmdlet, ConnectSession? given)
        {
            try
            {
                return ConnectionResolver.SelectSession(given, Sending.SessionState.Current, InJobProcess(cmdlet));
            }
            catch (ConnectionConfigurationException ex)
            {
                cmdlet.ThrowTerminatingError(ex.ToErrorRecord(given));
                throw; // Not reached: ThrowTerminatingError throws.
            }
        }

        /// <summary>
        /// Whether this PowerShell runs a Start-Job or Invoke-Command in a process of its own, where no session of the script
        /// that started it can be: PowerShell names the host of such a process ServerRemoteHost.
        /// </summary>
        public static bool InJobProcess(PSCmdlet cmdlet) => string.Equals(cmdlet.Host?.Name, "ServerRemoteHost", System.StringComparison.Ordinal);
    }
}
