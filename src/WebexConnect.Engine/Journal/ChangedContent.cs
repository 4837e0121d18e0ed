using System.Collections.Generic;
using System.Globalization;
using WebexConnect.Composition;

namespace WebexConnect.Engine.Journal
{
    /// <summary>
    /// Counts the rows of a run that the journal does not hold but whose destination an earlier run sent other content to
    /// (<see cref="JournalDestinations"/>), for the one warning a run ends with. Before, a row whose text was corrected
    /// after it went (a typo in -Text, or in its CSV cell) matched nothing in the journal and reached the same person a
    /// second time without a word; fixing a shared -Text half-way through sent every row that had gone a second time.
    /// </summary>
    /// <remarks>
    /// Such a row is Skipped unless -ResendChanged: a message held back can still be sent (by the same command with
    /// -ResendChanged, which the journal allows, as it recorded no send of it), one sent twice cannot be called back.
    /// Not thread-safe: the pipeline thread asks.
    /// </remarks>
    internal sealed class ChangedContent
    {
        /// <summary>How many row numbers the warning names.</summary>
        internal const int RowsNamed = 5;

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
        /// <param name="path">The journal's full path.</param>
        /// <param name="resent">-ResendChanged: the rows were sent, not skipped.</param>
        /// <param name="whatIf">-WhatIf: they would be.</param>
        public string? Warning(string path, bool resent, bool whatIf)
        {
            if (Count == 0) return null;
            var one = Count == 1;
            var rows = Counted.Of(Count, "row") + Named();
            var their = one ? "its destination" : "each of their destinations";
            var why = $"the journal '{path}' records an earlier run's send to {their} with other content: the text, sender, an option or a " +
                      "column that counts changed since (a column whose value changes with each export? Give -SubstitutionColumn with the " +
                      "columns the text uses, and the others no longer count), or, in a foreach loop of one-row calls, another row to the " +
                      "same destination came first.";
            if (resent)
                return $"{rows} {(whatIf ? "would be" : (one ? "was" : "were"))} sent (-ResendChanged) although {why} " +
                       $"{(one ? "That person gets" : "Those people get")} this message as well as the earlier one.";
            return $"{rows} {(whatIf ? "would be " : "")}Skipped, not sent: {why} Held back so that no one gets a second message. " +
                   "If the new content should reach them too, run the same command with -ResendChanged" +
                   (whatIf ? "." : " (with -WhatIf first, to see the rows it sends).");
        }

        private string Named()
        {
            if (_rows.Count == 0) return "";
            var list = string.Join(", ", _rows.ConvertAll(r => r.ToString(CultureInfo.InvariantCulture)));
            return " (" + (Count == 1 ? "row " : "rows ") + list + (Count > _rows.Count ? ", ..." : "") + ")";
        }
    }
}
