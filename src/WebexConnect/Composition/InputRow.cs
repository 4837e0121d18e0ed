using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Data;
using System.Globalization;
using System.Linq;
using System.Linq.Expressions;
using System.Management.Automation;
using System.Reflection;

namespace WebexConnect.Composition
{
    /// <summary>The named columns of one pipeline object, in their original order; empty for a plain value.</summary>
    internal sealed class InputRow
    {
        public static InputRow Empty { get; } = new InputRow(Array.Empty<KeyValuePair<string, object?>>());

        /// <summary>A $null piped in (an empty item of a list), told apart from a call with nothing piped: no columns either.</summary>
        public static InputRow PipedNull { get; } = new InputRow(Array.Empty<KeyValuePair<string, object?>>());

        /// <summary>
        /// A session piped in ($eu | Send-ConnectSms ...), as Disconnect-WebexConnect and Test-WebexConnect take one: not a
        /// row, and read as one it would go through the current session, another tenant's. No columns: it is never sent.
        /// </summary>
        public static InputRow PipedSession { get; } = new InputRow(Array.Empty<KeyValuePair<string, object?>>());

        /// <summary>
        /// A list that arrived as one pipeline object (,@($a, $b) | Send-ConnectSms, Write-Output -NoEnumerate): no columns (its
        /// Length, Rank and SyncRoot are no one's columns, and the refusal named them as if they were); this is its item count.
        /// Null for every other object.
        /// </summary>
        public int? ListCount { get; private init; }

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

        // Set when every member of the row is a note property (a CSV row): its type names, for its echo.
        private IList<string>? _echoTypeNames;

        /// <summary>
        /// Reads a pipeline object: a hashtable's keys, or an object's properties (a CSV row's columns).
        /// Strings and other plain values have no columns: a piped number's Length is not a substitution; nor has a list.
        /// </summary>
        public static InputRow Read(PSObject? input)
        {
            if (input is null) return Empty;
            var value = input.BaseObject;
            if (value is null || value is string || value is ValueType) return Empty;
            if (value is Results.ConnectSession) return PipedSession;
            if (value is IDictionary dictionary) return FromDictionary(dictionary);
            // After IDictionary, which is a collection too: a hashtable is a row.
            if (value is ICollection list) return new InputRow { ListCount = list.Count };
            if (value is DataRow dataRow) return FromDataRow(dataRow);
            if (value is DataRowView view) return FromDataRowView(view);
            if (value is PSCustomObject)
            {
                var typeNames = TypeNamesOf(input);
                if (ReadsLikeProperties(input, typeNames)) return ReadOwnMembers(input, typeNames);
            }
            return new InputRow { Columns = ReadColumns(input.Properties) };
        }

        /// <summary>
        /// What the run keeps of the pipeline object while its request travels: a CSV row (a [pscustomobject] of
        /// note properties only) as this InputRow, its columns already read and its type names (<see cref="RowEcho"/>), anything
        /// else as it is.
        /// </summary>
        public object? StandIn(PSObject? input) => _echoTypeNames is null ? input : this;

        /// <summary>The stand-in of a CSV row (<see cref="StandIn"/>) as the row again, for its error record; null for any other object.</summary>
        public static PSObject? EchoOf(object? standIn) =>
            standIn is InputRow { _echoTypeNames: { } typeNames } row ? RowEcho.ToPSObject(row.Columns, typeNames) : null;

        private static InputRow ReadOwnMembers(PSObject input, IList<string> typeNames)
        {
            IReadOnlyList<KeyValuePair<string, object?>> columns = Empty.Columns;
            var onlyNotes = true;
            // The loop of OwnMembers, written out: its iterator would be one more object for every row. By index where this
            // PowerShell lets us: the list's enumerator copies it into a new list first, for every row.
            var members = InstanceMembersOf!(input);
            if (members is not null && MembersByIndex is { } byIndex)
            {
                // An array of the row's size, not a list around one (32 B a row): a member that is no column (one of
                // PowerShell's reserved members, a property that cannot be read) leaves it shorter, and it is cut to size then.
                var count = byIndex.Count(members);
                var read = new KeyValuePair<string, object?>[count];
                var filled = 0;
                for (var i = 0; i < count; i++)
                    if (OwnColumn(byIndex.At(members, i), ref onlyNotes) is { } column) read[filled++] = column;
                if (filled < count) Array.Resize(ref read, filled);
                columns = read;
            }
            else if (members is IEnumerable all)
            {
                var read = new List<KeyValuePair<string, object?>>();
                foreach (var member in all)
                    if (OwnColumn(member, ref onlyNotes) is { } column) read.Add(column);
                columns = read;
            }
            return new InputRow { Columns = columns, _echoTypeNames = onlyNotes ? typeNames : null };
        }

