using System;
using System.Collections.Generic;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// Names a row's problem by the column that gave its value, as the file spells it: "Row 2: Mobile: 'notaphone' is not an
    /// E.164 number", not "Row 2: To: ...", when the admin's file has a Mobile column and no To. Before, the reason named the
    /// parameter the column bound, and the admin looked in the file for a column that is not there.
    /// </summary>
    /// <remarks>
    /// Only parameters no one gave on the command line are named so (given there, -To $u.Mobile or a delay-bind script block,
    /// the parameter is what the admin wrote). Asked only of a row with a problem: a valid row costs nothing.
    /// </remarks>
    internal sealed class RowColumnNames
    {
        /// <summary>No parameter takes its value from a column: every problem keeps its parameter's name.</summary>
        public static RowColumnNames None { get; } = new RowColumnNames(new Dictionary<string, IReadOnlyList<string>>());

        // Parameter → the column names that bind it, its own name first then its aliases: PowerShell's binder tries them in that order.
        private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _columnsOf;

        /// <param name="columnsOf">Each parameter that takes its value from a row's column, with the names that bind it, in the binder's order.</param>
        public RowColumnNames(IReadOnlyDictionary<string, IReadOnlyList<string>> columnsOf) => _columnsOf = columnsOf;

        /// <summary>
        /// <paramref name="problems"/>, each told under the column of <paramref name="row"/> that gave its value where that
        /// column's name is not the field's; the same list when none is.
        /// </summary>
        public IReadOnlyList<ValidationProblem> Name(IReadOnlyList<ValidationProblem> problems, InputRow? row)
        {
            if (row is null || row.Columns.Count == 0 || _columnsOf.Count == 0) return problems;
            List<ValidationProblem>? named = null;
            for (var i = 0; i < problems.Count; i++)
            {
                var problem = problems[i];
                if (Renamed(problem, row) is { } renamed)
                {
                    named ??= new List<ValidationProblem>(problems);
                    named[i] = renamed;
                }
            }
            return named ?? problems;
        }

        /// <summary>The problem told under its column, with what a column of digits needs; null when its field names the column already.</summary>
        private ValidationProblem? Renamed(ValidationProblem problem, InputRow row)
        {
            var field = problem.Field;
            // "To", "To[1]" (the second address of a cell), "Attachment[0].Name": the parameter is what comes before [ or '.'.
            var end = field.IndexOfAny(FieldEnds);
            var parameter = end < 0 ? field : field.Substring(0, end);
            if (!_columnsOf.TryGetValue(parameter, out var names) || ColumnOf(names, row) is not { } column) return null;
            if (string.Equals(column.Key, parameter, StringComparison.Ordinal)) return null;
            var renamed = problem.OfParameter(column.Key + field.Substring(parameter.Length));
            return parameter == "To" && DigitsWithoutPlus(column.Value, problem) ? renamed.WithAdvice(PlusAdvice(column.Key)) : renamed;
        }

        private static readonly char[] FieldEnds = { '[', '.' };

        /// <summary>
        /// The row's column that gave one of <paramref name="names"/> its value: the first by the binder's order that holds one (an
        /// empty cell gives way to the next destination column that does: EmptyDestinationCell). Null when none holds a value:
        /// then no column gave one, and the problem ("the row's 'Mobile' column is empty") names the columns itself.
        /// </summary>
        internal static KeyValuePair<string, object?>? ColumnOf(IReadOnlyList<string> names, InputRow row)
        {
            var columns = row.Columns;
            for (var n = 0; n < names.Count; n++)
                for (var i = 0; i < columns.Count; i++)
                {
                    if (!string.Equals(columns[i].Key, names[n], StringComparison.OrdinalIgnoreCase)) continue;
                    var value = Unwrapped(columns[i].Value);
                    if (!SubstitutionText.IsNothing(value) && !(value is string text && string.IsNullOrWhiteSpace(text))) return columns[i];
                }
            return null;
        }

        private static object? Unwrapped(object? value) => value is System.Management.Automation.PSObject wrapped ? wrapped.BaseObject : value;

        /// <summary>
        /// A cell of digits alone that is a number once a + is put before it (a database's or Excel's number column, which
        /// drops the +): its reason says how to put the + back as the rows are read, where editing every cell is no answer.
        /// A number cell counts as its digits: Invoke-Sqlcmd gives a bigint column as [long], whose column cannot hold a +.
        /// </summary>
        private static bool DigitsWithoutPlus(object? cell, ValidationProblem problem)
        {
            var text = Unwrapped(cell) switch
            {
                string s => s,
                long or int or decimal or ulong or uint => Convert.ToString(Unwrapped(cell), System.Globalization.CultureInfo.InvariantCulture),
                _ => null,
            };
            if (text is null) return false;
            text = text.Trim();
            if (text.Length == 0) return false;
            for (var i = 0; i < text.Length; i++)
                if (text[i] < '0' || text[i] > '9') return false;
            return PhoneNumberRule.Check("+" + text) is null && problem.Message.IndexOf("the + is missing", StringComparison.Ordinal) >= 0;
        }

        /// <summary>The shortest fix that works piped: a delay-bind script block gives each row's -To with the + put back.</summary>
        internal static string PlusAdvice(string column) => "; or add the + as rows are read: -To { '+' + $_." + column + " }";
    }
}
