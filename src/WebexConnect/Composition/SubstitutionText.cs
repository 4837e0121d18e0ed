using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Text.RegularExpressions;

namespace WebexConnect.Composition
{
    /// <summary>Turns cell values into substitution text, and fills $(name) variables the way the service does.</summary>
    internal static class SubstitutionText
    {
        private static readonly Regex Variable = new Regex(@"\$\(([^()]+)\)", RegexOptions.CultureInvariant);

        /// <summary>
        /// The text for a cell. Numbers and dates use the invariant culture, so a scheduled task on a
        /// German server sends the same "1.5" as an English console.
        /// </summary>
        public static string Of(object? value)
        {
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            return value switch
            {
                null => "",
                string s => s,
                DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Of)),
                _ => value.ToString() ?? "",
            };
        }

        /// <summary>A hashtable of global substitutions (-Substitution) as the message carries them.</summary>
        public static IReadOnlyDictionary<string, string> FromHashtable(IDictionary? table)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (table is null) return result;
            foreach (DictionaryEntry entry in table)
                result[Of(entry.Key)] = Of(entry.Value);
            return result;
        }

        /// <summary>
        /// The text a recipient would receive: each $(name) replaced by the destination's value, else the
        /// global one; unknown variables stay as written. Used to count SMS parts per row.
        /// </summary>
        public static string Apply(string text, IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, string> own)
        {
            if (text.IndexOf("$(", StringComparison.Ordinal) < 0) return text;
            return Variable.Replace(text, m =>
            {
                var name = m.Groups[1].Value;
                if (own.TryGetValue(name, out var value) || global.TryGetValue(name, out value)) return value;
                return m.Value;
            });
        }

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
