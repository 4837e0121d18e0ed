using System;
using System.Collections.Generic;

namespace WebexConnect.Composition
{
    /// <summary>
    /// One array of column names for a run of rows that have the same ones (every row of a CSV), instead of an
    /// array per row: what a row keeps while its request travels is then only its values.
    /// </summary>
    internal static class SharedColumnNames
    {
        /// <summary>The names of <paramref name="columns"/>: <paramref name="last"/> when they are the same, else a new array that becomes it.</summary>
        public static string[] For<T>(IReadOnlyList<T> columns, Func<T, string> nameOf, ref string[] last)
        {
            if (Same(columns, nameOf, last)) return last;
            var names = new string[columns.Count];
            for (var i = 0; i < names.Length; i++) names[i] = nameOf(columns[i]);
            last = names;
            return names;
        }

        private static bool Same<T>(IReadOnlyList<T> columns, Func<T, string> nameOf, string[] names)
        {
            if (columns.Count != names.Length) return false;
            for (var i = 0; i < names.Length; i++)
                if (!string.Equals(nameOf(columns[i]), names[i], StringComparison.Ordinal)) return false;
            return true;
        }
    }
}
