using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Results;

namespace WebexConnect.Receipts
{
    /// <summary>
    /// Joins send results with the receipts a listener receives, for Wait-ConnectDelivery. A receipt belongs to a
    /// result when their message ID and destination match, or, for a result without a message ID (Unknown), their
    /// correlation ID and destination. Results leave in input order as soon as the oldest has a final receipt (or
    /// at the end); receipts seen before their result arrives are kept in a bounded index. A result no receipt can
    /// come for (not sent), or none can be matched to (Unknown with neither ID), leaves at once, and so does one a
    /// -Journal skipped (an earlier run sent it), with a receipt already kept for that message if there is one. A result for several
    /// addresses (one destination object with several -To numbers) is waited for address by address, as the service
    /// sends a receipt for each: it gives one DeliveryResult per address. An email's Cc and Bcc copies get receipts under the
    /// same message: a row waits for those too, and shows them (Copies) without taking its Status from them. A Scheduled result
    /// whose time comes after the wait leaves at once as Scheduled: no receipt comes before that time.
    /// </summary>
    internal sealed class DeliveryJoin
    {
        private readonly ReceiptBuffer _source;
        private readonly int _indexCapacity;
        private readonly LinkedList<Entry> _pending = new LinkedList<Entry>();
        private readonly Dictionary<string, List<Entry>> _waiting = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        private readonly Dictionary<string, DeliveryReceipt> _index = new Dictionary<string, DeliveryReceipt>(StringComparer.Ordinal);
        private readonly Queue<string> _indexOrder = new Queue<string>();
        private readonly Dictionary<string, (long Row, string? CorrelationId, long SharesWith)> _written =
            new Dictionary<string, (long, string?, long)>(StringComparer.Ordinal);
        private readonly Queue<string> _writtenOrder = new Queue<string>();
        private readonly HashSet<string> _given = new HashSet<string>(StringComparer.Ordinal);
        private readonly Queue<string> _givenOrder = new Queue<string>();
        private long _position;
        private bool _inputEnded;

        /// <summary>The message ID of the result added last (<see cref="HeldForPartner"/>).</summary>
        private string? _lastMessageId;

        /// <summary>A receipt is indexed under its message ID and under its correlation ID (see <see cref="Keys"/>).</summary>
        private const int KeysPerReceipt = 2;

        /// <summary>True when the email app sends through SMTP (Wait-ConnectDelivery -EmailRoute Smtp): Submitted is an email's last receipt.</summary>
        private readonly bool _smtpEmail;

        /// <summary>How long the wait lasts after a result is added (-Timeout; none for -Receipt or a stopped listener).</summary>
        private readonly TimeSpan _wait;

        public DeliveryJoin(ReceiptBuffer source, bool smtpEmail = false, TimeSpan wait = default)
        {
            _source = source ?? throw new ArgumentNullException(nameof(source));
            _smtpEmail = smtpEmail;
            _wait = wait;
            // The index counts keys, so it holds as many receipts as the source does. At one key per receipt it held half
            // of them once rows had correlation IDs: -Receipt with one final receipt per row (Capacity = their count) gave
            // NoReceipt to the rows whose receipts had been pushed out before the row was added (rows 2-5 of 10).
            _indexCapacity = (int)Math.Min(int.MaxValue, (long)source.Capacity * KeysPerReceipt);
        }

        /// <summary>Results added and not yet taken.</summary>
        public int Pending => _pending.Count;

        /// <summary>The delivery results it gives for what was added: one per result, or per address of a result for several.</summary>
        public long Expected { get; private set; }

        /// <summary>Results still waiting for a final receipt.</summary>
        public int Waiting { get; private set; }

        /// <summary>Send results given more than once so far (<see cref="DeliveryResult.GivenBefore"/>), counted once per result.</summary>
        public long Repeats { get; private set; }

        /// <summary>The input row of the first send result given more than once; 0 while none has been.</summary>
        public long FirstRepeatedRow { get; private set; }

