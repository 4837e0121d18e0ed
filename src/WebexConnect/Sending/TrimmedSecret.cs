using System;
using System.Security;

namespace WebexConnect.Sending
{
    /// <summary>
    /// A secret without the white space around it, copied without ever becoming a managed string. Get-Content,
    /// Read-Host, a secret file or a copy from the portal often brings a final line break or spaces; they are
    /// never part of a key or secret. One rule for every source: the environment variables are trimmed the same way.
    /// </summary>
    internal static class TrimmedSecret
    {
        /// <summary>A read-only copy of <paramref name="secret"/> without leading and trailing white space; empty when blank.</summary>
        public static SecureString Of(SecureString secret)
        {
            if (secret is null) throw new ArgumentNullException(nameof(secret));
            var trimmed = UnmanagedSecret.Read(secret, (pointer, length) =>
            {
                var start = 0;
                var end = length;
                while (start < end && char.IsWhiteSpace(UnmanagedSecret.At(pointer, start))) start++;
                while (end > start && char.IsWhiteSpace(UnmanagedSecret.At(pointer, end - 1))) end--;
                var copy = new SecureString();
                for (var i = start; i < end; i++) copy.AppendChar(UnmanagedSecret.At(pointer, i));
                return copy;
            });
            trimmed.MakeReadOnly();
            return trimmed;
        }
    }
}