        /// <summary>The column a member of the row's own list is, or null when it is none (onlyNotes is cleared by any other member).</summary>
        private static KeyValuePair<string, object?>? OwnColumn(object? member, ref bool onlyNotes)
        {
            if (OwnMember(member) is not { } info) return null;
            onlyNotes &= info is PSNoteProperty;
            return info is PSPropertyInfo property ? ColumnOf(property) : null;
        }

        private static List<KeyValuePair<string, object?>> ReadColumns(IEnumerable<PSPropertyInfo> properties)
        {
            var columns = new List<KeyValuePair<string, object?>>();
            foreach (var property in properties)
                if (ColumnOf(property) is { } column) columns.Add(column);
            return columns;
        }

        /// <summary>The property as a column: null for one that is no column (not gettable, nameless, or its getter throws).</summary>
        private static KeyValuePair<string, object?>? ColumnOf(PSPropertyInfo property)
        {
            if (!property.IsGettable || (property.MemberType & PSMemberTypes.Properties) == 0) return null;
            object? cell;
            try
            {
                cell = property.Value;
            }
            catch (GetValueException)
            {
                // A property whose getter throws is not a column anyone meant to send.
                return null;
            }
            if (string.IsNullOrWhiteSpace(property.Name)) return null;
            return new KeyValuePair<string, object?>(property.Name, cell);
        }

        /// <summary>
        /// True when a [pscustomobject]'s own members can stand for its Properties: checked the slow way once per type
        /// name (Update-TypeData can give PSCustomObject or a CSV's #TYPE name properties of its own), then trusted.
        /// </summary>
        private static bool ReadsLikeProperties(PSObject input, IList<string> typeNames)
        {
            if (InstanceMembersOf is null) return false;
            var typeName = typeNames.Count > 0 ? typeNames[0] : "";
            if (OwnMembersAreAllProperties.TryGetValue(typeName, out var known)) return known;
            var same = ReadColumns(OwnProperties(input)).Select(c => c.Key)
                .SequenceEqual(ReadColumns(input.Properties).Select(c => c.Key), StringComparer.OrdinalIgnoreCase);
            OwnMembersAreAllProperties[typeName] = same;
            return same;
        }

        /// <summary>
        /// A row's type names without changing the row: the public TypeNames gives each object a copy of its own,
        /// and PowerShell files that copy in a weak table for the row's base object (an allocation and a handle the
        /// garbage collector keeps scanning, for every CSV row). The internal list is the same names, read only.
        /// </summary>
        private static IList<string> TypeNamesOf(PSObject input) => InternalTypeNamesOf?.Invoke(input) ?? input.TypeNames;

        private static readonly Func<PSObject, IList<string>?>? InternalTypeNamesOf = FindInternalTypeNames();

        private static Func<PSObject, IList<string>?>? FindInternalTypeNames()
        {
            try
            {
                var getter = typeof(PSObject).GetProperty("InternalTypeNames", BindingFlags.Instance | BindingFlags.NonPublic)?.GetGetMethod(nonPublic: true);
                if (getter is null || !typeof(IList<string>).IsAssignableFrom(getter.ReturnType)) return null;
                var typed = (Func<PSObject, object?>)Delegate.CreateDelegate(typeof(Func<PSObject, object?>), getter);
                return input => typed(input) as IList<string>;
            }
            catch (Exception ex) when (ex is ArgumentException || ex is MemberAccessException)
            {
                return null;
            }
        }

        private static IEnumerable<PSPropertyInfo> OwnProperties(PSObject input) => OwnMembers(input).OfType<PSPropertyInfo>();

