using System.Collections.Generic;
using WebexConnect.Engine.Payload;
using WebexConnect.Engine.Transport;
using WebexConnect.Messages;
using WebexConnect.Sending;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>Records of one shape gathered for the next request, with their places in the input order.</summary>
    internal sealed class OpenBatch
    {
        private readonly List<DispatchItem> _items;
        private readonly List<long> _sequences;
        private readonly List<Recipient> _recipients;

        /// <param name="shape">What every record of the batch shares.</param>
        /// <param name="expected">The records it will likely hold (the batch size): its lists are made that size once
        /// instead of doubling their way up to it, each doubling a copy for the garbage collector.</param>
        public OpenBatch(MessageShape shape, int expected = 4)
        {
            Shape = shape;
            _items = new List<DispatchItem>(expected);
            _sequences = new List<long>(expected);
            _recipients = new List<Recipient>(expected);
        }

        public MessageShape Shape { get; }

        /// <summary>Why it goes now, for -Debug's line as it is handed to the transport.</summary>
        public BatchReason Why { get; set; }

        public int Count => _items.Count;

        /// <summary>Addresses across the recipients: what the batch size limit and the TPS count.</summary>
        public int Destinations { get; private set; }

        public IReadOnlyList<DispatchItem> Items => _items;

        public IReadOnlyList<long> Sequences => _sequences;

        public IReadOnlyList<Recipient> Recipients => _recipients;

        /// <summary>
        /// This batch when it holds at most <paramref name="maxDestinations"/>; else its first records up to that (at least
        /// one) as a batch of their own, leaving the rest here. The gate may want smaller requests than it did when the
        /// records were gathered.
        /// </summary>
        public OpenBatch TakeUpTo(int maxDestinations)
        {
            if (Destinations <= maxDestinations) return this;
            var count = RequestPieces.CountThatFit(_recipients, 0, maxDestinations);
            var first = new OpenBatch(Shape, count);
            first.Why = Why;
            for (var i = 0; i < count; i++) first.Add(_items[i], _sequences[i]);

            _items.RemoveRange(0, count);
            _sequences.RemoveRange(0, count);
            _recipients.RemoveRange(0, count);
            Destinations -= first.Destinations;
            return first;
        }

        public void Add(DispatchItem item, long sequence)
        {
            _items.Add(item);
            _sequences.Add(sequence);
            _recipients.Add(item.Recipient);
            Destinations += item.Recipient.Addresses.Count;
        }
    }
}
