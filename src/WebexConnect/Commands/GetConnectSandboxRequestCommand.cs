using System;
using System.Management.Automation;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Commands
{
    /// <summary>Get-ConnectSandboxRequest: the requests the sandbox session received, oldest first.</summary>
    [Cmdlet(VerbsCommon.Get, "ConnectSandboxRequest")]
    [OutputType(typeof(SandboxRequest))]
    public sealed class GetConnectSandboxRequestCommand : PSCmdlet
    {
        private int? _last;

        /// <summary>The sandbox session to read; the default is the current session.</summary>
        // From the pipeline too, as Disconnect-WebexConnect and Test-WebexConnect take it: `$kept | Get-ConnectSandboxRequest`
        // must list $kept's requests. Without it PowerShell refused the piped session and the current session's were listed.
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        [SessionArgument]
        [ArgumentCompleter(typeof(SessionVariableCompleter))]
        public ConnectSession? Session { get; set; }

        /// <summary>Only the most recent this many requests.</summary>
        [Parameter]
        [WholeNumberArgument("Last")]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public int Last
        {
            get => _last ?? 0;
            set => _last = value;
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var session = RequiredSession.For(this, Session);
            if (!session.IsSandbox)
            {
                ThrowTerminatingError(ImportedCommandNames.In(this, new ErrorRecord(
                    new InvalidOperationException($"The session is connected to {session.BaseUri}, not the sandbox. Connect with Connect-WebexConnect -Sandbox."),
                    "NotSandbox", ErrorCategory.InvalidOperation, session)));
                return;
            }

            var requests = session.Engine.SandboxRequests;
            var start = _last is int last ? Math.Max(0, requests.Count - last) : 0;
            for (var i = start; i < requests.Count; i++) WriteObject(requests[i]);
        }
    }
}
