using System;
using System.Collections.Generic;
using System.IO;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>
    /// The destinations that may still count in the service's one-second window: one entry per grant, held
    /// until a time the rate gate sets (provisionally far ahead while its request is in flight). Pure
    /// bookkeeping, no clock and no lock: <see cref="IRateLedger"/> stores decide where it lives.
    /// </summary>
    internal sealed class LedgerBook
    {
        private const int FormatVersion = 2;
        private readonly List<Entry> _entries = new List<Entry>();

        public int Count => _entries.Count;

        /// <summary>Destinations held at <paramref name="now"/>.</summary>
        public int HeldAt(long now)
        {
            var held = 0;
            foreach (var entry in _entries)
            {
                if (entry.Until > now) held += entry.Destinations;
            }
            return held;
        }

        /// <summary>Destinations held at <paramref name="now"/>, and in <paramref name="byOthers"/> those of owners other than <paramref name="self"/>.</summary>
        public int HeldAt(long now, int self, out int byOthers)
        {
            var held = 0;
            byOthers = 0;
            foreach (var entry in _entries)
            {
                if (entry.Until <= now) continue;
                held += entry.Destinations;
                if (entry.Owner != self) byOthers += entry.Destinations;
            }
            return held;
        }

        /// <summary>Forgets every entry whose hold has ended.</summary>
        public void Purge(long now) => _entries.RemoveAll(e => e.Until <= now);

        /// <summary>
        /// Adds <paramref name="destinations"/> held until <paramref name="until"/> if, with them, no more than
        /// <paramref name="limit"/> are held now; otherwise says when enough will have been released.
        /// </summary>
        public bool TryTake(int limit, int destinations, long now, long until, long id, out long retryAt) =>
            TryTake(limit, destinations, now, until, id, owner: 0, out retryAt);

        /// <param name="owner">The process that booked it (its id), for <see cref="EndDeadOwners"/>.</param>
        public bool TryTake(int limit, int destinations, long now, long until, long id, int owner, out long retryAt)
        {
            Purge(now);
            var held = HeldAt(now);
            if (held + destinations <= limit)
            {
                _entries.Add(new Entry(id, destinations, until, owner));
                retryAt = now;
                return true;
            }

            // Release order: the entries ending first free their destinations first.
            var ends = new List<Entry>(_entries);
            ends.Sort((a, b) => a.Until.CompareTo(b.Until));
            var excess = held + destinations - limit;
            retryAt = long.MaxValue;
            foreach (var entry in ends)
            {
                excess -= entry.Destinations;
                if (excess <= 0)
                {
                    retryAt = entry.Until;
                    break;
                }
            }
            return false;
        }

        /// <summary>Moves an entry's end (its request was answered, or never left); unknown ids are ignored.</summary>
        public bool Settle(long id, long until)
        {
            for (var i = 0; i < _entries.Count; i++)
            {
                if (_entries[i].Id != id) continue;
                _entries[i] = new Entry(id, _entries[i].Destinations, until, _entries[i].Owner);
                return true;
            }
            return false;
        }

        /// <summary>
        /// A process that died cannot send any more: what it had in flight either reached the service before it
        /// died or never will, so its entries end a second from now at the latest (instead of at their timeout).
        /// </summary>
        public void EndDeadOwners(long now, int self, Func<int, bool> isAlive)
        {
            for (var i = 0; i < _entries.Count; i++)
            {
                var entry = _entries[i];
                if (entry.Owner == 0 || entry.Owner == self || entry.Until <= now + MonotonicTicks.PerSecond || isAlive(entry.Owner)) continue;
                _entries[i] = new Entry(entry.Id, entry.Destinations, now + MonotonicTicks.PerSecond, entry.Owner);
            }
        }

        /// <summary>Reads a book written by <see cref="Write"/>; an empty or unreadable stream is an empty book.</summary>
        public void Read(BinaryReader reader)
        {
            _entries.Clear();
            try
            {
                if (reader.BaseStream.Length < 8 || reader.ReadInt32() != FormatVersion) return;
                var count = reader.ReadInt32();
                for (var i = 0; i < count; i++) _entries.Add(new Entry(reader.ReadInt64(), reader.ReadInt32(), reader.ReadInt64(), reader.ReadInt32()));
            }
            catch (EndOfStreamException)
            {
                // A writer died mid-write: what was read is all there is; holds are bounded anyway.
            }
        }

        public void Write(BinaryWriter writer)
        {
            writer.Write(FormatVersion);
            writer.Write(_entries.Count);
            foreach (var entry in _entries)
            {
                writer.Write(entry.Id);
                writer.Write(entry.Destinations);
                writer.Write(entry.Until);
                writer.Write(entry.Owner);
            }
        }

        private readonly struct Entry
        {
            public Entry(long id, int destinations, long until, int owner)
            {
                Id = id;
                Destinations = destinations;
                Until = until;
                Owner = owner;
            }

            public int Owner { get; }

            public long Id { get; }
            public int Destinations { get; }
            public long Until { get; }
        }
    }
}
