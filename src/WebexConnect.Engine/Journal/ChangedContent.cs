using System.Collections.Generic;
using System.Globalization;
using WebexConnect.Composition;

namespace WebexConnect.Engine.Journal
{
    /// <summary>
    /// Counts the rows of a run that the journal does not hold but whose destination an earlier run sent other content to
    /// (<see cref="JournalDestinations"/>), for the one warning a run ends with. Before, a row whose text was corrected
    /// after it went (a typo in -Text, or in its CSV cell) matched nothing in the journal and reached the same person a
    /// second time without a word.
    /// </summary>
    /// <remarks>
    /// Such a row is sent unless -SkipChanged: the run cannot tell a corrected row from another message the admin means
    /// to send the same person (a foreach loop's second appointment, a repeat customer's second order), and a message
    /// meant to go that does not is as bad as a duplicate. The warning says they went, and names the switch that holds
    /// them back. Short (two lines at 80 columns): a foreach loop of one-row calls gets one a call.
    /// Not thread-safe: the pipeline thread asks.
    /// </remarks>
    internal sealed class ChangedContent
    {
        /// <summary>How many row numbers the warning names.</summary>
        internal const int RowsNamed = 3;

        private readonly List<long> _rows = new List<long>(RowsNamed);

        /// <summary>How many such rows the run had.</summary>
        public long Count { get; private set; }

        /// <summary>Counts a row (its number, 0 when it has none) whose destination an earlier run sent other content.</summary>
        public void Note(long row)
        {
            Count++;
            if (row > 0 && _rows.Count < RowsNamed) _rows.Add(row);
        }

        /// <summary>
        /// The warning, once a run, for the rows <see cref="Note"/> counted; null when there were none.
        /// </summary>
        /// <param name="held">-SkipChanged: the rows were held back (Skipped), not sent.</param>
        /// <param name="whatIf">-WhatIf: they would be.</param>
        /// <param name="rowsAsked">How many rows the run had: when every one of several is such a row, the warning adds the
        /// likeliest cause, a column whose value changes with each export (a third line, for piped runs only); a one-row
        /// call's warning says "This row".</param>
        /// <param name="everyColumn">A row's every column counted (a template's message, <see cref="JournalVerdicts.EveryColumnCounted"/>):
        /// only then can a column the admin can leave out (-SubstitutionColumn) be why; otherwise only columns the text names count.</param>
        public string? Warning(bool held, bool whatIf, long rowsAsked = 0, bool everyColumn = false)
        {
            if (Count == 0) return null;
            var one = Count == 1;
            // A one-row call (a foreach loop's) has no other row to tell it from: its row number, always 1, says nothing.
            var rows = rowsAsked == 1 && one ? "This row" : Counted.Of(Count, "row") + Named();
            var people = one ? "that person" : "those people";
            if (held)
                return $"{rows} {(whatIf ? "would be" : (one ? "was" : "were"))} held back (Skipped, -SkipChanged): this journal " +
                       $"sent {people} other content before.";
            return $"{rows} {(whatIf ? "would get" : "got")} a second, different message: this journal sent {people} other content " +
                   $"before. -SkipChanged holds {(one ? "it" : "them")} back." +
                   (Count > 1 && Count == rowsAsked
                       ? (everyColumn
                           ? " Every row changed: if the template is the one sent before, a column that changes with each export (a timestamp) is why; " +
                             "give -SubstitutionColumn with the columns the template uses."
                           : " Every row changed: if the text is the one sent before, a column it names as $(name) changed in each (a balance); " +
                             "columns it does not name do not count.")
                       : "");
        }

        private string Named()
        {
            if (_rows.Count == 0) return "";
            var list = string.Join(", ", _rows.ConvertAll(r => r.ToString(CultureInfo.InvariantCulture)));
            return " (" + (Count == 1 ? "row " : "rows ") + list + (Count > _rows.Count ? ", ..." : "") + ")";
        }
    }
}
