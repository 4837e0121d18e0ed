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

        // Septets per character, indexed by the character: 0 outside GSM-7. The send cmdlets measure every row's text
        // after substitution, so this is one array read per character rather than two or three set lookups; every
        // GSM-7 character is below the euro sign, the highest.
        private static readonly byte[] Septets = Table();

        internal static bool IsExtension(int codePoint) => SeptetsIn(codePoint) == 2;

        internal static bool Contains(int codePoint) => SeptetsIn(codePoint) != 0;

        /// <summary>Septets a code point costs: 2 for the extension table, 1 otherwise.</summary>
        /// <remarks>
        /// A character outside GSM-7 also counts 1: when text encoding is forced, the carrier replaces it
        /// with a single character (usually "?"). The validator reports such characters as a problem.
        /// </remarks>
        internal static int SeptetsOf(int codePoint) => IsExtension(codePoint) ? 2 : 1;

        /// <summary>Septets a GSM-7 character costs (1, or 2 in the extension table); 0 for one GSM-7 lacks.</summary>
        internal static int SeptetsIn(int codePoint) => (uint)codePoint < (uint)Septets.Length ? Septets[codePoint] : 0;

        private static byte[] Table()
        {
            var table = new byte['\u20AC' + 1];
            foreach (var c in BasicCharacters) table[c] = 1;
            foreach (var c in ExtensionCharacters) table[c] = 2;
            return table;
        }
    }
}
