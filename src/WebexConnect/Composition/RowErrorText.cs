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
            return InputEcho.Visible(string.Join("; ", problems.Select(p => p.ToString())));
        }
    }
}
