using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace WebexConnect.Composition
{
    /// <summary>The named columns of one pipeline object, in their original order; empty for a plain value.</summary>
    internal sealed class InputRow
    {
        public static InputRow Empty { get; } = new InputRow(Array.Empty<KeyValuePair<string, object?>>());

        /// <summary>
        /// PowerShell's own list of the properties added to one object (a CSV row's columns), or null where this
        /// PowerShell has none by that name. Enumerating PSObject.Properties instead costs 10 to 50 µs per fresh row
        /// (it builds the object's reserved member sets and asks the type table and the adapter), more than reading
        /// the CSV line; the list itself is a few hundred nanoseconds. Internal to PowerShell (5.1 and 7 alike), so
        /// looked up once and used only where <see cref="ReadsLikeProperties"/> has shown it gives the same columns.
        /// </summary>
        private static readonly Func<PSObject, object?>? InstanceMembersOf = FindInstanceMembers();

        /// <summary>Per type name (a row's TypeNames[0]): whether its own members are all its properties (no type data adds any).</summary>
        private static readonly ConcurrentDictionary<string, bool> OwnMembersAreAllProperties = new ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase);

        public InputRow(IEnumerable<KeyValuePair<string, object?>> columns)
        {
            Columns = columns.Where(c => !string.IsNullOrWhiteSpace(c.Key)).ToArray();
        }

        // For the columns ReadColumns reads (it leaves the nameless ones out): kept as they are, not copied.
        private InputRow() => Columns = Array.Empty<KeyValuePair<string, object?>>();

        public IReadOnlyList<KeyValuePair<string, object?>> Columns { get; private init; }

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
            if (value is PSCustomObject && ReadsLikeProperties(input)) return new InputRow { Columns = ReadColumns(OwnProperties(input)) };
            return new InputRow { Columns = ReadColumns(input.Properties) };
        }

        private static List<KeyValuePair<string, object?>> ReadColumns(IEnumerable<PSPropertyInfo> properties)
        {
            var columns = new List<KeyValuePair<string, object?>>();
            foreach (var property in properties)
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
                if (string.IsNullOrWhiteSpace(property.Name)) continue;
                columns.Add(new KeyValuePair<string, object?>(property.Name, cell));
            }
            return columns;
        }

        /// <summary>
        /// True when a [pscustomobject]'s own members can stand for its Properties: checked the slow way once per type
        /// name (Update-TypeData can give PSCustomObject or a CSV's #TYPE name properties of its own), then trusted.
        /// </summary>
        private static bool ReadsLikeProperties(PSObject input)
        {
            if (InstanceMembersOf is null) return false;
            var typeName = input.TypeNames.Count > 0 ? input.TypeNames[0] : "";
            if (OwnMembersAreAllProperties.TryGetValue(typeName, out var known)) return known;
            var same = ReadColumns(OwnProperties(input)).Select(c => c.Key)
                .SequenceEqual(ReadColumns(input.Properties).Select(c => c.Key), StringComparer.OrdinalIgnoreCase);
            OwnMembersAreAllProperties[typeName] = same;
            return same;
        }

        private static IEnumerable<PSPropertyInfo> OwnProperties(PSObject input)
        {
            if (InstanceMembersOf!(input) is IEnumerable members)
                foreach (var member in members)
                    // Once anything enumerates Properties, PowerShell keeps its hidden reserved members (pstypenames,
                    // psobject, ...) in the same list; Properties never shows them, so neither do we.
                    if (member is PSPropertyInfo property && !ReservedNames.Contains(property.Name)) yield return property;
        }

        private static readonly HashSet<string> ReservedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "psbase", "psadapted", "psextended", "psobject", "pstypenames",
        };

        private static Func<PSObject, object?>? FindInstanceMembers()
        {
            try
            {
                var getter = typeof(PSObject).GetProperty("InstanceMembers", BindingFlags.Instance | BindingFlags.NonPublic)?.GetGetMethod(nonPublic: true);
                return getter is null || getter.ReturnType.IsValueType || !typeof(IEnumerable).IsAssignableFrom(getter.ReturnType)
                    ? null
                    : (Func<PSObject, object?>)Delegate.CreateDelegate(typeof(Func<PSObject, object?>), getter);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is MemberAccessException)
            {
                return null;
            }
        }

        /// <summary>
        /// One column of a pipeline object by name, in any casing (as PowerShell binds), or null when it has none.
        /// Reads only that column, so a cmdlet can look one up without reading the whole row twice.
        /// </summary>
        public static object? ValueOf(PSObject? input, string name)
        {
            var value = input?.BaseObject;
            if (value is null || value is string || value is ValueType) return null;
            if (value is IDictionary dictionary) return TryGetKey(dictionary, name, out var cell) ? cell : null;

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

        /// <summary>A hashtable's value under a key of that name, in any casing (as PowerShell binds a property).</summary>
        public static bool TryGetKey(IDictionary dictionary, string name, out object? value)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                if (!string.Equals(Convert.ToString(entry.Key, CultureInfo.InvariantCulture), name, StringComparison.OrdinalIgnoreCase)) continue;
                value = entry.Value;
                return true;
            }
            value = null;
            return false;
        }

        public static InputRow FromDictionary(IDictionary dictionary) =>
            new InputRow(dictionary.Keys.Cast<object>().Select(k =>
                new KeyValuePair<string, object?>(Convert.ToString(k, CultureInfo.InvariantCulture) ?? "", dictionary[k])));
    }
}
