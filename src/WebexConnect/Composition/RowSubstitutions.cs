using System;
using System.Collections;
using System.Collections.Generic;

namespace WebexConnect.Composition
{
    /// <summary>
    /// One row's substitutions as two arrays: the column names, shared by every row of a CSV that has the same
    /// ones, and this row's values. A Dictionary of the same two or three columns weighs about 200 bytes; this about
    /// 70, and it lives as long as the row's request travels, through garbage collections that copy it each time.
    /// For the few columns a row has, a linear look-up is as quick as hashing. In column order, like the Dictionary
    /// it replaces. Keys compare ordinally (exact case), as $(name) does.
    /// </summary>
    internal sealed class RowSubstitutions : IReadOnlyDictionary<string, string>
    {
        /// <summary>More columns than this are kept in a Dictionary instead (objects from a directory can have dozens).</summary>
        public const int MaxColumns = 8;

        private readonly string[] _keys;
        private readonly string[] _values;

        private RowSubstitutions(string[] keys, string[] values)
        {
            _keys = keys;
            _values = values;
        }

        /// <summary>
        /// The substitutions of one row, or null when they need a Dictionary (more than <see cref="MaxColumns"/>, or a
        /// name given twice). <paramref name="sharedKeys"/> is the names array of the last row; it is reused when this
        /// row has the same names, and replaced otherwise.
        /// </summary>
        public static RowSubstitutions? From(List<string> keys, List<string> values, ref string[] sharedKeys)
        {
            if (keys.Count > MaxColumns || HasRepeat(keys)) return null;
            return new RowSubstitutions(SharedColumnNames.For(keys, k => k, ref sharedKeys), values.ToArray());
        }

        public int Count => _keys.Length;

        public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

        public IEnumerable<string> Keys => _keys;

        public IEnumerable<string> Values => _values;

        public bool ContainsKey(string key) => IndexOf(key) >= 0;

        public bool TryGetValue(string key, out string value)
        {
            var i = IndexOf(key);
            value = i >= 0 ? _values[i] : null!;
            return i >= 0;
        }

        /// <summary>The name of column <paramref name="index"/> (0 to Count - 1): what code that runs for every row reads instead of enumerating.</summary>
        public string KeyAt(int index) => _keys[index];

        /// <summary>The value of column <paramref name="index"/>.</summary>
        public string ValueAt(int index) => _values[index];

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
        {
            for (var i = 0; i < _keys.Length; i++) yield return new KeyValuePair<string, string>(_keys[i], _values[i]);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private int IndexOf(string key)
        {
            if (key is null) throw new ArgumentNullException(nameof(key));
            for (var i = 0; i < _keys.Length; i++)
                if (string.Equals(_keys[i], key, StringComparison.Ordinal)) return i;
            return -1;
        }

        private static bool HasRepeat(List<string> keys)
        {
            for (var i = 1; i < keys.Count; i++)
                for (var j = 0; j < i; j++)
                    if (string.Equals(keys[i], keys[j], StringComparison.Ordinal)) return true;
            return false;
        }
    }
}
