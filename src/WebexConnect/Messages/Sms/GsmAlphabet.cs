using System.Collections.Generic;

namespace WebexConnect.Messages.Sms
{
    /// <summary>The GSM 03.38 default alphabet: what a "text" (GSM-7) SMS can carry, and at what cost.</summary>
    internal static class GsmAlphabet
    {
        // The 127 printable characters of the basic set (ESC, 0x1B, is the escape to the extension table and
        // not a character). Greek capitals are written as escapes so look-alikes (Ohm sign, Latin letters)
        // cannot slip in unnoticed.
        private const string BasicCharacters =
            "@£$¥èéùìòÇ\nØø\rÅå" +
            "\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039EÆæßÉ" +
            " !\"#¤%&'()*+,-./0123456789:;<=>?" +
            "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§" +
            "¿abcdefghijklmnopqrstuvwxyzäöñüà";

        // Each of these is sent as ESC + a code, so it costs two septets.
        private const string ExtensionCharacters = "\f^{}\\[~]|€";

        private static readonly HashSet<int> Basic = ToCodePoints(BasicCharacters);
        private static readonly HashSet<int> Extension = ToCodePoints(ExtensionCharacters);

        internal static int BasicCount => Basic.Count;

        internal static bool IsExtension(int codePoint) => Extension.Contains(codePoint);

        internal static bool Contains(int codePoint) => Basic.Contains(codePoint) || Extension.Contains(codePoint);

        /// <summary>Septets a code point costs: 2 for the extension table, 1 otherwise.</summary>
        /// <remarks>
        /// A character outside GSM-7 also counts 1: when text encoding is forced, the carrier replaces it
        /// with a single character (usually "?"). The validator reports such characters as a problem.
        /// </remarks>
        internal static int SeptetsOf(int codePoint) => IsExtension(codePoint) ? 2 : 1;

        private static HashSet<int> ToCodePoints(string characters)
        {
            var set = new HashSet<int>();
            foreach (var c in characters) set.Add(c);
            return set;
        }
    }
}
