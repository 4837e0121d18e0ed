using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A CSV file saved without its header line (an export that wrote the data only): Import-Csv reads its first line as
    /// the names of the columns, so a column is named '+447700900001' and that line's person is no row at all. Before, the
    /// row's error gave the Select-Object that reads that column as Phone: followed, it sent every row but the first line's,
    /// which had no result and no error.
    /// </summary>
    internal static class HeaderlessCsv
    {
        /// <summary>Why no column binds, or null when no column of <paramref name="row"/> is named like a phone number or an email address.</summary>
        /// <param name="row">The row without a destination.</param>
        /// <param name="destinationColumns">The column names that bind -To for this command.</param>
        public static string? Of(InputRow row, IReadOnlyList<string> destinationColumns)
        {
            var named = row.Columns.FirstOrDefault(column => KindOf(column.Key) is not null).Key;
            if (named is null) return null;
            var header = row.Columns.Select((column, i) => HeaderFor(column.Key, i, destinationColumns));
            return $"no destination: the column {InputEcho.Quote(named)} is named after {KindOf(named)}, so the file has no header line: " +
                "Import-Csv read its first line as the names of the columns, and that line is no row, sent to no one, with no result" +
                RecordComposer.ColumnsOf(row) + ". Name the columns with Import-Csv <file> -Header " + string.Join(", ", header) +
                " (a name for each column, in order: the other names as the text's $(variables) use them)";
        }

        /// <summary>"a phone number" or "an email address" for a column name that is one, else null.</summary>
        private static string? KindOf(string column)
        {
            var value = column.Trim();
            return RecordComposer.LooksLikePhoneNumber(value) ? "a phone number" : RecordComposer.LooksLikeEmailAddress(value) ? "an email address" : null;
        }

        /// <summary>The -Header name suggested for the column at <paramref name="index"/>: one that binds -To for a destination, else Column2.</summary>
        private static string HeaderFor(string column, int index, IReadOnlyList<string> destinationColumns)
        {
            var kind = KindOf(column);
            if (kind is null) return "Column" + (index + 1);
            var name = kind == "a phone number" ? "Phone" : "Email";
            return destinationColumns.Contains(name, StringComparer.OrdinalIgnoreCase) ? name : "To";
        }
    }
}
