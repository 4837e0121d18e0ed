using System.Collections.Generic;
using WebexConnect.Results;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>
    /// Puts results that finish in any order back into input order: a result is released once every
    /// result before it has been. Not thread-safe: the dispatcher calls it under its lock.
    /// </summary>
    internal sealed class ResultSequencer
    {
        private readonly Dictionary<long, SendResult> _waiting = new Dictionary<long, SendResult>();
        private readonly Queue<SendResult> _ready = new Queue<SendResult>();
        private long _nextToRelease = 1;

        /// <summary>Results that finished but wait for an earlier one.</summary>
        public int WaitingCount => _waiting.Count;

        /// <summary>Released results not yet taken.</summary>
        public int ReadyCount => _ready.Count;

        /// <summary>How many sequence numbers, from 1, have been released so far.</summary>
        public long Released => _nextToRelease - 1;

        /// <summary>Files the result for 1-based <paramref name="sequence"/>, given once per sequence.</summary>
        public void Put(long sequence, SendResult result)
        {
            if (sequence != _nextToRelease)
            {
                _waiting.Add(sequence, result);
                return;
            }

            _ready.Enqueue(result);
            _nextToRelease++;
            while (_waiting.TryGetValue(_nextToRelease, out var next))
            {
                _waiting.Remove(_nextToRelease);
                _ready.Enqueue(next);
                _nextToRelease++;
            }
        }

        /// <summary>Every result filed and not taken yet, released or waiting for an earlier one.</summary>
        public IEnumerable<SendResult> Held()
        {
            foreach (var result in _ready) yield return result;
            foreach (var result in _waiting.Values) yield return result;
        }

        /// <summary>Hands over the oldest released result not yet taken, or null when none is.</summary>
        public SendResult? TakeNext() => _ready.Count > 0 ? _ready.Dequeue() : null;

        /// <summary>Hands over the released results not yet taken, oldest first.</summary>
        public List<SendResult> TakeReady()
        {
            var taken = new List<SendResult>(_ready.Count);
            while (_ready.Count > 0) taken.Add(_ready.Dequeue());
            return taken;
        }
    }
}
