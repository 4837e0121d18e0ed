using System.Management.Automation;
using WebexConnect.Sending;

namespace WebexConnect.Commands
{
    /// <summary>Disconnect-WebexConnect: forgets the current session and releases its connection. Quiet when not connected.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "WebexConnect")]
    [OutputType(typeof(void))]
    public sealed class DisconnectWebexConnectCommand : PSCmdlet
    {
        /// <inheritdoc />
        protected override void BeginProcessing() => DebugSwitch.Apply(this);

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            WriteVerbose(Sending.SessionState.Clear() ? "Disconnected." : "Not connected; nothing to do.");
        }
    }
}
