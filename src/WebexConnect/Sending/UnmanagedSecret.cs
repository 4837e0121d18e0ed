using System;
using System.Runtime.InteropServices;
using System.Security;

namespace WebexConnect.Sending
{
    /// <summary>
    /// Reads a secret's characters where SecureString keeps them, in unmanaged memory that is zeroed afterwards:
    /// the secret never becomes a managed string that stays in the heap until the collector moves or frees it.
    /// </summary>
    internal static class UnmanagedSecret
    {
        /// <summary>Runs <paramref name="read"/> over the characters of <paramref name="secret"/> (a pointer and their count).</summary>
        public static T Read<T>(SecureString secret, Func<IntPtr, int, T> read)
        {
            var pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
            try
            {
                return read(pointer, secret.Length);
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        /// <summary>The character at <paramref name="index"/> of what <see cref="Read{T}"/> handed over.</summary>
        public static char At(IntPtr pointer, int index) => (char)Marshal.ReadInt16(pointer, index * 2);
    }
}
