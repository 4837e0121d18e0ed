using System;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>
    /// Where a tenant's <see cref="LedgerBook"/> lives: in this process, or in a file every process sending to
    /// the same tenant on this machine (of one account) shares. Times are <see cref="MonotonicTicks"/>. Thread-safe.
    /// </summary>
    internal interface IRateLedger : IDisposable
    {
        /// <summary>True when other processes may change the book: waiters must look again now and then.</summary>
        bool IsShared { get; }

        /// <summary>See <see cref="LedgerBook.TryTake"/>; the id is made here.</summary>
        bool TryTake(int limit, int destinations, long now, long until, out long id, out long retryAt);

        /// <summary>See <see cref="LedgerBook.Settle"/>.</summary>
        void Settle(long id, long until);

        /// <summary>Destinations held at <paramref name="now"/>.</summary>
        int HeldAt(long now);

        /// <summary>Destinations held at <paramref name="now"/>, and in <paramref name="byOthers"/> those other processes hold (none for a ledger of this process alone).</summary>
        int HeldAt(long now, out int byOthers);
    }

    /// <summary>A ledger for this process alone.</summary>
    internal sealed class LocalRateLedger : IRateLedger
    {
        private readonly object _sync = new object();
        private readonly LedgerBook _book = new LedgerBook();
        private long _nextId;

        public bool IsShared => false;

        public bool TryTake(int limit, int destinations, long now, long until, out long id, out long retryAt)
        {
            lock (_sync)
            {
                id = ++_nextId;
                return _book.TryTake(limit, destinations, now, until, id, out retryAt);
            }
        }

        public void Settle(long id, long until)
        {
            lock (_sync) _book.Settle(id, until);
        }

        public int HeldAt(long now)
        {
            lock (_sync) return _book.HeldAt(now);
        }

        public int HeldAt(long now, out int byOthers)
        {
            byOthers = 0;
            return HeldAt(now);
        }

        public void Dispose()
        {
        }
    }
}
