using System;
using System.Collections.Generic;

namespace WebexConnect.Engine.Journal
{
    /// <summary>
    /// The destinations earlier runs sent to, by their destination-only key (<see cref="JournalKeyMaker.ForDestination"/>),
    /// read from the "d" member of the journal's lines. What lets a run see that a row the journal does not hold goes to
    /// someone an earlier run already sent other content: before, a row whose text was corrected (a typo in -Text or in
    /// its CSV cell) no longer matched its send and went to the same person a second time without a word.
    /// </summary>
    /// <remarks>
    /// A destination counts as sent to once a line records it queued, scheduled or unknown, and as perhaps sent to while its
    /// latest intent stands; a failed or rejected line withdraws that intent (the service took nothing), never a send.
    /// Lines of earlier versions have no "d": <see cref="LinesWithout"/> counts the lines that recorded a send without it, so
    /// that the run can say it cannot tell for those rows. Not thread-safe: filled while the journal is read, asked after.
    /// </remarks>
    internal sealed class JournalDestinations
    {
        private readonly Dictionary<JournalKey, Sent> _sent = new Dictionary<JournalKey, Sent>();

        /// <summary>How many destinations earlier runs sent to, or may have.</summary>
        public int Count => _sent.Count;

        /// <summary>Lines that recorded a send (or its intent) without naming its destinations: written by an earlier version.</summary>
        public long LinesWithout { get; private set; }

        /// <summary>Takes in one line of the journal: its state, its time and the destinations it names (null when it names none).</summary>
        public void Note(JournalState state, DateTimeOffset at, IReadOnlyList<JournalKey>? destinations)
        {
            if (destinations is null)
            {
                if (state != JournalState.Failed && state != JournalState.Rejected) LinesWithout++;
                return;
            }

            foreach (var destination in destinations)
            {
                _sent.TryGetValue(destination, out var earlier);
                switch (state)
                {
                    case JournalState.Queued:
                    case JournalState.Scheduled:
                    case JournalState.Unknown:
                        _sent[destination] = new Sent(true, earlier.At > at ? earlier.At : at);
                        break;
                    case JournalState.Intent:
                        if (!earlier.Sure) _sent[destination] = new Sent(false, at);
                        break;
                    default:
                        // Failed or rejected: the request that announced it was refused. A send recorded before stays.
                        if (_sent.ContainsKey(destination) && !earlier.Sure) _sent.Remove(destination);
                        break;
                }
            }
        }

        /// <summary>True when an earlier run sent to the destination, or may have (its request in flight when it ended); when, the latest.</summary>
        public bool SentTo(JournalKey destination, out DateTimeOffset at)
        {
            var found = _sent.TryGetValue(destination, out var sent);
            at = sent.At;
            return found;
        }

        private readonly struct Sent
        {
            public Sent(bool sure, DateTimeOffset at)
            {
                Sure = sure;
                At = at;
            }

            public bool Sure { get; }
            public DateTimeOffset At { get; }
        }
    }
}
