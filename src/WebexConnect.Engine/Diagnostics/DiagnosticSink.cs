using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using WebexConnect.Sending;

namespace WebexConnect.Engine.Diagnostics
{
    /// <summary>
    /// Where the transport and the dispatcher leave what -Verbose, -Debug and warnings should say: a
    /// thread-safe queue the cmdlet drains on the pipeline thread. Bounded, because the pipeline thread may
    /// be blocked for a long time (a full run waiting on one slow request) while retries keep talking: the
    /// oldest lines go first, and the next drain says how many were lost.
    /// </summary>
    internal sealed class DiagnosticSink
    {
        /// <summary>Enough for every line of a long stall; a few hundred kilobytes at most.</summary>
        public const int DefaultCapacity = 2000;

        private readonly object _sync = new object();
        private readonly Queue<DiagnosticEntry> _entries = new Queue<DiagnosticEntry>();
        private readonly int _capacity;
        private readonly Func<DateTimeOffset> _now;
        private long _dropped;
        private int _pending;

        public DiagnosticSink(int capacity = DefaultCapacity, Func<DateTimeOffset>? now = null)
        {
            if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "At least 1.");
            _capacity = capacity;
            _now = now ?? (() => DateTimeOffset.Now);
        }

        /// <summary>
        /// The run's accounting of where its time went: per run, as the sink is, and reached by the transport and the dispatcher
        /// the same way, so that the line a run ends with (what limited its pace) needs no wiring of its own.
        /// </summary>
        public PaceMeter Pace { get; } = new PaceMeter();

        public void Verbose(string message) => Write(DiagnosticLevel.Verbose, message);

        public void Debug(string message) => Write(DiagnosticLevel.Debug, message);

        public void Warning(string message) => Write(DiagnosticLevel.Warning, message);

        public void Write(DiagnosticLevel level, string message)
        {
            var entry = new DiagnosticEntry(level, message, _now());
            lock (_sync)
            {
                _entries.Enqueue(entry);
                while (_entries.Count > _capacity)
                {
                    _entries.Dequeue();
                    _dropped++;
                }
                Volatile.Write(ref _pending, 1);
            }
        }

        /// <summary>Everything queued since the last call, oldest first; never blocks for long.</summary>
        public IReadOnlyList<DiagnosticEntry> TakeAll()
        {
            // Drained for every row and result: usually empty, and then without taking the lock.
            if (Volatile.Read(ref _pending) == 0) return Array.Empty<DiagnosticEntry>();
            lock (_sync)
            {
                Volatile.Write(ref _pending, 0);
                if (_entries.Count == 0 && _dropped == 0) return Array.Empty<DiagnosticEntry>();
                var taken = new List<DiagnosticEntry>(_entries.Count + 1);
                if (_dropped > 0)
                {
                    taken.Add(new DiagnosticEntry(DiagnosticLevel.Verbose,
                        _dropped.ToString(CultureInfo.InvariantCulture) + " earlier diagnostic messages were dropped while the pipeline was busy.", _now()));
                    _dropped = 0;
                }

                taken.AddRange(_entries);
                _entries.Clear();
                return taken;
            }
        }
    }
}
