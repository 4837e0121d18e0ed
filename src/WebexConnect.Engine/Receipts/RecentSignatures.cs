using System.Collections.Generic;

namespace WebexConnect.Engine.Receipts
{
    /// <summary>
    /// The signatures of the last signed webhooks a listener kept, so that one posted again is not kept twice: the same
    /// body with the same x-hub-signature, replayed by whoever saw it on the way, or sent again by the service when its
    /// first answer was lost. Bounded: the oldest signature is forgotten first.
    /// </summary>
    /// <remarks>
    /// The signature covers the body only (API.md), with no timestamp, so it never expires: a replay is recognised only
    /// while its signature is remembered here (the listener's last Capacity signed posts, since it started).
    /// </remarks>
    internal sealed class RecentSignatures
    {
        private readonly object _gate = new object();
        private readonly HashSet<string> _known = new HashSet<string>(System.StringComparer.Ordinal);
        private readonly Queue<string> _order = new Queue<string>();
        private readonly int _capacity;

        public RecentSignatures(int capacity) => _capacity = capacity;

        /// <summary>Remembers the signature; false when it was remembered already (a webhook posted again).</summary>
        public bool IsNew(string signature)
        {
            lock (_gate)
            {
                if (!_known.Add(signature)) return false;
                _order.Enqueue(signature);
                if (_order.Count > _capacity) _known.Remove(_order.Dequeue());
                return true;
            }
        }
    }
}
