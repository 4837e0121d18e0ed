using System;
using System.Collections.Generic;
using System.Globalization;
using WebexConnect.Messages;

namespace WebexConnect.Composition
{
    /// <summary>One batch -WhatIf reports: what would travel in one request.</summary>
    internal sealed class WhatIfBatch
    {
        /// <summary>A batch of the rows first to last, or of <paramref name="rowCount"/> of them when some between went elsewhere.</summary>
        public WhatIfBatch(long number, IReadOnlyList<string> addresses, long firstRow, long lastRow, SmsPartCount? parts = null, long? rowCount = null,
            DateTimeOffset? sendAt = null, string copies = "", string expiry = "")
        {
            Copies = copies;
            Expiry = expiry;
            SendAt = sendAt;
            Number = number;
            Addresses = addresses;
            FirstRow = firstRow;
            LastRow = lastRow;
            Parts = parts;
            RowCount = rowCount ?? lastRow - firstRow + 1;
        }

        public long Number { get; }
        public IReadOnlyList<string> Addresses { get; }
        public long FirstRow { get; }
        public long LastRow { get; }

        /// <summary>How many rows the batch holds: fewer than the span from first to last when rows between went elsewhere.</summary>
        public long RowCount { get; }

        /// <summary>SMS: the parts the batch's messages are billed as; null for other channels.</summary>
        public SmsPartCount? Parts { get; }

        /// <summary>When the batch's message is scheduled to go; null for at once.</summary>
        public DateTimeOffset? SendAt { get; }

        /// <summary>
        /// An email's copies and attachments (<see cref="CopyAddresses.Said"/>, <see cref="EmailAttachments.Said"/>): ", cc
        /// boss@example.com, attached INV-1.pdf"; empty without them.
        /// </summary>
        public string Copies { get; }

        /// <summary>When the batch's message expires (<see cref="ScheduledFor.Expiry"/>): ", valid for 48h"; empty without.</summary>
        public string Expiry { get; }

        /// <summary>
        /// The ShouldProcess target: "batch 3: 100 destinations, rows 201-300 (+44..., +44... and 98 more)", and for an SMS
        /// text longer than one part ": 1400 SMS parts, 14 each" after them, ", scheduled for ..." for a -SendAt, and
        /// ", expires ..." for an expiry.
        /// </summary>
        public string Target
        {
            get
            {
                var rows = FirstRow == LastRow
                    ? "row " + FirstRow.ToString(CultureInfo.InvariantCulture)
                    : "rows " + FirstRow.ToString(CultureInfo.InvariantCulture) + "-" + LastRow.ToString(CultureInfo.InvariantCulture);
                // Rows between that the batch does not hold (Invalid, skipped by the journal, another message's): "rows 4-8"
                // read as if row 6 went too, beside the line that said it would be skipped.
                if (RowCount < LastRow - FirstRow + 1) rows = RowCount.ToString(CultureInfo.InvariantCulture) + " of " + rows;
                return "batch " + Number.ToString(CultureInfo.InvariantCulture) + ": " + Counted.Of(Addresses.Count, "destination") + ", " + rows +
                    " (" + SubstitutionText.Abbreviate(Addresses) + ")" + Copies + Parts?.Said + ScheduledFor.Said(SendAt) + Expiry;
            }
        }
    }

    /// <summary>
    /// The SMS parts of a batch or a row: what the run will be billed for. -WhatIf and -Confirm said "3 destinations" for a
    /// 2,000-character text, and the admin learned that each was 14 parts only from the results, after sending.
    /// </summary>
    internal sealed class SmsPartCount
    {
        public long Total { get; private set; }

        public int Fewest { get; private set; } = int.MaxValue;

        public int Most { get; private set; }

        /// <summary>Counts <paramref name="destinations"/> messages of <paramref name="parts"/> parts each.</summary>
        public void Add(int parts, int destinations)
        {
            Total += (long)parts * destinations;
            Fewest = Math.Min(Fewest, parts);
            Most = Math.Max(Most, parts);
        }