        public void Add(SendResult result)
        {
            if (result is null) throw new ArgumentNullException(nameof(result));
            var givenBefore = WasGivenBefore(result);
            _lastMessageId = result.MessageId;
            if (SentByEarlierRun(result))
            {
                // Each address may have a receipt of its own kept from the earlier run.
                foreach (var address in AddressesOf(result)) Pass(new Entry(result, address, awaited: false) { GivenBefore = givenBefore });
                return;
            }
            if (!MayHaveBeenSent(result) || !CanBeMatched(result) || NothingComes(result))
            {
                Pass(new Entry(result, result.Destination, awaited: false) { GivenBefore = givenBefore });
                return;
            }
            if (GoesOutAfterTheWait(result))
            {
                foreach (var address in AddressesOf(result)) Pass(new Entry(result, address, awaited: false) { Later = true, GivenBefore = givenBefore });
                return;
            }
            foreach (var address in AddressesOf(result)) Await(new Entry(result, address, awaited: true) { GivenBefore = givenBefore });
        }

        /// <summary>
        /// The input has ended: no row is added any more, so a row answered on arrival (<see cref="HeldForPartner"/>) need not
        /// wait for another row of its request to the same address.
        /// </summary>
        public void EndOfInput() => _inputEnded = true;

        /// <summary>
        /// Whether the same send result was added before: the same object, or a row of a results file with the same Row, message,
        /// correlation ID and address ($r + $r, or results.csv read twice). Before, the second saw the first as another row of its
        /// request to the same number, and its Note named itself as the row it could not be told apart from. As many as the
        /// index holds are remembered; a result without a Row (0: not made by a send command) is never taken for another.
        /// </summary>
        private bool WasGivenBefore(SendResult result)
        {
            if (result.Row == 0) return false;
            var identity = string.Join("|", result.Row.ToString(System.Globalization.CultureInfo.InvariantCulture),
                result.MessageId?.ToLowerInvariant(), result.CorrelationId, Normalize(result.Destination), result.Status.ToString());
            if (_given.Contains(identity))
            {
                if (Repeats++ == 0) FirstRepeatedRow = result.Row;
                return true;
            }
            _given.Add(identity);
            _givenOrder.Enqueue(identity);
            while (_givenOrder.Count > _indexCapacity) _given.Remove(_givenOrder.Dequeue());
            return false;
        }

        /// <summary>Two results of the same send, given twice: not two rows of one request that share an address.</summary>
        private static bool SameSend(SendResult one, long otherRow, string? otherCorrelationId) =>
            one.Row != 0 && one.Row == otherRow && string.Equals(one.CorrelationId, otherCorrelationId, StringComparison.Ordinal);

        /// <summary>
        /// A Scheduled send whose time comes after the wait would end: no receipt comes before the message goes out, so waiting
        /// only held the run for the whole -Timeout (a nightly task of reminders due tomorrow sat out every one) and then said
        /// NoReceipt. A results file's row does not know its time, and is waited for as before.
        /// </summary>
        private bool GoesOutAfterTheWait(SendResult result) =>
            result.Status == SendStatus.Scheduled && result.ScheduledFor is DateTimeOffset at && at > DateTimeOffset.UtcNow + _wait;

        private void Pass(Entry entry)
        {
            _pending.AddLast(entry);
            Expected++;
        }

        private void Await(Entry entry)
        {
            _pending.AddLast(entry);
            Expected++;
            Waiting++;
            NoteSharedAddress(entry);
            // Registered under every key until it is written, final or not: a later final receipt (Read after Delivered)
            // still replaces the one it has, as it does for a result added after both came.
            foreach (var key in KeysOf(entry).Concat(CopyKeysOf(entry)))
            {
                if (_index.TryGetValue(key, out var known)) Offer(entry, known);
                if (!_waiting.TryGetValue(key, out var list)) _waiting[key] = list = new List<Entry>(1);
                list.Add(entry);
            }
            entry.AnsweredOnArrival = entry.Done;
        }

