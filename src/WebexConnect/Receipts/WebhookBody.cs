using System;
using System.Collections.Generic;
using System.Security;
using System.Text;

namespace WebexConnect.Receipts
{
    /// <summary>
    /// One webhook as it arrived: the raw bytes, checked against the secret when there is one, then read into
    /// receipts. Shared by ConvertFrom-ConnectWebhook and the receipt listener so both refuse the same bodies.
    /// </summary>
    internal static class WebhookBody
    {
        /// <summary>The most a receipt body may be: a receipt is well under 2 KB; 1 MB leaves room for a list of them.</summary>
        public const int MaxBytes = 1024 * 1024;

        /// <exception cref="WebhookSignatureException">A secret was given and the signature is missing or wrong.</exception>
        /// <exception cref="ReceiptFormatException">The body is not a delivery receipt.</exception>
        public static IReadOnlyList<DeliveryReceipt> Read(byte[] body, SecureString? secret, string? signature,
            Func<byte[], object?> readJson, DateTimeOffset receivedAt)
        {
            if (body is null) throw new ArgumentNullException(nameof(body));
            if (readJson is null) throw new ArgumentNullException(nameof(readJson));
            var verified = false;
            if (secret != null)
            {
                if (string.IsNullOrWhiteSpace(signature))
                    throw new WebhookSignatureException(WebhookSignatureProblem.Missing,
                        "The webhook has no " + WebhookSignature.HeaderName + " header, and -Secret says it must be signed. It was not read.");
                if (!WebhookSignature.Matches(body, secret, signature))
                    throw new WebhookSignatureException(WebhookSignatureProblem.Invalid,
                        "The webhook's " + WebhookSignature.HeaderName + " does not match the body signed with -Secret. It was not read: " +
                        "it was changed on the way, was not sent by Webex Connect, or the secret is not the webhook's.");
                verified = true;
            }
            if (body.Length == 0) throw new ReceiptFormatException("The webhook body is empty.");
            if (Array.TrueForAll(body, b => b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\n'))
                throw new ReceiptFormatException("The webhook body is empty: it has only spaces or line breaks.");
            if (body.Length > MaxBytes) throw new ReceiptFormatException($"The webhook body is {body.Length} bytes; a receipt body is at most {MaxBytes}.");
            object? tree;
            try
            {
                tree = readJson(body);
            }
            catch (FormatException ex)
            {
                throw new ReceiptFormatException("The webhook body is not JSON: " + ex.Message, ex);
            }
            return ReceiptReader.Read(tree, receivedAt, verified);
        }

        /// <summary>The bytes a string body stands for (UTF-8, as the service sends it).</summary>
        public static byte[] BytesOf(string body) => Encoding.UTF8.GetBytes(body);
    }
}
