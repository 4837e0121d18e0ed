using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Connect-WebexConnect: opens the session the send cmdlets use. Each value comes from its parameter,
    /// else from its WEBEXCONNECT_* environment variable (see ConnectionResolver), so a scheduled task can
    /// run it with no parameters at all.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "WebexConnect", DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(ConnectSession))]
    public sealed class ConnectWebexConnectCommand : PSCmdlet
    {
        private const string EnvironmentSet = "Environment";
        private const string ServiceKeySet = "ServiceKey";
        private const string ServiceSecretSet = "ServiceSecret";
        private const string CredentialSet = "Credential";
        private const string SandboxSet = "Sandbox";

        private int? _tps;
        private int? _timeoutSec;
        private TimeSpan? _sandboxLatency;
        private double? _sandboxFailureRate;

        /// <summary>The region of the tenant; the default is us (or WEBEXCONNECT_REGION).</summary>
        [Parameter(ParameterSetName = EnvironmentSet)]
        [Parameter(ParameterSetName = ServiceKeySet)]
        [Parameter(ParameterSetName = ServiceSecretSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [TrimmedArgument]
        [ValidateSet("us", "us1", "eu", "uk", "ca", "in", "au", "sg", IgnoreCase = true)]
        public string? Region { get; set; }

        /// <summary>The API root for a private deployment or a local server; plain http:// only for this machine.</summary>
        [Parameter(ParameterSetName = EnvironmentSet)]
        [Parameter(ParameterSetName = ServiceKeySet)]
        [Parameter(ParameterSetName = ServiceSecretSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public Uri? BaseUri { get; set; }

        /// <summary>The service key (sent in the "key" header).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ServiceKeySet, HelpMessage = "The service key from Webex Connect, as a SecureString (Read-Host -AsSecureString).")]
        [ValidateNotNull]
        [SecureStringArgument("ServiceKey", "WebexConnectKey",
            CredentialAdvice = "A credential whose user name is the Service ID and whose password is the service secret goes to -Credential instead.",
            HashtableAdvice = "Or splat it when its key is ServiceKey: Connect-WebexConnect @secret.",
            NullAdvice = "Or leave -ServiceKey out to read WEBEXCONNECT_SERVICE_KEY.")]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public SecureString? ServiceKey { get; set; }

        /// <summary>The Service ID: the issuer of the JWTs the session mints.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ServiceSecretSet, HelpMessage = "The Service ID that issues the JWT (the iss claim).")]
        [ValidateNotNullOrEmpty]
        [ServiceIdArgument]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? ServiceId { get; set; }

        /// <summary>The Base64 service secret that signs the JWTs.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ServiceSecretSet, HelpMessage = "The Base64 Service Secret that signs the JWT, as a SecureString.")]
        [ValidateNotNull]
        [SecureStringArgument("ServiceSecret", "WebexConnectSecret",
            CredentialAdvice = "Or, when its user name is the Service ID, give it whole with -Credential in place of -ServiceId and -ServiceSecret.",
            HashtableAdvice = "Or splat it when its keys are ServiceId and ServiceSecret: Connect-WebexConnect @secret.",
            NullAdvice = "Or leave -ServiceId and -ServiceSecret out to read WEBEXCONNECT_SERVICE_ID and WEBEXCONNECT_SERVICE_SECRET.")]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public SecureString? ServiceSecret { get; set; }

        /// <summary>The Service ID as user name and the service secret as password (e.g. from Get-Secret).</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet, HelpMessage = "User name = Service ID, password = Base64 Service Secret.")]
        [ValidateNotNull]
        [CredentialArgument("Connect-WebexConnect",
            NullAdvice = "Or leave -Credential out to read WEBEXCONNECT_SERVICE_ID and WEBEXCONNECT_SERVICE_SECRET.")]
        [Credential]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public PSCredential? Credential { get; set; }

        /// <summary>Use the in-process sandbox: nothing leaves this machine and no credentials are needed.</summary>
        /// <remarks>
        /// Not Mandatory, although the set means nothing without it: as a mandatory switch, -SandboxLatency or
        /// -SandboxFailureRate given alone made PowerShell prompt "Sandbox:" (or, under -NonInteractive, refuse with
        /// "missing mandatory parameters: Sandbox") before the command ran. ConnectionResolver now says what is wrong
        /// (SandboxLatencyWithoutSandbox), naming both parameters.
        /// </remarks>
        [Parameter(ParameterSetName = SandboxSet)]
        public SwitchParameter Sandbox { get; set; }

        /// <summary>Sandbox only: simulated server time per request (at most 10 seconds).</summary>
        [Parameter(ParameterSetName = SandboxSet)]
        [LatencyArgument]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public TimeSpan SandboxLatency
        {
            get => _sandboxLatency ?? TimeSpan.Zero;
            set => _sandboxLatency = value;
        }

        /// <summary>
        /// Sandbox only: the share (0 to 1) of accepted numbers and addresses whose delivery receipt says Failed (7102, invalid
        /// address) for a number, or Bounced (7520) for an email address, as the service does, instead of Delivered; the same
        /// address always gets the same outcome.
        /// </summary>
        [Parameter(ParameterSetName = SandboxSet)]
        [ShareArgument("SandboxFailureRate")]
        [ValidateShare]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public double SandboxFailureRate
        {
            get => _sandboxFailureRate ?? 0;
            set => _sandboxFailureRate = value;
        }

        /// <summary>
        /// The tenant's limit in destinations per second (1 to 10000); without it the session adopts what the service
        /// announces. With -Sandbox up to 1000000, so a rehearsal can run unthrottled.
        /// </summary>
        [Parameter]
        // The ceiling depends on -Sandbox, so ConnectionResolver checks it (InvalidTps); this only keeps out the absurd.
        [WholeNumberArgument("Tps")]
        [ValidateRange(1, ConnectionResolver.MaxSandboxTps)]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public int Tps
        {
            get => _tps ?? 0;
            set => _tps = value;
        }

        /// <summary>
        /// Keep this session's TPS budget to itself. By default every PowerShell process of this account that
        /// sends to the same tenant (same endpoint, same service key or service ID) shares one budget, through a
        /// small file in the account's own WebexConnect folder (LedgerFolder); WEBEXCONNECT_NO_SHARED_TPS=1 does
        /// the same as this switch.
        /// </summary>
        [Parameter(ParameterSetName = EnvironmentSet)]
        [Parameter(ParameterSetName = ServiceKeySet)]
        [Parameter(ParameterSetName = ServiceSecretSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        public SwitchParameter NoSharedTps { get; set; }

        /// <summary>How long one HTTP request may take, in seconds (default 30).</summary>
        [Parameter]
        [SecondsArgument("TimeoutSec")]
        [ValidateRange(1, 3600)]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public int TimeoutSec
        {
            get => _timeoutSec ?? 0;
            set => _timeoutSec = value;
        }

        /// <summary>Write the new session to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing() => DebugSwitch.Apply(this);

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            ConnectSession session;
            try
            {
                var settings = new ConnectionResolver(ConnectEnvironment.Read).Resolve(BuildRequest());
                session = ConnectSession.Open(EngineLoader.Shared, settings, DateTimeOffset.Now);
            }
            catch (ConnectionConfigurationException ex)
            {
                Fail(ex.ToErrorRecord(BaseUri ?? (object?)Region));
                return;
            }
            catch (Exception ex) when (ex is NotSupportedException || ex is ArgumentException || ex is InvalidOperationException)
            {
                Fail(new ErrorRecord(ex, "ConnectFailed", ErrorCategory.ConnectionError, BaseUri ?? (object?)Region));
                return;
            }

            Sending.SessionState.Replace(session);
            RunspaceConnects.Connected(Runspace.DefaultRunspace, session);
            WriteVerbose(ConnectionDiagnostics.Describe(session));
            // Where the TPS ledger is (a file named after a hash), or why the budget is not shared: else a service
            // account without a writable home lost the sharing in silence.
            if (session.Engine.TpsSharing is string sharing) WriteVerbose(sharing);
            if (!PassThru) return;
            // Handed out, it is the user's: the next Connect-WebexConnect must leave it open for -Session.
            Sending.SessionState.Keep(session);
            WriteObject(session);
        }

        /// <summary>
        /// Ends the command with <paramref name="error"/>. The session that was current stops being current first: a
        /// script that connects to a second tenant and goes on after this error must not send that tenant's rows
        /// through the first.
        /// </summary>
        /// <remarks>
        /// The error itself says so (its displayed text; Exception.Message stays the cause alone), not a warning before it:
        /// under $WarningPreference or -WarningAction Stop that warning ended the command first, as ActionPreferenceStop,
        /// and the cause and its ErrorId (InvalidEndpoint, MissingCredentials...) were never shown.
        /// </remarks>
        private void Fail(ErrorRecord error)
        {
            var message = error.Exception.Message;
            // $PSDefaultParameterValues['*:Credential'], set for a script's remoting or AD commands, reaches a parameterless
            // Connect-WebexConnect too, which then complains of a -Credential the admin never gave it.
            if (DefaultParameterValues.CredentialNote(this) is string note) message += " " + note;
            if (Sending.SessionState.DropAfterFailedConnect(error.Exception.Message)) message += " " + DroppedSessionNote;
            RunspaceConnects.Failed(Runspace.DefaultRunspace, error.Exception.Message);
            if (message != error.Exception.Message) error.ErrorDetails = new ErrorDetails(message);
            // Under Import-Module -Prefix the commands it names are the ones this session has (Connect-WxWebexConnect).
            ThrowTerminatingError(ImportedCommandNames.In(this, error));
        }

        private const string DroppedSessionNote = "The session that was current is no longer current, so that no later " +
            "command sends to its tenant by mistake. Correct this Connect-WebexConnect and run it again.";

        private ConnectRequest BuildRequest() => new ConnectRequest
        {
            Region = Region,
            BaseUri = BaseUri,
            ServiceKey = ServiceKey,
            ServiceId = Credential is null ? ServiceId : ConnectionResolver.ServiceIdOf(Credential.UserName),
            ServiceSecret = Credential?.Password ?? ServiceSecret,
            FromCredential = Credential != null,
            Tps = _tps,
            NoSharedTps = NoSharedTps.IsPresent,
            RequestTimeout = _timeoutSec is int seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null,
            Sandbox = Sandbox.IsPresent,
            SandboxLatency = _sandboxLatency,
            SandboxFailureRate = _sandboxFailureRate,
        };
    }
}
