using System;
using System.Collections.Generic;
using System.Globalization;
using WebexConnect.Messages;

namespace WebexConnect.Composition
{
    /// <summary>One batch -WhatIf reports: what would travel in one request.</summary>
    internal sealed class WhatIfBatch
    {
        public WhatIfBatch(long number, IReadOnlyList<string> addresses, long firstRow, long lastRow)
        {
            Number = number;
            Addresses = addresses;
            FirstRow = firstRow;
            LastRow = lastRow;
        }

        public long Number { get; }
        public IReadOnlyList<string> Addresses { get; }
        public long FirstRow { get; }
        public long LastRow { get; }

        /// <summary>The ShouldProcess target: "batch 3: 100 destinations, rows 201-300 (+44..., +44... and 98 more)".</summary>
        public string Target
        {
            get
            {
                var rows = FirstRow == LastRow
                    ? "row " + FirstRow.ToString(CultureInfo.InvariantCulture)
                    : "rows " + FirstRow.ToString(CultureInfo.InvariantCulture) + "-" + LastRow.ToString(CultureInfo.InvariantCulture);
                var count = Addresses.Count == 1 ? "1 destination" : Addresses.Count.ToString(CultureInfo.InvariantCulture) + " destinations";
                return "batch " + Number.ToString(CultureInfo.InvariantCulture) + ": " + count + ", " + rows + " (" + SubstitutionText.Abbreviate(Addresses) + ")";
            }
        }
    }

    /// <summary>
    /// Groups the records of a -WhatIf run the way the dispatcher would batch them (same message, at most
    /// the batch size in destinations), so -WhatIf says per request what would be sent instead of one line
    /// per row. Records share a batch when the cmdlet built them from the same message object, which it
    /// does for equal shared parts.
    /// </summary>
    internal sealed class WhatIfBatches
    {
        private readonly int _batchSize;
        private readonly Dictionary<ConnectMessage, Open> _open = new Dictionary<ConnectMessage, Open>(ReferenceComparer.Instance);
        private long _numbered;

        public WhatIfBatches(int batchSize)
        {
            if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "At least 1.");
            _batchSize = batchSize;
        }

        /// <summary>Adds a record; returns the batch it completed, if it filled one.</summary>
        public WhatIfBatch? Add(ConnectMessage message, Recipient recipient, long row)
        {
            if (!_open.TryGetValue(message, out var open))
            {
                open = new Open(row);
                _open[message] = open;
            }

            WhatIfBatch? full = null;
            if (open.Addresses.Count > 0 && open.Addresses.Count + recipient.Addresses.Count > _batchSize)
            {
                full = Close(open);
                open = new Open(row);
                _open[message] = open;
            }

            open.Addresses.AddRange(recipient.Addresses);
            open.LastRow = row;
            return full;
        }

        /// <summary>The partial batches still open, in the order they were started.</summary>
        public IReadOnlyList<WhatIfBatch> Flush()
        {
            var open = new List<Open>(_open.Values);
            open.Sort((a, b) => a.FirstRow.CompareTo(b.FirstRow));
            _open.Clear();
            return open.ConvertAll(Close);
        }

        private WhatIfBatch Close(Open open) => new WhatIfBatch(++_numbered, open.Addresses, open.FirstRow, open.LastRow);

        private sealed class Open
        {
            public Open(long firstRow)
            {
                FirstRow = firstRow;
                LastRow = firstRow;
            }

            public List<string> Addresses { get; } = new List<string>();
            public long FirstRow { get; }
            public long LastRow { get; set; }
        }

        private sealed class ReferenceComparer : IEqualityComparer<ConnectMessage>
        {
            public static readonly ReferenceComparer Instance = new ReferenceComparer();

            public bool Equals(ConnectMessage? x, ConnectMessage? y) => ReferenceEquals(x, y);

            public int GetHashCode(ConnectMessage obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }
    }
}
