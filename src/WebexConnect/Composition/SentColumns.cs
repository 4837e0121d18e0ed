using System.Collections.Generic;
using System.Linq;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A repeating row's columns (<see cref="RepeatedRows.ColumnsOf"/>): those that make what its recipient gets, those its
    /// request carries but that change nothing the recipient reads, and those no request carries; and the Sort-Object
    /// properties that tell rows apart as the repeat check does.
    /// </summary>
    internal sealed class SentColumns
    {
        private readonly IReadOnlyList<string> _sortProperties;

        /// <param name="sent">The columns that count, each with how the check compares it, in the row's order.</param>
        /// <param name="unread">The columns sent but changing nothing the recipient reads.</param>
        /// <param name="notSent">The columns no request carries.</param>
        /// <param name="destinationColumn">The column of the row's To, whose address a copy cell does not send (OverlappingCopies).</param>
        /// <param name="copiedBefore">
        /// For a column of copies (a Bcc), the columns of copies sent before it (the Cc), whose addresses it does not send either:
        /// OverlappingCopies keeps an address in To, then Cc, then Bcc. None by default.
        /// </param>
        /// <param name="givenForRun">
        /// For a column of copies, the addresses the command line copies on every row, in either field (a -Cc's for a Bcc column,
        /// a -Bcc's for a Cc column): they reach their people whatever the column says. None by default.
        /// </param>
        public SentColumns(IReadOnlyList<(string Name, Compared Compared)> sent, IReadOnlyList<string> unread, IReadOnlyList<string> notSent,
            string? destinationColumn = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? copiedBefore = null,
            IReadOnlyDictionary<string, IReadOnlyList<string>>? givenForRun = null)
        {
            Sent = sent.Select(c => c.Name).ToList();
            Unread = unread;
            NotSent = notSent;
            _sortProperties = sent.Select(c => SortProperty(c.Name, c.Compared, destinationColumn,
                copiedBefore is not null && copiedBefore.TryGetValue(c.Name, out var before) ? before : null,
                givenForRun is not null && givenForRun.TryGetValue(c.Name, out var given) ? given : null)).ToList();
        }

        /// <summary>How the repeat check compares a column's cells, and so how the advice's Sort-Object must.</summary>
        internal enum Compared
        {
            /// <summary>Exactly as written (a Text, Subject or SendAt cell).</summary>
            AsWritten,

            /// <summary>Without the spaces at its ends, which the command trims before sending (a substitution, a number).</summary>
            Trimmed,

            /// <summary>As the addresses of an email's To, without display names, in any case, in order ('Jane Doe &lt;jane@x.com&gt;' is jane@x.com).</summary>
            ToAddresses,

            /// <summary>As the addresses it lists, without display names, each trimmed, in any case and once, in any order (a Cc or Bcc cell).</summary>
            Addresses,

            /// <summary>As the URLs it lists, each without the spaces and separators around it, in order (an Attachment cell).</summary>
            Urls,

            /// <summary>As the moment it names, to the millisecond, however it is written (a SendAt cell).</summary>
            Moment,
        }

        /// <summary>The columns that make what is sent, in the row's order.</summary>
        public IReadOnlyList<string> Sent { get; }

        /// <summary>The columns the request carries that change nothing the recipient reads (CorrelationId, ExpireAt, Validity).</summary>
        public IReadOnlyList<string> Unread { get; }

        /// <summary>The columns that never leave this computer: rows that differ only in them send the same.</summary>
        public IReadOnlyList<string> NotSent { get; }

        /// <summary>
        /// "Sort-Object {([string]$_.Phone).Trim()},Text -Unique -CaseSensitive": run as written on the same rows, it keeps one of
        /// each set the check calls the same. Sort-Object alone compares without regard to case (it merged Ann and ANN, whose
        /// texts differ) and with the spaces at the ends (it kept '+447700900001 ' and '+447700900001', which send the same).
        /// </summary>
        public string SortCommand() => "Sort-Object " + string.Join(",", _sortProperties) + " -Unique -CaseSensitive";

        private static string SortProperty(string name, Compared compared, string? destinationColumn, IReadOnlyList<string>? copiedBefore,
            IReadOnlyList<string>? givenForRun)
        {
            var cell = "$_." + PowerShellWord.OfMember(name);
            return compared switch
            {
                Compared.AsWritten => PowerShellWord.OfProperty(name),
                // [string] first: a cell that is no text (a number piped from an object) has no Trim, and $null becomes "".
                Compared.Trimmed => "{([string]" + cell + ").Trim()}",
                // The addresses as EmailDestinations reads them: 'Jane Doe <jane@example.com>' sends to jane@example.com. Before, the
                // advice compared the cell as written, kept that row beside one to jane@example.com, and the repeat went again.
                Compared.ToAddresses => "{" + AddressesOf(cell) + " -join ';'}",
                // And without the row's To, which OverlappingCopies sends in To only: 'dan@x.com' with Cc 'dan@x.com' sends what
                // 'dan@x.com' without a Cc does, and before, the advice kept both rows. So, for a Bcc, without the row's Cc.
                Compared.Addresses => CopiesProperty(cell, destinationColumn, copiedBefore, givenForRun),
                // Split before each URL that follows a separator (EmailAttachments.SecondUrlAt), each without the separators and
                // spaces around it (its UrlBetween). Before, the cell was compared as written: ' https://…/a.pdf' beside 'https://…/a.pdf'.
                Compared.Urls => "{((\"$(" + cell + ")\" -split '(?<=[;,|\\s])(?=[a-z]+://)') -replace '^[;,|\\s]+|[;,|\\s]+$' -ne '') -join ' '}",
                // Read as the module reads it (RowTimeArgument): digits as a Unix time in seconds, ISO 8601 in the Gregorian calendar
                // (IsoDateArgument: a cast, which PowerShell makes in no culture), other text in the current culture (-as); what
                // is no time stays as written. Before, -as read ISO 8601 too, in the culture's calendar: in th-TH '2026-12-24 09:00'
                // was 1483 AD to it and '2026-12-24T09:00:00' 2026 AD, one moment to the module, and the advice kept both rows.
                Compared.Moment => "{$text = \"$(" + cell + ")\".Trim(); if ($text -match '^\\d+$') { 1000 * $text } elseif ($at = if ($text -match '" +
                    Commands.IsoDateArgumentAttribute.IsoPattern + "') { try { [datetimeoffset]$text } catch {} } else { " + cell +
                    " -as [datetimeoffset] }) { $at.ToUnixTimeMilliseconds() } else { $text }}",
                _ => throw new System.ArgumentOutOfRangeException(nameof(compared)),
            };
        }

        /// <summary>
        /// A cell of addresses split as the module reads it, each upper-cased, without its display name: -join makes one text of
        /// a list piped from an object, as a cell is. Quoted names go first (their commas separate nothing), then the cell is
        /// split at CopyAddresses' separators, and of 'Jane &lt;jane@example.com&gt;' only the address is kept, with no spaces
        /// around it. Only what has an '@': of Outlook's 'Doe, Jane &lt;jane@example.com&gt;', unquoted, 'Doe' is no address
        /// (AddressLine reads it as part of the name), and before, the advice kept it and so both rows.
        /// </summary>
        private static string AddressesOf(string cell) =>
            "(((" + cell + " -join ';') -replace '\"[^\"]*\"').ToUpperInvariant() -split '[;,\\r\\n]' -replace '^[^<]*<\\s*|\\s*>.*$|^\\s+|\\s+$' -like '*@*')";

        /// <summary>
        /// A Cc or Bcc cell's addresses, once each and sorted, without those the row sends in a field before it and those the
        /// command line copies on every row.
        /// </summary>
        private static string CopiesProperty(string cell, string? destinationColumn, IReadOnlyList<string>? copiedBefore, IReadOnlyList<string>? givenForRun)
        {
            var before = new List<string>();
            if (destinationColumn is not null) before.Add(AddressesOf("$_." + PowerShellWord.OfMember(destinationColumn)));
            if (copiedBefore is not null) before.AddRange(copiedBefore.Select(c => AddressesOf("$_." + PowerShellWord.OfMember(c))));
            // The command line's -Cc or -Bcc, as written in the advice: quoted always, as an element of @() a bare word would be a command.
            if (givenForRun is not null)
                before.Add("@(" + string.Join(",", givenForRun.Select(a => "'" + a.ToUpperInvariant().Replace("'", "''") + "'")) + ")");
            if (before.Count == 0) return "{(" + AddressesOf(cell) + " | Sort-Object -Unique) -join ';'}";
            // Into a variable first: in .Where's script block $_ is the address, no longer the row.
            return "{$sent = " + string.Join(" + ", before) + "; (" + AddressesOf(cell) + ".Where({ $_ -notin $sent }) | Sort-Object -Unique) -join ';'}";
        }
    }
}
