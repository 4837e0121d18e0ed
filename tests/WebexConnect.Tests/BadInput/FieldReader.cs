using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Tests.BadInput
{
    /// <summary>
    /// Reads typed values from the text of a row, collecting a problem that names the field for any value
    /// it cannot read. A stand-in for what the Composition layer (and PowerShell's binder) does.
    /// </summary>
    internal sealed class FieldReader
    {
        private readonly List<ValidationProblem> _problems = new List<ValidationProblem>();

        internal IReadOnlyList<ValidationProblem> Problems => _problems;

        internal void Add(string field, string message) => _problems.Add(new ValidationProblem(field, message));

        /// <summary>The longest input value echoed whole in a message; longer ones are cut with "…".</summary>
        internal const int MaxEchoedCharacters = 60;

        /// <summary>A value as a message quotes it: whole up to 60 characters, else its start, "…" and its length.</summary>
        internal static string Echo(string value)
        {
            if (value.Length <= MaxEchoedCharacters) return "'" + value + "'";
            var cut = MaxEchoedCharacters - 1;
            if (char.IsHighSurrogate(value[cut - 1])) cut--; // never split an emoji
            return "'" + value.Substring(0, cut) + "…' (" + value.Length.ToString(CultureInfo.InvariantCulture) + " characters)";
        }

        internal T? Enum<T>(string field, string? value) where T : struct, System.Enum
        {
            if (string.IsNullOrEmpty(value)) return null;
            var names = System.Enum.GetNames(typeof(T));
            var name = names.FirstOrDefault(n => string.Equals(n, value!.Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is not null) return (T)System.Enum.Parse(typeof(T), name);
            Add(field, $"{Echo(value!)} is not one of {string.Join(", ", names)}");
            return null;
        }

        internal DateTimeOffset? Date(string field, string? value)
        {
            if (string.IsNullOrEmpty(value)) return null;
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)) return time;
            Add(field, $"{Echo(value!)} is not a date and time: use ISO 8601 with an offset, e.g. 2026-03-10T09:30:00Z");
            return null;
        }

        /// <summary>Validity as whole or fractional seconds (fractions are left for the validator to refuse).</summary>
        internal TimeSpan? Seconds(string field, string? value)
        {
            if (string.IsNullOrEmpty(value)) return null;
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && !double.IsNaN(seconds) && !double.IsInfinity(seconds))
                return TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));
            Add(field, $"{Echo(value!)} is not a number of seconds: give whole seconds, e.g. 3600");
            return null;
        }

        internal bool? Bool(string field, string? value)
        {
            if (string.IsNullOrEmpty(value)) return null;
            if (bool.TryParse(value!.Trim(), out var flag)) return flag;
            Add(field, $"{Echo(value!)} is not true or false");
            return null;
        }

        /// <summary>A ';'-separated list; empty when the value is empty.</summary>
        internal static IReadOnlyList<string> List(string? value) =>
            string.IsNullOrEmpty(value) ? Array.Empty<string>() : value!.Split(';');
    }
}
