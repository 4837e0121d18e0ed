using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace WebexConnect.Engine.Sandbox
{
    /// <summary>How many times one address (with its correlationId) was accepted.</summary>
    internal sealed class SandboxDestinationCount
    {
        public SandboxDestinationCount(string address, string? correlationId, int count)
        {
            Address = address;
            CorrelationId = correlationId;
            Count = count;
        }

        public string Address { get; }
        public string? CorrelationId { get; }
        public int Count { get; }
    }

    /// <summary>
    /// A thread-safe multiset of accepted destinations keyed by address and correlationId, so tests can
    /// assert that no destination was accepted twice (the module's exactly-once promise).
    /// </summary>
    internal sealed class SandboxAcceptedDestinations
    {
        // The unit separator cannot appear in a phone number or an email address.
        private const char Separator = '\u001f';
        private readonly ConcurrentDictionary<string, int> _counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        private long _total;

        /// <summary>All acceptances, duplicates included.</summary>
        public long Total => Interlocked.Read(ref _total);

        /// <summary>Distinct address+correlationId pairs accepted.</summary>
        public int Distinct => _counts.Count;

        public int CountOf(string address, string? correlationId = null) =>
            _counts.TryGetValue(Key(address, correlationId), out var n) ? n : 0;

        /// <summary>The pairs accepted more than once; empty when the exactly-once promise held.</summary>
        public IReadOnlyList<SandboxDestinationCount> Duplicates()
        {
            var duplicates = new List<SandboxDestinationCount>();
            foreach (var pair in _counts)
                if (pair.Value > 1) duplicates.Add(ToCount(pair));
            return duplicates;
        }

        public IReadOnlyList<SandboxDestinationCount> All()
        {
            var all = new List<SandboxDestinationCount>(_counts.Count);
            foreach (var pair in _counts) all.Add(ToCount(pair));
            return all;
        }

        internal void Add(IReadOnlyList<SandboxDestination> destinations)
        {
            for (var i = 0; i < destinations.Count; i++)
                _counts.AddOrUpdate(Key(destinations[i].Address, destinations[i].CorrelationId), 1, (_, n) => n + 1);
            Interlocked.Add(ref _total, destinations.Count);
        }

        internal void Clear()
        {
            _counts.Clear();
            Interlocked.Exchange(ref _total, 0);
        }

        private static string Key(string address, string? correlationId) => address + Separator + (correlationId ?? string.Empty);

        private static SandboxDestinationCount ToCount(KeyValuePair<string, int> pair)
        {
            var split = pair.Key.IndexOf(Separator);
            var correlationId = pair.Key.Substring(split + 1);
            return new SandboxDestinationCount(pair.Key.Substring(0, split), correlationId.Length == 0 ? null : correlationId, pair.Value);
        }
    }
}
