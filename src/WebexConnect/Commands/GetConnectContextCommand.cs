using System.Management.Automation;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Commands
{
    /// <summary>Get-ConnectContext: the current session, without secrets; nothing when not connected.</summary>
    [Cmdlet(VerbsCommon.Get, "ConnectContext")]
    [OutputType(typeof(ConnectSession))]
    public sealed class GetConnectContextCommand : PSCmdlet
    {
        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var current = Sending.SessionState.Current;
            if (current != null) WriteObject(current);
        }
    }
}
