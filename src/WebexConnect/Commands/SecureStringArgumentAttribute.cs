using System;
using System.Collections;
using System.Management.Automation;
using WebexConnect.Results;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Refuses a secret typed as plain text with a message that says how to give it, instead of PowerShell's
    /// "Cannot convert the value of type System.String to type System.Security.SecureString", which a first-time
    /// user cannot act on; and $null, which PowerShell refused with "The argument is null". The secret stays a
    /// SecureString (it is never taken as text), and the message never repeats the value.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class SecureStringArgumentAttribute : ArgumentTransformationAttribute
    {
        public SecureStringArgumentAttribute(string parameterName, string vaultName)
        {
            ParameterName = parameterName;
            VaultName = vaultName;
        }

        /// <summary>The parameter as the message names it ("ServiceKey").</summary>
        public string ParameterName { get; }

        /// <summary>The secret's name in the example with Get-Secret ("WebexConnectKey").</summary>
        public string VaultName { get; }

        /// <summary>What else to do with a PSCredential given here (a credential that holds a Service ID and secret goes to -Credential).</summary>
        public string? CredentialAdvice { get; set; }

        /// <summary>What else to do with a hashtable given here (splat it, when its keys are the parameters' names).</summary>
        public string? HashtableAdvice { get; set; }

        /// <summary>A sentence added to the refusal of $null: where else the command can find the secret (an environment variable).</summary>
        public string? NullAdvice { get; set; }

        private static string Sentence(string? advice) => advice is null ? "" : " " + advice;

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            // $null from a Get-Secret or Import-Clixml that failed a line before: PowerShell's own "The argument is null"
            // (from [ValidateNotNull]) named neither the lookup that failed nor what leaving the parameter out reads.
            if (value is null)
                throw new ArgumentTransformationMetadataException(NullSecretArgument.Message(ParameterName, "secret",
                    $"Give a SecureString, e.g. -{ParameterName} (Get-Secret {VaultName}).", NullAdvice));
            // What a vault or Import-Clixml gives besides a SecureString: PowerShell's own refusal ("Cannot convert the value
            // of type PSCredential to type SecureString", "The property 'ServiceKey' was not found") did not say which part to give.
            if (value is PSCredential)
                throw new ArgumentTransformationMetadataException(
                    $"-{ParameterName} takes a SecureString, not a PSCredential (Get-Credential, Import-Clixml, Get-Secret): give its " +
                    $"password, -{ParameterName} $credential.Password." + Sentence(CredentialAdvice));
            if (value is IDictionary)
                throw new ArgumentTransformationMetadataException(
                    $"-{ParameterName} takes a SecureString, not a hashtable (a SecretManagement hashtable secret): give the entry " +
                    $"that holds it, e.g. -{ParameterName} $secret.{ParameterName}." + Sentence(HashtableAdvice));
            // A token from New-ConnectJwt: PowerShell's "Cannot convert the value of type ConnectJwt to type SecureString" said
            // nothing of why. No secret parameter takes a token: it is made from the secret, for calls the admin makes himself.
            if (value is ConnectJwt)
                throw new ArgumentTransformationMetadataException(
                    $"-{ParameterName} takes a SecureString, not a token from New-ConnectJwt: a token is for calls you make yourself " +
                    "(Invoke-RestMethod)." + (ParameterName == "Secret" ? "" : " Connect-WebexConnect takes the service key (-ServiceKey), " +
                    "or the Service ID and service secret (-ServiceId with -ServiceSecret, or -Credential), and signs its own tokens."));
            if (value is not string) return inputData;
            throw new ArgumentTransformationMetadataException(
                $"-{ParameterName} takes a SecureString, not text, so that the secret is not kept as text in memory, " +
                $"output or logs. Give it from a vault, -{ParameterName} (Get-Secret {VaultName}); ask for it, -{ParameterName} " +
                $"(Read-Host -AsSecureString); or, in a test only, -{ParameterName} (ConvertTo-SecureString '...' -AsPlainText -Force).");
        }
    }
}
