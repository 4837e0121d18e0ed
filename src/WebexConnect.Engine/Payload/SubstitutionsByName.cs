using System;
using System.Collections.Generic;
using WebexConnect.Composition;

namespace WebexConnect.Engine.Payload
{
    /// <summary>
    /// One destination's substitutions in ordinal order of name, for what must not depend on the order a row's
    /// columns came in (the journal's key: a hashtable row lists its keys in another order in every process, and
    /// a CSV may be exported with its columns moved). The arrays are reused from one destination to the next, so
    /// the usual row costs no allocation. Not thread-safe: one per caller that runs on one thread.
    /// </summary>
    internal sealed class SubstitutionsByName
    {
        private string[] _names = new string[RowSubstitutions.MaxColumns];
        private string[] _values = new string[RowSubstitutions.MaxColumns];

        /// <summary>How many pairs the last <see cref="Load"/> took.</summary>
        public int Count { get; private set; }

        /// <summary>Takes <paramref name="substitutions"/> in place of the last ones, sorted by name (a null value as "", as it is sent).</summary>
        /// <param name="used">Only the names in it (exact, as <see cref="UsedSubstitutions"/> finds them); every one when null.</param>
        public void Load(IReadOnlyDictionary<string, string> substitutions, HashSet<string>? used = null)
        {
            if (substitutions is null) throw new ArgumentNullException(nameof(substitutions));
            if (_names.Length < substitutions.Count)
            {
                _names = new string[substitutions.Count];
                _values = new string[substitutions.Count];
            }

            var count = 0;
            foreach (var pair in new SubstitutionPairs(substitutions))
            {
                if (used is not null && !used.Contains(pair.Key)) continue;
                _names[count] = pair.Key;
                _values[count] = pair.Value ?? "";
                count++;
            }

            // A dictionary's names are distinct, so the order is total; already sorted names cost one pass.
            Array.Sort(_names, _values, 0, count, StringComparer.Ordinal);
            Count = count;
        }

        public string NameAt(int index) => _names[index];

        public string ValueAt(int index) => _values[index];
    }
}
