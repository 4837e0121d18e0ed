using System;
using System.Collections.Generic;
using System.Globalization;
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
    /// What an earlier run recorded last decides:
    /// queued or scheduled: Skipped, never sent twice;
    /// intent without outcome, or unknown: Unknown, not resent unless ResendAmbiguous (-ResendUnknown);
    /// failed: sent again (it was never accepted);
    /// rejected: sent again too. The same key means the same content, but a rejection can hang on what
    /// changed since (a service activated, a contact policy, a template); another refusal costs nothing.
    /// The journal is opened when the run is made, before any record is read: a journal that cannot be used
    /// (JournalInUse, JournalIsDirectory...) ends the command before it takes a row, so no row is left without
    /// a result. -WhatIf makes no journaled run, so it leaves no file.
    /// </remarks>
    internal sealed class JournalRun : IDisposable
    {
        private const string Code = "Journal";

        private readonly bool _resendUnknown;
        // Identical sends in one run (same content, destination and correlation ID) are told apart by
        // their count, so a re-run skips as many of them as went out before.
        private readonly Dictionary<JournalKey, int> _seen = new Dictionary<JournalKey, int>();
        private readonly SendJournal _journal;
        private readonly JournalKeyMaker _keys;
        private bool _disposed;

        /// <summary>Opens (or creates) the journal at <paramref name="path"/>; throws its SessionFailureException when it cannot be used.</summary>
        public JournalRun(string path, bool resendUnknown, Func<DateTimeOffset>? clock = null)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            _resendUnknown = resendUnknown;
            _journal = SendJournal.Open(path, clock);
            _keys = new JournalKeyMaker(_journal.Salt);
        }

        /// <summary>The keys of records on their way, for the transport.</summary>
        public PendingKeys Pending { get; } = new PendingKeys();

        /// <summary>The open journal.</summary>
        public SendJournal Journal => _journal;

        /// <summary>
        /// Null when the item is to be sent (its key is then pending, and the item may be a copy: send the
        /// one returned in <paramref name="toSend"/>); otherwise the result that takes its place.
        /// </summary>
        public SendResult? Admit(DispatchItem item, MessageShape shape, out DispatchItem toSend)
        {
            DispatchItem.Require(item, nameof(item));
            if (_disposed) throw new ObjectDisposedException(nameof(JournalRun));
            toSend = item;

            var key = _keys.For(shape, item.Recipient, 1);
            _seen.TryGetValue(key, out var earlierInRun);
            _seen[key] = earlierInRun + 1;
            if (earlierInRun > 0) key = _keys.For(shape, item.Recipient, earlierInRun + 1);

            // Earlier versions of the module keyed a message with delivery members (-SendAt, -NotifyUrl...) with them in
            // it. That key is looked up too, so the first run after an update does not send again what they scheduled,
            // and written too, so that an earlier version run on this journal (another account's older copy) skips it.
            var keyedBefore = shape.HasDeliveryMembers ? _keys.AsKeyedBefore(shape, item.Recipient, earlierInRun + 1) : (JournalKey?)null;
            if (Earlier(key, keyedBefore, out var entry))
            {
                var instead = Decide(item, entry);
                if (instead is not null) return instead;
            }

            if (!Pending.TryAdd(item.Recipient, key, keyedBefore))
            {
                // The caller handed the same Recipient object again while the first is still on its way.
                var copy = new Recipient(item.Recipient.Addresses, item.Recipient.CorrelationId, item.Recipient.Substitutions, item.Recipient.GtrIds);
                toSend = new DispatchItem(item.Message, copy, item.InputObject) { Parts = item.Parts, Row = item.Row };
                Pending.TryAdd(copy, key, keyedBefore);
            }

            return null;
        }

        /// <summary>What was recorded last under either key: both versions may have written to the journal in turn.</summary>
        private bool Earlier(JournalKey key, JournalKey? keyedBefore, out JournalEntry entry)
        {
            var found = _journal.TryGetEarlier(key, out entry);
            if (keyedBefore is JournalKey before && _journal.TryGetEarlier(before, out var asBefore) && (!found || asBefore.At > entry.At))
            {
                entry = asBefore;
                found = true;
            }

            return found;
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _journal.Dispose();
            _keys.Dispose();
        }

        private SendResult? Decide(DispatchItem item, JournalEntry entry)
        {
            var when = entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
            switch (entry.State)
            {
                case JournalState.Queued:
                    return Result(item, SendStatus.Skipped, $"Already sent in an earlier run on {when} (journal).", entry.MessageId);
                case JournalState.Scheduled:
                    // Not "sent": the service holds it until the -SendAt of that run, which this run's -SendAt does not change.
                    return Result(item, SendStatus.Skipped,
                        $"Already scheduled by an earlier run on {when} (journal), to go out at the time that run gave.", entry.MessageId);
                case JournalState.Intent when !_resendUnknown:
                    return Result(item, SendStatus.Unknown,
                        $"In flight when an earlier run stopped on {when} (journal); it may have been sent. Not resent: check delivery reports, then use -ResendUnknown to send it again.");
                case JournalState.Unknown when !_resendUnknown:
                    return Result(item, SendStatus.Unknown,
                        $"Its outcome was unknown in an earlier run on {when} (journal). Not resent: check delivery reports, then use -ResendUnknown to send it again.");
                default:
                    return null;
            }
        }

        /// <param name="messageId">For a skipped send, the messageId it went out with, so its delivery can still be looked up.</param>
        private static SendResult Result(DispatchItem item, SendStatus status, string reason, string? messageId = null) =>
            new SendResult(item.Message.Channel, item.Recipient.ToString(), item.Recipient.CorrelationId, status,
                messageId: messageId, code: Code, reason: reason, parts: item.Parts, inputObject: item.InputObject, row: item.Row);
    }
}
