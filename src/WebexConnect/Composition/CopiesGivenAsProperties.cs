using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// Send-ConnectMessage -Channel Email with -AdditionalProperty @{ cc = ... } (or bcc): the rows whose own To is one of
    /// those copies. The request is written as given (that is the command's contract), so such an address gets the email
    /// twice and the service bills both; Send-ConnectEmail sends it once (<see cref="OverlappingCopies"/>). Said once, at
    /// the run's end (<see cref="Warning"/>), naming the rows and the first address.
    /// </summary>
    /// <remarks>
    /// Counts only the rows whose email went (<see cref="Done"/>), as <see cref="OverlappingCopies"/> does: a -Journal re-run
    /// whose rows were all skipped sent nothing twice, yet ended with the warning about every row it had looked at.
    /// </remarks>
    internal sealed class CopiesGivenAsProperties
    {
        private readonly Dictionary<string, string> _copies;
        private readonly RowsThatWent _rows = new RowsThatWent();
        private long _lastRow;

        private CopiesGivenAsProperties(Dictionary<string, string> copies) => _copies = copies;

        /// <summary>How many rows whose email went were sent to an address they also copied.</summary>
        public long Rows => _rows.Rows.Count;

        /// <summary>
        /// The copies <paramref name="members"/> (-AdditionalProperty) gives under cc and bcc, each address with its member's
        /// name; null when it gives none. A string or a list of strings, as the request carries them.
        /// </summary>
        public static CopiesGivenAsProperties? Of(IDictionary? members)
        {
            if (members is null) return null;
            var copies = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in members)
            {
                var name = SubstitutionText.Of(entry.Key);
                if (name != "cc" && name != "bcc") continue;
                var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                var items = value is string || value is not IEnumerable list ? new[] { value } : list;
                foreach (var item in items)
                {
                    var address = (item is PSObject inner ? inner.BaseObject : item) as string;
                    if (!string.IsNullOrWhiteSpace(address) && !copies.ContainsKey(address!.Trim())) copies[address.Trim()] = name!;
                }
            }
            return copies.Count == 0 ? null : new CopiesGivenAsProperties(copies);
        }

        /// <summary>
        /// Notes row <paramref name="row"/> when one of its addresses <paramref name="to"/> is also a copy; once per row. The
        /// warning counts it once it went (<see cref="Done"/>).
        /// </summary>
        // The command asks once per row; a row asked about again is counted once.
        public void Note(long row, IReadOnlyList<string> to)
        {
            if (row == _lastRow) return;
            _lastRow = row;
            foreach (var address in to)
            {
                if (!_copies.TryGetValue(address.Trim(), out var member)) continue;
                _rows.Note(row, InputEcho.Quote(address.Trim()) + " is the row's To and in -AdditionalProperty's " + member);
                return;
            }
        }

        /// <summary>
        /// Row <paramref name="row"/> is done: the warning counts it when its email went (or, under -WhatIf, would go) as
        /// <paramref name="went"/> says, and not when the journal skipped it or -Confirm was declined.
        /// </summary>
        public void Done(long row, bool went) => _rows.Done(row, went);

        /// <summary>
        /// The warning the run ends with, or null when no row's To was one of the copies; under <paramref name="preview"/>
        /// (-WhatIf), of the rows the run would send, in the conditional: nothing was sent.
        /// </summary>
        public string? Warning(bool preview)
        {
            if (Rows == 0) return null;
            var first = _rows.Rows.First.ToString(CultureInfo.InvariantCulture);
            return _rows.Rows + (preview ? " would send" : " sent") + " to an address that -AdditionalProperty also copies" +
                (Rows == 1 ? ": " : "; in row " + first + ", ") + _rows.FirstNote + ". Send-ConnectMessage writes -AdditionalProperty as given, " +
                "so that address " + (preview ? "would get the email twice, and the service would bill both" : "gets the email twice, and the service bills both") +
                ". Send-ConnectEmail -Cc (or -Bcc) sends each address once.";
        }
    }
}
