using System.Collections.Generic;
using System.Management.Automation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A CSV row as the run keeps it while the row's request travels: its <see cref="InputRow"/> (the columns already read,
    /// the same values, and the type names), instead of the object PowerShell built around them. That object weighs about
    /// 1.5 KB with its note properties, and a row lives through several garbage collections before its result is written,
    /// so keeping it made every collection copy every row in flight. A refused row's error record gets it back as a new
    /// [pscustomobject] with the same columns in the same order (<see cref="ToPSObject"/>).
    /// </summary>
    /// <remarks>
    /// The InputRow itself is kept, not an object of its own around its columns: that was one more object (32 B) for every
    /// row sent.
    /// </remarks>
    internal static class RowEcho
    {
        /// <summary>The row again: a new object whose properties and type names are the original's.</summary>
        /// <param name="columns">The row's columns as they were read (names and values).</param>
        /// <param name="typeNames">The row's type names.</param>
        public static PSObject ToPSObject(IReadOnlyList<KeyValuePair<string, object?>> columns, IList<string> typeNames)
        {
            var row = new PSObject();
            for (var i = 0; i < columns.Count; i++) row.Properties.Add(new PSNoteProperty(columns[i].Key, columns[i].Value));
            var names = row.TypeNames;
            if (!SameNames(names, typeNames))
            {
                names.Clear();
                foreach (var name in typeNames) names.Add(name);
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