        /// <summary>
        /// A row whose final receipts had been read already when it was added (-Receipt gives them all at once; a listener holds
        /// those of results piped after they came) is ready at once, and was written before the next row was read: when that
        /// row went to the same address in the same request without a CorrelationId, only the later one could say they share
        /// their receipts. Such a row waits for the end of the input, as the rows after a row without its receipt do already.
        /// A row answered later, by a receipt that came while it was waited for, waits while the rows being added are of its
        /// request still (the send writes a request's rows together, in input order): before, a live wait wrote row 1 as soon as
        /// its receipt came while row 2 was read, and row 3, to row 1's number, was the only one to say so. A row of another
        /// request, or the end of the input, lets it go: the wait holds nothing longer than the send takes to write one request.
        /// Nor while the row after it, of another request, still waits for its final receipt: the send writes rows in input order,
        /// so a later row of this row's request (A, B, A: two texts) comes right after that row, which had to wait for its own
        /// request. Before, row 1 was written when row 2 came, and row 3 alone said they shared their receipts. The row is written
        /// just before the one after it, or at the end of the input, so this holds no row the wait would not hold anyway.
        /// </summary>
        private bool HeldForPartner(LinkedListNode<Entry> node) =>
            !_inputEnded && !string.IsNullOrEmpty(node.Value.Result.MessageId) &&
            (node.Value.AnsweredOnArrival || string.Equals(node.Value.Result.MessageId, _lastMessageId, StringComparison.OrdinalIgnoreCase) ||
                node.Next is { Value: { Awaited: true, Done: false } });

        /// <summary>
        /// Two rows of one request to the same number or address, with no correlation IDs to tell them apart: the receipts for it
        /// cannot be told whose they are, and both rows show the latest. Before, nothing said so, and a report could show a
        /// Failed number Delivered. Marked on both rows, whose Note says it (<see cref="DeliveryResult.SharesReceiptsWith"/>).
        /// </summary>
        private void NoteSharedAddress(Entry entry)
        {
            if (string.IsNullOrEmpty(entry.Result.MessageId)) return;
            var key = Keys(entry.Result.MessageId, null, entry.Destination).First();
            // A row written already (its final receipt came while it was waited for, before this row was added): only this row
            // can still say so. The same send given again takes what it said.
            if (_written.TryGetValue(key, out var earlier))
            {
                if (SameSend(entry.Result, earlier.Row, earlier.CorrelationId)) entry.SharesWith = earlier.SharesWith;
                else if (!TellApart(earlier.CorrelationId, entry.Result.CorrelationId))
                {
                    entry.SharesWith = earlier.Row;
                    entry.PartnerWrittenFirst = true;
                }
                if (entry.SharesWith != 0) return;
            }
            if (!_waiting.TryGetValue(key, out var list)) return;
            var address = Normalize(entry.Destination);
            foreach (var other in list)
            {
                if (Normalize(other.Destination) != address || TellApart(other.Result.CorrelationId, entry.Result.CorrelationId)) continue;
                if (ReferenceEquals(other.Result, entry.Result) || SameSend(entry.Result, other.Result.Row, other.Result.CorrelationId))
                {
                    // The same send given again: the row it shares with, if any, is the first one's.
                    if (other.SharesWith != 0 && entry.SharesWith == 0) entry.SharesWith = other.SharesWith;
                    continue;
                }
                entry.SharesWith = other.Result.Row;
                if (other.SharesWith == 0) other.SharesWith = entry.Result.Row;
                return;
            }
        }

        /// <summary>Reads the receipts that arrived since the last call.</summary>
        public void Pull()
        {
            foreach (var receipt in _source.Since(ref _position))
            {
                foreach (var key in KeysOf(receipt))
                {
                    Remember(key, receipt);
                    if (!_waiting.TryGetValue(key, out var entries)) continue;
                    foreach (var entry in entries) Offer(entry, receipt);
                }
            }
        }

        /// <summary>
        /// The results ready to be written, in input order: from the oldest on, while each is final (or not waited for);
        /// with <paramref name="all"/>, every one left, those without a final receipt marked as timed out.
        /// </summary>
        public List<DeliveryResult> TakeReady(bool all)
        {
            var ready = new List<DeliveryResult>();
            while (_pending.First is LinkedListNode<Entry> node && (all || (node.Value.Done && !HeldForPartner(node)) || !node.Value.Awaited))
            {
                _pending.RemoveFirst();
                var entry = node.Value;
                if (!entry.Awaited)
                {
                    ready.Add(Passed(entry));
                    continue;
                }
                if (!entry.Done) Waiting--;
                ready.Add(new DeliveryResult(entry.Result, entry.Destination, entry.Best, entry.Best?.Status ?? DeliveryStatus.NoReceipt, timedOut: !entry.Final)
                {
                    Copies = EmailCopies.Describe(entry.Result.CopyAddresses, entry.CopyReceipt, matched: !string.IsNullOrEmpty(entry.MessageId)),
                    SharesReceiptsWith = entry.SharesWith, SharerWrittenFirst = entry.PartnerWrittenFirst, GivenBefore = entry.GivenBefore,
                });
                RememberWritten(entry);
                Forget(entry);
            }
            return ready;
        }

