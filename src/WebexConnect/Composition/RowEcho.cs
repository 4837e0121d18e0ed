using System.Collections.Generic;
using System.Management.Automation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A CSV row as the run keeps it while the row's request travels: its columns (the same values) and type
    /// names, instead of the object PowerShell built around them. That object weighs about 1.5 KB with its note
    /// properties, and a row lives through several garbage collections before its result is written, so keeping
    /// it made every collection copy every row in flight. A refused row's error record gets it back as a new
    /// [pscustomobject] with the same columns in the same order (<see cref="ToPSObject"/>).
    /// </summary>
    internal sealed class RowEcho
    {
        private readonly string[] _names;
        private readonly object?[] _values;
        private readonly IList<string> _typeNames;

        private RowEcho(string[] names, object?[] values, IList<string> typeNames)
        {
            _names = names;
            _values = values;
            _typeNames = typeNames;
        }

        /// <summary>
        /// The echo of a row read as <paramref name="columns"/>: its values, and its names as
        /// <paramref name="sharedNames"/> when the last row had the same ones (a CSV's rows all do).
        /// </summary>
        public static RowEcho Of(IReadOnlyList<KeyValuePair<string, object?>> columns, IList<string> typeNames, ref string[] sharedNames)
        {
            var values = new object?[columns.Count];
            for (var i = 0; i < values.Length; i++) values[i] = columns[i].Value;
            return new RowEcho(SharedColumnNames.For(columns, c => c.Key, ref sharedNames), values, typeNames);
        }

        /// <summary>The row again: a new object whose properties and type names are the original's.</summary>
        public PSObject ToPSObject()
        {
            var row = new PSObject();
            for (var i = 0; i < _names.Length; i++) row.Properties.Add(new PSNoteProperty(_names[i], _values[i]));
            var names = row.TypeNames;
            if (!SameNames(names, _typeNames))
            {
                names.Clear();
                foreach (var name in _typeNames) names.Add(name);
            }
            return row;
        }

        private static bool SameNames(IList<string> a, IList<string> b)
        {
            if (a.Count != b.Count) return false;
            for (var i = 0; i < a.Count; i++)
                if (!string.Equals(a[i], b[i], System.StringComparison.Ordinal)) return false;
            return true;
        }
    }
}
