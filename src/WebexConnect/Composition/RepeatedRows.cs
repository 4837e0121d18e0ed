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
    /// millions of rows keeps its constant memory (about 4 MB at most here). A repeat further on goes unsaid.
    /// Only the values the request carries count: a column no $(name) uses never leaves this computer, and two exports
    /// pasted together, which differ only in an Id or ExportedAt column, sent the customer the same SMS twice unwarned.
    /// And of those only what the recipient reads, and when: the time it is sent at counts, the CorrelationId and expiry do
    /// not (<see cref="Unread"/>). The warning's Sort-Object compares the columns as this check does (<see cref="SentColumns"/>).
    /// </remarks>
    internal sealed class RepeatedRows
    {
        internal const int MaxRemembered = 100_000;

        private readonly Dictionary<ulong, long> _firstRowOf = new Dictionary<ulong, long>();
        private readonly Func<ConnectMessage, ISet<string>?> _substitutionsSent;
        private readonly RowSubstitutionsSent _carried;
        private readonly IReadOnlyList<AddressCell> _addressCells;
        private bool _warned;

        // The hash of the last row's content, for the rows after it that share the same texts (a newsletter's HTML from the
        // command line): hashing a 400 KB HTML for every row took most of an email run's time at a high TPS.
        private object?[] _hashedContent = Array.Empty<object?>();
        private ulong _contentHash = Offset;

        /// <param name="substitutionsSent">
        /// The substitution names a request for a message carries, null for every one (IConnectEngine.SubstitutionsSent,
        /// through the run's <see cref="LastSentSubstitutions"/>), asked only of a message whose content cannot tell
        /// (<see cref="RowSubstitutionsSent"/>).
        /// </param>
        /// <param name="addressCells">The places in a row's content that hold addresses (an email's Cc and Bcc), none by default.</param>
        public RepeatedRows(Func<ConnectMessage, ISet<string>?> substitutionsSent, IReadOnlyList<AddressCell>? addressCells = null)
        {
            _substitutionsSent = substitutionsSent;
            _addressCells = addressCells ?? Array.Empty<AddressCell>();
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
            if (_warned || recipient.Addresses.Count == 0) return null;
            var key = KeyOf(content, message, recipient);
            if (_firstRowOf.TryGetValue(key, out var first)) return first;
            if (_firstRowOf.Count < MaxRemembered) _firstRowOf.Add(key, row);
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
            // Nothing more to find: the table is no longer needed.
            _firstRowOf.Clear();
        }

        /// <summary>The warning for a repeat <see cref="RepeatOf"/> found.</summary>
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
            (columns is null ? "" : NotCounted(columns.NotSent, columns.Unread)) + ". " +
            (confirming
                ? "It is sent again unless you answer No to its confirmation (with -WarningAction Stop the command stops here instead). " +
                  "To send such rows once without being asked, remove the repeated rows first"
                : "It is sent again, as every row is sent once (with -WarningAction Stop the command stops here instead). " +
                  "To send it once, remove the repeated rows first") + (columns is null ? "." :
            // Every column that counts, not the destination's: Sort-Object Email -Unique also dropped a person's other,
            // different rows (a second invoice), which are no repeats. Not every column either: rows that differ only in one
            // that is not sent are repeats, and Sort-Object * -Unique kept them all.
            ", e.g. with | " + columns.SortCommand() + " | before " + command +
            " (it keeps one of the rows that send the same, comparing the columns that count as " + command + " does).");

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
                // whose case KeyOf ignores.
                if (recipient.Substitutions.ContainsKey(name) && (carried is null || carried.Contains(name)))
                    sent.Add((name, SentColumns.Compared.Trimmed));
                else if (string.Equals(name, destinationColumn, StringComparison.OrdinalIgnoreCase))
                    sent.Add((name, message is EmailMessage ? SentColumns.Compared.TrimmedAnyCase : SentColumns.Compared.Trimmed));
                // Before the kinds below: a column whose parameter the command line gave (-ExpireAt, -Cc, -SendAt) is not read,
                // and the command line's value is every row's. Before, with -ExpireAt an ExpireAt column was said to "change
                // nothing its recipient reads", and with -Cc the advice sorted by a Cc column that no row sent.
                else if (!boundColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
                    notSent.Add(name);
                else if (Unread.Contains(name, StringComparer.OrdinalIgnoreCase))
                    unread.Add(name);
                else if (IsAddressColumn(name))
                    sent.Add((name, SentColumns.Compared.Addresses));
                else if (string.Equals(name, SendAtColumn, StringComparison.OrdinalIgnoreCase))
                    sent.Add((name, SentColumns.Compared.Moment));
                else
                    sent.Add((name, SentColumns.Compared.AsWritten));
            }
            return new SentColumns(sent, unread, notSent);
        }

        /// <summary>The column (and parameter) that gives a row its time, which <see cref="KeyOf"/> compares as the moment sent.</summary>
        private const string SendAtColumn = nameof(Commands.SendCommandBase.SendAt);

        private bool IsAddressColumn(string name)
        {
            foreach (var cell in _addressCells)
                if (string.Equals(cell.Column, name, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        /// <summary>
        /// The columns a request carries that change nothing its recipient reads: rows that differ only in them give that
        /// person the same message twice, so <see cref="KeyOf"/> leaves them out and the advice sorts by none of them.
        /// </summary>
        // CorrelationId: the admin's reference, echoed in webhooks and never shown; two rows under two IDs made two SMS.
        // ExpireAt, Validity: how long the network keeps trying, not when the message arrives; both rows arrive.
        // (Not SendAt: a reminder at 09:00 and another at 17:00 are two reminders, not one sent twice; KeyOf holds the time.)
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

        private ulong KeyOf(IReadOnlyList<object?> content, ConnectMessage message, Recipient recipient)
        {
            var hash = ContentHash(content);
            for (var i = 0; i < recipient.Addresses.Count; i++) hash = Mix(Add(hash, recipient.Addresses[i], upper: true), 0);
            // The time it is sent at: a reminder at 09:00 and one at 17:00 are two. Not the CorrelationId, ExpireAt or Validity,
            // which change nothing the recipient reads (Unread). The moment, as the request names it: in UTC, to the millisecond
            // (WireFormat), however the row wrote it ('2026-12-24 09:00', '2026-12-24T09:00:00+01:00', a Unix time).
            if (message.SendAt is { } sendAt) hash = Mix(Mix(hash, unchecked((ulong)(sendAt.UtcTicks / TimeSpan.TicksPerMillisecond))), 1);
            foreach (var pair in new SubstitutionPairs(recipient.Substitutions))
            {
                if (!_carried.Carries(message, content, pair.Key)) continue;
                hash = Mix(Add(Mix(Add(hash, pair.Key, upper: false), 2), pair.Value, upper: false), 3);
            }
            return hash;
        }

        /// <summary>The hash of the row's content, made again only when a value is not the very object the last row had.</summary>
        private ulong ContentHash(IReadOnlyList<object?> content)
        {
            if (SameObjects(content, _hashedContent)) return _contentHash;
            ContentsHashed++;
            var hash = Offset;
            // By index: a foreach over the list's interface makes an enumerator for every row.
            for (var i = 0; i < content.Count; i++)
            {
                hash = content[i] switch
                {
                    null => Mix(hash, 4),
                    string text => IsAddressCell(i) ? AddAddresses(hash, text) : Add(hash, text, upper: false),
                    // A card or suggestion object of a row: the same object is the same content.
                    var other => Mix(hash, (ulong)(uint)RuntimeHelpers.GetHashCode(other)),
                };
                hash = Mix(hash, 5);
            }
            if (_hashedContent.Length != content.Count) _hashedContent = new object?[content.Count];
            for (var i = 0; i < content.Count; i++) _hashedContent[i] = content[i];
            _contentHash = hash;
            return hash;
        }

        private bool IsAddressCell(int index)
        {
            // By index, as ContentHash's loop: a foreach over the list's interface makes an enumerator.
            for (var i = 0; i < _addressCells.Count; i++)
                if (_addressCells[i].Index == index) return true;
            return false;
        }

        /// <summary>
        /// A cell of addresses as CopyAddresses sends it: split at ';', ',' and line breaks, each address trimmed, in any case and
        /// once, in any order. 'a@example.com;b@example.com' and 'B@example.com, a@example.com' copy the same two mailboxes;
        /// before, they were two messages, and the copies got the same email twice unwarned. Hashed address by address, each
        /// added to a sum that no order changes, without a list or a string made for it: a Cc column is read on every row.
        /// </summary>
        private static ulong AddAddresses(ulong hash, string text)
        {
            // A distinguished name (Get-ADUser's Manager) is kept whole by CopyAddresses, and refused: compared whole here too.
            if (text.IndexOf('=') >= 0) return AddTrimmed(hash, text);
            ulong sum = 0;
            var any = false;
            for (var start = 0; NextAddress(text, ref start, out var from, out var to); any = true)
                if (!EarlierIn(text, from, to)) sum = unchecked(sum + Mix(Add(Offset, text, from, to, upper: true), 6));
            // A cell of separators only (' ; ') copies no one, as an empty one does (ContentHash's null).
            return any ? Mix(hash, sum) : Mix(hash, 4);
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
    }
}
