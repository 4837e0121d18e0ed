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

        /// <summary>
        /// Whether the secret starts and ends with the same quote (' or "). No key or secret Webex Connect issues has them:
        /// they come from where it was kept (a value typed with its quotes into Windows' environment variable dialog, a
        /// docker --env-file or .env line KEY="..."), and they would travel as part of it. A key is never shown, so the admin
        /// could not see them; the service's 401 only said to check the key, which looks right in the portal.
        /// </summary>
        public static bool IsQuoted(SecureString secret) =>
            UnmanagedSecret.Read(secret, (pointer, length) =>
            {
                if (length < 2) return false;
                var first = UnmanagedSecret.At(pointer, 0);
                return (first == '"' || first == '\'') && UnmanagedSecret.At(pointer, length - 1) == first;
            });

        /// <summary>
        /// The 1-based position of the first character outside printable ASCII, or 0 when there is none. A key travels as an
        /// HTTP header value, which carries ASCII only: .NET refused one with a non-breaking or zero-width space, a typographic
        /// dash or a byte-order mark (what a copy from a web page, an email or a document brings) at each send, and the run
        /// read that as a network failure: six attempts, then ServiceUnreachable telling the admin to check the network.
        /// </summary>
        public static int NonAsciiPosition(SecureString secret) =>
            UnmanagedSecret.Read(secret, (pointer, length) =>
            {
                for (var i = 0; i < length; i++)
                    if (UnmanagedSecret.At(pointer, i) > '\u007E') return i + 1;
                return 0;
            });

        /// <summary>The message of a key refused for a character outside ASCII: where, never what.</summary>
        public static string NonAsciiProblem(string source, int position) =>
            $"{source} has a character that is not plain ASCII at position " +
            position.ToString(System.Globalization.CultureInfo.InvariantCulture) +
            " (a non-breaking or zero-width space, a typographic dash or quote, or a byte-order mark, which a copy from a web page, " +
            "an email or a document brings): a service key is letters, digits and ASCII punctuation. Copy it again from Webex Connect, " +
            "or retype that character.";

        /// <summary>
        /// Whether the secret is a JWT ("eyJ..." in three dot-separated parts, maybe after "Bearer "): a token, such as
        /// New-ConnectJwt's or one copied from another tool, given where the service key goes. Sent as the key header it was
        /// refused with 401 at the first send, whose message only said to check the key.
        /// </summary>
        public static bool IsJwt(SecureString secret) =>
            UnmanagedSecret.Read(secret, (pointer, length) =>
            {
                var start = 0;
                const string bearer = "Bearer ";
                if (length > bearer.Length)
                {
                    var i = 0;
                    while (i < bearer.Length && char.ToLowerInvariant(UnmanagedSecret.At(pointer, i)) == char.ToLowerInvariant(bearer[i])) i++;
                    if (i == bearer.Length) start = i;
                }
                if (length - start < 5 || UnmanagedSecret.At(pointer, start) != 'e' || UnmanagedSecret.At(pointer, start + 1) != 'y'
                    || UnmanagedSecret.At(pointer, start + 2) != 'J')
                    return false;
                var dots = 0;
                for (var i = start; i < length; i++)
                    if (UnmanagedSecret.At(pointer, i) == '.') dots++;
                return dots == 2;
            });

        /// <summary>The message of a token given where the service key goes.</summary>
        public static string JwtProblem(string source) =>
            $"{source} holds a JWT (a token, such as New-ConnectJwt makes), not the service key: Connect-WebexConnect takes no token. " +
            "Give the service key that Webex Connect shows for the service, or the Service ID and service secret " +
            "(-ServiceId with -ServiceSecret, or -Credential): the session then signs and renews its own tokens.";

        /// <summary>
        /// The message of a token given where the service secret goes (a -Credential whose password is a token copied from
        /// another tool): before, "not Base64 ... If it is the service key, give it to -ServiceKey", which a token is not either.
        /// </summary>
        public static string JwtAsSecretProblem(string source) =>
            $"{source} holds a JWT (a token, such as New-ConnectJwt makes), not the service secret: no command of this module takes " +
            "a token. Give the service secret, one line of Base64 as Webex Connect shows it for the service: tokens are signed with it.";

        /// <summary>
        /// Whether the secret is a PEM file's text ("-----BEGIN ..."): a private key or certificate, given where the service
        /// secret goes by an admin used to RS256 tokens. It was refused for its first line break ("a control character at
        /// position 28"), which sent him to copy the file again.
        /// </summary>
        public static bool IsPem(SecureString secret) =>
            UnmanagedSecret.Read(secret, (pointer, length) =>
            {
                const string begin = "-----BEGIN";
                if (length < begin.Length) return false;
                for (var i = 0; i < begin.Length; i++)
                    if (UnmanagedSecret.At(pointer, i) != begin[i]) return false;
                return true;
            });

        /// <summary>The message of a PEM key or certificate given where the service secret goes.</summary>
        public static string PemProblem(string source) =>
            $"{source} holds a PEM key or certificate (-----BEGIN ...), not the service secret: Webex Connect's JWTs are signed " +
            "(HS256) with the service secret, one line of Base64 as Webex Connect shows it for the service, not with a key file.";

        /// <summary>The message of a secret refused for its quotes: which quotes, never what is between them.</summary>
        public static string QuotedProblem(string source, string what) =>
            $"{source} starts and ends with a quote, which {what} never has: the quotes would be sent as part of it. Remove them " +
            "where it is kept (an environment variable typed with its quotes, a docker --env-file or .env line KEY=\"...\" keeps them).";

        /// <summary>The message of a secret refused for a control character: where, never what.</summary>
        public static string Problem(string source, string what, int position) =>
            $"{source} contains a control character (a line break, tab, NUL or similar) at position " +
            position.ToString(System.Globalization.CultureInfo.InvariantCulture) +
            $": {what} is one line of printable characters. Copy it again exactly as Webex Connect shows it.";
    }
}
