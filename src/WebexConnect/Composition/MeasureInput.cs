using System;
using System.Globalization;
using System.Linq;

namespace WebexConnect.Composition
{
    /// <summary>Whether a piped object gave Measure-ConnectSms a real text, or only PowerShell's string form of a row.</summary>
    internal static class MeasureInput
    {
        public const string NoTextColumnErrorId = "NoTextColumn";

        /// <param name="piped">The piped object's base object; null when nothing was piped.</param>
        /// <param name="row">Its columns, as <see cref="InputRow.Read"/> reads them.</param>
        /// <param name="textOnCommandLine">-Text was given on the command line, so it applies to every row.</param>
        /// <returns>
        /// True for an object (not a string or number) without a Text property, or a hashtable without a Text key (whose
        /// keys the cmdlet binds itself: DictionaryRowBinding).
        /// </returns>
        public static bool IsRowWithoutText(object? piped, InputRow row, bool textOnCommandLine)
        {
            if (row is null) throw new ArgumentNullException(nameof(row));
            if (textOnCommandLine || piped is null || piped is string || piped is ValueType) return false;
            return !row.Columns.Any(c => string.Equals(c.Key, "Text", StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>
        /// The text to measure: -Text from the command line, else a plain value piped by itself (-Text binds by property
        /// name only, so a piped string arrives as -InputObject), else the row's Text column. A Text cell that is
        /// empty or missing from a short CSV line measures as empty text. Null when there is nothing at all.
        /// </summary>
        public static string? TextOf(object? piped, string? boundText, bool textOnCommandLine)
        {
            if (textOnCommandLine) return boundText ?? "";
            if (piped is string text) return text;
            if (piped is IFormattable value && piped is ValueType) return value.ToString(null, CultureInfo.InvariantCulture);
            if (piped is null) return boundText;
            return boundText ?? "";
        }
    }
}
