using System;
using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;

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
        /// A time as the object had it (or ConvertFrom-Json made it), or as Export-Csv wrote it: ISO 8601 first (it reads the
        /// same in every culture), then this culture's format, then the invariant culture's (a Linux task's, LANG unset).
        /// Null when the cell is empty or none of them reads it.
        /// </summary>
        // Not the invariant culture before this one's: 06/12/2026 is December in en-GB and June in the invariant culture,
        // so an admin in London would read back their own file six months out. Neither format is taken for a cell whose date
        // separator is not that culture's: en-US's lenient parse read de-DE's 06.12.2026 as 12 June without a word (and
        // 13.12.2026 as nothing), so Wait-ConnectDelivery judged the rows against the wrong send times.

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
            return Parse(Text(row, name));
        }

        /// <summary>The cell's text when it holds something that <see cref="Time"/> does not read as a time; else null.</summary>
        public static string? UnreadTime(PSObject row, string name) =>
            Time(row, name) is null && row.Properties[name]?.Value is not null ? Text(row, name) : null;

        /// <summary>
        /// The cell's text when <see cref="Time"/> read it in this culture but it could be another's with day and month the
        /// other way round: not ISO 8601, both at most 12 and not the same, and its date not as this culture writes that
        /// date (en-US writes 5/12/2026; en-GB's 05/12/2026 14:03:00 reads as 12 May in en-US, 5 December in en-GB). Null
        /// otherwise, the usual file read where it was written.
        /// </summary>
        /// <param name="row">The results file's row.</param>
        /// <param name="name">The time's column ("SubmittedAt").</param>
        /// <param name="read">What <see cref="Time"/> read from the cell: the caller has it, and the cell is not parsed again.</param>
        public static string? AmbiguousTime(PSObject row, string name, DateTimeOffset read)
        {
            if (read.Day > 12 || read.Day == read.Month) return null;
            if (row.Properties[name]?.Value is DateTimeOffset or DateTime || Text(row, name) is not string text || IsIso8601.IsMatch(text)) return null;
            return DateWrittenIn(text, read, CultureInfo.CurrentCulture) ? null : text;
        }

        /// <summary>
        /// Whether <paramref name="text"/> starts with the date of <paramref name="read"/> as <paramref name="culture"/> writes
        /// it (its short date), whatever time follows: PowerShell's own 12/6/2026 12:31:00 PM and Excel's re-saved 12/6/2026
        /// 12:31 alike. Only the date's order is in doubt; before, the time was compared too, and an en-US file Excel had
        /// saved without seconds was warned of on every run in en-US. en-GB's 05/12/2026 is still not en-US's 5/12/2026.
        /// </summary>
        private static bool DateWrittenIn(string text, DateTimeOffset read, CultureInfo culture)
        {
            var date = read.ToString(culture.DateTimeFormat.ShortDatePattern, culture);
            return text.StartsWith(date, StringComparison.Ordinal) && (text.Length == date.Length || char.IsWhiteSpace(text[date.Length]));
        }

        private static DateTimeOffset? Parse(string? text)
        {
            if (text is null) return null;
            if (IsIso8601.IsMatch(text))
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso) ? iso : null;
            foreach (var culture in new[] { CultureInfo.CurrentCulture, CultureInfo.InvariantCulture })
            {
                if (WrittenIn(text, culture) && DateTimeOffset.TryParse(text, culture, DateTimeStyles.None, out var read)) return read;
            }
            return null;
        }

        // 2026-12-06T09:55:53+00:00 and 2026-12-06 09:55:53Z: year, month and day in that order, whatever the culture.
        private static readonly Regex IsIso8601 = new Regex(@"^\d{4}-\d{2}-\d{2}([T ]|$)", RegexOptions.CultureInvariant);

        /// <summary>
        /// Whether a time that starts with a number separates its date's parts as <paramref name="culture"/> does (a text that
        /// starts otherwise, a month's name, is left to the culture's parse).
        /// </summary>
        // Compared by their first visible character: Arabic cultures write a right-to-left mark before the '/', one or two.
        private static bool WrittenIn(string text, CultureInfo culture)
        {
            var digits = 0;
            while (digits < text.Length && char.IsDigit(text[digits])) digits++;
            if (digits == 0) return true;
            var written = FirstVisible(text, digits);
            var separator = FirstVisible(culture.DateTimeFormat.DateSeparator, 0);
            return written is null || separator is null || written == separator;
        }

        private static char? FirstVisible(string text, int from)
        {
            for (var i = from; i < text.Length; i++)
                if (!char.IsWhiteSpace(text[i]) && char.GetUnicodeCategory(text[i]) != UnicodeCategory.Format) return text[i];
            return null;
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
