using System;
using System.Collections;
using System.Management.Automation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Refuses a hashtable given to -Credential with a message that says how to give it. A SecretManagement vault keeps
    /// the Service ID and secret together as a hashtable secret (@{ ServiceId = ...; ServiceSecret = ... }), and
    /// -Credential is where an admin hands it; PowerShell's own conversion answered only "Cannot process argument
    /// transformation on parameter 'Credential'. userName". Splatted, the hashtable binds to -ServiceId and -ServiceSecret.
    /// Refuses $null too: [Credential] turned it into a question for a user name and password, so a scheduled script whose
    /// Import-Clixml or Get-Secret had failed a line before wrote "PowerShell credential request ... User:" into its log and
    /// then PowerShell's "NonInteractive mode" error (or, interactively, asked for what the script meant to load), although
    /// the parameter is [ValidateNotNull]. Declared before [Credential], so that it runs first.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class CredentialArgumentAttribute : ArgumentTransformationAttribute
    {
        public CredentialArgumentAttribute(string commandName) => CommandName = commandName;

        /// <summary>The cmdlet the message shows splatted ("Connect-WebexConnect").</summary>
        public string CommandName { get; }

        /// <summary>A sentence added to the refusal of $null: where else the command can find the credential.</summary>
        public string? NullAdvice { get; set; }

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is null)
                throw new ArgumentTransformationMetadataException(NullSecretArgument.Message("Credential", "credential",
                    "Give a PSCredential, the Service ID as its user name and the service secret as its password.", NullAdvice));
            if (value is not IDictionary) return inputData;
            throw new ArgumentTransformationMetadataException(
                "-Credential takes a PSCredential, not a hashtable: the Service ID as its user name and the service secret as its " +
                "password (Get-Credential, or [pscredential]::new('my-service-id', $secret)). Give a hashtable with the keys ServiceId " +
                $"and ServiceSecret (a SecretManagement hashtable secret) by splatting it instead: {CommandName} @secret.");
        }
    }
}
