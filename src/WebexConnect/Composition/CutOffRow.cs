using System;
using System.Collections.Generic;
using System.Management.Automation;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A CSV read while it was still being written (an export that had not finished when the scheduled task ran) can
    /// end in a line cut off inside its number: "Cy,+4477009". Import-Csv gives that line's missing columns as $null, and
    /// the number, shorter than the others, went to whoever has it. Warned about, with the row number, before it is sent.
    /// </summary>
    /// <remarks>
    /// Both signals, never one: the line ends in or right after the destination column (every later column is $null, not
    /// the "" of an empty field), and its number has fewer digits than every row read before it. A legitimate shorter
    /// number (a US row among UK ones) has its later columns; a legitimate short line has a whole number. Not a refusal:
    /// both can still happen together in a file that is whole, and only the admin can tell. Only a number is measured;
    /// an address's length says nothing. Once per run: only the last line of a file can be cut.
    /// $null says "cut short" only of what Import-Csv gives, where every whole line's empty cell is "": objects whose
    /// $null is a value (Get-ADUser | Select-Object Name, Mobile, Title for a user with no Title, a REST API's JSON) were
    /// warned about as a file read half-written when one had a shorter number. So not for what Select-Object made, a
    /// hashtable or a table's row, and not once an earlier row had a $null of its own.
    /// </remarks>
    internal sealed class CutOffRow
    {
        private int _fewestDigitsBefore = int.MaxValue;
        private bool _warned;
        // A row before had a $null column: the input is not lines of a CSV, whose whole lines have none.
        private bool _nullSeen;

        /// <summary>The warning for row <paramref name="row"/>, or null.</summary>
        /// <param name="columns">The row's columns.</param>
        /// <param name="input">The piped object the columns were read from.</param>
        /// <param name="destinationColumnOf">The column of the row that gave -To, or null when none did; asked only of a short number.</param>
        /// <param name="addresses">The row's destinations.</param>
        /// <param name="row">The row's number.</param>
        public string? WarningFor(InputRow columns, PSObject? input, Func<InputRow, string?> destinationColumnOf, IReadOnlyList<string> addresses, long row)
        {
            if (_warned) return null;
            var nullBefore = _nullSeen;
            if (!_nullSeen) _nullSeen = HasNull(columns);
            if (nullBefore || addresses.Count != 1) return null;
            var digits = DigitsOf(addresses[0]);
            if (digits == 0) return null;
            var fewerThanEvery = digits < _fewestDigitsBefore && _fewestDigitsBefore != int.MaxValue;
            if (digits < _fewestDigitsBefore) _fewestDigitsBefore = digits;
            if (!fewerThanEvery || !MayBeCsvLine(input) || destinationColumnOf(columns) is not string destinationColumn ||
                MissingAfter(columns, destinationColumn) is not { Count: > 0 } missing) return null;

            _warned = true;
            return RowErrorText.Prefix(row) + "the number " + InputEcho.Quote(addresses[0]) + " in the column " + InputEcho.Quote(destinationColumn) +
                " has fewer digits than every row before it, and the line ends there: " +
                (missing.Count == 1 ? "its column " + InputEcho.Quote(missing[0]) + " is" : "its columns " + string.Join(", ", missing.ConvertAll(InputEcho.Quote)) + " are") +
                " missing ($null, as Import-Csv gives for a line cut short). The file may have been read while it was still being " +
                "written, with this number cut off. It is sent as it is (with -WarningAction Stop the command stops here instead, " +
                "before this row). Check the file's last line, and read a file only once whatever writes it has finished.";
        }

        /// <summary>The names of the columns after <paramref name="destinationColumn"/> when every one of them is $null; null otherwise.</summary>
        private static List<string>? MissingAfter(InputRow columns, string destinationColumn)
        {
            List<string>? missing = null;
            var after = false;
            foreach (var column in columns.Columns)
            {
                if (after)
                {
                    if (column.Value is not null) return null;
                    (missing ??= new List<string>()).Add(column.Key);
                }
                else after = column.Key == destinationColumn;
            }
            return missing;
        }

        /// <summary>True when a column of the row is $null. By index: an enumerator would be an object for every row.</summary>
        private static bool HasNull(InputRow columns)
        {
            var all = columns.Columns;
            for (var i = 0; i < all.Count; i++)
                if (all[i].Value is null) return true;
            return false;
        }

        /// <summary>
        /// True for what Import-Csv and ConvertFrom-Csv give, a [pscustomobject] (with a #TYPE line, of a "CSV:" type name);
        /// false for Select-Object's output ("Selected." type names), a hashtable or a table's row. Asked of a row that is
        /// already suspect only: TypeNames makes a copy.
        /// </summary>
        private static bool MayBeCsvLine(PSObject? input) =>
            input?.BaseObject is PSCustomObject && !(input.TypeNames.Count > 0 && input.TypeNames[0].StartsWith("Selected.", StringComparison.Ordinal));

        /// <summary>The digits of a phone number ("+44 7700-900001" has 12); 0 for anything else (an email address).</summary>
        private static int DigitsOf(string address)
        {
            var digits = 0;
            foreach (var c in address)
            {
                if (c >= '0' && c <= '9') digits++;
                else if (c != '+' && c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') return 0;
            }
            return digits;
        }
    }
}
