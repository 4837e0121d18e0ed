using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using WebexConnect.Messages;

namespace WebexConnect.Engine.Journal
{
    /// <summary>
    /// The keys of records handed to the dispatcher and not yet answered, by the Recipient object that
    /// carries them into a batch: the dispatcher computes a key once, the transport finds it again.
    /// A record may have more keys, the ones earlier versions of the module gave it (a scheduled send, see
    /// <see cref="JournalKeyMaker.AsKeyedBefore"/>; a message this version changed, see DispatchItem.AsGiven): every
    /// line names it under each, so that such a version, run by another account on the same journal, still skips it. Each also remembers whether its intent was
    /// written, and its destination's own key, which every line names beside the keys (<see cref="JournalDestinations"/>).
    /// Thread-safe: batches finish on pool threads.
    /// </summary>
    internal sealed class PendingKeys
    {
        private readonly Dictionary<Recipient, Pending> _keys = new Dictionary<Recipient, Pending>(ByReference.Instance);
        private readonly object _sync = new object();

        /// <summary>False when this very object is already pending: the caller must hand over a copy.</summary>
        /// <param name="keys">The record's key, then those other versions gave it, when they differ (JournalVerdicts.Verdict).</param>
        /// <param name="destination">The key of the record's destination alone (JournalKeyMaker.ForDestination).</param>
        public bool TryAdd(Recipient recipient, JournalKey[] keys, JournalKey destination)
        {
            lock (_sync)
            {
                if (_keys.ContainsKey(recipient)) return false;
                _keys.Add(recipient, new Pending(keys, destination));
                return true;
            }
        }

        /// <summary>The keys of each of a batch's recipients (one, or more), in the batch's order, and the key of each one's destination.</summary>
        public JournalKey[][] Of(IReadOnlyList<Recipient> recipients, out JournalKey[] destinations)
        {
            var keys = new JournalKey[recipients.Count][];
            destinations = new JournalKey[recipients.Count];
            lock (_sync)
            {
                for (var i = 0; i < keys.Length; i++)
                {
                    var pending = Find(recipients[i]);
                    keys[i] = pending.Keys;
                    destinations[i] = pending.Destination;
                }
            }

            return keys;
        }

        /// <summary>
        /// The keys whose intent is not written yet, in the batch's order; they count as written from now on. Their
        /// destinations' keys in <paramref name="destinations"/>.
        /// </summary>
        public JournalKey[] Announce(IReadOnlyList<Recipient> recipients, out JournalKey[] destinations) => Flip(recipients, announced: true, out destinations);

        /// <summary>The keys whose intent was written, in the batch's order; from now on they count as not written. Their destinations' keys too.</summary>
        public JournalKey[] Withdraw(IReadOnlyList<Recipient> recipients, out JournalKey[] destinations) => Flip(recipients, announced: false, out destinations);

        public void Remove(IReadOnlyList<Recipient> recipients)
        {
            lock (_sync)
            {
                for (var i = 0; i < recipients.Count; i++) _keys.Remove(recipients[i]);
            }
        }

        private JournalKey[] Flip(IReadOnlyList<Recipient> recipients, bool announced, out JournalKey[] destinations)
        {
            var keys = new List<JournalKey>(recipients.Count);
            var flipped = new List<JournalKey>(recipients.Count);
            lock (_sync)
            {
                for (var i = 0; i < recipients.Count; i++)
                {
                    var pending = Find(recipients[i]);
                    if (pending.Announced == announced) continue;
                    pending.Announced = announced;
                    keys.AddRange(pending.Keys);
                    flipped.Add(pending.Destination);
                }
            }

            destinations = flipped.ToArray();
            return keys.ToArray();
        }

        private Pending Find(Recipient recipient) =>
            _keys.TryGetValue(recipient, out var pending)
                ? pending
                : throw new InvalidOperationException("A batch carries a recipient the journal was not told about.");

        private sealed class Pending
        {
            public Pending(JournalKey[] keys, JournalKey destination)
            {
                Keys = keys;
                Destination = destination;
            }

            public JournalKey[] Keys { get; }

            public JournalKey Destination { get; }

            public bool Announced { get; set; }
        }

        private sealed class ByReference : IEqualityComparer<Recipient>
        {
            public static readonly ByReference Instance = new ByReference();

            public bool Equals(Recipient? x, Recipient? y) => ReferenceEquals(x, y);

            public int GetHashCode(Recipient obj) => RuntimeHelpers.GetHashCode(obj);
        }
    }
}
