using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace WebexConnect.Composition
{
    /// <summary>The named columns of one pipeline object, in their original order; empty for a plain value.</summary>
    internal sealed class InputRow
    {
        public static InputRow Empty { get; } = new InputRow(Array.Empty<KeyValuePair<string, object?>>());

        public InputRow(IEnumerable<KeyValuePair<string, object?>> columns)
        {
            Columns = columns.Where(c => !string.IsNullOrWhiteSpace(c.Key)).ToArray();
        }

        public IReadOnlyList<KeyValuePair<string, object?>> Columns { get; }

        /// <summary>
        /// Reads a pipeline object: a hashtable's keys, or an object's properties (a CSV row's columns).
        /// Strings and other plain values have no columns: a piped number's Length is not a substitution.
        /// </summary>
        public static InputRow Read(PSObject? input)
        {
            if (input is null) return Empty;
            var value = input.BaseObject;
            if (value is null || value is string || value is ValueType) return Empty;
            if (value is IDictionary dictionary) return FromDictionary(dictionary);

            var columns = new List<KeyValuePair<string, object?>>();
            foreach (var property in input.Properties)
            {
                if (!property.IsGettable || (property.MemberType & PSMemberTypes.Properties) == 0) continue;
                object? cell;
                try
                {
                    cell = property.Value;
                }
                catch (GetValueException)
                {
                    // A property whose getter throws is not a column anyone meant to send.
                    continue;
                }
                columns.Add(new KeyValuePair<string, object?>(property.Name, cell));
            }
            return new InputRow(columns);
        }

        /// <summary>
        /// One column of a pipeline object by name, in any casing (as PowerShell binds), or null when it has none.
        /// Reads only that column, so a cmdlet can look one up without reading the whole row twice.
        /// </summary>
        public static object? ValueOf(PSObject? input, string name)
        {
            var value = input?.BaseObject;
            if (value is null || value is string || value is ValueType) return null;
            if (value is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                    if (string.Equals(Convert.ToString(entry.Key, CultureInfo.InvariantCulture), name, StringComparison.OrdinalIgnoreCase))
                        return entry.Value;
                return null;
            }

            var property = input!.Properties[name];
            if (property is null || !property.IsGettable || (property.MemberType & PSMemberTypes.Properties) == 0) return null;
            try
            {
                return property.Value;
            }
            catch (GetValueException)
            {
                return null;
            }
        }

        public static InputRow FromDictionary(IDictionary dictionary) =>
            new InputRow(dictionary.Keys.Cast<object>().Select(k =>
                new KeyValuePair<string, object?>(Convert.ToString(k, CultureInfo.InvariantCulture) ?? "", dictionary[k])));
    }
}
