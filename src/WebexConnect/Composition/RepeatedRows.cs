using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// Warns, once per run, when a row would send exactly what an earlier row of the same run sent: the same message to
    /// the same destination with the same substitutions. A CSV that lists a customer twice (two exports pasted together,
    /// a contact in two lists) made that customer get the newsletter twice, and nothing said so: both rows were Queued.
    /// </summary>
    /// <remarks>
    /// A warning, not a Skipped row: every row is still sent once, as the admin asked, and two rows for one address with
    /// other values (two invoices) are no repeat at all. Each row is remembered by a 64-bit hash of its destination,
    /// message and values (never the row itself), for the first <see cref="MaxRemembered"/> rows only, so a run of
    /// millions of rows keeps its constant memory (about 4 MB at most here, and as much again for each table of people an
    /// email run with copies keeps, <see cref="RememberPeople"/>). A repeat further on goes unsaid.
    /// Only the values the request carries count: a column no $(name) uses never leaves this computer, and two exports
    /// pasted together, which differ only in an Id or ExportedAt column, sent the customer the same SMS twice unwarned.
    /// And of those only what the recipient reads, and when: the time it is sent at counts, the CorrelationId and expiry do
    /// not (<see cref="Unread"/>). The warning's Sort-Object compares the columns as this check does (<see cref="SentColumns"/>).
    /// </remarks>
    /// <remarks>
    /// An email reaches its copies too: the service delivers every Cc and Bcc entry as a recipient of its own (OverlappingCopies).
    /// So a person one row copies and another row sends the same email to in its To (a manager who is also a user, on a
    /// newsletter) gets it twice, as a repeated row's recipient does: that is a repeat too (<see cref="CopyRepeatOf"/>). Not
    /// two rows that copy the same person (each user's email copied to their manager): those are two emails, each to its own
    /// To, which the admin asked to copy; nor, as before, two rows to one To with other copies.
    /// </remarks>
    internal sealed class RepeatedRows
    {
        internal const int MaxRemembered = 100_000;

        private readonly Dictionary<ulong, long> _firstRowOf = new Dictionary<ulong, long>();
        private readonly Func<ConnectMessage, ISet<string>?> _substitutionsSent;
        private readonly RowSubstitutionsSent _carried;
        private readonly IReadOnlyList<ListCell> _listCells;
        // Whether a row may copy anyone (an email's Cc and Bcc cells): only then are the tables of people below kept.
        private readonly bool _copyCells;
        private bool _warned;

        // Each person a row sent its email to in To, and each it copied, by what they read (PersonKey): for a copy that reaches
        // someone another row sends the same email to. A row without copies and with one address is not in the first: its key
        // in _firstRowOf is that person's key (WholeKey), so an email run without copies keeps no second table.
        private readonly Dictionary<ulong, long> _firstToOf = new Dictionary<ulong, long>();
        private readonly Dictionary<ulong, Copied> _firstCopyOf = new Dictionary<ulong, Copied>();

        // The repeat RepeatOf found last, when it reached its person as a copy (CopyWarning); null for a repeated row.
        private CopyRepeat? _copyRepeat;

        // The hash of the last row's content, for the rows after it that share the same texts (a newsletter's HTML from the
        // command line): hashing a 400 KB HTML for every row took most of an email run's time at a high TPS. Kept in two:
        // what every recipient reads, and the copies, which tell one email from another but are no part of what it says.
        private object?[] _hashedContent = Array.Empty<object?>();
        private ulong _readHash = Offset;
        private ulong _copiesHash = Offset;
        private bool _copies;
        // A cell of the content compared whole (a distinguished name), not address by address: its copies are not known apart.
        private bool _copiedWhole;
        // An address of the content's copies in two of its cells (a Bcc that repeats the Cc): sent in the first only.
        private bool _copiedTwice;

        // The content's copies, address by address, in a buffer the rows reuse: a Cc column is read on every row.
        private CopyAddress[] _copyAddresses = Array.Empty<CopyAddress>();
        private int _copyCount;

        /// <param name="substitutionsSent">
        /// The substitution names a request for a message carries, null for every one (IConnectEngine.SubstitutionsSent,
        /// through the run's <see cref="LastSentSubstitutions"/>), asked only of a message whose content cannot tell
        /// (<see cref="RowSubstitutionsSent"/>).
        /// </param>
        /// <param name="listCells">The places in a row's content that hold lists (an email's Cc, Bcc and Attachment), none by default.</param>
        public RepeatedRows(Func<ConnectMessage, ISet<string>?> substitutionsSent, IReadOnlyList<ListCell>? listCells = null)
        {
            _substitutionsSent = substitutionsSent;
            var cells = listCells ?? Array.Empty<ListCell>();
            _copyCells = cells.Any(c => c.Lists == ListCell.Listing.Addresses && !c.ForRun);
            // A list the command line gave is the same text every row, compared as such; but a -Cc's addresses are read beside
            // a Bcc column's, which sends none of them (AddCopy's InEarlierCell). Only then: a run without copy columns keeps
            // no table of people for it (RememberPeople).
            _listCells = cells.Where(c => !c.ForRun || (_copyCells && c.Lists == ListCell.Listing.Addresses)).ToList();
            _carried = new RowSubstitutionsSent(substitutionsSent);
        }

        /// <summary>How many messages the engine was asked about for the rows' keys (<see cref="RowSubstitutionsSent"/>).</summary>
        internal int MessagesAsked => _carried.Asked;

        /// <summary>How many times a row's content was hashed in this run: once per distinct set of text objects, not per row.</summary>
        internal int ContentsHashed { get; private set; }

        /// <summary>
        /// The earlier row that row <paramref name="row"/> repeats, or null (no repeat, or already said this run: see
        /// <see cref="Said"/>).
        /// </summary>
        /// <param name="content">The row's own content (its Text, Subject or Html cells, as the cmdlet read them); the rest
        /// of the message comes from the command line and is the same for every row of the run.</param>
        /// <param name="message">The row's message, for which of its substitutions the request carries.</param>
        /// <param name="recipient">The row's destination and substitutions.</param>
        /// <param name="row">The input row, counted from 1.</param>
        public long? RepeatOf(IReadOnlyList<object?> content, ConnectMessage message, Recipient recipient, long row)
        {
            _copyRepeat = null;
            if (_warned || recipient.Addresses.Count == 0) return null;
            HashContent(content);
            var read = Mix(_readHash, ValuesHash(content, message, recipient));
            var key = WholeKey(read, recipient);
            if (_firstRowOf.TryGetValue(key, out var first)) return first;
            if (_copyCells && CopyRepeatOf(read, recipient) is long copied) return copied;
            if (_firstRowOf.Count < MaxRemembered) _firstRowOf.Add(key, row);
            if (_copyCells) RememberPeople(read, recipient, row);
            return null;
        }

        /// <summary>
        /// The warning for a repeat was written: no other is looked for this run. Not done by <see cref="RepeatOf"/> itself:
        /// a repeat the journal skips is not sent again and says nothing. Before, a -Journal re-run warned "It is sent
        /// again" of two rows that both came back Skipped.
        /// </summary>
        public void Said()
        {
            _warned = true;
            // Nothing more to find: the tables are no longer needed.
            _firstRowOf.Clear();
            _firstToOf.Clear();
            _firstCopyOf.Clear();
        }

        /// <summary>
        /// The warning for the repeat <see cref="RepeatOf"/> found last: <see cref="Warning"/>'s for a repeated row, or for one that
        /// reaches a person another row copies (or the other way round), what to take out of which row (<see cref="CopyWarning"/>).
        /// </summary>
        /// <inheritdoc cref="Warning"/>
        public string WarningFor(long row, long first, Recipient recipient, SentColumns? columns, string command, bool confirming = false) =>
            _copyRepeat is { } copy ? CopyWarning(row, first, copy, columns, confirming) : Warning(row, first, recipient, columns, command, confirming);

        /// <summary>The warning for a repeated row <see cref="RepeatOf"/> found.</summary>
        /// <param name="row">The repeating row.</param>
        /// <param name="first">The row it repeats.</param>
        /// <param name="recipient">The repeating row's destination.</param>
        /// <param name="columns">What the repeating row's columns send (<see cref="ColumnsOf"/>); null when the destination came
        /// from no column (no rows to sort, no example).</param>
        /// <param name="command">The cmdlet's name, for the example.</param>
        /// <param name="confirming">
        /// -Confirm asks of the row after this warning: "It is sent again" was untrue of a row then answered No or No to All.
        /// </param>
        public static string Warning(long row, long first, Recipient recipient, SentColumns? columns, string command, bool confirming = false) =>
            "Row " + row.ToString(CultureInfo.InvariantCulture) + " repeats row " + first.ToString(CultureInfo.InvariantCulture) +
            ": the same message to " + SubstitutionText.Abbreviate(recipient.Addresses) + " with the same values" +
            (columns is null ? "" : NotCounted(columns.NotSent, columns.Unread)) + ". " + SentAgain(confirming) +
            "remove the repeated rows first" + (columns is null ? "." :
            // Every column that counts, not the destination's: Sort-Object Email -Unique also dropped a person's other,
            // different rows (a second invoice), which are no repeats. Not every column either: rows that differ only in one
            // that is not sent are repeats, and Sort-Object * -Unique kept them all.
            ", e.g. with | " + columns.SortCommand() + " | before " + command +
            " (it keeps one of the rows that send the same, comparing the columns that count as " + command + " does).");

        /// <summary>
        /// "Row 5 repeats row 2: the same message to boss@example.com, whom row 2 copies (its Cc), with the same values...": no
        /// Sort-Object example, as the rows have other destinations and dropping either drops someone else's email too; what
        /// to take out instead.
        /// </summary>
        private static string CopyWarning(long row, long first, CopyRepeat copy, SentColumns? columns, bool confirming)
        {
            var copying = copy.EarlierCopies ? first : row;
            var sending = copy.EarlierCopies ? row : first;
            var copyingRow = "row " + copying.ToString(CultureInfo.InvariantCulture);
            return "Row " + row.ToString(CultureInfo.InvariantCulture) + " repeats row " + first.ToString(CultureInfo.InvariantCulture) +
                ": the same message to " + copy.Address + ", whom " + copyingRow + " copies (its " + copy.Field + ")" +
                (copy.EarlierCopies ? "" : " after row " + first.ToString(CultureInfo.InvariantCulture) + " sent it to them") +
                ", with the same values" + (columns is null ? "" : NotCounted(columns.NotSent, columns.Unread)) + ". " + SentAgain(confirming) +
                "first remove " + copy.Address + " from " + copyingRow + "'s " + copy.Field + ", or remove row " + sending.ToString(CultureInfo.InvariantCulture) + ".";
        }

        /// <summary>What becomes of the repeat, and the start of what to do about it ("To send it once, ").</summary>
        private static string SentAgain(bool confirming) => confirming
            ? "It is sent again unless you answer No to its confirmation (with -WarningAction Stop the command stops here instead). " +
              "To send such rows once without being asked, "
            : "It is sent again, as every row is sent once (with -WarningAction Stop the command stops here instead). To send it once, ";

        /// <summary>
        /// The row's columns split by what they do: those that make what the recipient gets (the destination, Text, SendAt...
        /// and the substitutions the request carries), those sent that change nothing the recipient reads (<see cref="Unread"/>),
        /// and the rest (those no $(name) uses, those left out of -SubstitutionColumn, and those whose parameter the command line
        /// gave). Asked once per run, for the warning.
        /// </summary>
        /// <param name="row">The row's columns, in its order.</param>
        /// <param name="boundColumns">The names (and aliases) of the parameters the row's columns bind to.</param>
        /// <param name="destinationColumn">The column the destination came from, as the row spells it.</param>
        /// <param name="message">The row's message.</param>
        /// <param name="recipient">The row's destination and substitutions.</param>
        public SentColumns ColumnsOf(InputRow row, IReadOnlyCollection<string> boundColumns, string destinationColumn, ConnectMessage message, Recipient recipient)
        {
            var carried = _substitutionsSent(message);
            var sent = new List<(string, SentColumns.Compared)>();
            var unread = new List<string>();
            var notSent = new List<string>();
            foreach (var column in row.Columns)
            {
                var name = column.Key;
                // A substitution is sent trimmed (SubstitutionText.TryOfCell), and so is the destination (ConnectDestination),
                // whose case WholeKey ignores.
                if (recipient.Substitutions.ContainsKey(name) && (carried is null || carried.Contains(name)))
                    sent.Add((name, SentColumns.Compared.Trimmed));
                // An email's To is read as its addresses ('Jane Doe <jane@x.com>' sends to jane@x.com), under -Channel email too.
                else if (string.Equals(name, destinationColumn, StringComparison.OrdinalIgnoreCase))
                    sent.Add((name, message.Channel == MessageChannel.Email ? SentColumns.Compared.ToAddresses : SentColumns.Compared.Trimmed));
                // Before the kinds below: a column whose parameter the command line gave (-ExpireAt, -Cc, -SendAt) is not read,
                // and the command line's value is every row's. Before, with -ExpireAt an ExpireAt column was said to "change
                // nothing its recipient reads", and with -Cc the advice sorted by a Cc column that no row sent.
                else if (!boundColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
                    notSent.Add(name);
                else if (Unread.Contains(name, StringComparer.OrdinalIgnoreCase))
                    unread.Add(name);
                else if (ListCellOf(name) is { } list)
                    sent.Add((name, list.Lists == ListCell.Listing.Urls ? SentColumns.Compared.Urls : SentColumns.Compared.Addresses));
                else if (string.Equals(name, SendAtColumn, StringComparison.OrdinalIgnoreCase))
                    sent.Add((name, SentColumns.Compared.Moment));
                else
                    sent.Add((name, SentColumns.Compared.AsWritten));
            }
            return new SentColumns(sent, unread, notSent, destinationColumn, CopiedBefore(sent), CopiedForRunOf(sent));
        }

        /// <summary>
        /// For each column of copies sent, the addresses the command line copies in either field (a -Cc's, for a Bcc column; a
        /// -Bcc's, for a Cc column): they reach their people on every row, so the advice compares the column without them, as
        /// WholeKey does (<see cref="SentElsewhere"/>). Read from the repeating row's copies, hashed just before: the command
        /// line's are every row's.
        /// </summary>
        private Dictionary<string, IReadOnlyList<string>>? CopiedForRunOf(List<(string Name, SentColumns.Compared Compared)> sent)
        {
            Dictionary<string, IReadOnlyList<string>>? given = null;
            foreach (var (name, compared) in sent)
            {
                if (compared != SentColumns.Compared.Addresses || ListCellOf(name) is not { } cell) continue;
                var before = new List<string>();
                for (var i = 0; i < _copyCount; i++)
                    if (_copyAddresses[i].Cell.ForRun) before.Add(_copyAddresses[i].Written);
                if (before.Count == 0) continue;
                given ??= new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
                given[name] = before;
            }
            return given;
        }

        /// <summary>
        /// For each column of copies sent, the columns of copies sent before it (a Bcc's Cc): OverlappingCopies sends an address
        /// in the Bcc that the Cc has in the Cc only, so the advice compares the Bcc without it, as <see cref="WholeKey"/> does.
        /// </summary>
        private Dictionary<string, IReadOnlyList<string>>? CopiedBefore(List<(string Name, SentColumns.Compared Compared)> sent)
        {
            var copies = sent.Where(c => c.Compared == SentColumns.Compared.Addresses).Select(c => (c.Name, Cell: ListCellOf(c.Name)!)).ToList();
            if (copies.Count < 2) return null;
            var before = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var copy in copies)
                before[copy.Name] = copies.Where(c => c.Cell.Index < copy.Cell.Index).OrderBy(c => c.Cell.Index).Select(c => c.Name).ToList();
            return before;
        }

        /// <summary>The column (and parameter) that gives a row its time, which <see cref="ValuesHash"/> compares as the moment sent.</summary>
        private const string SendAtColumn = nameof(Commands.SendCommandBase.SendAt);

        private ListCell? ListCellOf(string column)
        {
            foreach (var cell in _listCells)
                if (!cell.ForRun && cell.Columns.Contains(column, StringComparer.OrdinalIgnoreCase)) return cell;
            return null;
        }

        /// <summary>
        /// The columns a request carries that change nothing its recipient reads: rows that differ only in them give that
        /// person the same message twice, so <see cref="ValuesHash"/> leaves them out and the advice sorts by none of them.
        /// </summary>
        // CorrelationId: the admin's reference, echoed in webhooks and never shown; two rows under two IDs made two SMS.
        // ExpireAt, Validity: how long the network keeps trying, not when the message arrives; both rows arrive.
        // (Not SendAt: a reminder at 09:00 and another at 17:00 are two reminders, not one sent twice; ValuesHash holds the time.)
        private static readonly string[] Unread = { "CorrelationId", RowExpiry.ExpireAt, RowExpiry.Validity };

        /// <summary>
        /// " (its columns 'Id', 'Department' are not sent, so they do not count)": why rows that differ in them, as the admin
        /// sees them, are called the same. Empty when every column counts.
        /// </summary>
        private static string NotCounted(IReadOnlyList<string> notSent, IReadOnlyList<string> unread)
        {
            if (notSent.Count + unread.Count == 0) return "";
            var said = new List<string>();
            if (notSent.Count > 0) said.Add(Columns(notSent) + (notSent.Count == 1 ? " is not sent" : " are not sent"));
            if (unread.Count > 0) said.Add(Columns(unread) + (unread.Count == 1 ? " changes" : " change") + " nothing its recipient reads");
            return " (" + string.Join(" and ", said) + (notSent.Count + unread.Count == 1 ? ", so it does not count)" : ", so they do not count)");
        }

        private static string Columns(IReadOnlyList<string> names) =>
            (names.Count == 1 ? "its column " : "its columns ") + SubstitutionText.Abbreviate(names.Select(InputEcho.Quote).ToList());

        /// <summary>
        /// What the row's recipients read, but the content: the time it is sent at and the values its request carries. A reminder
        /// at 09:00 and one at 17:00 are two. Not the CorrelationId, ExpireAt or Validity, which change nothing the recipient reads
        /// (Unread).
        /// </summary>
        private ulong ValuesHash(IReadOnlyList<object?> content, ConnectMessage message, Recipient recipient)
        {
            var hash = Offset;
            // The moment, as the request names it: in UTC, to the millisecond (WireFormat), however the row wrote it
            // ('2026-12-24 09:00', '2026-12-24T09:00:00+01:00', a Unix time).
            if (message.SendAt is { } sendAt) hash = Mix(Mix(hash, unchecked((ulong)(sendAt.UtcTicks / TimeSpan.TicksPerMillisecond))), 1);
            foreach (var pair in new SubstitutionPairs(recipient.Substitutions))
            {
                if (!_carried.Carries(message, content, pair.Key)) continue;
                hash = Mix(Add(Mix(Add(hash, pair.Key, upper: false), 2), pair.Value, upper: false), 3);
            }
            return hash;
        }

        /// <summary>
        /// The row's key: what it says (<paramref name="read"/>), to whom, and whom it copies. A row that copies no one and has one
        /// address has that person's key (<see cref="PersonKey"/>), for a later row that copies them to find it (CopyRepeatOf).
        /// </summary>
        private ulong WholeKey(ulong read, Recipient recipient)
        {
            var copies = _copies;
            var copiesHash = _copiesHash;
            // The copies as sent: a row that copies its own To ('dan@x.com', Cc 'dan@x.com') sends no copy (OverlappingCopies),
            // so it is the same email as a row to Dan without a Cc. Before, the two counted as different and Dan got it twice.
            // So is a Bcc that repeats the Cc: it goes in the Cc only, and the row is the same email as one without that Bcc.
            if (_copyCount > 0 && !_copiedWhole && (_copiedTwice || AnyCopyIn(recipient.Addresses))) copiesHash = CopiesSent(recipient.Addresses, out copies);
            if (!copies && recipient.Addresses.Count == 1) return PersonKey(read, AddressHash(recipient.Addresses[0]));
            var hash = Mix(Mix(read, copiesHash), 8);
            for (var i = 0; i < recipient.Addresses.Count; i++) hash = Mix(Add(hash, recipient.Addresses[i], upper: true), 0);
            return hash;
        }

        private bool AnyCopyIn(IReadOnlyList<string> to)
        {
            for (var i = 0; i < _copyCount; i++)
                if (_copyAddresses[i].IsIn(to)) return true;
            return false;
        }

        /// <summary>
        /// <see cref="_copiesHash"/> of the copies but those in <paramref name="to"/>: what HashContent gives a row whose cells
        /// list only the copies sent (a cell left with none as an empty one). <paramref name="any"/>: whether one is left.
        /// </summary>
        private ulong CopiesSent(IReadOnlyList<string> to, out bool any)
        {
            any = false;
            var hash = Offset;
            for (var i = 0; i < _hashedContent.Length; i++)
            {
                if (ListCellAt(i) is not { Lists: ListCell.Listing.Addresses } cell) continue;
                ulong sum = 0;
                var left = false;
                for (var j = 0; j < _copyCount; j++)
                {
                    var copy = _copyAddresses[j];
                    if (!ReferenceEquals(copy.Cell, cell) || copy.IsIn(to) || SentElsewhere(copy)) continue;
                    sum = unchecked(sum + Mix(copy.Hash, 6));
                    left = true;
                }
                hash = Mix(left ? Mix(hash, sum) : Mix(hash, 4), 5);
                any |= left;
            }
            return hash;
        }

        /// <summary>
        /// Whether a copy is left out of the row's key, as reaching its person through another of the row's copies: a column's
        /// address in a cell before its own (a Bcc that repeats the Cc, which OverlappingCopies sends in the Cc only), or one the
        /// command line copies on every row, in either field. -Cc boss with a Bcc column, or -Bcc boss with a Cc column, reaches
        /// the boss on every row: a cell naming the boss as well changes at most whether the To sees the copy, not who gets the
        /// email. So 'Cc=' and 'Cc=boss' with -Bcc boss are one email to Dan and the boss, as 'Bcc=' and 'Bcc=boss' with -Cc boss
        /// are; before, the first pair was no repeat, and both got the same email twice unwarned. The command line's own copies
        /// always count, whichever cell OverlappingCopies keeps them in: they are the same on every row.
        /// </summary>
        private bool SentElsewhere(CopyAddress copy) => !copy.Cell.ForRun && (copy.InEarlierCell || CopiedForRun(copy));

        /// <summary>Whether the command line's -Cc or -Bcc copies a column's <paramref name="copy"/> too (scanned: a row has a handful).</summary>
        private bool CopiedForRun(CopyAddress copy)
        {
            for (var i = 0; i < _copyCount; i++)
                if (_copyAddresses[i].Cell.ForRun && _copyAddresses[i].Hash == copy.Hash) return true;
            return false;
        }

        /// <summary>Someone who reads <paramref name="read"/>, at the address whose <see cref="AddressHash"/> is given.</summary>
        private static ulong PersonKey(ulong read, ulong address) => Mix(Mix(Mix(read, 9), address), 7);

        /// <summary>An address as the service tells one mailbox from another: in any case (RepeatedAddresses does the same).</summary>
        private static ulong AddressHash(string address) => Add(Offset, address, 0, address.Length, upper: true);

        /// <summary>
        /// The earlier row whose email reaches someone this row's email reaches too, one of them as a copy: someone this row sends
        /// to in To whom an earlier row copied on the same email, or someone this row copies whom an earlier row sent it to in To.
        /// Null when none, or when the repeat is of a copy both rows make (two users' emails, each copied to their manager).
        /// </summary>
        private long? CopyRepeatOf(ulong read, Recipient recipient)
        {
            if (_firstCopyOf.Count > 0)
            {
                for (var i = 0; i < recipient.Addresses.Count; i++)
                {
                    if (!_firstCopyOf.TryGetValue(PersonKey(read, AddressHash(recipient.Addresses[i])), out var copied)) continue;
                    _copyRepeat = new CopyRepeat(recipient.Addresses[i], copied.Cell.Parameter, earlierCopies: true);
                    return copied.Row;
                }
            }
            for (var i = 0; i < _copyCount; i++)
            {
                var copy = _copyAddresses[i];
                // A -Cc (or -Bcc) of the command line copies its people on every row, as asked: no repeat of the rows sent to
                // them, whether the row's own Cc or Bcc names them as well or not.
                if (copy.IsIn(recipient.Addresses) || copy.Cell.ForRun || SentElsewhere(copy)) continue;
                var key = PersonKey(read, copy.Hash);
                if (!_firstRowOf.TryGetValue(key, out var sent) && !_firstToOf.TryGetValue(key, out sent)) continue;
                // The one string this makes, for a repeat, once a run.
                _copyRepeat = new CopyRepeat(copy.Written, copy.Cell.Parameter, earlierCopies: false);
                return sent;
            }
            return null;
        }

        /// <summary>
        /// The row's people, for the rows after it (CopyRepeatOf): its To addresses when its key is not already theirs
        /// (<see cref="WholeKey"/>), and its copies but those OverlappingCopies drops for being in its To.
        /// </summary>
        private void RememberPeople(ulong read, Recipient recipient, long row)
        {
            if (_copies || recipient.Addresses.Count > 1)
            {
                for (var i = 0; i < recipient.Addresses.Count && _firstToOf.Count < MaxRemembered; i++)
                {
                    var key = PersonKey(read, AddressHash(recipient.Addresses[i]));
                    if (!_firstToOf.ContainsKey(key)) _firstToOf.Add(key, row);
                }
            }
            for (var i = 0; i < _copyCount && _firstCopyOf.Count < MaxRemembered; i++)
            {
                var copy = _copyAddresses[i];
                if (copy.IsIn(recipient.Addresses) || copy.Cell.ForRun || SentElsewhere(copy)) continue;
                var key = PersonKey(read, copy.Hash);
                if (!_firstCopyOf.ContainsKey(key)) _firstCopyOf.Add(key, new Copied(row, copy.Cell));
            }
        }

        /// <summary>
        /// Hashes the row's content, again only when a value is not the very object the last row had: what its recipients read
        /// (<see cref="_readHash"/>: the texts, the attachments as the URLs sent), and apart from that its copies
        /// (<see cref="_copiesHash"/>, <see cref="_copyAddresses"/>).
        /// </summary>
        private void HashContent(IReadOnlyList<object?> content)
        {
            if (SameObjects(content, _hashedContent)) return;
            ContentsHashed++;
            var read = Offset;
            var copies = Offset;
            _copies = false;
            _copiedWhole = false;
            _copiedTwice = false;
            _copyCount = 0;
            // By index: a foreach over the list's interface makes an enumerator for every row.
            for (var i = 0; i < content.Count; i++)
            {
                var list = ListCellAt(i);
                if (list is { Lists: ListCell.Listing.Addresses })
                {
                    copies = Mix(content[i] is string addresses ? AddAddresses(copies, addresses, list) : Mix(copies, 4), 5);
                    continue;
                }
                read = content[i] switch
                {
                    null => Mix(read, 4),
                    string text => list is null ? Add(read, text, upper: false) : AddUrls(read, text),
                    // A card or suggestion object of a row: the same object is the same content.
                    var other => Mix(read, (ulong)(uint)RuntimeHelpers.GetHashCode(other)),
                };
                read = Mix(read, 5);
            }
            if (_hashedContent.Length != content.Count) _hashedContent = new object?[content.Count];
            for (var i = 0; i < content.Count; i++) _hashedContent[i] = content[i];
            _readHash = read;
            _copiesHash = copies;
        }

        private ListCell? ListCellAt(int index)
        {
            // By index, as HashContent's loop: a foreach over the list's interface makes an enumerator.
            for (var i = 0; i < _listCells.Count; i++)
                if (_listCells[i].Index == index) return _listCells[i];
            return null;
        }

        /// <summary>
        /// A cell of addresses as CopyAddresses sends it: split at ';', ',' and line breaks, each address trimmed, in any case and
        /// once, in any order. 'a@example.com;b@example.com' and 'B@example.com, a@example.com' copy the same two mailboxes;
        /// before, they were two messages, and the copies got the same email twice unwarned. Hashed address by address, each
        /// added to a sum that no order changes, without a list or a string made for it: a Cc column is read on every row.
        /// Each address goes in <see cref="_copyAddresses"/> too.
        /// </summary>
        private ulong AddAddresses(ulong hash, string text, ListCell cell)
        {
            // A distinguished name (Get-ADUser's Manager) is kept whole by CopyAddresses, and refused: compared whole here too.
            // Only a cell that holds one: before, any '=' ('"Sales=Team" <sales@x.com>') made the cell whole, and a row that
            // copied its own To that way was not the same email as the row without that copy, which it is.
            if (CopyAddresses.HasDistinguishedName(text))
            {
                _copies = true;
                _copiedWhole = true;
                return AddTrimmed(hash, text);
            }
            // 'Jane Doe <jane@example.com>' copies jane@example.com, as 'jane@example.com' does: read as CopyAddresses reads it
            // (AddressLine), which makes strings, so only for a cell that has a display name.
            if (text.IndexOf('<') >= 0) return AddNamedAddresses(hash, text, cell);
            ulong sum = 0;
            var any = false;
            for (var start = 0; NextAddress(text, ref start, out var from, out var to); any = true)
                if (!EarlierIn(text, from, to)) sum = unchecked(sum + Mix(AddCopy(text, from, to, cell), 6));
            // A cell of separators only (' ; ') copies no one, as an empty one does (HashContent's null).
            return any ? Mix(hash, sum) : Mix(hash, 4);
        }

        private ulong AddNamedAddresses(ulong hash, string text, ListCell cell)
        {
            var entries = AddressLine.Read(text);
            ulong sum = 0;
            for (var i = 0; i < entries.Count; i++)
            {
                var address = entries[i].Address;
                var earlier = false;
                for (var j = 0; j < i && !earlier; j++) earlier = string.Equals(entries[j].Address, address, StringComparison.OrdinalIgnoreCase);
                if (!earlier) sum = unchecked(sum + Mix(AddCopy(address, 0, address.Length, cell), 6));
            }
            return entries.Count > 0 ? Mix(hash, sum) : Mix(hash, 4);
        }

        /// <summary>The hash of the copy at [<paramref name="from"/>, <paramref name="to"/>) of <paramref name="text"/>, noted in <see cref="_copyAddresses"/>.</summary>
        private ulong AddCopy(string text, int from, int to, ListCell cell)
        {
            var hash = Add(Offset, text, from, to, upper: true);
            // Copied in a cell before this one too (the Cc, for a Bcc): OverlappingCopies sends it there only.
            var earlier = false;
            for (var i = 0; i < _copyCount && !earlier; i++) earlier = !ReferenceEquals(_copyAddresses[i].Cell, cell) && _copyAddresses[i].Hash == hash;
            _copiedTwice |= earlier;
            if (_copyCount == _copyAddresses.Length) Array.Resize(ref _copyAddresses, Math.Max(4, _copyCount * 2));
            _copyAddresses[_copyCount++] = new CopyAddress(hash, cell, text, from, to, earlier);
            _copies = true;
            return hash;
        }

        /// <summary>
        /// A cell of attachments as EmailAttachments.ReadCell sends it: the URLs it lists, each without the spaces and separators
        /// around it, in order. ' https://…/a.pdf' and 'https://…/a.pdf' attach the same file; before, they were two messages,
        /// and the recipient got the same email and file twice unwarned. Read where they lie, without a string made for them.
        /// </summary>
        private static ulong AddUrls(ulong hash, string text)
        {
            // A blank cell attaches nothing, as no cell does (HashContent's null).
            if (string.IsNullOrWhiteSpace(text)) return Mix(hash, 4);
            var start = 0;
            for (var next = EmailAttachments.SecondUrlAt(text, 0); next > 0; start = next, next = EmailAttachments.SecondUrlAt(text, next))
                hash = AddUrl(hash, text, start, next);
            return AddUrl(hash, text, start, text.Length);
        }

        private static ulong AddUrl(ulong hash, string text, int start, int end)
        {
            EmailAttachments.TrimSeparators(text, ref start, ref end);
            return Mix(Add(hash, text, start, end, upper: false), 6);
        }

        private static ulong AddTrimmed(ulong hash, string text)
        {
            int start = 0, end = text.Length;
            Trim(text, ref start, ref end);
            return Add(hash, text, start, end, upper: true);
        }

        /// <summary>The next address of the cell from <paramref name="start"/> on, trimmed: [<paramref name="from"/>, <paramref name="to"/>).</summary>
        private static bool NextAddress(string text, ref int start, out int from, out int to)
        {
            while (start <= text.Length)
            {
                from = start;
                while (start < text.Length && !IsAddressSeparator(text[start])) start++;
                to = start++;
                Trim(text, ref from, ref to);
                if (to > from) return true;
            }
            from = to = 0;
            return false;
        }

        /// <summary>True when the cell names the address at [<paramref name="from"/>, <paramref name="to"/>) before it, in any case: sent once.</summary>
        private static bool EarlierIn(string text, int from, int to)
        {
            for (var start = 0; start < from && NextAddress(text, ref start, out var earlierFrom, out var earlierTo) && earlierFrom < from;)
                if (earlierTo - earlierFrom == to - from && string.Compare(text, earlierFrom, text, from, to - from, StringComparison.OrdinalIgnoreCase) == 0) return true;
            return false;
        }

        private static bool IsAddressSeparator(char c) => Array.IndexOf(CopyAddresses.Separators, c) >= 0;

        private static void Trim(string text, ref int start, ref int end)
        {
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        }

        private static bool SameObjects(IReadOnlyList<object?> content, object?[] hashed)
        {
            if (content.Count != hashed.Length) return false;
            for (var i = 0; i < hashed.Length; i++)
                if (!ReferenceEquals(content[i], hashed[i])) return false;
            return true;
        }

        // FNV-1a, 64 bits: enough that two different rows of a run share a key by chance practically never.
        private const ulong Offset = 14695981039346656037;
        private const ulong Prime = 1099511628211;

        // upper: compare without regard to case, as for an address (RepeatedAddresses does the same).
        private static ulong Add(ulong hash, string text, bool upper) => Add(hash, text, 0, text.Length, upper);

        private static ulong Add(ulong hash, string text, int start, int end, bool upper)
        {
            // By index, with ASCII upper-cased by hand: this runs over every character of every row.
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (upper) c = c < 128 ? (c >= 'a' && c <= 'z' ? (char)(c - 32) : c) : char.ToUpperInvariant(c);
                hash = unchecked((hash ^ c) * Prime);
            }
            return hash;
        }

        private static ulong Mix(ulong hash, ulong value)
        {
            hash ^= value;
            return unchecked(hash * Prime);
        }

        /// <summary>One address a row's content copies, where it lies in its cell (or in the string AddressLine read from it).</summary>
        private readonly struct CopyAddress
        {
            public CopyAddress(ulong hash, ListCell cell, string text, int from, int to, bool inEarlierCell)
            {
                Hash = hash;
                Cell = cell;
                InEarlierCell = inEarlierCell;
                _text = text;
                _from = from;
                _to = to;
            }

            private readonly string _text;
            private readonly int _from;
            private readonly int _to;

            /// <summary>Its <see cref="AddressHash"/>.</summary>
            public ulong Hash { get; }

            /// <summary>The cell it is in (Cc or Bcc).</summary>
            public ListCell Cell { get; }

            /// <summary>True when a cell before its own copies it too (a Bcc that repeats the Cc): it is sent there only.</summary>
            public bool InEarlierCell { get; }

            /// <summary>The address, as a warning names it: a new string.</summary>
            public string Written => _text.Substring(_from, _to - _from);

            /// <summary>True when <paramref name="to"/> has it, in any case: OverlappingCopies sends it there only.</summary>
            public bool IsIn(IReadOnlyList<string> to)
            {
                for (var i = 0; i < to.Count; i++)
                    if (to[i].Length == _to - _from && string.Compare(to[i], 0, _text, _from, _to - _from, StringComparison.OrdinalIgnoreCase) == 0) return true;
                return false;
            }
        }

        /// <summary>The row that first copied someone on an email, and in which field.</summary>
        private readonly struct Copied
        {
            public Copied(long row, ListCell cell)
            {
                Row = row;
                Cell = cell;
            }

            public long Row { get; }

            public ListCell Cell { get; }
        }

        /// <summary>A repeat that reaches its person as a copy of one of the two rows: whom, in which field, and of which row.</summary>
        private sealed class CopyRepeat
        {
            public CopyRepeat(string address, string field, bool earlierCopies)
            {
                Address = address;
                Field = field;
                EarlierCopies = earlierCopies;
            }

            public string Address { get; }

            /// <summary>Cc or Bcc.</summary>
            public string Field { get; }

            /// <summary>True when the earlier row copies the person and this row sends to them in To; false for the other way round.</summary>
            public bool EarlierCopies { get; }
        }
    }
}
