using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A send whose first row lacks its content (the text, an email's subject or body) and where nothing could give it to any
    /// row: the command line has none of the parameters that give it, and the first row none of their columns. A CSV's rows all
    /// have the first row's columns, so every row would be refused for the same thing: before, each got an Invalid result and
    /// an error (Import-Csv rcs.csv | Send-ConnectRcs -From app-1: 10,000 of them for 10,000 rows), where a missing -Text is one
    /// problem of the command line. A row with the column but an empty cell keeps its own Invalid result. Piped rows stop at
    /// the second row, when it has the first row's shape (HeldFirstRow): objects of several shapes may give it after all.
    /// </summary>
    internal static class MissingContent
    {
        /// <summary>The stable ErrorId of the stop.</summary>
        public const string ErrorId = "MissingContent";

        /// <summary>
        /// True when none of <paramref name="parameters"/> was given on the command line (<paramref name="bound"/>) and the
        /// first row (<paramref name="columnsOf"/> gives each parameter's column names) has no column for any of them. False
        /// for a parameter no column binds (a model field of no parameter of its own): that is not a content a row could give.
        /// </summary>
        public static bool NothingGives(IEnumerable<string> parameters, ICollection<string> bound, Func<string, IReadOnlyList<string>> columnsOf,
            InputRow firstRow)
        {
            foreach (var parameter in parameters)
            {
                if (bound.Contains(parameter)) return false;
                var names = columnsOf(parameter);
                if (names.Count == 0) return false;
                foreach (var name in names)
                {
                    for (var i = 0; i < firstRow.Columns.Count; i++)
                        if (string.Equals(firstRow.Columns[i].Key, name, StringComparison.OrdinalIgnoreCase)) return false;
                }
            }
            return true;
        }

        /// <summary>
        /// "-Text: the SMS has no text: give -Text or a Text column, or a template (-TemplateId). The command line has no -Text
        /// and the first row no Text column (the row has the columns 'Phone', 'Name'), so every row would be refused: nothing was sent."
        /// Several missing contents (an email with neither subject nor body) are one stop, their problems joined with "; " as
        /// the run-wide stop joins its own: before, only the first was named, and the next run stopped on the second.
        /// </summary>
        /// <param name="missing">Each missing content, in the order the checks found them.</param>
        /// <param name="firstRow">The first row's columns.</param>
        /// <param name="piped">Whether rows were piped in (false: the one row of a -To on the command line).</param>
        public static string Message(IReadOnlyList<Missing> missing, InputRow firstRow, bool piped)
        {
            var parameters = missing.SelectMany(m => m.Givers).Distinct().ToList();
            var names = WordList.Or(parameters.Select(p => "-" + p).ToList());
            var where = !piped ? ""
                : firstRow.Columns.Count == 0 ? " and the rows piped in have no columns"
                : " and the first row no " + WordList.Or(parameters) + " column" + RecordComposer.ColumnsOf(firstRow);
            return string.Join("; ", missing.Select(m => "-" + m.Field + ": " + m.Problem)) + ". The command line has no " + names + where +
                (piped ? ", so every row would be refused: nothing was sent." : ", so nothing was sent.") +
                (piped ? WrittenApartHint(parameters, firstRow) ?? (parameters.Contains("Text") ? TextColumnHint(firstRow) : "") : "");
        }

        /// <summary>
        /// " The column 'Text ' is not read as 'Text': ..." when a column of the first row is one of <paramref name="parameters"/>
        /// written with a space (a header typed 'Text ' in Excel), a hyphen, an underscore or a dot: the error's list of the row's
        /// columns showed 'Text ' beside "no Text column", and left the admin to spot the space. Null when none is.
        /// </summary>
        private static string? WrittenApartHint(IReadOnlyList<string> parameters, InputRow firstRow)
        {
            foreach (var column in firstRow.Columns)
            {
                var joined = RecordComposer.Joined(column.Key);
                if (joined.Length == column.Key.Length) continue;
                var parameter = parameters.FirstOrDefault(p => string.Equals(p, joined, StringComparison.OrdinalIgnoreCase));
                if (parameter is null) continue;
                var name = InputEcho.Quote(column.Key);
                return " The column " + name + " is not read as '" + parameter + "': PowerShell binds a column only by its exact name. " +
                    "Rename it in the CSV header, or on the way in: " + Renamed(parameter, name) + ".";
            }
            return null;
        }

        /// <summary>
        /// What to do when <paramref name="row"/> has no Text column (Measure-ConnectSms says it too): rename a 'Text ' written
        /// apart, or give -Text '$(Message)' for a column named as a text usually is elsewhere; "" when no column looks like one.
        /// </summary>
        public static string TextColumnAdvice(InputRow row) => WrittenApartHint(new[] { "Text" }, row) ?? TextColumnHint(row);

        // The names a CSV made for another system gives its text column: the one word the admin would not guess is the
        // problem, since the column is plainly there.
        private static readonly string[] TextLikeColumns = { "Message", "Body", "Msg", "Content", "SMS" };

        /// <summary>
        /// " If the column 'Message' is the text, give -Text '$(Message)', or rename it: ..." when the first row has a column
        /// named as a text usually is elsewhere; "" otherwise.
        /// </summary>
        private static string TextColumnHint(InputRow firstRow)
        {
            foreach (var column in firstRow.Columns)
            {
                if (!TextLikeColumns.Contains(column.Key, StringComparer.OrdinalIgnoreCase)) continue;
                var name = column.Key;
                return " If the column '" + name + "' is the text, give -Text '$(" + name + ")' (in single quotes, so that each row's " +
                    name + " is put in), or rename the column: " + Renamed("Text", name) + ".";
            }
            return "";
        }

        /// <summary>"Select-Object *, @{ Name = 'Text'; Expression = { $_.Message } }": the rename that binds <paramref name="column"/> as <paramref name="parameter"/>.</summary>
        private static string Renamed(string parameter, string column) =>
            "Select-Object *, @{ Name = '" + parameter + "'; Expression = { $_." + column + " } }";

        /// <summary>One missing content: the parameter its problem is about ("Text"), the problem as the command line's stops
        /// word it, and the parameters that could give it ("Text", "Html").</summary>
        internal sealed class Missing
        {
            public Missing(string field, string problem, IReadOnlyList<string> givers)
            {
                Field = field;
                Problem = problem;
                Givers = givers;
            }

            public string Field { get; }
            public string Problem { get; }
            public IReadOnlyList<string> Givers { get; }
        }
    }
}
