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
                foreach (var (separator, delimiter) in CsvSeparators)
                {
                    if (column.Key.IndexOf(separator) < 0) continue;
                    var names = column.Key.Split(separator).Select(name => name.Trim(' ', '"'));
                    if (names.Any(isWanted))
                        return $"the header {InputEcho.Quote(column.Key)} was read as one column: the file is separated by " +
                            $"{delimiter}, so read it with Import-Csv -Delimiter {delimiter}";
                }
            return null;
        }
    }
}
