using System.Globalization;
using System.Text;

namespace WebexConnect.Messages.Validation
{
    /// <summary>
    /// How a problem message quotes a value from the input, so that every error stays one short line a
    /// person can read in a console or a log.
    /// </summary>
    /// <remarks>
    /// A 10,000-digit number echoed whole buries the error; so a long value is cut to its start, "…" and its
    /// length. Control, bidirectional and other invisible characters are written as \uXXXX: a NUL or a newline
    /// breaks the line in a log, and a right-to-left override makes the console show the rest of the line
    /// reversed, hiding which value was wrong.
    /// </remarks>
    internal static class InputEcho
    {
        /// <summary>The longest value quoted whole; longer ones are cut with "…".</summary>
        internal const int MaxQuotedCharacters = 60;

        /// <summary>"'value'", or "'start…' (N characters)" for a value over 60 characters; invisible characters escaped.</summary>
        internal static string Quote(string value)
        {
            if (value.Length <= MaxQuotedCharacters) return "'" + Visible(value) + "'";
            var cut = MaxQuotedCharacters - 1;
            if (char.IsHighSurrogate(value[cut - 1]) && char.IsLowSurrogate(value[cut])) cut--; // never split an emoji
            return "'" + Visible(value.Substring(0, cut)) + "…' (" + value.Length.ToString(CultureInfo.InvariantCulture) + " characters)";
        }

        /// <summary>The longest value a message tells the admin to write, shown whole so that it can be copied.</summary>
        internal const int MaxToWriteCharacters = 500;

        /// <summary>
        /// A value the admin is told to write (the addresses separated as they would work): whole up to 500 characters, as
        /// <see cref="Quote"/> cut it at 60 and left "cy@exam…" to copy. Longer than that it is cut as any other value.
        /// </summary>
        internal static string QuoteToWrite(string value) =>
            value.Length <= MaxToWriteCharacters ? "'" + Visible(value) + "'" : Quote(value);

        /// <summary>
        /// The text with every character that would not print as itself written as \uXXXX: an invisible one, and a space
        /// other than U+0020 (a no-break space from Word or Excel prints as a space, yet Find and Replace with a space
        /// does not find it, nor does it count as GSM-7).
        /// </summary>
        internal static string Visible(string text)
        {
            StringBuilder? result = null;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    result?.Append(c).Append(text[i + 1]);
                    i++;
                }
                else if (IsInvisible(c) || IsOtherSpace(c))
                {
                    result ??= new StringBuilder(text, 0, i, text.Length + 16);
                    result.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    result?.Append(c);
                }
            }
            return result?.ToString() ?? text;
        }

        /// <summary>
        /// The text with every control character a terminal acts on (ESC, BEL, the other C0 ones, DEL, the C1 ones such as
        /// CSI and OSC) written as \uXXXX; tab and line ends stay, so multi-line data keeps its lines. For text from
        /// outside that the console prints as data, where Visible's other escapes (no-break spaces, joiners) would change
        /// what was sent.
        /// </summary>
        internal static string Inert(string text) => Escaped(text, oneLine: false);

        /// <summary>
        /// Text from outside as one printed line: what <see cref="Inert"/> escapes, and the line ends (a CR returns to the
        /// line's start, so what follows is printed over what came before) and the bidirectional controls (U+202E makes the
        /// rest of the line read backwards, "abc\u202Efdp.exe" as "abcexe.pdf"), as \uXXXX. Tab stays. For what a console
        /// line quotes from a receipt: the property keeps the true value, this is only what is printed.
        /// </summary>
        internal static string OneLine(string? text) => string.IsNullOrEmpty(text) ? text ?? "" : Escaped(text!, oneLine: true);

        /// <summary>
        /// The text with the control characters <see cref="Inert"/> escapes as \uXXXX, and with <paramref name="oneLine"/>
        /// the line ends and bidirectional controls too.
        /// </summary>
        private static string Escaped(string text, bool oneLine)
        {
            StringBuilder? result = null;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if ((char.IsControl(c) && c != '\t' && (oneLine || (c != '\n' && c != '\r'))) || (oneLine && IsBidiControl(c)))
                {
                    result ??= new StringBuilder(text, 0, i, text.Length + 16);
                    result.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    result?.Append(c);
                }
            }
            return result?.ToString() ?? text;
        }

        /// <summary>The marks and embeddings, overrides and isolates that change the order a line is shown in (Unicode's Bidi_Control).</summary>
        internal static bool IsBidiControl(char c) =>
            c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

        /// <summary>
        /// The 1-based position of the first UTF-16 surrogate without its partner, or 0 when there is none.
        /// Such a character cannot be written as UTF-8, so JSON would carry U+FFFD instead of the value given.
        /// </summary>
        internal static int LoneSurrogatePosition(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
                else if (char.IsSurrogate(text[i])) return i + 1;
            }
            return 0;
        }

        /// <summary>
        /// One character of a list (a text element: an emoji with its joiners and modifiers is one), as itself, or as \uXXXX
        /// when all of it prints as nothing or as a space (Measure-ConnectSms's UnicodeCharacters: a no-break space or a
        /// zero-width space showed as a blank). A joiner inside an emoji sequence is left as it is, so the emoji shows.
        /// </summary>
        internal static string Character(string element)
        {
            foreach (var c in element)
                if (!IsInvisible(c) && !IsOtherSpace(c)) return element;
            return Visible(element);
        }

        /// <summary>A space that is not U+0020: no-break, narrow no-break, thin, figure, ideographic...</summary>
        internal static bool IsOtherSpace(char c) =>
            c != ' ' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator;

        /// <summary>True for a character that prints as nothing: control, format (zero-width, bidi, BOM, soft hyphen), lone surrogate, line/paragraph separator.</summary>
        internal static bool IsInvisible(char c)
        {
            if (char.IsSurrogate(c)) return true; // only lone ones reach here
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:            // NUL, tab, CR, LF, ESC, DEL, C1
                case UnicodeCategory.Format:             // RLO, LRI, ZWJ, BOM, soft hyphen
                case UnicodeCategory.LineSeparator:      // U+2028
                case UnicodeCategory.ParagraphSeparator: // U+2029
                    return true;
                default:
                    return false;
            }
        }
    }
}
