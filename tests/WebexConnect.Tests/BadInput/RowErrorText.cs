using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Tests.BadInput
{
    /// <summary>
    /// The one line a cmdlet shows for a row it will not send: "Row 12: To: ...; Text: ...".
    /// </summary>
    /// <remarks>
    /// Lives in the tests until the Composition layer is merged; it belongs in src/WebexConnect/Composition.
    /// Control, bidirectional and other invisible characters echoed from the input are shown as \uXXXX:
    /// a NUL or a newline would break the one-line error in a log, and a right-to-left override would make
    /// the console show the rest of the line reversed, hiding which value was wrong.
    /// </remarks>
    internal static class RowErrorText
    {
        /// <param name="rowNumber">The row's position in the input, counting from 1 (the first data row).</param>
        internal static string Format(int rowNumber, IReadOnlyList<ValidationProblem> problems)
        {
            if (problems is null) throw new ArgumentNullException(nameof(problems));
            if (problems.Count == 0) throw new ArgumentException("a row with no problems has no error text", nameof(problems));
            var text = "Row " + rowNumber.ToString(CultureInfo.InvariantCulture) + ": " +
                string.Join("; ", problems.Select(p => p.Field + ": " + p.Message));
            return Visible(text);
        }

        /// <summary>The text with every character that would not print as itself written as \uXXXX.</summary>
        internal static string Visible(string text)
        {
            StringBuilder? result = null;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                var pairedSurrogate = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                if (pairedSurrogate)
                {
                    result?.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }
                if (IsInvisible(c))
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

        private static bool IsInvisible(char c)
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