        /// <summary>
        /// A result not waited for. A row -Journal skipped was sent by an earlier run: "NotSent" read as if it never went,
        /// and a report of the re-run invited sending it again. A receipt for it that the listener (or -Receipt) already
        /// holds, from the earlier run, answers for it; otherwise it is SentEarlier, with the earlier send's MessageId.
        /// </summary>
        private DeliveryResult Passed(Entry entry)
        {
            if (SentByEarlierRun(entry.Result))
            {
                var kept = KeptReceiptFor(entry);
                return new DeliveryResult(entry.Result, entry.Destination, kept, kept?.Status ?? DeliveryStatus.SentEarlier, timedOut: false)
                    { GivenBefore = entry.GivenBefore };
            }
            if (entry.Later) return new DeliveryResult(entry.Result, entry.Destination, null, DeliveryStatus.Scheduled, timedOut: false) { GivenBefore = entry.GivenBefore };
            var status = MayHaveBeenSent(entry.Result) ? DeliveryStatus.NoReceipt : DeliveryStatus.NotSent;
            return new DeliveryResult(entry.Result, entry.Destination, null, status, timedOut: false) { GivenBefore = entry.GivenBefore };
        }

        private DeliveryReceipt? KeptReceiptFor(Entry entry)
        {
            foreach (var key in KeysOf(entry))
                if (_index.TryGetValue(key, out var receipt) && Belongs(entry.Result, receipt) && !ForAnotherRow(entry.Result, receipt)) return receipt;
            return null;
        }

        private void Offer(Entry entry, DeliveryReceipt receipt)
        {
            if (!Belongs(entry.Result, receipt)) return;
            var wasDone = entry.Done;
            var last = receipt.IsFinal || IsLastAskedFor(entry.Result, receipt);
            if (entry.CopyOf(receipt) is string copy)
            {
                entry.OfferCopy(copy, receipt, last);
            }
            else if (!ForAnotherRow(entry.Result, receipt))
            {
                if (entry.Best is null || Supersedes(receipt, entry.Best)) entry.Best = receipt;
                if (last) entry.Final = true;
                if (!wasDone) LearnMessage(entry, receipt);
            }
            if (entry.Done && !wasDone) Waiting--;
        }

        /// <summary>
        /// An Unknown result's own receipt (found by correlation ID) names the message its request made: the copies' receipts,
        /// which carry no correlation ID, are then found under it, as a Queued row's are, and the row waits for them too.
        /// Before, an Unknown row's copies all read NoReceipt, though their receipts had come. Copy receipts already kept are
        /// taken here, not through <see cref="Offer"/>, so the caller counts the row's wait once.
        /// </summary>
        private void LearnMessage(Entry entry, DeliveryReceipt receipt)
        {
            if (!string.IsNullOrEmpty(entry.MessageId) || string.IsNullOrEmpty(receipt.MessageId) || entry.Result.CopyAddresses.Count == 0) return;
            entry.Learn(receipt.MessageId!);
            foreach (var key in CopyKeysOf(entry))
            {
                if (!_waiting.TryGetValue(key, out var list)) _waiting[key] = list = new List<Entry>(1);
                list.Add(entry);
                if (_index.TryGetValue(key, out var known) && Belongs(entry.Result, known) && entry.CopyOf(known) is string copy)
                    entry.OfferCopy(copy, known, known.IsFinal || IsLastAskedFor(entry.Result, known));
            }
        }

        /// <summary>
        /// A send whose requestedReceipts let nothing through: only read or clicked for a text email, which never get them; or an
        /// email of an SMTP app whose send left submitted out, the one receipt such an app gets. Waiting -Timeout for what
        /// never comes only delayed the report.
        /// </summary>
        private bool NothingComes(SendResult result) =>
            result.AskedReceipts == ReceiptFilter.Nothing ||
            (_smtpEmail && result.Channel == Messages.MessageChannel.Email && result.AskedReceipts == ReceiptFilter.NoSubmitted);

