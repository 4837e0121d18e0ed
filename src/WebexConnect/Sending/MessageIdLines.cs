using System;
using System.Collections.Generic;
using WebexConnect.Composition;

namespace WebexConnect.Sending
{
    /// <summary>
    /// What Get-ConnectMessage is piped that holds message IDs but not as a MessageId property: the lines of a CSV file
    /// read with Get-Content (its header comes first), or Import-Csv rows whose ID column has another name.
    /// </summary>
    internal static class MessageIdLines
    {
        /// <summary>
        /// True when a first piped line is a CSV header naming the message ID: MessageId, or a name an ID list's header is
        /// given (Id, Message ID, message_id, transid; any case, quoted or not, after a byte order mark). <paramref name="column"/>
        /// is the name as written (MessageId when the header has it), <paramref name="columns"/> how many columns it names. One
        /// column is followed by lines that are IDs; several (a results file's header) by lines that are whole rows, none of
        /// which is an ID. Before, only MessageId was known: a list headed Id had "Id" looked up as a message ID.
        /// </summary>
        public static bool IsHeader(string line, out int columns, out string column)
        {
            columns = 0;
            column = "";
            var names = line.Trim().TrimStart('\uFEFF').Split(',', ';', '\t');
            foreach (var name in names)
            {
                var bare = name.Trim().Trim('"').Trim();
                if (string.Equals(bare, "MessageId", StringComparison.OrdinalIgnoreCase)) column = bare;
                else if (column.Length == 0 && NamesAnId(bare)) column = bare;
            }
            if (column.Length == 0) return false;
            columns = names.Length;
            return true;
        }

        /// <summary>Whether a column's name is one people give a message ID: Id, Message ID, Message_Id, MessageId, TransId.</summary>
        private static bool NamesAnId(string name)
        {
            var letters = name.Replace(" ", "").Replace("_", "").Replace("-", "");
            return string.Equals(letters, "Id", StringComparison.OrdinalIgnoreCase) ||
                string.Equals(letters, "MessageId", StringComparison.OrdinalIgnoreCase) ||
                string.Equals(letters, "TransId", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// How to write <paramref name="column"/> after a dot in PowerShell: as it is when it is a plain name, else quoted
        /// (.'Message ID').
        /// </summary>
        public static string AsProperty(string column) =>
            System.Text.RegularExpressions.Regex.IsMatch(column, "^[A-Za-z_][A-Za-z0-9_]*$") ? column : "'" + column.Replace("'", "''") + "'";

        /// <summary>The first column of the row whose value is shaped like a message ID (Id, Message ID, transid); else null.</summary>
        public static string? ColumnHoldingAnId(InputRow row)
        {
            foreach (KeyValuePair<string, object?> column in row.Columns)
                if (column.Value?.ToString() is string value && LookupReading.IsMessageIdShaped(value.Trim())) return column.Key;
            return null;
        }
    }
}
