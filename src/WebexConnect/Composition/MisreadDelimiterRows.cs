using System;
using System.Collections.Generic;

namespace WebexConnect.Composition
{
    /// <summary>
    /// The rows of one file read with the wrong delimiter (<see cref="MisreadDelimiter"/>), as a command that reads a results
    /// file says them: the first row in full (what is wrong, and the Import-Csv -Delimiter that reads it), each row after it
    /// with the same one-column header only "same reason as row 1". Before, 500 rows of a results file saved with ';'
    /// piped into Wait-ConnectDelivery or Get-ConnectMessage gave the same 300-character error 500 times, and the log of a
    /// scheduled task buried the one line that mattered. Every row still gets its own error, so -ErrorVariable counts them all.
    /// </summary>
    internal sealed class MisreadDelimiterRows
    {
        private string? _header;
        private long _saidAt;

        /// <summary>
        /// Why the row's columns are misread: in full for the first row of its header, "same reason as {word} 1 (...)" for the
        /// rows after it; null when the row is not one of a misread file (no column holds, between separators, a name
        /// <paramref name="isWanted"/> looks for).
        /// </summary>
        /// <param name="columns">The row's columns.</param>
        /// <param name="number">The row's number, as the error names it.</param>
        /// <param name="word">What the command calls a row in its errors ("row", "input").</param>
        /// <param name="isWanted">The column names the command reads the rows by.</param>
        public string? ReasonFor(IReadOnlyList<KeyValuePair<string, object?>> columns, long number, string word, Func<string, bool> isWanted)
        {
            if (_header != null && columns.Count == 1 && string.Equals(columns[0].Key, _header, StringComparison.Ordinal))
                return $"same reason as {word} {_saidAt} (the file's delimiter)";
            if (MisreadDelimiter.Of(columns, isWanted) is not string reason) return null;
            _header = columns.Count == 1 ? columns[0].Key : null;
            _saidAt = number;
            return reason;
        }
    }
}
