using System.Management.Automation;
using System.Management.Automation.Runspaces;
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
                return ConnectionResolver.SelectSession(given, Sending.SessionState.Current, InJobProcess(cmdlet), ConnectedHere());
            }
            catch (ConnectionConfigurationException ex)
            {
                cmdlet.ThrowTerminatingError(ErrorOf(cmdlet, ex, given));
                throw; // Not reached: ThrowTerminatingError throws.
            }
        }

        /// <summary>
        /// The error record of a session that cannot be used (NotConnected, SessionClosed) for this command: it tells the
        /// admin which command to run, by the name their session has (Import-Module -Prefix).
        /// </summary>
        public static ErrorRecord ErrorOf(PSCmdlet cmdlet, ConnectionConfigurationException error, object? target)
        {
            var record = error.ToErrorRecord(target);
            // The note's key stays as written: PowerShell matches it by the unprefixed name.
            var message = ImportedCommandNames.In(cmdlet, error.Message);
            if (error.ErrorId == ConnectionResolver.SessionClosedErrorId && DefaultParameterValues.SessionNote(cmdlet) is string note)
                message += " " + note;
            if (message != error.Message) record.ErrorDetails = new ErrorDetails(message);
            return record;
        }

        /// <summary>What the last Connect-WebexConnect of the runspace running this command did (see <see cref="RunspaceConnects"/>).</summary>
        public static LastConnect? ConnectedHere() => RunspaceConnects.Of(Runspace.DefaultRunspace);

        /// <summary>
        /// Whether this PowerShell runs a Start-Job or Invoke-Command in a process of its own, where no session of the script
        /// that started it can be: PowerShell names the host of such a process ServerRemoteHost.
        /// </summary>
        public static bool InJobProcess(PSCmdlet cmdlet) => string.Equals(cmdlet.Host?.Name, "ServerRemoteHost", System.StringComparison.Ordinal);
    }
}
