using System;
using System.Collections.Generic;
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

        private static readonly IReadOnlyDictionary<string, string> NoGlobalValues = new Dictionary<string, string>();

        /// <summary>
        /// The text as the row's recipient would get it: its $(name) variables filled from the row's columns, as
        /// Send-ConnectSms fills them. `Import-Csv | Measure-ConnectSms -Text 'Hi $(Name) ...'`, the command line an admin
        /// copies from Send-ConnectSms, measured "Hi $(Name)" for every row: the same parts for "Hi Al" and for a name of
        /// 30 characters, and GSM-7 for a row whose name holds an accent outside GSM-7 that makes it Unicode. A variable
        /// no column fills stays as written, as Send-ConnectSms -AllowMissingSubstitution would send it.
        /// </summary>
        public static string Personalise(string text, InputRow row)
        {
            if (row is null) throw new ArgumentNullException(nameof(row));
            if (row.Columns.Count == 0 || text.IndexOf("$(", StringComparison.Ordinal) < 0) return text;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var column in row.Columns)
            {
                // A list or an object is no value Send-ConnectSms would send: its variable stays as written.
                if (SubstitutionText.TryOf(column.Value, out var value) && !values.ContainsKey(column.Key)) values.Add(column.Key, value);
            }
            return SubstitutionText.Apply(text, NoGlobalValues, values);
        }
    }
}
