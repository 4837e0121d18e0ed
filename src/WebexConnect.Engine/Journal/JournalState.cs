using System;
using System.Collections.Generic;
using WebexConnect.Results;

namespace WebexConnect.Engine.Journal
{
    /// <summary>What the journal knows about a send: that it was about to go out, or what came of it.</summary>
    internal enum JournalState
    {
        /// <summary>Written and flushed before the request; without a later outcome the request may have arrived.</summary>
        Intent,
        Queued,
        Scheduled,
        Rejected,
        Failed,
        Unknown,
    }

    /// <summary>The names the states have in the file, and how a result's status maps to them.</summary>
    internal static class JournalStates
    {
        public static string Name(JournalState state) => state switch
        {
            JournalState.Intent => "intent",
            JournalState.Queued => "queued",
            JournalState.Scheduled => "scheduled",
            JournalState.Rejected => "rejected",
            JournalState.Failed => "failed",
            JournalState.Unknown => "unknown",
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
        };

        public static bool TryParse(string? name, out JournalState state)
        {
            switch (name)
            {
                case "intent": state = JournalState.Intent; return true;
                case "queued": state = JournalState.Queued; return true;
                case "scheduled": state = JournalState.Scheduled; return true;
                case "rejected": state = JournalState.Rejected; return true;
                case "failed": state = JournalState.Failed; return true;
                case "unknown": state = JournalState.Unknown; return true;
                default: state = default; return false;
            }
        }

        /// <summary>The state a transport outcome is recorded as.</summary>
        public static JournalState Of(SendStatus status) => status switch
        {
            SendStatus.Queued => JournalState.Queued,
            SendStatus.Scheduled => JournalState.Scheduled,
            SendStatus.Rejected => JournalState.Rejected,
            SendStatus.Failed => JournalState.Failed,
            // Unknown, and anything a transport should never return: treated as possibly sent.
            _ => JournalState.Unknown,
        };
    }

    /// <summary>The last thing an earlier run recorded for a key, and when.</summary>
    internal readonly struct JournalEntry
    {
        public JournalEntry(JournalState state, DateTimeOffset at, string? messageId = null)
        {
            State = state;
            At = at;
            MessageId = messageId;
        }

        public JournalState State { get; }
        public DateTimeOffset At { get; }

        /// <summary>The service's messageId for the request that was accepted (queued or scheduled lines), if recorded.</summary>
        public string? MessageId { get; }
    }

    /// <summary>
    /// One line to append: a state, the messageId the service gave those keys (if any), the keys, and the destinations of
    /// the rows they name (<see cref="JournalKeyMaker.ForDestination"/>; none for a line written without them).
    /// </summary>
    internal readonly struct JournalLine
    {
        public JournalLine(JournalState state, string? messageId, IReadOnlyList<JournalKey> keys, IReadOnlyList<JournalKey>? destinations = null)
        {
            State = state;
            MessageId = messageId;
            Keys = keys;
            Destinations = destinations;
        }

        public IReadOnlyList<JournalKey>? Destinations { get; }

        public JournalState State { get; }
        public string? MessageId { get; }
        public IReadOnlyList<JournalKey> Keys { get; }
    }
}
