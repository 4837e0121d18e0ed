using System;
using System.Management.Automation;
using System.Security;

namespace WebexConnect.Commands
{
    /// <summary>
    /// A webhook secret that is not empty. An empty one came from Read-Host -AsSecureString answered with Enter, or a
    /// vault entry never filled: the HMAC of a body with an empty key is one anyone can compute, so the receipts it
    /// "verifies" prove nothing, while the listener said VerifiesSignatures True.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ValidateWebhookSecretAttribute : ValidateArgumentsAttribute
    {
        /// <inheritdoc />
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (value is SecureString secret && secret.Length == 0)
                throw new ValidationMetadataException(
                    "The secret is empty, and anyone can sign a webhook with an empty secret. Give the webhook secret set for " +
                    "the notify URL in Webex Connect (Read-Host -AsSecureString gives an empty one when answered with Enter alone), " +
                    "or leave -Secret out to accept unsigned receipts.");
        }
    }
}