        /// <summary>": 42 SMS parts, 14 each" or ": 40 SMS parts, 13 to 14 each"; empty when every message is one part.</summary>
        public string Said
        {
            get
            {
                if (Most <= 1) return "";
                var each = Fewest == Most
                    ? Most.ToString(CultureInfo.InvariantCulture)
                    : Fewest.ToString(CultureInfo.InvariantCulture) + " to " + Most.ToString(CultureInfo.InvariantCulture);
                return ": " + Total.ToString(CultureInfo.InvariantCulture) + " SMS parts, " + each + " each";
            }
        }
    }

    /// <summary>
    /// Groups the records of a -WhatIf run the way the dispatcher would batch them (same message, at most
    /// the batch size in destinations), so -WhatIf says per request what would be sent instead of one line
    /// per row. Records share a batch when their messages have the same shape, as the dispatcher's do: a Text column
    /// whose rows go back to an earlier text (English, French, English; or a row between with an empty cell) gives each
    /// row a message object of its own, which the run sends in one request, and which -WhatIf reported as one per row.
    /// </summary>
    internal sealed class WhatIfBatches
    {
        /// <summary>
        /// The rows the dispatcher's partial batches may hold between them at any rate (its MaxHeldRows; a test holds the two
        /// equal): one more sends the oldest partial batch. As the dispatcher, no count of different messages open bounds
        /// them besides.
        /// </summary>
        internal const int DispatcherHeldRows = 10_000;

        /// <summary>The seconds of the rate the dispatcher's partial batches may hold (its HeldSeconds; a test holds the two equal).</summary>
        internal const int DispatcherHeldSeconds = 2;

        private readonly int _batchSize;
        // The rows the partial batches may hold at this run's rate, as the dispatcher's HeldRowsAt.
        private readonly long _heldRowsAllowed;
        private readonly Func<ConnectMessage, object> _shapeOf;
        private readonly Dictionary<object, Open> _open = new Dictionary<object, Open>();
        // The batches in the order they were started, closed ones among them until they reach the front: the oldest partial
        // one in a look or two, with thousands open (a text per row).
        private readonly Queue<KeyValuePair<object, Open>> _started = new Queue<KeyValuePair<object, Open>>();
        private ConnectMessage? _lastMessage;
        private object? _lastShape;
        private long _numbered;
        // The rows of the partial batches: a full one waits in _open for the next row of its message, but the run has
        // sent it already.
        private long _heldRows;

        /// <param name="batchSize">The most destinations a request holds.</param>
        /// <param name="shapeOf">
        /// What a message's request shares with every destination (the engine renders it as the request's JSON): messages
        /// of equal shapes share a batch. Asked only when a row's message is another object than the row before's. Default:
        /// the message object itself.
        /// </param>
        /// <param name="tps">The destinations a second the run sends at; default <paramref name="batchSize"/>.</param>
        public WhatIfBatches(int batchSize, Func<ConnectMessage, object>? shapeOf = null, int? tps = null)
        {
            if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "At least 1.");
            _batchSize = batchSize;
            _heldRowsAllowed = Math.Min(DispatcherHeldRows, Math.Max(1L, (long)DispatcherHeldSeconds * (tps ?? batchSize)));
            _shapeOf = shapeOf ?? (message => message);
        }

        /// <summary>
        /// What -WhatIf says before its batches when the session was given no -Tps and has not learned the tenant's rate
        /// yet: they were planned at <paramref name="plannedTps"/>, but the run sends at the session's cautious start
        /// (<paramref name="tpsInForce"/>) and adopts what the service announces. Before,
        /// 2,500 rows showed 3 requests of up to 1,000, and a tenant of 100 TPS took 26.
        /// </summary>
        public static string RateAssumed(int plannedTps, int tpsInForce) =>
            "Requests planned at " + plannedTps.ToString(CultureInfo.InvariantCulture) + " TPS (up to " +
            Counted.Of(Math.Min(1000, plannedTps), "destination") + " each): Connect-WebexConnect was given no -Tps, so the run " +
            "sends at the session's " + tpsInForce.ToString(CultureInfo.InvariantCulture) + " TPS and adopts the rate the " +
            "service announces; below " + plannedTps.ToString(CultureInfo.InvariantCulture) + " TPS it makes more, smaller " +
            "requests than these. Connect-WebexConnect -Tps plans them at your tenant's rate.";

