using System.Collections.Generic;

namespace WebexConnect.Composition
{
    /// <summary>
    /// The name/value pairs of any substitution dictionary, for code that runs for every row or destination: a row's
    /// columns (<see cref="RowSubstitutions"/>) are read by index and a Dictionary by its struct enumerator, where the
    /// dictionary interface's enumerator would be one more object each time.
    /// </summary>
    internal readonly struct SubstitutionPairs
    {
        private readonly IReadOnlyDictionary<string, string> _values;

        public SubstitutionPairs(IReadOnlyDictionary<string, string> values) => _values = values;

        public Enumerator GetEnumerator() => new Enumerator(_values);

        /// <summary>Enumerates the pairs in the dictionary's own order.</summary>
        public struct Enumerator
        {
            private readonly RowSubstitutions? _row;
            private readonly bool _isDictionary;
            private readonly IEnumerator<KeyValuePair<string, string>>? _other;
            private Dictionary<string, string>.Enumerator _dictionary;
            private int _index;

            public Enumerator(IReadOnlyDictionary<string, string> values)
            {
                _row = values as RowSubstitutions;
                _index = -1;
                _isDictionary = _row is null && values is Dictionary<string, string>;
                _dictionary = _isDictionary ? ((Dictionary<string, string>)values).GetEnumerator() : default;
                _other = _row is null && !_isDictionary ? values.GetEnumerator() : null;
            }

            public KeyValuePair<string, string> Current =>
                _row is not null ? new KeyValuePair<string, string>(_row.KeyAt(_index), _row.ValueAt(_index))
                : _isDictionary ? _dictionary.Current
                : _other!.Current;

            public bool MoveNext() => _row is not null ? ++_index < _row.Count : _isDictionary ? _dictionary.MoveNext() : _other!.MoveNext();

            public void Dispose() => _other?.Dispose();
        }
    }
}
