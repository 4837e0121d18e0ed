using System;
using System.Collections.Generic;
using System.Globalization;
using WebexConnect.Engine.Payload;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Engine.Journal
{
    /// <summary>What earlier runs recorded in a journal: its salt, and the last entry of each key.</summary>
    internal interface IEarlierSends
    {
        /// <summary>The random HMAC key of the journal, from its header.</summary>
        byte[] Salt { get; }

        /// <summary>The last thing an earlier run recorded for the key, if anything.</summary>
        bool TryGetEarlier(JournalKey key, out JournalEntry entry);

        /// <summary>The destinations earlier runs sent to (empty for a journal of a version that did not record them).</summary>
        JournalDestinations Destinations { get; }
    }

    /// <summary>
    /// Decides, record by record in pipeline order, what a journal says of a send: sent or scheduled before (Skipped),
    /// in flight or unknown when an earlier run ended (Unknown, unless resent), or to be sent. One place for the rule,
    /// so that a send run (<see cref="JournalRun"/>) and a -WhatIf run (<see cref="JournalPreview"/>) cannot disagree.
    /// </summary>
    /// <remarks>
    /// What an earlier run recorded last decides:
    /// queued or scheduled: Skipped, never sent twice;
    /// intent without outcome, or unknown: Unknown, not resent unless resendUnknown (-ResendUnknown);
    /// failed: sent again (it was never accepted);
    /// rejected: sent again too. The same key means the same content, but a rejection can hang on what
    /// changed since (a service activated, a contact policy, a template); another refusal costs nothing.
    /// Nothing recorded for the item, but its destination sent to (or perhaps sent to) with other content: sent, and
    /// counted for the run's warning (<see cref="ChangedContent"/>); Skipped only with skipChanged (-SkipChanged).
    /// Not thread-safe: the pipeline thread asks.
    /// </remarks>
    internal sealed class JournalVerdicts : IDisposable
    {
        private const string Code = "Journal";

        private readonly IEarlierSends _earlier;
        private readonly bool _resendUnknown;
        private readonly bool _skipChanged;
        private readonly bool _rowsPiped;
        private readonly DateTimeOffset _runStartedAt;
        private readonly JournalKeyMaker _keys;
        // Identical sends in one run (same content, destination and correlation ID) are told apart by
        // their count, so a re-run skips as many of them as went out before.
        private readonly Dictionary<JournalKey, int> _seen = new Dictionary<JournalKey, int>();
        // The same, as versions that hashed every column of a row counted them (JournalKeyMaker.WithEveryColumn): two rows that
        // differ only in a column the message does not name are two repeats here and were two first sends there. Only rows
        // with such a column are in it.
        private readonly Dictionary<JournalKey, int> _seenEveryColumn = new Dictionary<JournalKey, int>();

        /// <param name="runStartedAt">When the run began (now when not given): what a skipped row's send is old against.</param>
        /// <param name="skipChanged">-SkipChanged: hold back (Skipped) a row whose destination an earlier run sent other content.</param>
        /// <param name="rowsPiped">The rows are piped into the command: the run is no foreach loop's one-row call (<see cref="LoopRepeat"/>).</param>
        public JournalVerdicts(IEarlierSends earlier, bool resendUnknown, DateTimeOffset? runStartedAt = null, bool skipChanged = false,
            bool rowsPiped = false)
        {
            _earlier = earlier ?? throw new ArgumentNullException(nameof(earlier));
            _resendUnknown = resendUnknown;
            _skipChanged = skipChanged;
            _rowsPiped = rowsPiped;
            _runStartedAt = runStartedAt ?? DateTimeOffset.UtcNow;
            _keys = new JournalKeyMaker(earlier.Salt);
            SkippedOld = new SkippedFromEarlierDays(_runStartedAt);
        }

        /// <summary>The rows skipped for sends recorded long before this run (a journal reused from day to day).</summary>
        public SkippedFromEarlierDays SkippedOld { get; }

        /// <summary>The rows the journal does not hold whose destination an earlier run sent other content.</summary>
        public ChangedContent Changed { get; } = new ChangedContent();

        /// <summary>Whether rows whose destination an earlier run sent other content are held back (-SkipChanged), not sent.</summary>
        public bool SkipsChanged => _skipChanged;

        /// <summary>
        /// The result that takes the item's place (Skipped, Unknown), or null when it is to be sent. Either way the item's
        /// <paramref name="keys"/>: its own first, then those other versions of the module gave the same send, where they differ
        /// (<see cref="KeysOf"/>).
        /// </summary>
        /// <param name="resending">
        /// With -ResendUnknown, for an item an earlier run left in flight or Unknown: why it may arrive twice. Null otherwise.
        /// </param>
        /// <param name="givenShape">The shape of <see cref="DispatchItem.AsGiven"/>, when the item has one.</param>
        /// <param name="destination">The key of the item's destination alone, which the journal records beside its keys.</param>
        public SendResult? Verdict(DispatchItem item, MessageShape shape, out JournalKey[] keys, out JournalKey destination, out string? resending,
            MessageShape? givenShape = null)
        {
            resending = null;
            Asked++;
            if (shape.UsedSubstitutions is null && item.Recipient.Substitutions.Count > 0) EveryColumnCounted = true;
            var first = _keys.For(shape, item.Recipient, 1);
            _seen.TryGetValue(first, out var earlierInRun);
            _seen[first] = earlierInRun + 1;
            var asBefore = AsCountedBefore(shape, item.Recipient, earlierInRun, count: true);
            keys = KeysOf(item, shape, givenShape, first, earlierInRun, asBefore);
            destination = _keys.ForDestination(shape, item.Recipient);
            if (!Earlier(keys, out var entry))
            {
                if (!SentOtherContent(item, shape, givenShape, first, earlierInRun, destination, out var sentAt)) return null;
                // Not a new row to this person: the same row changed, or another row for them. Counted as found, so that the
                // warning for a run none of whose rows the journal holds does not call such rows new.
                Found++;
                Changed.Note(item.Row);
                // Sent unless the admin asked to hold such rows back: a row not sent that was meant to be is as bad as a
                // duplicate (a loop that sends one person two messages, a repeat customer's second order), and the run's
                // warning says it went.
                if (!_skipChanged) return null;
                SkippedOld.Note(sentAt);
                return ChangedResult(item, sentAt);
            }

            Found++;
            var instead = Decide(item, entry, out resending);
            if (instead?.Status == SendStatus.Skipped) SkippedOld.Note(entry.At);
            return instead;
        }

        /// <summary>
        /// What <see cref="Verdict"/> would say of the item now, without counting it: neither as asked nor as an identical
        /// send of the run, so that the item's own <see cref="Verdict"/> after it is the same.
        /// </summary>
        public SendResult? Peek(DispatchItem item, MessageShape shape, MessageShape? givenShape = null)
        {
            var first = _keys.For(shape, item.Recipient, 1);
            _seen.TryGetValue(first, out var earlierInRun);
            var asBefore = AsCountedBefore(shape, item.Recipient, earlierInRun, count: false);
            if (Earlier(KeysOf(item, shape, givenShape, first, earlierInRun, asBefore), out var entry)) return Decide(item, entry, out _);
            if (!_skipChanged || _earlier.Destinations.Count == 0) return null;
            return SentOtherContent(item, shape, givenShape, first, earlierInRun, _keys.ForDestination(shape, item.Recipient), out var sentAt)
                ? ChangedResult(item, sentAt) : null;
        }

        /// <summary>
        /// For an item the journal does not hold: whether an earlier run sent its destination, and not this content. A further
        /// copy of a row the journal holds (a third where earlier runs sent two) is this content again: sent, as before.
        /// </summary>
        private bool SentOtherContent(DispatchItem item, MessageShape shape, MessageShape? givenShape, JournalKey first, int earlierInRun,
            JournalKey destination, out DateTimeOffset sentAt)
        {
            if (!_earlier.Destinations.SentTo(destination, out sentAt)) return false;
            return earlierInRun == 0 || !Earlier(KeysOf(item, shape, givenShape, first, 0, default), out _);
        }

        /// <summary>The Skipped result of a row the journal does not hold, whose destination an earlier run sent other content.</summary>
        private static SendResult ChangedResult(DispatchItem item, DateTimeOffset sentAt)
        {
            var when = sentAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
            return new SendResult(item.Message.Channel, item.Recipient.ToString(), item.Recipient.CorrelationId, SendStatus.Skipped,
                code: DispatchOptions.ChangedContentCode, parts: item.Parts, inputObject: item.InputObject, row: item.Row,
                reason: $"Not sent: an earlier run on {when} sent {item.Recipient} other content (journal), and this row is not what it " +
                        "sent: its text, sender, an option or a column that counts changed since, or another row to the same destination " +
                        "came first (a foreach loop of one-row calls). Held back because of -SkipChanged; without it, the row is sent.");
        }

        /// <summary>The item's keys, when <paramref name="earlierInRun"/> identical items came before it in this run: its own first.</summary>
        /// <param name="first">The key of the first such item, which the item's own key is when none came before.</param>
        /// <param name="asBefore">The item's place as versions that hashed every column counted it (<see cref="AsCountedBefore"/>).</param>
        private JournalKey[] KeysOf(DispatchItem item, MessageShape shape, MessageShape? givenShape, JournalKey first, int earlierInRun,
            EveryColumnCount asBefore)
        {
            var occurrence = earlierInRun + 1;
            var key = earlierInRun > 0 ? _keys.For(shape, item.Recipient, occurrence) : first;
            var everyColumn = JournalKeyMaker.NamesEveryColumn(shape, item.Recipient);
            // The usual row has one key, or two when it has a column the message does not name: no list for it.
            if (!shape.HasDeliveryMembers && givenShape is null && item.RecipientAsGiven is null && !shape.UrlsDiffer)
                return everyColumn ? new[] { key } : new[] { key, EveryColumnKey(shape, item.Recipient, asBefore) };
            // Each other key is looked up, so the first run after an update does not send again what an earlier version sent,
            // and written, so that an earlier version run on this journal (another account's older copy) skips it too.
            var keys = new List<JournalKey>(4) { key };
            // Every earlier version hashed all of a row's columns, named by the message or not (JournalKeyMaker.WithEveryColumn),
            // and counted its repeats so: each key below is of those versions, at the place they gave the item.
            if (!everyColumn)
            {
                occurrence = asBefore.EarlierInRun + 1;
                keys.Add(EveryColumnKey(shape, item.Recipient, asBefore));
            }
            // Earlier versions keyed a message with delivery members (-SendAt, -NotifyUrl...) with them in it.
            if (shape.HasDeliveryMembers) keys.Add(_keys.AsKeyedBefore(shape, item.Recipient, occurrence));
            // Earlier versions sent its URLs as given, or trimmed, not encoded: 'a b.png' there is 'a%20b.png' here.
            if (shape.UrlsDiffer) AddEarlierUrlForms(keys, shape, item.Recipient, occurrence);
            // Earlier versions sent such an item as given (an email with the copies its To already has).
            if (givenShape is not null) AddEarlierUrlForms(keys, givenShape, item.Recipient, occurrence);
            // Versions before the trims sent the row's substitution values and GTR IDs as the cells held them (spaces at their ends).
            if (item.RecipientAsGiven is { } untrimmed)
            {
                AddEarlierUrlForms(keys, shape, untrimmed, occurrence);
                if (shape.HasDeliveryMembers) keys.Add(_keys.AsKeyedBefore(shape, untrimmed, occurrence));
            }
            return keys.ToArray();
        }

        /// <summary>The item's key as versions that hashed every column gave it, at the place they gave it.</summary>
        private JournalKey EveryColumnKey(MessageShape shape, Recipient recipient, EveryColumnCount asBefore) =>
            asBefore.EarlierInRun == 0 && asBefore.First is { } first ? first : _keys.WithEveryColumn(shape, recipient, asBefore.EarlierInRun + 1);

        /// <summary>
        /// How many identical items came before this one in the run as versions that hashed every column counted them, and its
        /// key of those versions when first. Where the message names every column of the row, as the run counts them.
        /// </summary>
        /// <param name="count">Count the item (a verdict), or not (a peek).</param>
        private EveryColumnCount AsCountedBefore(MessageShape shape, Recipient recipient, int earlierInRun, bool count)
        {
            if (JournalKeyMaker.NamesEveryColumn(shape, recipient)) return new EveryColumnCount(earlierInRun, null);
            var first = _keys.WithEveryColumn(shape, recipient, 1);
            _seenEveryColumn.TryGetValue(first, out var before);
            if (count) _seenEveryColumn[first] = before + 1;
            return new EveryColumnCount(before, first);
        }

        /// <summary>An item's place among identical items as versions that hashed every column counted it, with its key of theirs when first.</summary>
        private readonly struct EveryColumnCount
        {
            public EveryColumnCount(int earlierInRun, JournalKey? first)
            {
                EarlierInRun = earlierInRun;
                First = first;
            }

            public int EarlierInRun { get; }

            public JournalKey? First { get; }
        }

        /// <summary>The keys of the send in each <see cref="UrlForm"/> of earlier versions, each once and none already in the list.</summary>
        private void AddEarlierUrlForms(List<JournalKey> keys, MessageShape shape, Recipient recipient, int occurrence)
        {
            foreach (var urls in UrlForms.Earlier)
            {
                var earlier = _keys.ForUrls(shape, recipient, occurrence, urls);
                if (!keys.Contains(earlier)) keys.Add(earlier);
                // Every form writes it alike: one key is all of them.
                if (!shape.UrlsDiffer) return;
            }
        }

        /// <summary>
        /// Whether a row's key counted every column of it, named or not (a template's message, whose text the module cannot read):
        /// only then is a column that changes with each export, which the text does not name, a cause the warnings may give.
        /// </summary>
        public bool EveryColumnCounted { get; private set; }

        /// <summary>How many records were asked about.</summary>
        public long Asked { get; private set; }

        /// <summary>How many of them an earlier run recorded, whatever it recorded (<see cref="JournalFindings.NoneMatched"/>).</summary>
        public long Found { get; private set; }

        public void Dispose() => _keys.Dispose();

        /// <summary>What was recorded last under any of the keys: versions that key the send otherwise may have written in turn.</summary>
        private bool Earlier(JournalKey[] keys, out JournalEntry entry)
        {
            entry = default;
            var found = false;
            foreach (var key in keys)
            {
                if (!_earlier.TryGetEarlier(key, out var recorded)) continue;
                if (!found || recorded.At > entry.At) entry = recorded;
                found = true;
            }
            return found;
        }

        private SendResult? Decide(DispatchItem item, JournalEntry entry, out string? resending)
        {
            resending = null;
            var when = entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
            switch (entry.State)
            {
                case JournalState.Queued:
                    return Result(item, SendStatus.Skipped, $"Already sent in an earlier run on {when} (journal)." + LoopRepeat(entry.At, item.Row), entry.MessageId);
                case JournalState.Scheduled:
                    // Not "sent": the service holds it until the -SendAt of that run, which this run's -SendAt does not change.
                    return Result(item, SendStatus.Skipped,
                        $"Already scheduled by an earlier run on {when} (journal), to go out at the time that run gave.", entry.MessageId);
                // An intent without an outcome: the run stopped with the request in flight, or it went on and the journal
                // could not record the answer (a full disk, a dropped share). Said so that it is true of both.
                case JournalState.Intent when !_resendUnknown:
                    return Result(item, SendStatus.Unknown,
                        $"An earlier run on {when} recorded sending it but not what the service answered (journal); it may have been sent. Not resent: check {RerunAdvice.WhereToCheck}, then use -ResendUnknown to send it again.");
                case JournalState.Unknown when !_resendUnknown:
                    return Result(item, SendStatus.Unknown,
                        $"Its outcome was unknown in an earlier run on {when} (journal). Not resent: check {RerunAdvice.WhereToCheck}, then use -ResendUnknown to send it again.");
                // Sent as -ResendUnknown asks; said, as a Skipped row is, so that the admin can tell which recipients may
                // get the message twice (before, these rows came back Queued with no word of it).
                case JournalState.Intent:
                    resending = $"an earlier run on {when} recorded sending it but not what the service answered (journal), so it may arrive twice.";
                    return null;
                case JournalState.Unknown:
                    resending = $"its outcome was unknown in an earlier run on {when} (journal), so it may arrive twice.";
                    return null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// For a send recorded minutes before this run began, what the run cannot tell apart: a re-run, and an earlier call of
        /// the same foreach loop that sent an identical row (each one-row call is a run of its own). Before, a loop's repeated
        /// row was Skipped as "already sent in an earlier run", which the admin read as a re-run, while the same CSV piped into
        /// one call sent it twice; the reason now says which way each goes. Only for a call with nothing piped (a loop's
        /// Send-ConnectSms -To $u.Phone ...) and its first row: rows piped into one call are no loop's call. Before, a scheduled
        /// run re-run minutes after it was killed wrote this note into the Reason of each of its 500 Skipped rows, about a loop
        /// the script did not have.
        /// </summary>
        private string LoopRepeat(DateTimeOffset sentAt, long row) =>
            _rowsPiped || row > 1 || sentAt < _runStartedAt - RecentForLoop ? "" :
            " In a foreach loop of one-row calls with one -Journal, this is also what an identical row after an earlier one gets: " +
            "each call is a run of its own (piped into one call, such a repeat is sent again, with a warning).";

        /// <summary>How recent an earlier send must be for <see cref="LoopRepeat"/>: an earlier call of the same loop is.</summary>
        private static readonly TimeSpan RecentForLoop = TimeSpan.FromMinutes(10);

        /// <param name="messageId">For a skipped send, the messageId it went out with, so its delivery can still be looked up.</param>
        private static SendResult Result(DispatchItem item, SendStatus status, string reason, string? messageId = null) =>
            new SendResult(item.Message.Channel, item.Recipient.ToString(), item.Recipient.CorrelationId, status,
                messageId: messageId, code: Code, reason: reason, parts: item.Parts, inputObject: item.InputObject, row: item.Row);
    }
}
