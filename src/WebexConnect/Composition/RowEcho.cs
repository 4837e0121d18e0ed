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
        // The columns as the row was read (names and values), not copied: nothing changes them, and a copy of the values
        // with the names shared cost an array and a look at the last row's names for every row sent.
        private readonly IReadOnlyList<KeyValuePair<string, object?>> _columns;
        private readonly IList<string> _typeNames;

        /// <summary>The echo of a row read as <paramref name="columns"/>, whose type names are <paramref name="typeNames"/>.</summary>
        public RowEcho(IReadOnlyList<KeyValuePair<string, object?>> columns, IList<string> typeNames)
        {
            _columns = columns;
            _typeNames = typeNames;
        }

        /// <summary>The row again: a new object whose properties and type names are the original's.</summary>
        public PSObject ToPSObject()
        {
            var row = new PSObject();
            for (var i = 0; i < _columns.Count; i++) row.Properties.Add(new PSNoteProperty(_columns[i].Key, _columns[i].Value));
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
