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

        public static InputRow FromDictionary(IDictionary dictionary) =>
            new InputRow(dictionary.Keys.Cast<object>().Select(k =>
                new KeyValuePair<string, object?>(Convert.ToString(k, CultureInfo.InvariantCulture) ?? "", dictionary[k])));
    }
}
