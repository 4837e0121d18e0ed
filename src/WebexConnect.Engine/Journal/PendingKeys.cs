using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using WebexConnect.Messages;

namespace WebexConnect.Engine.Journal
{
    /// <summary>
    /// The keys of records handed to the dispatcher and not yet answered, by the Recipient object that
    /// carries them into a batch: the dispatcher computes a key once, the transport finds it again.
    /// Thread-safe: batches finish on pool threads.
    /// </summary>
    internal sealed class PendingKeys
    {
        private readonly Dictionary<Recipient, JournalKey> _keys = new Dictionary<Recipient, JournalKey>(ByReference.Instance);
        private readonly object _sync = new object();

        /// <summary>False when this very object is already pending: the caller must hand over a copy.</summary>
        public bool TryAdd(Recipient recipient, JournalKey key)
        {
            lock (_sync)
            {
                if (_keys.ContainsKey(recipient)) return false;
                _keys.Add(recipient, key);
                return true;
            }
        }

        /// <summary>The keys of a batch's recipients, in the batch's order.</summary>
        public JournalKey[] Of(IReadOnlyList<Recipient> recipients)
        {
            var keys = new JournalKey[recipients.Count];
            lock (_sync)
            {
                for (var i = 0; i < keys.Length; i++)
                {
                    if (!_keys.TryGetValue(recipients[i], out keys[i]))
                        throw new InvalidOperationException("A batch carries a recipient the journal was not told about.");
                }
            }

            return keys;
        }

        public void Remove(IReadOnlyList<Recipient> recipients)
        {
            lock (_sync)
            {
                for (var i = 0; i < recipients.Count; i++) _keys.Remove(recipients[i]);
            }
        }

        private sealed class ByReference : IEqualityComparer<Recipient>
        {
            public static readonly ByReference Instance = new ByReference();

            public bool Equals(Recipient? x, Recipient? y) => ReferenceEquals(x, y);

            public int GetHashCode(Recipient obj) => RuntimeHelpers.GetHashCode(obj);
        }
    }
}
