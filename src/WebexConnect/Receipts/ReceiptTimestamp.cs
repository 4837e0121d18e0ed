using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace WebexConnect.Receipts
{
    /// <summary>
    /// Reads a receipt's timeStamp text: ISO 8601 (what the vendor's samples show), Unix seconds, milliseconds, microseconds or nanoseconds, and
    /// day and month written as numbers (01/05/2024, 05.01.2024), whose order is the service's, not this computer's.
    /// </summary>
    /// <remarks>
    /// The invariant culture read every d/m/y date month-first: a service writing day-first (dd/MM/yyyy, as in the UK and
    /// India, where the service is hosted) gave 5 January for 1 May on days 1 to 12 and no time at all on days 13 to 31,
    /// and 05.01.2024, day-first wherever dots are written, became 1 May. Now a dotted date is day-first; a date with
    /// slashes or dashes is day-first when its first number is over 12, month-first when its second is; when both are
    /// 12 or less, only a receipt's arrival time can tell: a receipt comes within days of what it reports, and the two
    /// readings are at least 27 days apart, so the one in the days before the arrival is it. If neither is (a receipt
    /// read long after it came), the date is not guessed: the timestamp is unreadable (null), as it is for any text
    /// not read here.
    /// </remarks>
    internal static class ReceiptTimestamp
    {
        /// <summary>How long before its arrival a receipt may report something: SMS validity is at most 72 hours.</summary>
        private static readonly TimeSpan LongestDelay = TimeSpan.FromDays(8);

        /// <summary>How far ahead of this computer's clock the service's may be.</summary>
        private static readonly TimeSpan ClockSkew = TimeSpan.FromDays(1);

        /// <summary>The last millisecond a DateTimeOffset holds, in Unix time.</summary>
        private static readonly long LastUnixMillisecond = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

        // [0-9], not \d: \d also takes other scripts' digits (Arabic-Indic, Devanagari), which int.Parse refuses, and the
        // FormatException made the listener drop the whole body unanswered. Such a date is unread (null), as other text is.
        private static readonly Regex NumericDate = new Regex(
            @"^\s*(?<first>[0-9]{1,2})(?<separator>[./-])(?<second>[0-9]{1,2})\k<separator>(?<year>[0-9]{4})(?<rest>.*)$",
            RegexOptions.CultureInvariant);

        public static DateTimeOffset? Read(string text, DateTimeOffset receivedAt)
        {
            if (IsUnixTime(text, out var epoch)) return FromUnixTime(epoch);
            var match = NumericDate.Match(text);
            if (!match.Success) return Parse(text);

            var first = int.Parse(match.Groups["first"].Value, CultureInfo.InvariantCulture);
            var second = int.Parse(match.Groups["second"].Value, CultureInfo.InvariantCulture);
            var year = match.Groups["year"].Value;
            var rest = match.Groups["rest"].Value;
            var dayFirst = Parse(Iso(year, month: second, day: first, rest));
            var monthFirst = Parse(Iso(year, month: first, day: second, rest));
            if (match.Groups["separator"].Value == "." || first > 12) return dayFirst;
            if (second > 12 || first == second) return monthFirst;
            var dayFirstFits = Plausible(dayFirst, receivedAt);
            return dayFirstFits == Plausible(monthFirst, receivedAt) ? null : dayFirstFits ? dayFirst : monthFirst;
        }

        /// <summary>
        /// Digits with at most one decimal point between them: Unix time, whole or fractional ("1796540221.5", as Python's
        /// time.time() and many relays write it). Before, a fraction made the text unread and the receipt had no time.
        /// </summary>
        private static bool IsUnixTime(string text, out decimal epoch)
        {
            epoch = 0;
            return text.Length > 0 && text[0] >= '0' && text[0] <= '9' && text[text.Length - 1] >= '0' && text[text.Length - 1] <= '9'
                && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out epoch);
        }

        /// <summary>
        /// Unix time in seconds, milliseconds, microseconds or nanoseconds, told apart by size: each is a thousand times the
        /// one before, and 10^11 of any of them is past the year 5000. Before, a number over the milliseconds' range (a relay
        /// writing microseconds) threw out of the reader, and the listener dropped the whole body unanswered. Read to the
        /// millisecond. Zero is a time left unset (no receipt reports an event of 1 January 1970), and so is a number past
        /// the last date there is: no timestamp, rather than 1970 in the report.
        /// </summary>
        private static DateTimeOffset? FromUnixTime(decimal epoch)
        {
            const decimal Tier = 100_000_000_000m;
            if (epoch == 0) return null;
            var milliseconds = epoch <= Tier ? epoch * 1_000
                : epoch <= Tier * 1_000 ? epoch
                : epoch <= Tier * 1_000_000 ? epoch / 1_000
                : epoch / 1_000_000;
            milliseconds = decimal.Truncate(milliseconds);
            return milliseconds <= LastUnixMillisecond ? DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds) : (DateTimeOffset?)null;
        }

        private static bool Plausible(DateTimeOffset? reading, DateTimeOffset receivedAt) =>
            reading is DateTimeOffset at && at >= receivedAt - LongestDelay && at <= receivedAt + ClockSkew;

        private static string Iso(string year, int month, int day, string rest) =>
            year + "-" + month.ToString("00", CultureInfo.InvariantCulture) + "-" + day.ToString("00", CultureInfo.InvariantCulture) + rest;

        private static DateTimeOffset? Parse(string text) =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : (DateTimeOffset?)null;
    }
}
