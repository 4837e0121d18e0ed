using System;
using System.Collections.Concurrent;

namespace WebexConnect.Engine.Sandbox
{
    /// <summary>
    /// The accepted messages GET /v2/messages/{messageId} can answer for: the most recent Capacity of them,
    /// the oldest forgotten first, so a long sandbox session stays in constant memory.
    /// </summary>
    internal sealed class SandboxMessageLog
    {
        private readonly ConcurrentDictionary<string, Entry> _byId = new ConcurrentDictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentQueue<string> _order = new ConcurrentQueue<string>();
        private readonly int _capacity;

        public SandboxMessageLog(int capacity) => _capacity = capacity;

        public void Add(string messageId, SandboxMessage message, DateTimeOffset acceptedAt)
        {
            if (_capacity <= 0) return;
            _byId[messageId] = new Entry(message, acceptedAt);
            _order.Enqueue(messageId);
            while (_order.Count > _capacity && _order.TryDequeue(out var oldest)) _byId.TryRemove(oldest, out _);
        }

        public bool TryGet(string messageId, out SandboxMessage message, out DateTimeOffset acceptedAt)
        {
            if (_byId.TryGetValue(messageId, out var entry))
            {
                message = entry.Message;
                acceptedAt = entry.AcceptedAt;
                return true;
            }
            message = null!;
            acceptedAt = default;
            return false;
        }

        public void Clear()
        {
            while (_order.TryDequeue(out _)) { }
            _byId.Clear();
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
