using System;
using System.Globalization;
using System.Management.Automation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Lets -SendAt and -ExpireAt take a Unix time in seconds (1796461512, or the same digits as text), as the vendor's
    /// page documents for sendAt and expireAt and as scripts moved from Invoke-RestMethod carry them. PowerShell alone
    /// answers 'Cannot convert value "1796461512" to type "System.DateTimeOffset"'. A number of milliseconds (13 digits,
    /// [DateTimeOffset]::Now.ToUnixTimeMilliseconds()) is refused by name rather than read as a date in the year 58000.
    /// Anything else (a [datetime], other text) is left to PowerShell's own conversion; ISO 8601 text to IsoDateArgument.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class UnixTimeArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <summary>
        /// The numbers read as seconds: from 1,000,000,000 (September 2001) to 99,999,999,999 (the year 5138). A millisecond
        /// count of today has 13 digits; a shorter number (20261203, a date typed without separators) is no Unix time of
        /// this century, and is refused rather than read as a day in 1970.
        /// </summary>
        private const long MinSeconds = 1_000_000_000, MaxSeconds = 99_999_999_999;

        public UnixTimeArgumentAttribute(string parameterName) => ParameterName = parameterName;

        /// <summary>The parameter as the message names it ("SendAt").</summary>
        public string ParameterName { get; }

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (!TryWholeNumber(value, out var seconds)) return inputData;
            if (seconds < MinSeconds || seconds > MaxSeconds)
                throw new ArgumentTransformationMetadataException(
                    $"-{ParameterName} {seconds.ToString(CultureInfo.InvariantCulture)} is not a Unix time in seconds" +
                    (seconds > MaxSeconds ? " (it looks like milliseconds: divide it by 1000)" : "") +
                    ". Give a [datetime], ISO 8601 text with an offset ('2026-12-03T09:00:00+01:00') or a Unix time in seconds.");
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        private static bool TryWholeNumber(object? value, out long number)
        {
            number = 0;
            switch (value)
            {
                case int i: number = i; return true;
                case long l: number = l; return true;
                case uint u: number = u; return true;
                case decimal d when d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue: number = (long)d; return true;
                case double x when x == Math.Floor(x) && Math.Abs(x) < 9e18: number = (long)x; return true;
                // Digits only: a date written as text ('2026-12-03T09:00:00+01:00') has other characters, and PowerShell reads it.
                case string text:
                    var trimmed = text.Trim();
                    return trimmed.Length is > 0 and <= 18 && IsDigits(trimmed) && long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out number);
                default: return false;
            }
        }

        private static bool IsDigits(string text)
        {
            foreach (var c in text)
                if (c < '0' || c > '9') return false;
            return true;
        }
    }
}
