using System;
using System.Runtime.InteropServices;
using System.Security;

namespace WebexConnect.Engine.Auth
{
    /// <summary>
    /// Turns a SecureString into the bytes it stands for at the last moment, zeroing every intermediate copy
    /// (unmanaged UTF-16, managed chars) so the plain secret lives in managed memory as briefly as possible.
    /// </summary>
    internal static class SecretBytes
    {
        /// <summary>The characters of the secret; the caller must clear the array when done.</summary>
        public static char[] ToChars(SecureString secret)
        {
            if (secret is null) throw new ArgumentNullException(nameof(secret));
            var chars = new char[secret.Length];
            var unmanaged = IntPtr.Zero;
            try
            {
                unmanaged = Marshal.SecureStringToGlobalAllocUnicode(secret);
                Marshal.Copy(unmanaged, chars, 0, chars.Length);
                return chars;
            }
            finally
            {
                if (unmanaged != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(unmanaged);
            }
        }

        /// <summary>The secret as a string, for a header value: only call it while building the request.</summary>
        public static string ToPlainString(SecureString secret)
        {
            var chars = ToChars(secret);
            try
            {
                return new string(chars);
            }
            finally
            {
                Array.Clear(chars, 0, chars.Length);
            }
        }

        /// <summary>Decodes a Base64 secret; null when it is not Base64. The caller must clear the bytes when done.</summary>
        public static byte[]? DecodeBase64(SecureString secret)
        {
            var chars = ToChars(secret);
            try
            {
                var start = 0;
                var end = chars.Length;
                // Copying from the portal often brings surrounding whitespace; it is never part of the secret.
                while (start < end && char.IsWhiteSpace(chars[start])) start++;
                while (end > start && char.IsWhiteSpace(chars[end - 1])) end--;
                if (end == start) return null;
                try
                {
                    return Convert.FromBase64CharArray(chars, start, end - start);
                }
                catch (FormatException)
                {
                    return null;
                }
            }
            finally
            {
                Array.Clear(chars, 0, chars.Length);
            }
        }
    }
}
