using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace WebexConnect.Composition
{
    /// <summary>
    /// Reads -Validity as people type it: '90m', '48h', '2d', '30s', a number of seconds, 'hh:mm[:ss]' or a TimeSpan.
    /// </summary>
    /// <remarks>
    /// PowerShell's own conversion reads '48:00:00' as 48 days (TimeSpan.Parse takes a first field over 23 as
    /// days) and a bare 3600 as 3600 ticks (0.00036 s): both are far from what an admin means, and both used to
    /// reach the service. Here 'hh:mm:ss' is hours however many, and a number is seconds. A real TimeSpan
    /// ([TimeSpan] or New-TimeSpan) is taken as it is.
    /// </remarks>
    internal static class ValidityText
    {
        // [0-9], not \d: \d also takes other scripts' digits (an Arabic keyboard's), which double.Parse refuses with .NET's
        // "not in a correct format" instead of the forms below. Such text is not a duration here.
        private static readonly Regex WithUnit = new Regex(
            @"^(?<n>[0-9]+(\.[0-9]+)?)\s*(?<unit>s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly Regex Clock = new Regex(@"^(?<h>[0-9]+):(?<m>[0-5]?[0-9])(:(?<s>[0-5]?[0-9]))?$", RegexOptions.CultureInvariant);

        /// <summary>What the error says the parameter takes.</summary>
        /// <summary>What a problem says of a decimal comma, so that another parameter's message can say it too.</summary>
        public const string DecimalMarkAdvice = "write the decimal mark as a point";

        public const string Forms = "write a duration such as '90m', '48h' or '2d', a number of seconds (3600), 'hh:mm:ss' (hours may exceed 23) or a TimeSpan";

        /// <summary>The duration, or null with <paramref name="problem"/> saying why <paramref name="value"/> is none.</summary>
        public static TimeSpan? Read(object? value, out string? problem)
        {
            problem = null;
            switch (value)
            {
                case null:
                    return null;
                case TimeSpan span:
                    return span;
                case string text:
                    return ReadText(text.Trim(), out problem);
                case double or float or decimal:
                    return FromSeconds(Convert.ToDouble(value, CultureInfo.InvariantCulture), out problem);
                case IConvertible number when IsInteger(number):
                    return FromSeconds(Convert.ToDouble(value, CultureInfo.InvariantCulture), out problem);
                case System.Collections.IList list:
                    problem = ListProblem(list);
                    return null;
                default:
                    problem = $"a {value.GetType().Name} is not a duration: {Forms}";
                    return null;
            }
        }

        /// <summary>
        /// <see cref="Read"/> for a value typed on the command line, which also refuses a decimal number: unquoted,
        /// PowerShell reads -Validity 2d as the decimal 2 (its d suffix), so "two days" went out as two seconds and an SMS
        /// to a phone that was off expired before it came back on. No one means seconds as a decimal there, so say how to
        /// write it. A loop's -Validity $r.Column of a database's decimal column is the same decimal, so the advice names it too.
        /// Cells (<see cref="RowExpiry"/>) are read by <see cref="Read"/>: a piped row's decimal column is seconds.
        /// </summary>
        public static TimeSpan? ReadArgument(object? value, out string? problem)
        {
            if (value is decimal number)
            {
                var digits = number.ToString(CultureInfo.InvariantCulture);
                // Seconds are whole (FromSeconds): for 2.5 the forms that work are days and hours.
                var whole = decimal.Truncate(number) == number;
                var (small, word) = whole ? ("s", "seconds") : ("h", "hours");
                // A database's decimal column (-Validity $r.Hours in a loop) binds the same decimal: say both, as the value
                // cannot tell which it was, and give the forms that work for either ("$($r.Hours)h" from a column).
                problem = $"{digits}d, unquoted, is read by PowerShell as the number {digits} (a d after digits makes a decimal), " +
                    $"as is a database's decimal cell of {digits}: it could mean seconds or days, so write the unit in quotes: " +
                    $"'{digits}d' for days, '{digits}{small}' for {word} (from a cell, \"$($r.Column){small}\")";
                return null;
            }
            return Read(value, out problem);
        }

        /// <summary>
        /// Why a list is no duration. Unquoted, -Validity 1,5h (a decimal comma, as in de-DE) reaches the cmdlet as the list
        /// 1, '5h': say so, and how to write it, rather than "a Object[] is not a duration".
        /// </summary>
        private static string ListProblem(System.Collections.IList list)
        {
            var items = UnquotedList.Items(list);
            var written = string.Join(",", items);
            var withPoint = written.Replace(',', '.');
            if (list.Count == 2 && ReadText(withPoint, out var pointProblem) is not null && pointProblem is null)
                return $"{written} was read by PowerShell as a list of two values, {string.Join(" and ", items)}: {DecimalMarkAdvice}, '{withPoint}' (durations read the same in every culture)";
            return $"a list of {list.Count} values is not a duration: give one. {char.ToUpperInvariant(Forms[0])}{Forms.Substring(1)}";
        }

        private static bool IsInteger(IConvertible value) => value.GetTypeCode() switch
        {
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
                or TypeCode.Int64 or TypeCode.UInt64 => true,
            _ => false,
        };

        private static TimeSpan? ReadText(string text, out string? problem)
        {
            problem = null;
            if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
                return FromSeconds(seconds, out problem);

            var match = WithUnit.Match(text);
            if (match.Success)
            {
                var amount = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
                var unit = char.ToLowerInvariant(match.Groups["unit"].Value[0]);
                var scale = unit switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => 86400 };
                return FromSeconds(amount * scale, out problem);
            }

            match = Clock.Match(text);
            if (match.Success)
            {
                var total = double.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) * 3600
                    + double.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) * 60
                    + (match.Groups["s"].Success ? double.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture) : 0);
                return FromSeconds(total, out problem);
            }

            // 'd.hh:mm:ss' and the other forms TimeSpan writes, so a value copied from PowerShell's output reads back.
            if (TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var span) && text.Contains("."))
                return span;

            // '1,5h', as a comma-decimal culture (de-DE) writes it: the forms read alike in every culture, with a point.
            var withPoint = text.Replace(',', '.');
            if (withPoint != text && ReadText(withPoint, out var pointProblem) is not null && pointProblem is null)
            {
                problem = $"'{text}' is not a duration: {DecimalMarkAdvice}, '{withPoint}' (durations read the same in every culture)";
                return null;
            }

            problem = $"'{text}' is not a duration: {Forms}";
            return null;
        }

        /// <summary>
        /// A duration as <see cref="Read"/> reads it back and an admin writes it: '48h', '90m', '45s', and whole days from 4
        /// days on ('5d'; up to 72 hours, the most an SMS may have, in hours). For -WhatIf and -Confirm.
        /// </summary>
        public static string Written(TimeSpan validity)
        {
            var seconds = validity.TotalSeconds;
            if (seconds >= 4 * 86400 && seconds % 86400 == 0) return (seconds / 86400).ToString(CultureInfo.InvariantCulture) + "d";
            if (seconds > 0 && seconds % 3600 == 0) return (seconds / 3600).ToString(CultureInfo.InvariantCulture) + "h";
            if (seconds > 0 && seconds % 60 == 0) return (seconds / 60).ToString(CultureInfo.InvariantCulture) + "m";
            return seconds.ToString(CultureInfo.InvariantCulture) + "s";
        }

        private static TimeSpan? FromSeconds(double seconds, out string? problem)
        {
            problem = null;
            // Far beyond any limit, but within TimeSpan: the validator then names the real limit.
            if (double.IsNaN(seconds) || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
            {
                problem = $"{seconds.ToString(CultureInfo.InvariantCulture)} seconds is out of range: {Forms}";
                return null;
            }
            return TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
        }
    }
}
