using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>The one line a send cmdlet reports for a row it will not send: "Row 12: To: ...; Text: ...".</summary>
    internal static class RowErrorText
    {
        /// <param name="row">The row's position in the input, counting from 1 (the first data row).</param>
        /// <param name="problems">Every problem of the row, in the order they are to be read.</param>
        internal static string Format(long row, IReadOnlyList<ValidationProblem> problems)
        {
            if (problems is null) throw new ArgumentNullException(nameof(problems));
            if (problems.Count == 0) throw new ArgumentException("a row with no problems has no error text", nameof(problems));
            return Prefix(row) + Join(problems);
        }

        /// <summary>"Row 12: ", what every message about one row starts with.</summary>
        internal static string Prefix(long row) => "Row " + row.ToString(CultureInfo.InvariantCulture) + ": ";

        /// <summary>The problems alone, "To: ...; Text: ...": the row's text after "Row N: " (Measure-ConnectSms's Reason).</summary>
        internal static string Join(IReadOnlyList<ValidationProblem> problems)
        {
            if (problems is null) throw new ArgumentNullException(nameof(problems));
            // Rules quote values through InputEcho already; this also covers a field name or a message that
            // carries raw input (a substitution's name), so no NUL or newline ever splits the line.
            return InputEcho.Visible(string.Join("; ", SaidOnce(problems)));
        }

        /// <summary>
        /// "Field: message" for each problem, with one message that several fields share said once, under all of them:
        /// "Subject and Text: $(Nmae) has no value ...". Before, a $(Nmae) in the subject and the body gave each row's
        /// reason the same two lines of advice twice.
        /// </summary>
        private static IEnumerable<string> SaidOnce(IReadOnlyList<ValidationProblem> problems)
        {
            if (problems.Count == 1) return new[] { problems[0].ToString() };
            var said = new List<string>(problems.Count);
            var told = new bool[problems.Count];
            for (var i = 0; i < problems.Count; i++)
            {
                if (told[i]) continue;
                List<string>? fields = null;
                for (var j = i + 1; j < problems.Count; j++)
                {
                    if (told[j] || !string.Equals(problems[j].Message, problems[i].Message, StringComparison.Ordinal)) continue;
                    told[j] = true;
                    // The same field twice (two problems that say the same of it) is named once.
                    fields ??= new List<string> { problems[i].Field };
                    if (!fields.Contains(problems[j].Field)) fields.Add(problems[j].Field);
                }
                said.Add(fields is null ? problems[i].ToString() : WordList.And(fields) + ": " + problems[i].Message);
            }
            return said;
        }
    }
}
