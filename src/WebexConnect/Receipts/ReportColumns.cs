using System;
using System.Globalization;
using System.Management.Automation;

namespace WebexConnect.Receipts
{
    /// <summary>
    /// The cells of a row of a report read back by column name: a result or receipt object as it was, or the same as
    /// Export-Csv wrote it and Import-Csv read it (every cell text, times in this culture's format).
    /// </summary>
    internal static class ReportColumns
    {
        /// <summary>The cell as trimmed text; null when the column is missing or empty.</summary>
        public static string? Text(PSObject row, string name)
        {
            var value = row.Properties[name]?.Value;
            var text = value is null ? null : Convert.ToString(value is PSObject ps ? ps.BaseObject : value, CultureInfo.InvariantCulture)?.Trim();
            return string.IsNullOrEmpty(text) ? null : text;
        }

        /// <summary>
        /// A time as the object had it (or ConvertFrom-Json made it), or as Export-Csv wrote it: in this culture's format (only: read in another, 02/03
        /// could become a month later and refuse a row's own receipts), or ISO 8601.
        /// </summary>
        public static DateTimeOffset? Time(PSObject row, string name)
        {
            var value = row.Properties[name]?.Value;
            if (Deserialized(value) is { } kept) return kept;
            switch (value is PSObject ps ? ps.BaseObject : value)
            {
                case DateTimeOffset time: return time;
                // ConvertFrom-Json makes ISO 8601 text a DateTime; as text it would be read again in this culture.
                case DateTime dateTime: return new DateTimeOffset(dateTime);
            }
            var text = Text(row, name);
            return text is not null && DateTimeOffset.TryParse(text, CultureInfo.CurrentCulture, DateTimeStyles.None, out var read) ? read : null;
        }

        /// <summary>
        /// A DateTimeOffset that Export-Clixml wrote and Import-Clixml (or Receive-Job) read back: CLIXML keeps DateTime and
        /// TimeSpan as they were but a DateTimeOffset only as a bag of its properties, whose text is empty. Before, the
        /// times of results and receipts kept that way were lost: ReceiptAt showed when the report ran, and an Unknown
        /// row took a receipt of an earlier send of the same row, received before its request left.
        /// </summary>
        private static DateTimeOffset? Deserialized(object? value)
        {
            if (value is not PSObject { BaseObject: PSCustomObject } bag || !bag.TypeNames.Contains("Deserialized.System.DateTimeOffset")) return null;
            if (Member(bag, "UtcDateTime") is not DateTime utc) return null;
            var at = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
            return Member(bag, "Offset") is TimeSpan offset ? at.ToOffset(offset) : at;
        }

        private static object? Member(PSObject bag, string name) =>
            bag.Properties[name]?.Value is PSObject wrapped ? wrapped.BaseObject : bag.Properties[name]?.Value;
    }
}
