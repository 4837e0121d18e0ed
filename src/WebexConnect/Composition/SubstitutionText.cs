using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text;

namespace WebexConnect.Composition
{
    /// <summary>Turns cell values into substitution text, and fills $(name) variables the way the service does.</summary>
    internal static class SubstitutionText
    {
        /// <summary>
        /// The text for a cell. Numbers and dates use the invariant culture, so a scheduled task on a
        /// German server sends the same "1.5" as an English console. A value that is not one scalar
        /// (a list, a hashtable, an object) is joined or named as best it can; use <see cref="TryOf"/> to refuse it.
        /// </summary>
        public static string Of(object? value) => TryOf(value, out var text) ? text : Flatten(Unwrap(value));

        /// <summary>$null or DBNull (a wrapped one too): a value that is not there, which <see cref="TryOf"/> makes empty.</summary>
        public static bool IsNothing(object? value)
        {
            value = Unwrap(value);
            return value is null || value is DBNull;
        }

        /// <summary>
        /// The text of one scalar value: a string, character, number, true/false, date, GUID or enum value,
        /// formatted with the invariant culture ($null and DBNull are empty). False for anything else (an array,
        /// a hashtable, an object with properties): the service would get "System.Object[]" or "@{a=1}" instead
        /// of what the admin meant, so the caller refuses it (<see cref="Describe"/> says what it was).
        /// </summary>
        public static bool TryOf(object? value, out string text)
        {
            value = Unwrap(value);
            string? scalar = value switch
            {
                null => "",
                DBNull => "",
                string s => s,
                char c => c.ToString(),
                bool b => b ? "True" : "False",
                Enum e => e.ToString(),
                DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
                Guid g => g.ToString("D"),
                TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
                // Every .NET number is IConvertible and IFormattable; so are no collections or PSObjects.
                IConvertible n when n is IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => null,
            };
            text = scalar ?? "";
            return scalar != null;
        }

        /// <summary>
        /// <see cref="TryOf"/> for a value taken from a row's column, without the white space at its ends: a spreadsheet leaves
        /// spaces no admin means ("Bernd ;" in a semicolon CSV), and "Hi $(Name), ..." reached the recipient as "Hi Bernd , ...".
        /// The text template and -Substitution values are sent as written. Runs for every cell: a value without white space
        /// at an end is returned as it is, with no new string.
        /// </summary>
        public static bool TryOfCell(object? value, out string text) => TryOfCell(value, out text, out _);

        /// <summary><see cref="TryOfCell(object?, out string)"/>, and the text before the trim: the same string when nothing was trimmed.</summary>
        public static bool TryOfCell(object? value, out string text, out string given)
        {
            if (!TryOf(value, out text))
            {
                given = text;
                return false;
            }
            given = text;
            if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[text.Length - 1]))) text = text.Trim();
            return true;
        }

        /// <summary>What a value that is not a scalar is, for an error: "an array of 2 values", "a hashtable", "an object of type X".</summary>
        public static string Describe(object? value)
        {
            value = Unwrap(value);
            return value switch
            {
                IDictionary => "a hashtable (dictionary)",
                ICollection c => "an array of " + c.Count.ToString(CultureInfo.InvariantCulture) + (c.Count == 1 ? " value" : " values"),
                IEnumerable => "a list of values",
                PSCustomObject => "an object with properties",
                null => "nothing",
                _ => "an object of type " + value.GetType().FullName,
            };
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static string Flatten(object? value) => value switch
        {
            IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Of)),
            _ => value?.ToString() ?? "",
        };

        /// <summary>A hashtable of global substitutions (-Substitution) as the message carries them.</summary>
        public static IReadOnlyDictionary<string, string> FromHashtable(IDictionary? table)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (table is null) return result;
            foreach (DictionaryEntry entry in table)
                result[Of(entry.Key)] = Of(entry.Value);
            return result;
        }

        /// <summary>The first key whose value is $null (a variable never set, say), or null when none is.</summary>
        public static string? FirstNullKey(IDictionary? table)
        {
            if (table is null) return null;
            foreach (DictionaryEntry entry in table)
            {
                if (entry.Value is null) return Of(entry.Key);
            }
            return null;
        }

        /// <summary>The stable ErrorId of <see cref="ParameterProblem"/>'s stop.</summary>
        public const string InvalidSubstitutionErrorId = "InvalidSubstitution";

        /// <summary>
        /// Why -Substitution cannot be sent, for every row alike (a list or an object as a value, or a $null unless
        /// <paramref name="allowMissing"/>), or null when it can. One place, so that Measure-ConnectSms refuses what
        /// Send-ConnectSms refuses: before, it measured a list as "a, b" and a $null as empty, and said CanSend True.
        /// </summary>
        /// <param name="table">-Substitution as given.</param>
        /// <param name="allowMissing">-AllowMissingSubstitution: a $null value is sent empty.</param>
        /// <param name="key">The key whose value is wrong, for the error's target: before, the target was the whole
        /// hashtable, shown as "(System.Collections.Hashtable:Hashtable)" in the error's category line.</param>
        public static string? ParameterProblem(IDictionary? table, bool allowMissing, out string? key)
        {
            if (FirstNonScalar(table, out key) is string bad)
                return "-Substitution " + bad + ": a substitution must be one string, number, true/false or date.";
            // As a $null column of a row: a value that was meant to be there and is not, unless the admin says to send it empty.
            if (!allowMissing && (key = FirstNullKey(table)) is string unset)
                return "-Substitution '" + unset + "' is $null: give it a value, remove the key, or give -AllowMissingSubstitution to send it empty.";
            return null;
        }

        /// <summary>"'key' holds an array of 2 values" for the first entry that is not one scalar, or null when all are.</summary>
        public static string? FirstNonScalar(IDictionary? table, out string? key)
        {
            key = null;
            if (table is null) return null;
            foreach (DictionaryEntry entry in table)
            {
                if (!TryOf(entry.Value, out _))
                {
                    key = Of(entry.Key);
                    return "'" + key + "' holds " + Describe(entry.Value);
                }
            }
            return null;
        }

        /// <summary>
        /// The text a recipient would receive: each $(name) replaced by the destination's value, else the
        /// global one; unknown variables stay as written. Used to count SMS parts per row.
        /// </summary>
        public static string Apply(string text, IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, string> own) =>
            text.IndexOf("$(", StringComparison.Ordinal) < 0 ? text : SubstitutionTemplate.Parse(text).Fill(global, own, new StringBuilder(text.Length + 64));

        /// <summary>A short list for messages: the first few items and how many more.</summary>
        public static string Abbreviate(IReadOnlyList<string> items, int shown = 3)
        {
            if (items.Count <= shown) return string.Join(", ", items);
            var text = new StringBuilder(string.Join(", ", items.Take(shown)));
            text.Append(" and ").Append((items.Count - shown).ToString(CultureInfo.InvariantCulture)).Append(" more");
            return text.ToString();
        }
    }
}
