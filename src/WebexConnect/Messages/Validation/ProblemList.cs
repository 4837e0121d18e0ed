using System.Collections.Generic;
using System.Globalization;

namespace WebexConnect.Messages.Validation
{
    /// <summary>Collects every broken rule of one message, so the user sees them all at once.</summary>
    internal sealed class ProblemList
    {
        // Made at the first problem: the send cmdlets check every row's destination, and the usual row has none.
        private List<ValidationProblem>? _problems;

        internal void Add(string field, string message) => (_problems ??= new List<ValidationProblem>()).Add(new ValidationProblem(field, message));

        /// <summary>Adds a problem whose <paramref name="rowAdvice"/> is shown only when the value came from a row.</summary>
        internal void Add(string field, string message, string rowAdvice) =>
            (_problems ??= new List<ValidationProblem>()).Add(new ValidationProblem(field, message, rowAdvice));

        /// <summary>Adds a problem before the ones from position <paramref name="index"/> on.</summary>
        internal void Insert(int index, string field, string message) =>
            (_problems ??= new List<ValidationProblem>()).Insert(index, new ValidationProblem(field, message));

        /// <summary>
        /// This thread's list for the checks of one destination, emptied: they run for every row, the usual row has no problem,
        /// and a list of its own was 24 B of each row's. For a check that hands back <see cref="ToList"/>'s copy and keeps
        /// nothing; never while another such check on the same thread is using it.
        /// </summary>
        internal static ProblemList OfThisThread()
        {
            var problems = _ofThisThread ??= new ProblemList();
            problems.Clear();
            return problems;
        }

        [System.ThreadStatic]
        private static ProblemList? _ofThisThread;

        internal IReadOnlyList<ValidationProblem> ToList() => _problems is null ? System.Array.Empty<ValidationProblem>() : _problems.ToArray();

        internal int Count => _problems?.Count ?? 0;

        internal void Clear() => _problems?.Clear();

        /// <summary>"Cards[2].Title": the PowerShell-ish name of an item's field.</summary>
        internal static string Indexed(string collection, int index) =>
            collection + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
    }
}
