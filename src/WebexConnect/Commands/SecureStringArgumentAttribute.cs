using System;
using System.Management.Automation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Refuses a secret typed as plain text with a message that says how to give it, instead of PowerShell's
    /// "Cannot convert the value of type System.String to type System.Security.SecureString", which a first-time
    /// user cannot act on. The secret stays a SecureString (it is never taken as text), and the message never
    /// repeats the value.
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

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if ((inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is not string) return inputData;
            throw new ArgumentTransformationMetadataException(
                $"-{ParameterName} takes a SecureString, not text, so that the secret is not kept as text in memory, " +
                $"output or logs. Give it from a vault, -{ParameterName} (Get-Secret {VaultName}); ask for it, -{ParameterName} " +
                $"(Read-Host -AsSecureString); or, in a test only, -{ParameterName} (ConvertTo-SecureString '...' -AsPlainText -Force).");
        }
    }
}
