using System;
using System.Management.Automation;
using System.Security;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Commands
{
    /// <summary>
    /// New-ConnectJwt: mints the HS256 JWT the Messaging API accepts, for use outside this module
    /// (Invoke-RestMethod -Headers @{ Authorization = "$jwt" }). Needs no Connect-WebexConnect.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ConnectJwt", DefaultParameterSetName = ServiceSecretSet)]
    [OutputType(typeof(ConnectJwt))]
    public sealed class NewConnectJwtCommand : PSCmdlet
    {
        private const string ServiceSecretSet = "ServiceSecret";
        private const string CredentialSet = "Credential";

        private int? _lifetimeMinutes;

        /// <summary>The Service ID: the token's iss claim.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ServiceSecretSet, HelpMessage = "The Service ID that issues the JWT (the iss claim).")]
        [ValidateNotNullOrEmpty]
        [ServiceIdArgument]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? ServiceId { get; set; }

        /// <summary>The Base64 service secret that signs the token.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ServiceSecretSet, HelpMessage = "The Base64 Service Secret that signs the JWT, as a SecureString.")]
        [ValidateNotNull]
        [SecureStringArgument("ServiceSecret", "WebexConnectSecret",
            CredentialAdvice = "Or, when its user name is the Service ID, give it whole with -Credential in place of -ServiceId and -ServiceSecret.",
            HashtableAdvice = "Or splat it when its keys are ServiceId and ServiceSecret: New-ConnectJwt @secret.")]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public SecureString? ServiceSecret { get; set; }

        /// <summary>The Service ID as user name and the service secret as password.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet, HelpMessage = "User name = Service ID, password = Base64 Service Secret.")]
        [ValidateNotNull]
        [CredentialArgument("New-ConnectJwt")]
        [Credential]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public PSCredential? Credential { get; set; }

        /// <summary>Adds an exp claim this many minutes from now (1 to 60, capped at 60 after the back-dated iat); without it the token has no exp.</summary>
        [Parameter]
        [WholeNumberArgument("LifetimeMinutes")]
        [ValidateRange(1, 60)]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public int LifetimeMinutes
        {
            get => _lifetimeMinutes ?? 0;
            set => _lifetimeMinutes = value;
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var serviceId = Credential is null ? ServiceId : ConnectionResolver.ServiceIdOf(Credential.UserName);
            var secret = Credential?.Password ?? ServiceSecret;
            ConnectJwt jwt;
            try
            {
                var (issuer, trimmed) = Credential is null
                    ? ConnectionResolver.CheckJwtCredentials(serviceId, secret, "-ServiceId", "-ServiceSecret")
                    : ConnectionResolver.CheckJwtCredentials(serviceId, secret, ConnectionResolver.CredentialUserName, ConnectionResolver.CredentialPassword);
                var lifetime = _lifetimeMinutes is int minutes ? TimeSpan.FromMinutes(minutes) : (TimeSpan?)null;
                jwt = EngineLoader.Shared.CreateJwt(issuer, trimmed, lifetime);
            }
            catch (ConnectionConfigurationException ex)
            {
                var error = ex.ToErrorRecord(serviceId);
                // $PSDefaultParameterValues['*:Credential'] reaches New-ConnectJwt too: say so, or the admin looks for a -Credential never typed.
                if (DefaultParameterValues.CredentialNote(this) is string note) error.ErrorDetails = new ErrorDetails(ex.Message + " " + note);
                ThrowTerminatingError(error);
                return;
            }
            WriteObject(jwt);
        }
    }
}
