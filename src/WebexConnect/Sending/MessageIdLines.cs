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
        /// True when a first piped line is a CSV header naming MessageId; <paramref name="columns"/> is how many columns it
        /// names. One column ("MessageId", as an ID list's header) is followed by lines that are IDs; several (a results
        /// file's header) by lines that are whole rows, none of which is an ID.
        /// </summary>
        public static bool IsHeader(string line, out int columns)
        {
            columns = 0;
            var names = line.Trim().TrimStart('\uFEFF').Split(',', ';', '\t');
            var named = false;
            foreach (var name in names)
                if (string.Equals(name.Trim().Trim('"').Trim(), "MessageId", StringComparison.OrdinalIgnoreCase)) named = true;
            if (named) columns = names.Length;
            return named;
        }

        /// <summary>The first column of the row whose value is shaped like a message ID (Id, Message ID, transid); else null.</summary>
        public static string? ColumnHoldingAnId(InputRow row)
        {
            foreach (KeyValuePair<string, object?> column in row.Columns)
                if (column.Value?.ToString() is string value && LookupReading.IsMessageIdShaped(value.Trim())) return column.Key;
            return null;
        }
    }
}
