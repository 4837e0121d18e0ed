using System.Security;

namespace WebexConnect.Sending
{
    /// <summary>Checks that a service secret is Base64 without ever copying it into a managed string.</summary>
    internal static class Base64Secret
    {
        public static bool IsValid(SecureString secret) =>
            UnmanagedSecret.Read(secret, (pointer, length) =>
            {
                var significant = 0;
                var padding = 0;
                for (var i = 0; i < length; i++)
                {
                    var c = UnmanagedSecret.At(pointer, i);
                    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
                    if (c == '=') { padding++; significant++; continue; }
                    // A data character after padding is not Base64.
                    if (padding > 0 || !IsBase64Char(c)) return false;
                    significant++;
                }
                return significant > 0 && padding <= 2 && significant % 4 == 0;
            });

        private static bool IsBase64Char(char c) =>
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    }
}
