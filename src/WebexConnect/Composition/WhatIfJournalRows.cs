using System.Collections.Generic;
using System.Globalization;
using WebexConnect.Messages.Validation;
using WebexConnect.Results;

namespace WebexConnect.Composition
{
    /// <summary>
    /// -WhatIf on a journal: the rows a run on it would not send, said as ranges of rows ("rows 3-7") beside the batches it
    /// would send, instead of one line per row. Before, -WhatIf did not read the journal: a dry run of the next scheduled
    /// run listed every row as if it were to be sent again, and only a warning said otherwise. Also the rows a run sends
    /// to people the journal records other content for (they get a second, different message), before anything is sent.
    /// </summary>
    internal sealed class WhatIfJournalRows
    {
        private const int Shown = 3;

        private readonly string _journal;
        private Range? _open;

        /// <param name="journalPath">The journal's path as the run resolved it.</param>
        public WhatIfJournalRows(string journalPath) => _journal = InputEcho.Visible(journalPath);

        private readonly Dictionary<SendStatus, long> _byStatus = new Dictionary<SendStatus, long>();

        /// <summary>
        /// Rows the journal would not send, by what a run would report for them (for the run's closing line); rows -SkipChanged
        /// would hold back are counted in <see cref="HeldBack"/> instead.
        /// </summary>
        public IReadOnlyDictionary<SendStatus, long> ByStatus => _byStatus;

        /// <summary>
        /// Rows -SkipChanged would hold back (Skipped, JournalChanged): never sent, so the closing line must not count them
        /// "as already sent", as it did.
        /// </summary>
        public long HeldBack { get; private set; }

        /// <summary>Adds a row the journal would not send; returns the line of the range it ended, if it ended one.</summary>
        /// <param name="row">The input row, counted from 1.</param>
        /// <param name="earlier">What a run would report for the row instead of sending it (Skipped or Unknown).</param>
        public string? Add(long row, SendResult earlier)
        {
            string? ended = null;
            var changed = earlier.Code == WebexConnect.Sending.DispatchOptions.ChangedContentCode;
            if (changed) HeldBack++;
            else _byStatus[earlier.Status] = (_byStatus.TryGetValue(earlier.Status, out var n) ? n : 0) + 1;
            if (_open is not null && (_open.SentAnyway || _open.Status != earlier.Status || _open.Changed != changed || _open.LastRow != row - 1)) ended = End();
            _open ??= new Range(row, earlier.Status) { Changed = changed };
            _open.LastRow = row;
            _open.Destinations++;
            if (_open.FirstDestinations.Count < Shown) _open.FirstDestinations.Add(earlier.Destination);
            return ended;
        }

        /// <summary>
        /// A row to be sent: ends the open range of rows not sent, or, for a row whose destination the journal records other
        /// content for (<paramref name="goesToChanged"/>), adds it to a range of such rows, listed because those people get
        /// this message too. Returns the line of the range it ended, if it ended one.
        /// </summary>
        /// <param name="row">The input row, counted from 1.</param>
        /// <param name="destination">Its destination as a result names it.</param>
        /// <param name="goesToChanged">The journal records other content sent to that destination (IJournalPreview.LastGoesToChanged).</param>
        public string? Sending(long row, string destination, bool goesToChanged)
        {
            if (!goesToChanged) return End();
            string? ended = null;
            if (_open is not null && (!_open.SentAnyway || _open.LastRow != row - 1)) ended = End();
            _open ??= new Range(row, SendStatus.Queued) { SentAnyway = true };
            _open.LastRow = row;
            _open.Destinations++;
            if (_open.FirstDestinations.Count < Shown) _open.FirstDestinations.Add(destination);
            return ended;
        }

        /// <summary>Ends the open range (a row to be sent came, or the input ended); its line, or null when none was open.</summary>
        public string? End()
        {
            if (_open is null) return null;
            var range = _open;
            _open = null;
            var rows = range.FirstRow == range.LastRow
                ? "row " + range.FirstRow.ToString(CultureInfo.InvariantCulture)
                : "rows " + range.FirstRow.ToString(CultureInfo.InvariantCulture) + "-" + range.LastRow.ToString(CultureInfo.InvariantCulture);
            var who = string.Join(", ", range.FirstDestinations);
            if (range.Destinations > Shown) who += " and " + (range.Destinations - Shown).ToString(CultureInfo.InvariantCulture) + " more";
            var one = range.FirstRow == range.LastRow;
            // Not sent before in this form: the journal records other content sent to the same destinations (ChangedContent).
            if (range.SentAnyway)
                return $"{(one ? "Row" : "Rows")}{rows.Substring(one ? 3 : 4)} ({who}) {(one ? "goes to a destination" : "go to destinations")} the journal " +
                       $"'{_journal}' records other content for: {(one ? "that person gets" : "they get")} this message too. -SkipChanged holds {(one ? "it" : "them")} back.";
            if (range.Changed)
                return $"Skipping {rows} ({who}): the journal '{_journal}' says an earlier run sent {(one ? "its destination" : "their destinations")} " +
                       $"other content. A run reports {(one ? "it" : "them")} Skipped (-SkipChanged); without -SkipChanged, it sends {(one ? "it" : "them")}.";
            return range.Status == SendStatus.Unknown
                ? $"Not resending {rows} ({who}): the journal '{_journal}' says {(one ? "its" : "their")} outcome in an earlier run is unknown. " +
                  $"A run reports {(one ? "it" : "them")} Unknown; after checking delivery reports, -ResendUnknown sends {(one ? "it" : "them")} again."
                : $"Skipping {rows} ({who}): the journal '{_journal}' says an earlier run sent or scheduled {(one ? "it" : "them")}. " +
                  $"A run reports {(one ? "it" : "them")} Skipped.";
        }

        private sealed class Range
        {
            public Range(long firstRow, SendStatus status)
            {
                FirstRow = firstRow;
                Status = status;
            }

            public long FirstRow { get; }
            public long LastRow { get; set; }
            public SendStatus Status { get; }
            public bool Changed { get; set; }
            /// <summary>Rows to be sent whose destinations the journal records other content for.</summary>
            public bool SentAnyway { get; set; }
            public long Destinations { get; set; }
            public List<string> FirstDestinations { get; } = new List<string>(Shown);
        }
    }
}
