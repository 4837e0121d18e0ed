using System.Collections.Generic;
using System.Globalization;

namespace WebexConnect.Messages.Validation
{
    /// <summary>Collects every broken rule of one message, so the user sees them all at once.</summary>
    internal sealed class ProblemList
    {
        private readonly List<ValidationProblem> _problems = new List<ValidationProblem>();

        internal void Add(string field, string message) => _problems.Add(new ValidationProblem(field, message));

        internal IReadOnlyList<ValidationProblem> ToList() => _problems.ToArray();

        internal int Count => _problems.Count;

        internal void Clear() => _problems.Clear();

        /// <summary>"Cards[2].Title": the PowerShell-ish name of an item's field.</summary>
        internal static string Indexed(string collection, int index) =>
            collection + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
    }
}
