using System.Collections.Generic;

namespace WebexConnect.Composition
{
    /// <summary>
    /// An end-of-run warning's rows: a note is taken when a row is looked at, and the row counts only once it is known to
    /// have gone (<see cref="Done"/>). A row the journal skipped, or one declined at -Confirm, sent nothing and is not
    /// counted: before, a -Journal re-run whose rows were all Skipped still ended with the warning about each of them.
    /// </summary>
    internal sealed class RowsThatWent
    {
        // Only the rows in flight: every row's result removes its own note.
        private readonly Dictionary<long, string> _pending = new Dictionary<long, string>();

        /// <summary>The rows that went with a note, for the warning ("2 rows (rows 3 and 7)").</summary>
        public RowSample Rows { get; } = new RowSample();

        /// <summary>The note of the first row that went, the warning's example; null while none has.</summary>
        public string? FirstNote { get; private set; }

        /// <summary>What row <paramref name="row"/> is to be counted for, should it go.</summary>
        public void Note(long row, string note) => _pending[row] = note;

        /// <summary>
        /// Row <paramref name="row"/> is done: counted if it was noted and it went (or, under -WhatIf, would go) as
        /// <paramref name="went"/> says.
        /// </summary>
        public void Done(long row, bool went)
        {
            if (!_pending.TryGetValue(row, out var note)) return;
            _pending.Remove(row);
            if (!went) return;
            FirstNote ??= note;
            Rows.Add(row);
        }
    }
}
