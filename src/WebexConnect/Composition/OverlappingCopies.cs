using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// An address in more than one of a row's To, Cc and Bcc is sent once, in the most visible of them: To, then Cc, then
    /// Bcc. The service counts, bills and delivers every entry of the three as a recipient of its own, so a user who is
    /// also in the shared -Cc (the manager among the users), or a Cc cell that repeats the row's Email, got the email
    /// twice. The rest of the run is said once, at its end (<see cref="Warning"/>); each row's drop goes to -Verbose.
    /// </summary>
    /// <remarks>
    /// The warning counts only the rows whose email went (<see cref="Done"/>), not every row asked about: a re-run whose
    /// rows the journal skipped, or rows declined at -Confirm, ended with "3 rows ... goes once" for emails it never sent.
    /// </remarks>
    /// <remarks>
    /// Compared without regard to case, as repeats within one field are (<see cref="RepeatedAddresses"/>). A row whose
    /// copies lose an address has a message of its own, so it travels in a request of its own unless another row's
    /// copies come out the same; -WhatIf groups by the same request JSON, so its batches show that too.
    /// </remarks>
    internal sealed class OverlappingCopies
    {
        // What each row asked about lost from its copies, counted once its email goes (Done).
        private readonly RowsThatWent _rows = new RowsThatWent();

        // The row asked about last, and what it was given: the command asks once per row, but a row asked about again gets
        // the same message and is counted and noted once.
        private long _lastRow;
        private ConnectMessage? _lastSource;
        private ConnectMessage? _lastResult;

        // The last email made with fewer copies, reused while the next row's copies come out the same (a Bcc that repeats
        // the shared Cc does so on every row): one message object, one shape for the dispatcher to look up.
        private EmailMessage? _variantSource;
        private EmailMessage? _variant;

        /// <summary>How many rows whose email went had an address dropped from their copies.</summary>
        public long Rows => _rows.Rows.Count;

        /// <summary>
        /// The email row <paramref name="row"/> is sent as: <paramref name="message"/> itself when no copy repeats one of
        /// <paramref name="to"/> or a more visible copy, else one without those copies. <paramref name="note"/> says what was
        /// dropped, the first time the row is asked about; null otherwise. Under <paramref name="preview"/> (-WhatIf,
        /// -PayloadOnly) it says where the address would go: before, -WhatIf -Verbose said it "goes in To only" of an email
        /// that went nowhere.
        /// </summary>
        public ConnectMessage For(ConnectMessage message, IReadOnlyList<string> to, long row, bool preview, out string? note)
        {
            note = null;
            if (message is not EmailMessage email || (email.Cc.Count == 0 && email.Bcc.Count == 0)) return message;
            if (row == _lastRow && ReferenceEquals(message, _lastSource)) return _lastResult!;

            List<string>? said = null;
            var goes = preview ? "would go" : "goes";
            var cc = Without(email.Cc, "Cc", to, null, goes, ref said);
            var bcc = Without(email.Bcc, "Bcc", to, cc, goes, ref said);
            _lastRow = row;
            _lastSource = message;
            _lastResult = said is null ? message : Variant(email, cc, bcc);
            if (said is null) return message;

            note = string.Join("; ", said);
            _rows.Note(row, note);
            return _lastResult;
        }

        /// <summary>
        /// Row <paramref name="row"/> is done: its email went (or, under -WhatIf, would go) when <paramref name="went"/>,
        /// so the warning counts it if it lost a copy; otherwise (the journal skipped it, -Confirm was declined) it does not.
        /// </summary>
        public void Done(long row, bool went) => _rows.Done(row, went);

        /// <summary>
        /// The warning the run ends with, or null when no row that went repeated an address in its copies; under
        /// <paramref name="preview"/> (-WhatIf), of the rows the run would send.
        /// </summary>
        public string? Warning(bool preview)
        {
            if (Rows == 0) return null;
            var example = Rows == 1 ? "In it, " : "In row " + _rows.Rows.First.ToString(CultureInfo.InvariantCulture) + ", ";
            var goes = preview ? "would go" : "goes";
            return _rows.Rows + " gave an address in more than one of To, Cc and Bcc, so each such address " + goes + " once, in the first of them " +
                "that has it: the service delivers and bills every copy it is given. " + example + _rows.FirstNote + ". " +
                "A row whose copies lose an address may go in a request of its own" + (Rows == 1 ? "." : "; -Verbose names each row's.");
        }

        /// <summary>
        /// <paramref name="copies"/> without the addresses of <paramref name="inTo"/> and <paramref name="inCc"/>; the list
        /// itself when it has none of them (the usual row, which allocates nothing more). Each address dropped is said in
        /// <paramref name="said"/>, where it <paramref name="goes"/> ("goes", or under -WhatIf "would go").
        /// </summary>
        /// <remarks>
        /// Scanned rather than hashed: a row has a To or a few and a handful of copies, and two sets built per row cost every
        /// email with copies two allocations, whether or not it repeated an address.
        /// </remarks>
        private static IReadOnlyList<string> Without(IReadOnlyList<string> copies, string field, IReadOnlyList<string> inTo,
            IReadOnlyList<string>? inCc, string goes, ref List<string>? said)
        {
            List<string>? kept = null;
            for (var i = 0; i < copies.Count; i++)
            {
                var address = copies[i];
                var keptIn = Holds(inTo, address) ? "To" : inCc is not null && Holds(inCc, address) ? "Cc" : null;
                if (keptIn is null)
                {
                    kept?.Add(address);
                    continue;
                }
                kept ??= copies.Take(i).ToList();
                (said ??= new List<string>()).Add(InputEcho.Quote(address) + " is in " + keptIn + " and " + field + ", and " + goes + " in " + keptIn + " only");
            }
            return kept is null ? copies : kept;
        }

        private static bool Holds(IReadOnlyList<string> addresses, string address)
        {
            for (var i = 0; i < addresses.Count; i++)
                if (string.Equals(addresses[i], address, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        private EmailMessage Variant(EmailMessage email, IReadOnlyList<string> cc, IReadOnlyList<string> bcc)
        {
            if (ReferenceEquals(email, _variantSource) && _variant is { } last && Same(last.Cc, cc) && Same(last.Bcc, bcc)) return last;
            _variantSource = email;
            _variant = email.WithCopies(cc, bcc);
            return _variant;
        }

        private static bool Same(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
            a.Count == b.Count && a.SequenceEqual(b, StringComparer.Ordinal);
    }
}
