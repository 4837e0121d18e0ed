using System;
using System.Collections.Generic;
using WebexConnect.Engine.Payload;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Engine.Journal
{
    /// <summary>A journal as it was read, for a run that only looks: its salt and what earlier runs recorded last per key.</summary>
    internal sealed class JournalSnapshot : IEarlierSends
    {
        private readonly Dictionary<JournalKey, JournalEntry> _earlier;

        public JournalSnapshot(byte[] salt, Dictionary<JournalKey, JournalEntry> earlier, JournalDestinations destinations)
        {
            Salt = salt;
            _earlier = earlier;
            Destinations = destinations;
        }

        public byte[] Salt { get; }

        public JournalDestinations Destinations { get; }

        /// <summary>The last thing earlier runs recorded for each key (what <see cref="JournalFindings"/> sums up).</summary>
        public IEnumerable<JournalEntry> Earlier => _earlier.Values;

        public bool TryGetEarlier(JournalKey key, out JournalEntry entry) => _earlier.TryGetValue(key, out entry);
    }

    /// <summary>
    /// -WhatIf on a journal: which rows a run on it would not send, decided by the same rule as a send run
    /// (<see cref="JournalVerdicts"/>) from a snapshot read without locking or writing the file.
    /// </summary>
    internal sealed class JournalPreview : IJournalPreview
    {
        // Null when the journal holds no record yet (or does not exist): every row would be sent.
        private readonly JournalVerdicts? _verdicts;
        private readonly string _path;
        private readonly long _sentEarlier;

        private readonly LastShape _sentShapes = new LastShape(MessageShape.Of);
        private readonly LastShape _givenShapes = new LastShape(MessageShape.Of);

        private JournalPreview(string path, JournalSnapshot? snapshot, bool resendUnknown, bool skipChanged)
        {
            _path = path;
            var earlier = snapshot?.Earlier ?? Array.Empty<JournalEntry>();
            Findings = JournalFindings.Describe(path, earlier, resendUnknown);
            _sentEarlier = JournalFindings.SentIn(earlier);
            _verdicts = snapshot is null ? null : new JournalVerdicts(snapshot, resendUnknown, skipChanged: skipChanged);
            if (snapshot is not null && JournalFindings.WithoutDestinations(path, snapshot.Destinations) is string without)
                Findings += " " + without;
        }

        public static JournalPreview Open(string path, bool resendUnknown, bool forSandbox = false, bool skipChanged = false) =>
            new JournalPreview(JournalPath.Full(path), SendJournal.ReadEarlier(path, forSandbox), resendUnknown, skipChanged);

        public bool HoldsRecords => _verdicts is not null;

        public string Findings { get; }

        public string? NoneMatched() =>
            _verdicts is null ? null : JournalFindings.NoneMatched(_path, _sentEarlier, _verdicts.Asked, _verdicts.Found, whatIf: true,
                _verdicts.EveryColumnCounted);

        public string? SentOnEarlierDays() =>
            _verdicts is null ? null : JournalFindings.SentOnEarlierDays(_path, _verdicts.SkippedOld, whatIf: true);

        public string? Changed() =>
            _verdicts?.Changed.Warning(_verdicts.SkipsChanged, whatIf: true, _verdicts.Asked, _verdicts.EveryColumnCounted);

        public SendResult? EarlierOutcome(DispatchItem item)
        {
            DispatchItem.Require(item, nameof(item));
            LastGoesToChanged = false;
            if (_verdicts is null) return null;
            var changedBefore = _verdicts.Changed.Count;
            var instead = _verdicts.Verdict(item, _sentShapes.Of(item.Message), out _, out _, out _, item.AsGiven is { } given ? _givenShapes.Of(given) : null);
            LastGoesToChanged = instead is null && _verdicts.Changed.Count > changedBefore;
            return instead;
        }

        public bool LastGoesToChanged { get; private set; }

        public void Dispose() => _verdicts?.Dispose();
    }
}
