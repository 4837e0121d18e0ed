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
    /// written. Thread-safe: batches finish on pool threads.
    /// </summary>
    internal sealed class PendingKeys
    {
        private readonly Dictionary<Recipient, Pending> _keys = new Dictionary<Recipient, Pending>(ByReference.Instance);
        private readonly object _sync = new object();

        /// <summary>False when this very object is already pending: the caller must hand over a copy.</summary>
        /// <param name="keys">The record's key, then those other versions gave it, when they differ (JournalVerdicts.Verdict).</param>
        public bool TryAdd(Recipient recipient, JournalKey[] keys)
        {
            lock (_sync)
            {
                if (_keys.ContainsKey(recipient)) return false;
                _keys.Add(recipient, new Pending(keys));
                return true;
            }
        }

        /// <summary>The keys of each of a batch's recipients (one, or more), in the batch's order.</summary>
        public JournalKey[][] Of(IReadOnlyList<Recipient> recipients)
        {
            var keys = new JournalKey[recipients.Count][];
            lock (_sync)
            {
                for (var i = 0; i < keys.Length; i++) keys[i] = Find(recipients[i]).Keys;
            }

            return keys;
        }

        /// <summary>The keys whose intent is not written yet, in the batch's order; they count as written from now on.</summary>
        public JournalKey[] Announce(IReadOnlyList<Recipient> recipients) => Flip(recipients, announced: true);

        /// <summary>The keys whose intent was written, in the batch's order; from now on they count as not written.</summary>
        public JournalKey[] Withdraw(IReadOnlyList<Recipient> recipients) => Flip(recipients, announced: false);

        public void Remove(IReadOnlyList<Recipient> recipients)
        {
            lock (_sync)
            {
                for (var i = 0; i < recipients.Count; i++) _keys.Remove(recipients[i]);
            }
        }

        private JournalKey[] Flip(IReadOnlyList<Recipient> recipients, bool announced)
        {
            var keys = new List<JournalKey>(recipients.Count);
            lock (_sync)
            {
                for (var i = 0; i < recipients.Count; i++)
                {
                    var pending = Find(recipients[i]);
                    if (pending.Announced == announced) continue;
                    pending.Announced = announced;
                    keys.AddRange(pending.Keys);
                }
            }

            return keys.ToArray();
        }

        private Pending Find(Recipient recipient) =>
            _keys.TryGetValue(recipient, out var pending)
                ? pending
                : throw new InvalidOperationException("A batch carries a recipient the journal was not told about.");

        private sealed class Pending
        {
            public Pending(JournalKey[] keys) => Keys = keys;

            public JournalKey[] Keys { get; }

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
