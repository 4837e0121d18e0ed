using System.Collections.Generic;
using System.Globalization;

namespace WebexConnect.Composition
{
    /// <summary>
    /// The rows an end-of-run warning is about: how many, and the first few by number, as the warning names them
    /// ("Row 7", or "12 rows (rows 1, 2, 3, 4, 5 and 7 more)").
    /// </summary>
    internal sealed class RowSample
    {
        private const int Shown = 5;

        private readonly List<long> _first = new List<long>(Shown);

        /// <summary>How many rows were added.</summary>
        public long Count { get; private set; }

        /// <summary>The first row added; 0 before one was.</summary>
        public long First => _first.Count == 0 ? 0 : _first[0];

        /// <summary>Counts row <paramref name="row"/>; the first few are kept to be named.</summary>
        public void Add(long row)
        {
            Count++;
            if (_first.Count < Shown) _first.Add(row);
        }

        /// <summary>"Row 7" for one row; "12 rows (rows 1, 2, 3, 4, 5 and 7 more)" for more.</summary>
        public override string ToString()
        {
            if (Count == 1) return "Row " + First.ToString(CultureInfo.InvariantCulture);
            var named = new List<string>(_first.Count);
            foreach (var row in _first) named.Add(row.ToString(CultureInfo.InvariantCulture));
            return Count.ToString("N0", CultureInfo.InvariantCulture) + " rows (rows " + string.Join(", ", named) +
                (Count > Shown ? " and " + (Count - Shown).ToString("N0", CultureInfo.InvariantCulture) + " more" : "") + ")";
        }
    }
}