        /// <summary>The rows added, in all: the rows a run would send (for the run's closing line).</summary>
        public long Rows { get; private set; }

        /// <summary>Adds a record; returns the batches the run sends by this row: none, or the ones it completed or closed.</summary>
        /// <param name="message">The message the row goes with; rows of the same message object share a batch.</param>
        /// <param name="recipient">The row's destination.</param>
        /// <param name="row">The input row, counted from 1.</param>
        /// <param name="parts">SMS: the parts the row's text needs (each of its destinations gets it); null for other channels.</param>
        public IReadOnlyList<WhatIfBatch> Add(ConnectMessage message, Recipient recipient, long row, int? parts = null)
        {
            if (!ReferenceEquals(message, _lastMessage) || _lastShape is null)
            {
                _lastShape = _shapeOf(message);
                _lastMessage = message;
            }
            var shape = _lastShape;
            List<WhatIfBatch>? closed = null;
            // As the dispatcher's: a full batch, or one the row's addresses would overfill, goes out, and the row opens
            // another.
            if (_open.TryGetValue(shape, out var open) && open.Addresses.Count > 0 && open.Addresses.Count + recipient.Addresses.Count > _batchSize)
            {
                _open.Remove(shape);
                (closed ??= new List<WhatIfBatch>()).Add(Close(open));
                open = null;
            }

            if (open is null)
            {
                open = new Open(row, message);
                _open[shape] = open;
                _started.Enqueue(new KeyValuePair<object, Open>(shape, open));
            }

            open.Addresses.AddRange(recipient.Addresses);
            open.Rows++;
            Rows++;
            _heldRows++;
            open.LastRow = row;
            if (parts is int known) (open.Parts ??= new SmsPartCount()).Add(known, recipient.Addresses.Count);
            if (IsFull(open)) _heldRows -= open.Rows;
            else if (_heldRows > _heldRowsAllowed) (closed ??= new List<WhatIfBatch>()).Add(CloseOldestPartial());
            return closed ?? (IReadOnlyList<WhatIfBatch>)Array.Empty<WhatIfBatch>();
        }

        private bool IsFull(Open open) => open.Addresses.Count >= _batchSize;

        /// <summary>The partial batch started first (rows only go forward, so the one of the lowest first row), closed.</summary>
        private WhatIfBatch CloseOldestPartial()
        {
            while (true)
            {
                // A batch closed already, or a full one (the run has sent it; it is never partial again), is passed by.
                var oldest = _started.Dequeue();
                if (oldest.Value.Closed || IsFull(oldest.Value)) continue;
                _open.Remove(oldest.Key);
                return Close(oldest.Value);
            }
        }

        /// <summary>The partial batches still open, in the order they were started.</summary>
        public IReadOnlyList<WhatIfBatch> Flush()
        {
            var open = new List<Open>(_open.Values);
            open.Sort((a, b) => a.FirstRow.CompareTo(b.FirstRow));
            _open.Clear();
            _started.Clear();
            return open.ConvertAll(Close);
        }

        private WhatIfBatch Close(Open open)
        {
            if (!IsFull(open)) _heldRows -= open.Rows;
            open.Closed = true;
            return new WhatIfBatch(++_numbered, open.Addresses, open.FirstRow, open.LastRow, open.Parts, open.Rows, open.SendAt, open.Copies, open.Expiry);
        }

        private sealed class Open
        {
            public Open(long firstRow, ConnectMessage message)
            {
                FirstRow = firstRow;
                LastRow = firstRow;
                SendAt = message.SendAt;
                Copies = CopyAddresses.Said(message) + EmailAttachments.Said(message) + RcsContentColumns.Said(message);
                Expiry = ScheduledFor.Expiry(message);
            }

            public string Expiry { get; }

            public DateTimeOffset? SendAt { get; }

            public string Copies { get; }

            public List<string> Addresses { get; } = new List<string>();
            public long FirstRow { get; }
            public long LastRow { get; set; }

            /// <summary>The rows added: each row once, whatever its number of addresses.</summary>
            public long Rows { get; set; }

            public SmsPartCount? Parts { get; set; }

            /// <summary>Gone out: it waits in the queue of started batches only until it reaches the front.</summary>
            public bool Closed { get; set; }
        }
    }
}
