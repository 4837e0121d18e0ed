using System;

namespace WebexConnect.Receipts
{
    /// <summary>A webhook refused because its x-hub-signature is missing, wrong, or cannot be checked.</summary>
    public sealed class WebhookSignatureException : Exception
    {
        internal WebhookSignatureException(WebhookSignatureProblem problem, string message) : base(message)
        {
            Problem = problem;
        }

        /// <summary>What is wrong with the signature.</summary>
        public WebhookSignatureProblem Problem { get; }
    }

    /// <summary>Why a webhook's signature did not pass.</summary>
    public enum WebhookSignatureProblem
    {
        /// <summary>No x-hub-signature came with the body.</summary>
        Missing,

        /// <summary>The x-hub-signature is not the HMAC-SHA256 (or HMAC-SHA512) of the body with the secret.</summary>
        Invalid,

        /// <summary>The body was already parsed (an object), so the bytes that were signed are gone.</summary>
        RawBodyRequired,
    }
}
