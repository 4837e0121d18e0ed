using System;
using WebexConnect.Engine.Payload;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Engine.Journal
{
    /// <summary>
    /// One send run's use of a journal: decides, record by record, whether an earlier run already sent
    /// it, and hands the keys of what is sent to <see cref="JournalingTransport"/>.
    /// </summary>
    /// <remarks>
    /// What an earlier run recorded decides as <see cref="JournalVerdicts"/> says.
    /// The journal is opened when the run is made, before any record is read: a journal that cannot be used
    /// (JournalInUse, JournalIsDirectory...) ends the command before it takes a row, so no row is left without
    /// a result. -WhatIf makes no journaled run, so it leaves no file (it reads the journal through <see cref="JournalPreview"/>).
    /// </remarks>
    internal sealed class JournalRun : IDisposable
    {
        private readonly SendJournal _journal;
        private readonly JournalVerdicts _verdicts;
        private bool _disposed;

        /// <summary>Opens (or creates) the journal at <paramref name="path"/>; throws its SessionFailureException when it cannot be used.</summary>
        /// <param name="writeThrough">Tests only: as <see cref="SendJournal.Open"/>'s, a stream over the file that can fail.</param>
        /// <param name="skipChanged">-SkipChanged: hold back rows whose destination an earlier run sent other content (JournalVerdicts).</param>
        /// <param name="rowsPiped">The rows are piped into the command (<see cref="DispatchOptions.RowsPiped"/>).</param>
        public JournalRun(string path, bool resendUnknown, Func<DateTimeOffset>? clock = null, bool forSandbox = false,
            Func<System.IO.FileStream, System.IO.Stream>? writeThrough = null, bool skipChanged = false, bool rowsPiped = false)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            _journal = SendJournal.Open(path, clock, forSandbox, writeThrough);
            _verdicts = new JournalVerdicts(_journal, resendUnknown, clock?.Invoke(), skipChanged, rowsPiped);
        }

        /// <summary>The keys of records on their way, for the transport.</summary>
        public PendingKeys Pending { get; } = new PendingKeys();

        /// <summary>The rows whose outcome the journal could not record, for the warning at the end of the run.</summary>
        public UnrecordedOutcomes Unrecorded { get; } = new UnrecordedOutcomes();

        /// <summary>The open journal.</summary>
        public SendJournal Journal => _journal;

        /// <summary>The records admitted so far, and how many of them earlier runs recorded.</summary>
        public (long Admitted, long Found) Matches => (_verdicts.Asked, _verdicts.Found);

        /// <summary>Whether a row's key counted every column of it (<see cref="JournalVerdicts.EveryColumnCounted"/>).</summary>
        public bool EveryColumnCounted => _verdicts.EveryColumnCounted;

        /// <summary>The rows skipped so far for sends recorded long before this run.</summary>
        public SkippedFromEarlierDays SkippedOld => _verdicts.SkippedOld;

        /// <summary>The rows so far whose destination an earlier run sent other content, and the warning for them.</summary>
        public string? ChangedWarning() => _verdicts.Changed.Warning(_verdicts.SkipsChanged, whatIf: false, _verdicts.Asked, _verdicts.EveryColumnCounted);

        /// <summary>
        /// Null when the item is to be sent (its key is then pending, and the item may be a copy: send the
        /// one returned in <paramref name="toSend"/>); otherwise the result that takes its place.
        /// <paramref name="resending"/> says why an item sent again with -ResendUnknown may arrive twice (else null).
        /// <paramref name="givenShape"/> is the shape of the item's <see cref="DispatchItem.AsGiven"/>, when it has one.
        /// </summary>
        public SendResult? Admit(DispatchItem item, MessageShape shape, out DispatchItem toSend, out string? resending, MessageShape? givenShape = null)
        {
            DispatchItem.Require(item, nameof(item));
            if (_disposed) throw new ObjectDisposedException(nameof(JournalRun));
            toSend = item;

            var instead = _verdicts.Verdict(item, shape, out var keys, out var destination, out resending, givenShape);
            if (instead is not null) return instead;

            if (!Pending.TryAdd(item.Recipient, keys, destination))
            {
                // The caller handed the same Recipient object again while the first is still on its way.
                var copy = new Recipient(item.Recipient.Addresses, item.Recipient.CorrelationId, item.Recipient.Substitutions, item.Recipient.GtrIds);
                toSend = new DispatchItem(item.Message, copy, item.InputObject) { Parts = item.Parts, Row = item.Row };
                Pending.TryAdd(copy, keys, destination);
            }

            return null;
        }

        /// <summary>What <see cref="Admit"/> would return for the item now, without admitting it (JournalVerdicts.Peek).</summary>
        public SendResult? Peek(DispatchItem item, MessageShape shape, MessageShape? givenShape = null)
        {
            DispatchItem.Require(item, nameof(item));
            if (_disposed) throw new ObjectDisposedException(nameof(JournalRun));
            return _verdicts.Peek(item, shape, givenShape);
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _journal.Dispose();
            _verdicts.Dispose();
        }
    }
}
