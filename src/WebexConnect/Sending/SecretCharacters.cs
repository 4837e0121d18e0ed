using System.Security;

namespace WebexConnect.Sending
{
    /// <summary>
    /// Finds a control character in a secret without copying it into a managed string. A service key
    /// travels as an HTTP header value: a CR/LF in it would end the header and start one of the caller's
    /// choosing (header injection), and any other control character is not a key anyone was given. A
    /// service secret is refused the same way: it is always one line of Base64.
    /// </summary>
    internal static class SecretCharacters
    {
        /// <summary>The 1-based position of the first C0/C1 control character (or DEL), or 0 when there is none.</summary>
        public static int ControlCharacterPosition(SecureString secret) =>
            UnmanagedSecret.Read(secret, (pointer, length) =>
            {
                for (var i = 0; i < length; i++)
                {
                    var c = UnmanagedSecret.At(pointer, i);
                    if (c < ' ' || (c >= '\u007F' && c <= '\u009F')) return i + 1;
                }
                return 0;
            });

        /// <summary>The message of a secret refused for a control character: where, never what.</summary>
        public static string Problem(string source, string what, int position) =>
            $"{source} contains a control character (a line break, tab, NUL or similar) at position " +
            position.ToString(System.Globalization.CultureInfo.InvariantCulture) +
            $": {what} is one line of printable characters. Copy it again exactly as Webex Connect shows it.";
    }
}
