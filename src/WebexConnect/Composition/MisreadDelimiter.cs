using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A CSV file read with another delimiter than the one it was saved with (Excel and Export-Csv -UseCulture save ';' where
    /// the decimal mark is a comma): Import-Csv gives one column named after the whole header line, so a column the admin
    /// sees in the file is "missing". Said the same way by every command that reads such rows: the send cmdlets (a
    /// destination column), Wait-ConnectDelivery (a results file's Destination) and Get-ConnectMessage (its MessageId).
    /// </summary>
    internal static class MisreadDelimiter
    {
        /// <summary>The separators CSV files are saved with, and how to give each to Import-Csv -Delimiter.</summary>
        private static readonly (char Separator, string Delimiter)[] CsvSeparators =
        {
            (';', "';'"), ('\t', "\"`t\""), ('|', "'|'"), (',', "','"),
        };

        /// <summary>
        /// "the header 'Name;Phone' was read as one column: the file is separated by ';', so read it with Import-Csv -Delimiter ';'",
        /// when a column's name holds, between separators, a name <paramref name="isWanted"/> looks for; else null.
        /// </summary>
        public static string? Of(IEnumerable<KeyValuePair<string, object?>> columns, Func<string, bool> isWanted)
        {
            foreach (var column in columns)
                if (DelimiterOf(column.Key, names => names.Any(isWanted)) is string delimiter)
                    return $"the header {InputEcho.Quote(column.Key)} was read as one column: " + ReadWith(delimiter);
            return null;
        }

        /// <summary>
        /// "the header was read as one column: the file is separated by ';', ..." when the row's only column is named after
        /// several names between separators, whichever they are: a file whose columns have names of the admin's language
        /// ('Name;Telefon;Bestellung'), none of them one <see cref="Of"/> looks for. Said beside the names that bind, as
        /// the file needs both: another delimiter, and a column renamed. Null for any other row.
        /// </summary>
        public static string? OfWholeHeader(IReadOnlyList<KeyValuePair<string, object?>> columns)
        {
            if (columns.Count != 1) return null;
            return DelimiterOf(columns[0].Key, names => names.Count(name => name.Length > 0) >= 2) is string delimiter
                ? "the header was read as one column: " + ReadWith(delimiter)
                : null;
        }

        /// <summary>How to give Import-Csv the first separator that splits <paramref name="name"/> into names that <paramref name="fit"/>; null if none.</summary>
        private static string? DelimiterOf(string name, Func<string[], bool> fit)
        {
            foreach (var (separator, delimiter) in CsvSeparators)
            {
                if (name.IndexOf(separator) < 0) continue;
                if (fit(name.Split(separator).Select(part => part.Trim(' ', '"')).ToArray())) return delimiter;
            }
            return null;
        }

        private static string ReadWith(string delimiter) =>
            $"the file is separated by {delimiter}, so read it with Import-Csv -Delimiter {delimiter}";
    }
}
