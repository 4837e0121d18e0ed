using System.Text;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A UTF-8 character read as Windows-1252, as Windows PowerShell 5.1 reads a UTF-8 file without a byte order mark:
    /// é (C3 A9) shows as "Ã©", à (C3 A0) as "Ã" and a no-break space, ’ (E2 80 99) as "â€™", € (E2 82 AC) as "â‚¬".
    /// </summary>
    /// <remarks>
    /// Only the leads of the characters an admin's text holds are looked for: Â and Ã (the accented Latin letters, the
    /// degree and pound signs...) followed by one continuation, and â (the typographic quotes, dashes and ellipsis Word
    /// writes, the euro sign) followed by two. Each continuation must be what Windows-1252 shows for a byte 80-BF. So
    /// "SÃO PAULO" or "pâte" is not taken for one: after the lead comes a letter, never such a character.
    /// A closing quote is such a character too (” is byte 94), so Portuguese "“ATÉ AMANHÔ" looked like "Ô" misread. The
    /// whole text decides: a misread UTF-8 file gives only characters Windows-1252 has, whose bytes are UTF-8 again. Text
    /// typed as it should be has one that breaks that: an opening “ with no lead before it, a "É" before a space.
    /// </remarks>
    internal static class Utf8ReadAsAnsi
    {
        // What Windows-1252 shows for the bytes 80-9F (the five bytes it leaves undefined come through as C1 controls);
        // A0-BF show as U+00A0-U+00BF.
        private const string Bytes80To9F =
            "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
            "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

        private static readonly char[] Leads = { '\u00C2', '\u00C3', '\u00E2' };

        /// <summary>Where the first such character starts before <paramref name="before"/>, or -1.</summary>
        public static int IndexIn(string text, int before)
        {
            for (var i = text.IndexOfAny(Leads); i >= 0 && i < before; i = text.IndexOfAny(Leads, i + 1))
                if (LengthAt(text, i) > 0) return IsUtf8ReadAsAnsi(text) ? i : -1;
            return -1;
        }

        /// <summary>
        /// True when every character of <paramref name="text"/> is one Windows-1252 shows and their bytes are valid UTF-8:
        /// what a UTF-8 text read as Windows-1252 always is. Asked only once a misread-looking character was found.
        /// </summary>
        private static bool IsUtf8ReadAsAnsi(string text)
        {
            var bytes = new byte[text.Length];
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] < '\u0080') bytes[i] = (byte)text[i];
                else if (ByteOf(text[i]) is int b) bytes[i] = (byte)b;
                else return false;
            }
            // The decoder puts U+FFFD where bytes are not UTF-8, and the text had none (U+FFFD is not a Windows-1252 character).
            return Encoding.UTF8.GetString(bytes).IndexOf('\uFFFD') < 0;
        }

        /// <summary>The characters the misread character at <paramref name="at"/> takes (2 or 3), or 0 when none starts there.</summary>
        public static int LengthAt(string text, int at)
        {
            var length = text[at] == '\u00E2' ? 3 : text[at] == '\u00C2' || text[at] == '\u00C3' ? 2 : 0;
            if (length == 0 || at + length > text.Length) return 0;
            for (var i = at + 1; i < at + length; i++)
                if (ByteOf(text[i]) is not int b || b < 0x80 || b > 0xBF) return 0;
            return length;
        }

        /// <summary>The character the admin meant: "é" for "Ã©".</summary>
        public static string Meant(string misread)
        {
            var bytes = new byte[misread.Length];
            for (var i = 0; i < misread.Length; i++) bytes[i] = (byte)(ByteOf(misread[i]) ?? '?');
            return Encoding.UTF8.GetString(bytes);
        }

        /// <summary>The Windows-1252 byte that shows as <paramref name="c"/>, for the leads and the continuations; null for others.</summary>
        private static int? ByteOf(char c)
        {
            if (c >= '\u00A0' && c <= '\u00FF') return c;
            var high = Bytes80To9F.IndexOf(c);
            return high >= 0 ? 0x80 + high : null;
        }
    }
}
