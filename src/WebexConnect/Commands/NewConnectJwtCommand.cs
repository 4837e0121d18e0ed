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
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ServiceSecretSet)]
        [ValidateNotNullOrEmpty]
        public string? ServiceId { get; set; }

        /// <summary>The Base64 service secret that signs the token.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ServiceSecretSet)]
        [ValidateNotNull]
        public SecureString? ServiceSecret { get; set; }

        /// <summary>The Service ID as user name and the service secret as password.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [ValidateNotNull]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>Adds an exp claim this many minutes after iat (1 to 60); without it the token has no exp.</summary>
        [Parameter]
        [ValidateRange(1, 60)]
        public int LifetimeMinutes
        {
            get => _lifetimeMinutes ?? 0;
            set => _lifetimeMinutes = value;
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var serviceId = (Credential?.UserName ?? ServiceId)?.Trim();
            var secret = Credential?.Password ?? ServiceSecret;
            if (string.IsNullOrEmpty(serviceId) || secret is null || secret.Length == 0)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("A Service ID and a service secret are required."),
                    "MissingCredentials", ErrorCategory.InvalidArgument, null));
                return;
            }
            if (!Base64Secret.IsValid(secret))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("The service secret is not Base64. Copy it exactly as the Webex Connect service shows it."),
                    "InvalidServiceSecret", ErrorCategory.InvalidArgument, serviceId));
                return;
            }

            ConnectJwt jwt;
            try
            {
                var lifetime = _lifetimeMinutes is int minutes ? TimeSpan.FromMinutes(minutes) : (TimeSpan?)null;
                jwt = EngineLoader.Shared.CreateJwt(serviceId!, secret, lifetime);
            }
            catch (ConnectionConfigurationException ex)
            {
                ThrowTerminatingError(ex.ToErrorRecord(serviceId));
                return;
            }
            WriteObject(jwt);
        }
    }
}
