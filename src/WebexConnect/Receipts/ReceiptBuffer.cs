using System;
using System.Collections.Generic;

namespace WebexConnect.Receipts
{
    /// <summary>
    /// The receipts a listener received, the most recent Capacity of them (older ones are dropped and counted),
    /// each numbered in order of arrival so several readers (Wait-ConnectDelivery runs) can each read what is new
    /// to them. Thread-safe: the listener adds from its connections, readers take from the pipeline thread.
    /// </summary>
    internal sealed class ReceiptBuffer
    {
        private readonly object _gate = new object();
        private readonly Queue<DeliveryReceipt> _receipts = new Queue<DeliveryReceipt>();
        private long _received;
        private long _dropped;

        public ReceiptBuffer(int capacity)
        {
            if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "At least 1.");
            Capacity = capacity;
        }

        public int Capacity { get; }

        /// <summary>How many receipts were added since the start.</summary>
        public long Received
        {
            get { lock (_gate) return _received; }
        }

        /// <summary>How many were forgotten to stay within Capacity.</summary>
        public long Dropped
        {
            get { lock (_gate) return _dropped; }
        }

        public void Add(DeliveryReceipt receipt)
        {
            if (receipt is null) throw new ArgumentNullException(nameof(receipt));
            lock (_gate)
            {
                if (_receipts.Count == Capacity)
                {
                    _receipts.Dequeue();
                    _dropped++;
                }
                _receipts.Enqueue(receipt);
                _received++;
            }
        }

        /// <summary>
        /// The receipts after <paramref name="position"/> (the count a reader has seen), oldest first, and moves
        /// the position to the end; receipts dropped before the reader came are skipped.
        /// </summary>
        public IReadOnlyList<DeliveryReceipt> Since(ref long position)
        {
            lock (_gate)
            {
                var first = _received - _receipts.Count;
                var skip = Math.Max(0, position - first);
                var news = new List<DeliveryReceipt>((int)Math.Max(0, _receipts.Count - skip));
                var index = 0L;
                foreach (var receipt in _receipts)
                    if (index++ >= skip) news.Add(receipt);
                position = _received;
                return news;
            }
        }

        /// <summary>Every receipt kept, oldest first.</summary>
        public DeliveryReceipt[] Snapshot()
        {
            lock (_gate) return _receipts.ToArray();
        }
    }
}
