using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace WebexConnect.Engine.Sandbox
{
    /// <summary>
    /// A strict sliding one-second window over the arrival times of accepted destinations: a request is
    /// admitted only if, with it, no one-second span holds more than Tps destinations.
    /// </summary>
    internal sealed class SandboxRateWindow
    {
        private static readonly long WindowTicks = Stopwatch.Frequency;
        private readonly int _tps;
        private readonly Queue<Entry> _entries = new Queue<Entry>();
        private readonly object _gate = new object();
        private int _inWindow;

        public SandboxRateWindow(int tps) => _tps = tps;

        public int Limit => _tps;

        /// <summary>
        /// Admits <paramref name="destinations"/> now, or says how long until they would fit. The admission
        /// instant (Stopwatch ticks) is read inside the lock, so instants are in the same order as the window.
        /// </summary>
        public bool TryAdmit(int destinations, out int remaining, out TimeSpan retryAfter, out long admittedAt)
        {
            lock (_gate)
            {
                var now = Stopwatch.GetTimestamp();
                admittedAt = now;
                Expire(now);
                if (_inWindow + destinations <= _tps)
                {
                    _entries.Enqueue(new Entry(now, destinations));
                    _inWindow += destinations;
                    remaining = _tps - _inWindow;
                    retryAfter = TimeSpan.Zero;
                    return true;
                }

                remaining = _tps - _inWindow;
                retryAfter = TimeUntilFits(now, destinations);
                return false;
            }
        }

        /// <summary>How many destinations would be admitted right now.</summary>
        public int Remaining()
        {
            var now = Stopwatch.GetTimestamp();
            lock (_gate)
            {
                Expire(now);
                return _tps - _inWindow;
            }
        }

        private void Expire(long now)
        {
            // An entry stays in the window while now - arrival < 1 s: the window is half-open, so two
            // full windows never share an arrival.
            while (_entries.Count > 0 && now - _entries.Peek().At >= WindowTicks)
                _inWindow -= _entries.Dequeue().Count;
        }

        private TimeSpan TimeUntilFits(long now, int destinations)
        {
            var excess = _inWindow + destinations - _tps;
            foreach (var entry in _entries)
            {
                excess -= entry.Count;
                if (excess <= 0)
                {
                    var ticks = entry.At + WindowTicks - now;
                    return TimeSpan.FromSeconds(Math.Max(0, ticks) / (double)Stopwatch.Frequency);
                }
            }
            return TimeSpan.FromSeconds(1);
        }

        private readonly struct Entry
        {
            public Entry(long at, int count)
            {
                At = at;
                Count = count;
            }

            public long At { get; }
            public int Count { get; }
        }
    }
}
