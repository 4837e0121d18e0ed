using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace WebexConnect.Messages
{
    /// <summary>
    /// Whether a text can be written in an email's -Encoding. A script moved from Send-MailMessage keeps its -Encoding ASCII
    /// or Latin-1; the service writes the email in that set, and every character the set lacks (an é in ASCII, a € in
    /// iso-8859-1) reached the reader as '?'.
    /// </summary>
    internal static class EmailCharsetFit
    {
        // An encoder per MIME name, made once: null for a set this runtime cannot make (then nothing is said of it).
        private static readonly ConcurrentDictionary<string, Encoding?> Encoders =
            new ConcurrentDictionary<string, Encoding?>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The first character of <paramref name="text"/> that <paramref name="charset"/> cannot write, as "'€' (U+20AC)", or
        /// null when it writes them all (or is a set this runtime does not have).
        /// </summary>
        internal static string? FirstUnwritable(string? text, string charset)
        {
            if (string.IsNullOrEmpty(text) || WritesAll(charset)) return null;
            var encoding = Encoders.GetOrAdd(charset, Make);
            if (encoding is null) return null;
            try
            {
                encoding.GetByteCount(text);
                return null;
            }
            catch (EncoderFallbackException unwritable)
            {
                var character = unwritable.CharUnknown != '\0'
                    ? unwritable.CharUnknown.ToString()
                    : new string(new[] { unwritable.CharUnknownHigh, unwritable.CharUnknownLow });
                return "'" + character + "' (U+" + char.ConvertToUtf32(character, 0).ToString("X4", CultureInfo.InvariantCulture) + ")";
            }
        }

        /// <summary>What follows a problem's "holds 'é' (U+00E9): ": why it matters and the fix.</summary>
        internal static string CannotWrite(string charset) =>
            $"-Encoding {charset} cannot write it, and readers would see '?' in its place. Give -Encoding utf-8, which writes every character";

        // The sets of all Unicode: nothing to look at, however long the HTML.
        private static bool WritesAll(string charset) =>
            string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase) || string.Equals(charset, "gb18030", StringComparison.OrdinalIgnoreCase);

        private static Encoding? Make(string charset)
        {
            try
            {
#if NETFRAMEWORK
                return Encoding.GetEncoding(charset, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
#else
                // .NET has the Windows and ISO code pages only through this provider, which PowerShell may not have registered.
                return CodePagesEncodingProvider.Instance.GetEncoding(charset, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback)
                    ?? Encoding.GetEncoding(charset, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
#endif
            }
            catch (ArgumentException)
            {
                return null;
            }
            catch (NotSupportedException)
            {
                return null;
            }
        }
    }
}
