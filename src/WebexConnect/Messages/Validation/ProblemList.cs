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

        /// <summary>Adds a problem whose fix reads <paramref name="forRow"/> for a row's cell, <paramref name="forCommandLine"/> for the command line's value.</summary>
        internal void AddWorded(string field, string forRow, string forCommandLine) =>
            (_problems ??= new List<ValidationProblem>()).Add(ValidationProblem.Worded(field, forRow, forCommandLine));

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

        /// <summary>
        /// Joins the problems from position <paramref name="from"/> on that say the same of several items of
        /// <paramref name="collection"/> into one that lists the items, PowerShell's way: "Cards[0,2].MediaHeight". Before, a
        /// carousel of three Tall cards had the same sentence three times in one error, a line and a half each at 80 columns.
        /// </summary>
        internal void JoinAcrossItems(int from, string collection)
        {
            if (_problems is null || _problems.Count - from < 2) return;
            for (var i = from; i < _problems.Count; i++)
            {
                if (!SplitIndexed(_problems[i].Field, collection, out var index, out var rest)) continue;
                var indexes = new List<string> { index };
                for (var j = i + 1; j < _problems.Count;)
                {
                    if (SplitIndexed(_problems[j].Field, collection, out var other, out var otherRest) && otherRest == rest &&
                        _problems[j].Message == _problems[i].Message)
                    {
                        indexes.Add(other);
                        _problems.RemoveAt(j);
                    }
                    else j++;
                }
                if (indexes.Count > 1) _problems[i] = _problems[i].For(collection + "[" + string.Join(",", indexes) + "]" + rest);
            }
        }

        /// <summary>"Cards[2].Title" as "2" and ".Title", when it is a field of an item of <paramref name="collection"/>.</summary>
        private static bool SplitIndexed(string field, string collection, out string index, out string rest)
        {
            index = rest = "";
            var open = collection.Length;
            if (field.Length <= open || field[open] != '[' || !field.StartsWith(collection, System.StringComparison.Ordinal)) return false;
            var close = field.IndexOf(']', open);
            if (close < 0) return false;
            index = field.Substring(open + 1, close - open - 1);
            rest = field.Substring(close + 1);
            return true;
        }

        /// <summary>"Cards[2].Title": the PowerShell-ish name of an item's field.</summary>
        internal static string Indexed(string collection, int index) =>
            collection + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
    }
}
