using System;
using System.Collections;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace WebexConnect.Receipts
{
    /// <summary>
    /// The x-hub-signature of a webhook: HMAC-SHA256 of the raw body bytes, hex, keyed with the webhook secret's
    /// UTF-8 bytes (API.md; the "sha256=" prefix is inferred, so both forms are accepted), or HMAC-SHA512 when the
    /// service's outbound webhook is set to it (the vendor offers SHA-256 and SHA-512 since release 5.6.0), or HMAC-SHA1
    /// for a webhook configured before then (the vendor keeps those signing with SHA-1), told apart by its length. BCL only, so both ConvertFrom-ConnectWebhook and the receipt listener check it the same way.
    /// </summary>
    internal static class WebhookSignature
    {
        public const string HeaderName = "x-hub-signature";
        private const string Prefix = "sha256=";
        private const string Sha512Prefix = "sha512=";
        private const string Sha1Prefix = "sha1=";
        private const int Sha512Bytes = 64;
        private const int Sha1Bytes = 20;

        /// <summary>The signature header from a web framework's headers (any IDictionary), matched without case.</summary>
        public static string? FromHeaders(IDictionary? headers) => RequestHeaders.Value(headers, HeaderName);

        /// <summary>"sha256=" and the lower-case hex HMAC: what a sender would put in the header.</summary>
        public static string Compute(byte[] body, SecureString secret) => Prefix + ToHex(Hash(body, secret));

        /// <summary>True when <paramref name="signature"/> is the body's HMAC; the comparison takes the same time wherever it differs.</summary>
        public static bool Matches(byte[] body, SecureString secret, string? signature)
        {
            if (body is null) throw new ArgumentNullException(nameof(body));
            if (secret is null) throw new ArgumentNullException(nameof(secret));
            var given = ParseHex(signature);
            // Before, a SHA-512 signature was compared with the SHA-256 hash, so a tenant whose webhook signs with SHA-512
            // had every receipt refused (401 at the listener, WebhookSignatureInvalid here) however right the secret was; so
            // had one configured before SHA-256, which still signs with SHA-1. The hash is told by the signature's length.
            var expected = Hash(body, secret, given.Length);
            return FixedTimeEquals(expected, given);
        }

        // signatureBytes: the length of the signature to compare with; 64 is SHA-512's, 20 SHA-1's, any other SHA-256's.
        private static byte[] Hash(byte[] body, SecureString secret, int signatureBytes = 32)
        {
            var key = KeyBytes(secret);
            try
            {
                using (HMAC hmac = signatureBytes switch
                {
                    Sha512Bytes => new HMACSHA512(key),
#pragma warning disable CA5350 // HMAC-SHA1 is what a webhook configured before SHA-256 signs with; as an HMAC it is not forgeable.
                    Sha1Bytes => new HMACSHA1(key),
#pragma warning restore CA5350
                    _ => new HMACSHA256(key),
                })
                    return hmac.ComputeHash(body);
            }
            finally
            {
                Array.Clear(key, 0, key.Length);
            }
        }

        private static byte[] KeyBytes(SecureString secret)
        {
            var chars = new char[secret.Length];
            var unmanaged = IntPtr.Zero;
            try
            {
                unmanaged = Marshal.SecureStringToGlobalAllocUnicode(secret);
                Marshal.Copy(unmanaged, chars, 0, chars.Length);
                return Encoding.UTF8.GetBytes(chars);
            }
            finally
            {
                if (unmanaged != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(unmanaged);
                Array.Clear(chars, 0, chars.Length);
            }
        }

        /// <summary>
        /// One spelling for every form of a signature that matches (with or without "sha256=", "sha512=" or "sha1=", in either case), so that a
        /// webhook posted again is recognised however its header was written.
        /// </summary>
        public static string Canonical(string signature) => ToHex(ParseHex(signature));

        /// <summary>The bytes of "sha256=&lt;hex&gt;", "sha512=&lt;hex&gt;", "sha1=&lt;hex&gt;" or "&lt;hex&gt;"; empty when it is not hex.</summary>
        private static byte[] ParseHex(string? signature)
        {
            if (string.IsNullOrWhiteSpace(signature)) return Array.Empty<byte>();
            var text = signature!.Trim();
            if (text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) text = text.Substring(Prefix.Length);
            else if (text.StartsWith(Sha512Prefix, StringComparison.OrdinalIgnoreCase)) text = text.Substring(Sha512Prefix.Length);
            else if (text.StartsWith(Sha1Prefix, StringComparison.OrdinalIgnoreCase)) text = text.Substring(Sha1Prefix.Length);
            if (text.Length % 2 != 0) return Array.Empty<byte>();
            var bytes = new byte[text.Length / 2];
            for (var i = 0; i < bytes.Length; i++)
            {
                var high = HexValue(text[2 * i]);
                var low = HexValue(text[2 * i + 1]);
                if (high < 0 || low < 0) return Array.Empty<byte>();
                bytes[i] = (byte)(high * 16 + low);
            }
            return bytes;
        }

        private static int HexValue(char c) =>
            c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

        /// <summary>
        /// Compares every byte of the expected hash whatever the given one holds, so the time taken says nothing
        /// about how much of a forged signature was right (net472 has no CryptographicOperations.FixedTimeEquals).
        /// </summary>
        private static bool FixedTimeEquals(byte[] expected, byte[] given)
        {
            var difference = expected.Length ^ given.Length;
            for (var i = 0; i < expected.Length; i++)
                difference |= expected[i] ^ (i < given.Length ? given[i] : 0);
            return difference == 0;
        }

        private static string ToHex(byte[] bytes)
        {
            var text = new StringBuilder(bytes.Length * 2);
            foreach (var b in bytes) text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return text.ToString();
        }
    }
}
