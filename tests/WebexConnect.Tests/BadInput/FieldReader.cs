using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Tests.BadInput
{
    /// <summary>
    /// Reads typed values from the text of a row, collecting a problem that names the field for any value
    /// it cannot read. A stand-in for PowerShell's parameter binding (an enum name, a date, a TimeSpan from
    /// a cell), which has no module code to route the corpus through; values are quoted as the validator
    /// quotes them (<see cref="InputEcho"/>).
    /// </summary>
    internal sealed class FieldReader
    {
        private readonly List<ValidationProblem> _problems = new List<ValidationProblem>();

        internal IReadOnlyList<ValidationProblem> Problems => _problems;

        internal void Add(string field, string message) => _problems.Add(new ValidationProblem(field, message));

        internal T? Enum<T>(string field, string? value) where T : struct, System.Enum
        {
            if (string.IsNullOrEmpty(value)) return null;
            var names = System.Enum.GetNames(typeof(T));
            var name = names.FirstOrDefault(n => string.Equals(n, value!.Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is not null) return (T)System.Enum.Parse(typeof(T), name);
            Add(field, $"{InputEcho.Quote(value!)} is not one of {string.Join(", ", names)}");
            return null;
        }

        internal DateTimeOffset? Date(string field, string? value)
        {
            if (string.IsNullOrEmpty(value)) return null;
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)) return time;
            Add(field, $"{InputEcho.Quote(value!)} is not a date and time: use ISO 8601 with an offset, e.g. 2026-03-10T09:30:00Z");
            return null;
        }

        /// <summary>Validity as whole or fractional seconds (fractions are left for the validator to refuse).</summary>
        internal TimeSpan? Seconds(string field, string? value)
        {
            if (string.IsNullOrEmpty(value)) return null;
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && !double.IsNaN(seconds) && !double.IsInfinity(seconds))
                return TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));
            Add(field, $"{InputEcho.Quote(value!)} is not a number of seconds: give whole seconds, e.g. 3600");
            return null;
        }

        internal bool? Bool(string field, string? value)
        {
            if (string.IsNullOrEmpty(value)) return null;
            if (bool.TryParse(value!.Trim(), out var flag)) return flag;
            Add(field, $"{InputEcho.Quote(value!)} is not true or false");
            return null;
        }

        /// <summary>A ';'-separated list; empty when the value is empty.</summary>
        internal static IReadOnlyList<string> List(string? value) =>
            string.IsNullOrEmpty(value) ? Array.Empty<string>() : value!.Split(';');
    }
}
