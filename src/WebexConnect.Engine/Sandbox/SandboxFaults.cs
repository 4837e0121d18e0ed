using System;
using System.Collections.Concurrent;

namespace WebexConnect.Engine.Sandbox
{
    /// <summary>
    /// The faults waiting for upcoming requests: a script played in order first, then (for soak tests) a
    /// seeded dice roll per request. A fault applies to the next request that arrives, whatever it is.
    /// </summary>
    internal sealed class SandboxFaults
    {
        private readonly ConcurrentQueue<SandboxFault> _script = new ConcurrentQueue<SandboxFault>();
        private readonly SandboxOptions _options;
        private readonly Random _dice;

        public SandboxFaults(SandboxOptions options)
        {
            _options = options;
            _dice = new Random(options.FaultSeed);
        }

        public void Enqueue(SandboxFault fault) => _script.Enqueue(fault ?? throw new ArgumentNullException(nameof(fault)));

        public int Pending => _script.Count;

        public void Clear()
        {
            while (_script.TryDequeue(out _)) { }
        }

        /// <summary>The fault for the request arriving now, or null.</summary>
        public SandboxFault? Next()
        {
            if (_script.TryDequeue(out var scripted)) return scripted;
            if (_options.FaultRate <= 0 || _options.RandomFaults.Count == 0) return null;
            // Random is not thread-safe; the lock is only taken in soak mode.
            lock (_dice)
            {
                if (_dice.NextDouble() >= _options.FaultRate) return null;
                return _options.RandomFaults[_dice.Next(_options.RandomFaults.Count)];
            }
        }
    }
}