        private static IEnumerable<PSMemberInfo> OwnMembers(PSObject input)
        {
            if (InstanceMembersOf!(input) is IEnumerable members)
                foreach (var member in members)
                    if (OwnMember(member) is { } info) yield return info;
        }

        /// <summary>
        /// An entry of PowerShell's own list when it is one of the row's members, else null: once anything enumerates Properties,
        /// PowerShell keeps its hidden reserved members (pstypenames, psobject, ...) in the same list; Properties never
        /// shows them, so neither do we.
        /// </summary>
        private static PSMemberInfo? OwnMember(object? member) =>
            member is PSMemberInfo info && !ReservedNames.Contains(info.Name) ? info : null;

        private static readonly HashSet<string> ReservedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "psbase", "psadapted", "psextended", "psobject", "pstypenames",
        };

        /// <summary>
        /// The internal Count and this[int] of PowerShell's member list (the type InstanceMembers returns), or null where
        /// this PowerShell has no such members; then the list is enumerated.
        /// </summary>
        private static readonly IndexedMembers? MembersByIndex = FindIndexedMembers();

        private sealed class IndexedMembers
        {
            public IndexedMembers(Func<object, int> count, Func<object, int, object?> at)
            {
                Count = count;
                At = at;
            }

            public Func<object, int> Count { get; }

            public Func<object, int, object?> At { get; }
        }

        private static IndexedMembers? FindIndexedMembers()
        {
            try
            {
                var list = typeof(PSObject).GetProperty("InstanceMembers", BindingFlags.Instance | BindingFlags.NonPublic)?.PropertyType;
                if (list is null) return null;
                const BindingFlags Any = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
                var count = list.GetProperty("Count", Any, null, typeof(int), Type.EmptyTypes, null);
                var item = list.GetProperties(Any).FirstOrDefault(p => p.Name == "Item" && p.GetIndexParameters() is { Length: 1 } index && index[0].ParameterType == typeof(int));
                if (count is null || item is null || !typeof(PSMemberInfo).IsAssignableFrom(item.PropertyType)) return null;
                var target = Expression.Parameter(typeof(object), "members");
                var index = Expression.Parameter(typeof(int), "index");
                var typed = Expression.Convert(target, list);
                return new IndexedMembers(
                    Expression.Lambda<Func<object, int>>(Expression.Property(typed, count), target).Compile(),
                    Expression.Lambda<Func<object, int, object?>>(Expression.Convert(Expression.Property(typed, item, index), typeof(object)), target, index).Compile());
            }
            catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException || ex is MemberAccessException || ex is AmbiguousMatchException)
            {
                return null;
            }
        }

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

        /// <summary>
        /// A SQL query's row (Invoke-Sqlcmd, SqlDataAdapter.Fill): its table's columns, in order. PowerShell shows a DataRow's
        /// columns beside the properties .NET gives every DataRow (RowError, RowState, HasErrors, ...), which went to the
        /// service as substitutions of every row before. A cell that cannot be read (a deleted row's) is no column.
        /// </summary>
        // Methods of their own: in Read, the lambdas' capture of the row made a closure on entry, for every row of every kind.
        private static InputRow FromDataRow(DataRow row) => FromTable(row.Table.Columns, column => row[column]);

        private static InputRow FromDataRowView(DataRowView view) => FromTable(view.Row.Table.Columns, column => view[column.Ordinal]);

        private static InputRow FromTable(DataColumnCollection columns, Func<DataColumn, object?> cellOf)
        {
            var cells = new List<KeyValuePair<string, object?>>(columns.Count);
            foreach (DataColumn column in columns)
            {
                try
                {
                    cells.Add(new KeyValuePair<string, object?>(column.ColumnName, cellOf(column)));
                }
                catch (DataException)
                {
                }
            }
            return new InputRow(cells);
        }

        public static InputRow FromDictionary(IDictionary dictionary) =>
            new InputRow(dictionary.Keys.Cast<object>().Select(k =>
                new KeyValuePair<string, object?>(Convert.ToString(k, CultureInfo.InvariantCulture) ?? "", dictionary[k])));
    }
}
