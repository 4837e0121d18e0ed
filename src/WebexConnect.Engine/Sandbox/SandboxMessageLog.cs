using System;
using System.Collections.Generic;

namespace WebexConnect.Engine.Sandbox
{
    /// <summary>
    /// The accepted messages GET /v2/messages/{messageId} can answer for: the most recent ones, as many as hold
    /// Capacity destinations (a message of 1,000 destinations weighs a thousand of one), the oldest forgotten
    /// first, so a long sandbox session stays in constant memory whatever the size of its requests. The newest
    /// message is always kept.
    /// </summary>
    internal sealed class SandboxMessageLog
    {
        private readonly object _sync = new object();
        private readonly Dictionary<string, Entry> _byId = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        private readonly Queue<string> _order = new Queue<string>();
        private readonly int _capacity;
        private long _destinations;

        /// <param name="capacity">Destinations the remembered messages may hold together; 0: remember none.</param>
        public SandboxMessageLog(int capacity) => _capacity = capacity;

        public void Add(string messageId, SandboxMessage message, DateTimeOffset acceptedAt)
        {
            if (_capacity <= 0) return;
            lock (_sync)
            {
                if (_byId.TryGetValue(messageId, out var replaced)) _destinations -= Weight(replaced.Message);
                else _order.Enqueue(messageId);
                _byId[messageId] = new Entry(message, acceptedAt);
                _destinations += Weight(message);
                while (_destinations > _capacity && _order.Count > 1)
                {
                    var oldest = _order.Dequeue();
                    if (_byId.TryGetValue(oldest, out var gone))
                    {
                        _destinations -= Weight(gone.Message);
                        _byId.Remove(oldest);
                    }
                }
            }
        }

        private static int Weight(SandboxMessage message) => Math.Max(1, message.Destinations.Count);

        public bool TryGet(string messageId, out SandboxMessage message, out DateTimeOffset acceptedAt)
        {
            lock (_sync)
            {
                if (_byId.TryGetValue(messageId, out var entry))
                {
                    message = entry.Message;
                    acceptedAt = entry.AcceptedAt;
                    return true;
                }
            }
            message = null!;
            acceptedAt = default;
            return false;
        }

        public void Clear()
        {
            lock (_sync)
            {
                _order.Clear();
                _byId.Clear();
                _destinations = 0;
            }
        }

        private sealed class Entry
        {
            public Entry(SandboxMessage message, DateTimeOffset acceptedAt)
            {
                Message = message;
                AcceptedAt = acceptedAt;
            }

            public SandboxMessage Message { get; }
            public DateTimeOffset AcceptedAt { get; }
        }
    }
}
