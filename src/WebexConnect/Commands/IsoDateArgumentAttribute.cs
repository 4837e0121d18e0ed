using System;
using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Reads a time written as ISO 8601 text ('2026-12-03', '2026-12-03 09:00', '2026-12-03T09:00:00+01:00') in the
    /// Gregorian calendar, as ISO 8601 defines it, whatever the culture: local time unless it gives an offset or Z.
    /// </summary>
    /// <remarks>
    /// PowerShell reads a parameter's text date in the current culture, and its calendar: in th-TH '2026-12-06 09:00' was
    /// the Buddhist year 2026, 1483 AD (-SendAt: "in the past"; a calendar chip went out as an event in 1483), in fa-IR a
    /// Persian year (2648 AD), and ar-SA refused it. Other text ('06.12.2026', 'tomorrow') is left to PowerShell.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class IsoDateArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <summary>
        /// The shape of the text read here, as a regular expression for text already trimmed (case does not matter). Also what the
        /// repeat advice's Sort-Object reads as such (SentColumns), so that it groups the rows by the moment this reads.
        /// </summary>
        internal const string IsoPattern = @"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)?\s*(?<offset>Z|[+-]\d{2}(:?\d{2})?)?$";

        private static readonly Regex IsoShape = new Regex(IsoPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>
        /// Whether ISO 8601 <paramref name="text"/> gives an offset or Z; null for text of another shape (PowerShell's to read).
        /// </summary>
        public static bool? GivesOffset(string text)
        {
            var match = IsoShape.Match(text.Trim());
            return match.Success ? match.Groups["offset"].Success : (bool?)null;
        }

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (!(value is string text)) return inputData;
            text = text.Trim();
            // A date that does not exist (2026-02-30) is left to PowerShell, whose error names it.
            return IsoShape.IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var time)
                ? time
                : inputData;
        }
    }
}
