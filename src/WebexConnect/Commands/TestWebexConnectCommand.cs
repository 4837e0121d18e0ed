using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Test-WebexConnect: asks the service, without sending anything, whether it accepts the session's credential.
    /// It looks up a made-up message ID (GET /v2/messages/{id}, the only documented request without side effects):
    /// 404 or 200 means the credential was accepted, 401/403 that it was refused.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "WebexConnect")]
    [OutputType(typeof(ConnectionTest), typeof(bool))]
    public sealed class TestWebexConnectCommand : PSCmdlet, IDisposable
    {
        private readonly CommandStop _stop = new CommandStop();

        /// <summary>The session to test; the default is the current session. Piped sessions are tested one by one.</summary>
        // From the pipeline too, as Disconnect-WebexConnect takes it: `$eu | Test-WebexConnect` must test $eu. Without it
        // PowerShell refused the piped session with a binding error and the cmdlet went on to test the current session.
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        [SessionArgument]
        [ArgumentCompleter(typeof(SessionVariableCompleter))]
        public ConnectSession? Session { get; set; }

        /// <summary>Writes only True (accepted) or False, and no errors or warnings.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing() => DebugSwitch.Apply(this);

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            // -Quiet answers False, not an error, when there is no session to test: a task's
            // `if (-not (Test-WebexConnect -Quiet)) { exit 1 }` must stop when Connect-WebexConnect failed before it,
            // where a terminating error would only end the if statement and let the script run on.
            ConnectSession session;
            try
            {
                session = ConnectionResolver.SelectSession(Session, Sending.SessionState.Current, RequiredSession.InJobProcess(this),
                    RequiredSession.ConnectedHere());
                if (!session.TryBeginSend()) throw ConnectionResolver.SessionClosed(session);
            }
            catch (ConnectionConfigurationException ex)
            {
                if (!Quiet) ThrowTerminatingError(RequiredSession.ErrorOf(this, ex, Session));
                WriteVerbose(ex.Message);
                WriteObject(false);
                return;
            }

            ConnectionTest test;
            bool timedOut;
            try
            {
                // A made-up ID that no message can have: the answer says who we are, never what a message did.
                var probeId = "webexconnect-test-" + Guid.NewGuid().ToString("N");
                WriteVerbose($"GET {LookupReading.RequestUri(session.BaseUri, probeId)} with the session's {session.AuthMode} credential; nothing is sent.");
                var answer = session.Engine.LookUpMessage(probeId, _stop.Token);
                test = LookupReading.ToTest(answer, session.BaseUri, session.AuthMode, DateTimeOffset.Now);
                timedOut = answer.TimedOut;
                // It always asks, whatever an earlier refusal says (CredentialRefusal): an answer that accepts the credential
                // lets the session's sends and lookups make requests again; one that refuses it starts the mark again.
                if (test.Status == ConnectionTestStatus.Accepted) session.Accepted();
                else if (test.Status == ConnectionTestStatus.Refused)
                    session.Refused("HTTP " + answer.StatusCode.ToString(CultureInfo.InvariantCulture), DateTimeOffset.UtcNow);
            }
            finally
            {
                session.EndSend();
            }
            WriteVerbose(test.Detail);

            if (Quiet)
            {
                WriteObject(test.IsAccepted);
                return;
            }
            WriteObject(test);
            switch (test.Status)
            {
                case ConnectionTestStatus.Refused:
                    WriteError(new ErrorRecord(new InvalidOperationException(test.Detail), "AuthenticationFailed", ErrorCategory.AuthenticationError, session));
                    break;
                case ConnectionTestStatus.Unreachable:
                    // A timeout is an OperationTimeout, as a send's is: the service may only be slow, not out of reach.
                    // Each record names its ID beside its category, as ErrorIdTableTests reads the code.
                    WriteError(timedOut
                        ? new ErrorRecord(new InvalidOperationException(test.Detail), "ServiceUnreachable", ErrorCategory.OperationTimeout, session)
                        : new ErrorRecord(new InvalidOperationException(test.Detail), "ServiceUnreachable", ErrorCategory.ConnectionError, session));
                    break;
                case ConnectionTestStatus.Inconclusive:
                    WriteWarning(test.Detail);
                    break;
            }
        }

        /// <inheritdoc />
        protected override void StopProcessing() => _stop.Request();

        /// <summary>Releases the stop's token (and the wait handle a wait made).</summary>
        public void Dispose() => _stop.Dispose();
    }
}
