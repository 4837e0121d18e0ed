using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>Whether a piped object gave Measure-ConnectSms a real text, or only PowerShell's string form of a row.</summary>
    internal static class MeasureInput
    {
        public const string NoTextColumnErrorId = "NoTextColumn";

        /// <summary>
        /// "Row 2 has no Text column to measure (the row has the columns 'Phone', 'Message'). If the column 'Message' is the
        /// text, give -Text '$(Message)' ...": the row's columns and, as Send-ConnectSms says it, the column that looks like the
        /// text. Before, only "Row 2 has no Text column to measure", and the admin was left to guess what -Text should be.
        /// </summary>
        public static string NoTextColumn(long rowNumber, InputRow row) =>
            $"Row {rowNumber} has no Text column to measure{RecordComposer.ColumnsOf(row)}. Pipe objects with a Text property, or give -Text." +
            MissingContent.TextColumnAdvice(row);

        /// <summary>
        /// The stop when the first two piped rows have the same columns and neither a Text column, and no -Text was given: a
        /// CSV's rows all have the first row's columns, so every row would be refused. Before, each row of the CSV got its
        /// own NoTextColumn error: 5,000 of them for Import-Csv texts.csv | Measure-ConnectSms.
        /// </summary>
        public static string NoTextColumnInAnyRow(InputRow firstRow) =>
            "The command line has no -Text and the rows no Text column" + RecordComposer.ColumnsOf(firstRow).Replace("(the row has", "(the first row has") +
            ", so no row can be measured: nothing was measured. Give -Text, or pipe objects with a Text property." + MissingContent.TextColumnAdvice(firstRow);

        /// <param name="piped">The piped object's base object; null when nothing was piped.</param>
        /// <param name="row">Its columns, as <see cref="InputRow.Read"/> reads them.</param>
        /// <param name="textOnCommandLine">-Text was given on the command line, so it applies to every row.</param>
        /// <returns>
        /// True for an object (not a string or number) without a Text property, or a hashtable without a Text key (whose
        /// keys the cmdlet binds itself: DictionaryRowBinding).
        /// </returns>
        public static bool IsRowWithoutText(object? piped, InputRow row, bool textOnCommandLine)
        {
            if (row is null) throw new ArgumentNullException(nameof(row));
            if (textOnCommandLine || piped is null || piped is string || piped is ValueType) return false;
            return !row.Columns.Any(c => string.Equals(c.Key, "Text", StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>
        /// The text to measure: -Text from the command line, else a plain value piped by itself (-Text binds by property
        /// name only, so a piped string arrives as -InputObject), else the row's Text column. A Text cell that is
        /// empty or missing from a short CSV line measures as empty text. Null when there is nothing at all.
        /// </summary>
        public static string? TextOf(object? piped, string? boundText, bool textOnCommandLine)
        {
            if (textOnCommandLine) return boundText ?? "";
            if (piped is string text) return text;
            if (piped is IFormattable value && piped is ValueType) return value.ToString(null, CultureInfo.InvariantCulture);
            if (piped is null) return boundText;
            return boundText ?? "";
        }

        /// <summary>
        /// The row's columns that Send-ConnectSms -SubstitutionColumn <paramref name="wanted"/> sends as substitutions, in the
        /// row's spelling, and its problems with them in its words (<see cref="RecordComposer.NoNamedColumn"/>): a name the row
        /// has no column for, a column that holds a list or an object (left out, as Send-ConnectSms leaves it out).
        /// </summary>
        public static InputRow NamedColumns(InputRow row, IReadOnlyList<string> wanted, List<ValidationProblem> problems)
        {
            if (row is null) throw new ArgumentNullException(nameof(row));
            var kept = new List<KeyValuePair<string, object?>>();
            foreach (var name in wanted)
            {
                var found = row.Columns.FirstOrDefault(c => string.Equals(c.Key, name, StringComparison.OrdinalIgnoreCase));
                if (found.Key is null) problems.Add(RecordComposer.NoNamedColumn(name));
                else if (!SubstitutionText.TryOf(found.Value, out _)) problems.Add(RecordComposer.UnusableNamedColumn(found));
                else if (!kept.Any(c => c.Key == found.Key)) kept.Add(found);
            }
            return new InputRow(kept);
        }

        /// <summary>
        /// The text as the row's recipient would get it: its $(name) variables filled from the row's columns, as
        /// Send-ConnectSms fills them. `Import-Csv | Measure-ConnectSms -Text 'Hi $(Name) ...'`, the command line an admin
        /// copies from Send-ConnectSms, measured "Hi $(Name)" for every row: the same parts for "Hi Al" and for a name of
        /// 30 characters, and GSM-7 for a row whose name holds an accent outside GSM-7 that makes it Unicode. A variable
        /// no column fills takes the -Substitution value of its name (<paramref name="shared"/>), else stays as written, as
        /// Send-ConnectSms -AllowMissingSubstitution would send it (<see cref="VariableProblems"/> says whether it would).
        /// The columns Send-ConnectSms reads as a parameter (<paramref name="readByParameters"/>: Phone, CorrelationId, Text...)
        /// are no substitutions there, so they fill nothing here either.
        /// </summary>
        public static string Personalise(string text, InputRow row, IReadOnlyDictionary<string, string> shared, IReadOnlyCollection<string> readByParameters)
        {
            if (row is null) throw new ArgumentNullException(nameof(row));
            if (shared is null) throw new ArgumentNullException(nameof(shared));
            if ((row.Columns.Count == 0 && shared.Count == 0) || text.IndexOf("$(", StringComparison.Ordinal) < 0) return text;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var column in row.Columns)
            {
                if (readByParameters.Contains(column.Key)) continue;
                // A list or an object is no value Send-ConnectSms would send: its variable stays as written.
                if (SubstitutionText.TryOfCell(column.Value, out var value) && !values.ContainsKey(column.Key)) values.Add(column.Key, value);
            }
            return SubstitutionText.Apply(text, shared, values);
        }

        /// <summary>
        /// Why Send-ConnectSms would refuse a piped row for the variables of its text, in its words (PersonalisedText): a
        /// $(name) that no column and no -Substitution key fills (unless <paramref name="allowMissing"/>), whose column is
        /// $null (unless <paramref name="allowMissing"/>), or whose column holds a list or an object. Before, Measure-ConnectSms
        /// said CanSend True for "Hi $(Nmae)" and Send-ConnectSms then made every row Invalid. A text with no row (given
        /// alone, or piped as a string) has no columns to check: it is measured as written and never refused for them.
        /// </summary>
        public static IReadOnlyList<ValidationProblem> VariableProblems(string text, InputRow row, IReadOnlyDictionary<string, string> shared,
            IReadOnlyCollection<string> readByParameters, bool allowMissing, InputRow? beforeNamedColumns = null)
        {
            if (row is null) throw new ArgumentNullException(nameof(row));
            if (shared is null) throw new ArgumentNullException(nameof(shared));
            // A row that -SubstitutionColumn (<paramref name="beforeNamedColumns"/>: the row as piped) left without columns is
            // still a row, whose variables nothing fills.
            if ((row.Columns.Count == 0 && beforeNamedColumns is null) || text.IndexOf("$(", StringComparison.Ordinal) < 0) return Array.Empty<ValidationProblem>();
            var problems = new ProblemList();
            foreach (var name in PersonalisedText.VariablesIn(text))
            {
                var named = row.Columns.FirstOrDefault(c => string.Equals(c.Key, name, StringComparison.Ordinal));
                var consumed = named.Key is not null && readByParameters.Contains(name);
                if (named.Key is null || consumed)
                {
                    if (!allowMissing && !shared.ContainsKey(name))
                        problems.Add("Text", consumed
                            ? PersonalisedText.ConsumedColumn(name)
                            : PersonalisedText.HasColumn(beforeNamedColumns?.Columns, name)
                            ? PersonalisedText.ColumnNotNamed(name)
                            : PersonalisedText.NoValue(name, row.Columns.Select(c => c.Key).Where(k => !readByParameters.Contains(k)), shared.Keys.ToList()));
                }
                else if (SubstitutionText.IsNothing(named.Value))
                {
                    if (!allowMissing) problems.Add("Text", PersonalisedText.EmptyColumn(name));
                }
                else if (!SubstitutionText.TryOf(named.Value, out _))
                {
                    problems.Add("Text", PersonalisedText.UnusableColumn(name, SubstitutionText.Describe(named.Value)));
                }
            }
            return problems.ToList();
        }
    }
}
