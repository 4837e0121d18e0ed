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
            switch (value is PSObject ps ? ps.BaseObject : value)
            {
                case DateTimeOffset time: return time;
                // ConvertFrom-Json makes ISO 8601 text a DateTime; as text it would be read again in this culture.
                case DateTime dateTime: return new DateTimeOffset(dateTime);
            }
            var text = Text(row, name);
            return text is not null && DateTimeOffset.TryParse(text, CultureInfo.CurrentCulture, DateTimeStyles.None, out var read) ? read : null;
        }
    }
}