        /// <summary>
        /// A Submitted receipt of a send that asked for no receipt after it (-RequestedReceipt submitted, as an SMTP email app
        /// can send nothing else): nothing more comes. Before, such rows waited the whole -Timeout and ended TimedOut. So is an
        /// email's when its app sends through SMTP (-EmailRoute Smtp): with no requestedReceipts the service posts such an app's
        /// Submitted alone, and those rows waited the whole -Timeout too.
        /// </summary>
        private bool IsLastAskedFor(SendResult result, DeliveryReceipt receipt) =>
            receipt.Status == DeliveryStatus.Submitted &&
            (result.AskedReceipts == ReceiptFilter.SubmittedOnly || (_smtpEmail && result.Channel == Messages.MessageChannel.Email));

        /// <summary>
        /// Whether a receipt found by one of the result's keys is the result's. The correlation ID key alone is not enough
        /// when both have a message ID: the same CSV sent again repeats its correlation IDs and numbers, and the listener
        /// still holds the earlier send's receipts, which then answered for every row of the new send (Delivered, though
        /// nothing of it was delivered yet). The correlation ID decides only when one side has no message ID (Unknown),
        /// and then not for a receipt received before the Unknown request left (its SubmittedAt, on this computer's
        /// clock like ReceivedAt): that one is an earlier send's, which used to answer Delivered for a row that may
        /// never have reached the service.
        /// </summary>
        internal static bool Belongs(SendResult result, DeliveryReceipt receipt)
        {
            if (string.IsNullOrEmpty(result.MessageId)) return !(result.SubmittedAt is DateTimeOffset left && receipt.ReceivedAt < left);
            return string.IsNullOrEmpty(receipt.MessageId) || string.Equals(result.MessageId, receipt.MessageId, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// A receipt whose correlation ID is not the result's, when both have one: the receipt of another row of the same request
        /// to the same number (a household's two rows for one phone), found by the message ID and number they share. Before, each
        /// such row took whichever receipt came last, so one row's Failed was reported Delivered. Not asked of a copy's receipt:
        /// the copies are the message's, shared by its rows.
        /// </summary>
        internal static bool ForAnotherRow(SendResult result, DeliveryReceipt receipt) => TellApart(result.CorrelationId, receipt.CorrelationId);

        /// <summary>Two correlation IDs that say two rows: both given, and not the same.</summary>
        private static bool TellApart(string? one, string? other) =>
            !string.IsNullOrEmpty(one) && !string.IsNullOrEmpty(other) && !string.Equals(one, other, StringComparison.Ordinal);

        /// <summary>
        /// Queued and Scheduled were accepted (Skipped too, by an earlier run: Add passes those before asking); Unknown may
        /// have been (the connection was lost after the request went out), and its receipts are the only way to know. The
        /// rest had nothing accepted by this send.
        /// </summary>
        internal static bool MayHaveBeenSent(SendResult result) =>
            (result.IsSuccess && !HeldBack(result)) || result.Status == SendStatus.Unknown;

        /// <summary>A row -Journal skipped because an earlier run sent it: that run's receipts are its own.</summary>
        private static bool SentByEarlierRun(SendResult result) => result.Status == SendStatus.Skipped && !HeldBack(result);

        /// <summary>
        /// A row -SkipChanged held back (Code JournalChanged): the journal records its destination sent other content, and this
        /// content was never sent. The earlier message's receipt (found by correlation ID and number) is not this row's: shown
        /// as Delivered, a report said the corrected text had arrived. It is NotSent, as a Rejected row is.
        /// </summary>
        private static bool HeldBack(SendResult result) =>
            result.Status == SendStatus.Skipped && result.Code == WebexConnect.Sending.DispatchOptions.ChangedContentCode;

        /// <summary>Whether a receipt can be matched to the result at all: it needs a message ID or a correlation ID.</summary>
        internal static bool CanBeMatched(SendResult result) => KeysOf(result).Any();

        /// <summary>
        /// Whether <paramref name="receipt"/> tells more than <paramref name="known"/>: a final one over Submitted over the
        /// rest, and of two of the same rank the later, by the service's timeStamp when both have one, else by arrival.
        /// Before, the first final receipt offered stayed while the index kept the last: the same receipts (Delivered,
        /// then Read) gave one row Delivered and the next Read in one report, depending on when each row was added.
        /// </summary>
        internal static bool Supersedes(DeliveryReceipt receipt, DeliveryReceipt known)
        {
            var rank = Rank(receipt).CompareTo(Rank(known));
            if (rank != 0) return rank > 0;
            return !(receipt.Timestamp is DateTimeOffset at && known.Timestamp is DateTimeOffset before) || at >= before;
        }

        private static int Rank(DeliveryReceipt receipt) => receipt.IsFinal ? 2 : receipt.Status == DeliveryStatus.Submitted ? 1 : 0;

        private void Forget(Entry entry)
        {
            foreach (var key in KeysOf(entry).Concat(CopyKeysOf(entry)))
                if (_waiting.TryGetValue(key, out var list) && list.Remove(entry) && list.Count == 0) _waiting.Remove(key);
        }

        /// <summary>The message ID and address of a row written, for <see cref="NoteSharedAddress"/>; as many as the index holds.</summary>
        private void RememberWritten(Entry entry)
        {
            if (string.IsNullOrEmpty(entry.Result.MessageId)) return;
            var key = Keys(entry.Result.MessageId, null, entry.Destination).First();
            if (_written.ContainsKey(key)) return;
            _written[key] = (entry.Result.Row, entry.Result.CorrelationId, entry.SharesWith);
            _writtenOrder.Enqueue(key);
            while (_writtenOrder.Count > _indexCapacity) _written.Remove(_writtenOrder.Dequeue());
        }

        private void Remember(string key, DeliveryReceipt receipt)
        {
            if (_index.TryGetValue(key, out var known))
            {
                // A correlation ID key is shared by every send of the same row: the latest message's receipt is the one
                // a result added later can be for, whatever the rank of an earlier message's.
                if (Supersedes(receipt, known) || !SameMessage(known, receipt)) _index[key] = receipt;
                return;
            }
            _index[key] = receipt;
            _indexOrder.Enqueue(key);
            while (_indexOrder.Count > _indexCapacity) _index.Remove(_indexOrder.Dequeue());
        }

        private static bool SameMessage(DeliveryReceipt a, DeliveryReceipt b) =>
            string.Equals(a.MessageId, b.MessageId, StringComparison.OrdinalIgnoreCase);

        private static IEnumerable<string> KeysOf(SendResult result) => Keys(result.MessageId, result.CorrelationId, result.Destination);

        private static IEnumerable<string> KeysOf(Entry entry) => Keys(entry.Result.MessageId, entry.Result.CorrelationId, entry.Destination);

        /// <summary>
        /// The keys of an entry's Cc and Bcc addresses: by message ID alone, as the service sends the copies' receipts under the
        /// message and without the row's correlation ID. None for a result without a message ID (Unknown) until its own receipt
        /// names the message (<see cref="LearnMessage"/>): before, the copies cannot be told from an earlier send's.
        /// </summary>
        private static IEnumerable<string> CopyKeysOf(Entry entry) =>
            entry.Result.CopyAddresses.SelectMany(copy => Keys(entry.MessageId, null, copy));

        private static IEnumerable<string> KeysOf(DeliveryReceipt receipt) => Keys(receipt.MessageId, receipt.CorrelationId, receipt.Destination);

        private static IEnumerable<string> Keys(string? messageId, string? correlationId, string? address)
        {
            var destination = Normalize(address);
            if (!string.IsNullOrEmpty(messageId)) yield return "m|" + messageId + "|" + destination;
            if (!string.IsNullOrEmpty(correlationId)) yield return "c|" + correlationId + "|" + destination;
        }

        /// <summary>
        /// The addresses of a result: its Destination is the destination object's addresses joined (Recipient.ToString),
        /// and each gets its own receipts.
        /// </summary>
        private static string[] AddressesOf(SendResult result) =>
            result.Destination.Split(new[] { Messages.Recipient.AddressSeparator }, StringSplitOptions.RemoveEmptyEntries);

        /// <summary>Receipts write numbers without "+" (447700900001) where the send had +E.164; emails in any case.</summary>
        internal static string Normalize(string? destination)
        {
            if (string.IsNullOrEmpty(destination)) return string.Empty;
            var text = destination!.Trim();
            if (text.StartsWith("+", StringComparison.Ordinal)) text = text.Substring(1);
            return text.ToLowerInvariant();
        }

        private sealed class Entry
        {
            public Entry(SendResult result, string destination, bool awaited)
            {
                Result = result;
                Destination = destination;
                Awaited = awaited;
                // Without a message ID (Unknown) no copy's receipt can be told from another send's: none is waited for until
                // the row's own receipt names the message (Learn).
                _copiesOpen = result.CopyAddresses.Count == 0 || string.IsNullOrEmpty(result.MessageId) ? 0 : OpenCopies();
            }

            /// <summary>The result's message ID, or for an Unknown result the one its own receipt named (<see cref="Learn"/>).</summary>
            public string? MessageId => string.IsNullOrEmpty(Result.MessageId) ? _learnedMessageId : Result.MessageId;

            private string? _learnedMessageId;

            /// <summary>Takes the message ID an Unknown result's own receipt named: its copies are waited for from now on.</summary>
            public void Learn(string messageId)
            {
                _learnedMessageId = messageId;
                _copiesOpen = OpenCopies();
            }

            public SendResult Result { get; }

            /// <summary>The address waited for: the result's Destination, or one of its addresses.</summary>
            public string Destination { get; }

            /// <summary>Waited for: a receipt may come for it and could be matched to it.</summary>
            public bool Awaited { get; }

            /// <summary>Not waited for because it is Scheduled for after the wait (<see cref="GoesOutAfterTheWait"/>).</summary>
            public bool Later { get; set; }

            /// <summary>The row of another result of the same message to the same address, no correlation ID telling them apart; else 0.</summary>
            public long SharesWith { get; set; }

            /// <summary>
            /// The row it shares its receipts with was written before it was added, without a word of this row (its request's rows
            /// came apart, among another request's): only this row's Note can say so.
            /// </summary>
            public bool PartnerWrittenFirst { get; set; }

            /// <summary>The same send result was added before (<see cref="WasGivenBefore"/>).</summary>
            public bool GivenBefore { get; set; }

            /// <summary>Its final receipts had been read already when it was added (<see cref="HeldForPartner"/>).</summary>
            public bool AnsweredOnArrival { get; set; }
            public DeliveryReceipt? Best { get; set; }

            /// <summary>The address's own receipt is final (or the last one the send asked for).</summary>
            public bool Final { get; set; }

            /// <summary>Written once its own receipt is final and so is each copy's: the row shows both.</summary>
            public bool Done => Final && _copiesOpen == 0;

            private Dictionary<string, (DeliveryReceipt Receipt, bool Last)>? _copies;
            private int _copiesOpen;

            /// <summary>
            /// The normalised Cc or Bcc address <paramref name="receipt"/> is for, when it is one of this result's copies and not
            /// its own address (one copied to itself keeps its receipt as its own); else null.
            /// </summary>
            public string? CopyOf(DeliveryReceipt receipt)
            {
                if (Result.CopyAddresses.Count == 0) return null;
                var address = Normalize(receipt.Destination);
                if (address == Normalize(Destination)) return null;
                foreach (var copy in Result.CopyAddresses)
                    if (Normalize(copy) == address) return address;
                return null;
            }

            public void OfferCopy(string address, DeliveryReceipt receipt, bool last)
            {
                _copies ??= new Dictionary<string, (DeliveryReceipt, bool)>(StringComparer.Ordinal);
                var had = _copies.TryGetValue(address, out var known);
                if (!had || Supersedes(receipt, known.Receipt)) _copies[address] = (receipt, had && known.Last || last);
                else if (last) _copies[address] = (known.Receipt, true);
                if (last && !(had && known.Last)) _copiesOpen--;
            }

            /// <summary>The best receipt of a copy (given as the send wrote it), or null.</summary>
            public DeliveryReceipt? CopyReceipt(string copy) =>
                _copies != null && _copies.TryGetValue(Normalize(copy), out var known) ? known.Receipt : null;

            /// <summary>The distinct copies other than the row's own address: each must have its last receipt.</summary>
            private int OpenCopies()
            {
                var own = Normalize(Destination);
                return Result.CopyAddresses.Select(Normalize).Where(address => address != own).Distinct(StringComparer.Ordinal).Count();
            }
        }
    }
}
