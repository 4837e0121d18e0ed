using System.Management.Automation;
using System.Management.Automation.Runspaces;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Disconnect-WebexConnect: forgets the current session and releases its connection; with -Session, closes
    /// that session instead (one kept with Connect-WebexConnect -PassThru). Quiet when there is nothing to close.
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "WebexConnect")]
    [OutputType(typeof(void))]
    public sealed class DisconnectWebexConnectCommand : PSCmdlet
    {
        /// <summary>The session to close; the default is the current session.</summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        [SessionArgument]
        [ArgumentCompleter(typeof(SessionVariableCompleter))]
        public ConnectSession? Session { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing() => DebugSwitch.Apply(this);

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (Session is null)
            {
                RunspaceConnects.Forget(Runspace.DefaultRunspace);
                // Named, as with -Session: "Disconnected." alone did not say which tenant a script had stopped sending to.
                WriteVerbose(Sending.SessionState.Clear() is { } closed ? $"Disconnected {closed}." : "Not connected; nothing to do.");
                return;
            }
            if (ReferenceEquals(RunspaceConnects.Of(Runspace.DefaultRunspace)?.Session, Session)) RunspaceConnects.Forget(Runspace.DefaultRunspace);
            WriteVerbose(Sending.SessionState.Close(Session)
                ? $"Disconnected {Session}."
                : $"{Session} was already closed; nothing to do.");
        }
    }
}
