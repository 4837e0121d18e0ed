using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>One pipeline record turned into a destination object, with what was wrong with it.</summary>
    internal sealed class ComposedRecord
    {
        public ComposedRecord(Recipient recipient, IReadOnlyList<ValidationProblem> problems, IReadOnlyList<string>? notes = null)
        {
            Recipient = recipient;
            Problems = problems;
            Notes = notes ?? Array.Empty<string>();
        }

        public Recipient Recipient { get; }

        /// <summary>Problems found while reading the row (not the API rules: MessageValidator checks those).</summary>
        public IReadOnlyList<ValidationProblem> Problems { get; }

        /// <summary>What was done to the row that the user should be able to see (-Verbose), e.g. a repeated address sent once.</summary>
        public IReadOnlyList<string> Notes { get; }
    }

    /// <summary>
    /// Turns the values bound for one record (-To, -CorrelationId) and the row's other columns into a
    /// <see cref="Recipient"/>. Columns that a parameter consumed never become substitutions; the rest do,
    /// unless -SubstitutionColumn names the ones to use.
    /// </summary>
    internal sealed class RecordComposer
    {
        private readonly IReadOnlyCollection<string> _boundColumns;
        private readonly IReadOnlyList<string>? _substitutionColumns;
        private readonly IReadOnlyDictionary<string, string> _singleValued;

        /// <param name="boundColumns">Column names consumed by parameters (see <see cref="PipelineColumns"/>).</param>
        /// <param name="substitutionColumns">-SubstitutionColumn: the only columns to use, or null for all the others.</param>
        /// <param name="singleValued">Columns bound to a one-value parameter (<see cref="PipelineColumns.SingleValued"/>): a list there is refused.</param>
        public RecordComposer(IReadOnlyCollection<string> boundColumns, IReadOnlyList<string>? substitutionColumns,
            IReadOnlyDictionary<string, string>? singleValued = null)
        {
            _singleValued = singleValued ?? new Dictionary<string, string>();
            _boundColumns = boundColumns;
            _substitutionColumns = substitutionColumns is { Count: > 0 } ? substitutionColumns : null;
        }

        public ComposedRecord Compose(IReadOnlyList<ConnectDestination>? to, string? correlationId, InputRow row,
            IReadOnlyList<string>? gtrIds = null)
        {
            var problems = new List<ValidationProblem>();
            var given = (to ?? Array.Empty<ConnectDestination>()).Where(d => d != null).Select(d => d.Address).ToArray();
            if (given.Length == 0)
                problems.Add(new ValidationProblem("To", "no destination: give -To or a column named To, Phone, Email or one of their aliases"));
            var addresses = RepeatedAddresses.SendOnce(given, out var notes);
            problems.AddRange(ListsInSingleValues(row));

            var substitutions = _substitutionColumns is null ? RemainingColumns(row) : NamedColumns(row, problems);
            var recipient = new Recipient(addresses, string.IsNullOrEmpty(correlationId) ? null : correlationId, substitutions,
                gtrIds is { Count: > 0 } ? gtrIds : null);
            return new ComposedRecord(recipient, problems, notes);
        }

        /// <summary>A column whose parameter takes one value but which holds a list: PowerShell would drop the value silently.</summary>
        private IEnumerable<ValidationProblem> ListsInSingleValues(InputRow row)
        {
            if (_singleValued.Count == 0) yield break;
            foreach (var column in row.Columns)
            {
                if (!_singleValued.TryGetValue(column.Key, out var parameter)) continue;
                var value = column.Value is System.Management.Automation.PSObject wrapped ? wrapped.BaseObject : column.Value;
                if (value is string || value is System.Collections.IDictionary || !(value is System.Collections.IEnumerable list)) continue;
                var items = list.Cast<object?>().Select(SubstitutionText.Of).ToArray();
                yield return new ValidationProblem(parameter,
                    $"the column {InputEcho.Quote(column.Key)} holds a list of {items.Length} values ({SubstitutionText.Abbreviate(items)}) " +
                    "where one value is expected: give one value per row");
            }
        }

        private IReadOnlyDictionary<string, string> RemainingColumns(InputRow row)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var column in row.Columns)
            {
                if (_boundColumns.Contains(column.Key)) continue;
                result[column.Key] = SubstitutionText.Of(column.Value);
            }
            return result;
        }

        private IReadOnlyDictionary<string, string> NamedColumns(InputRow row, List<ValidationProblem> problems)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var wanted in _substitutionColumns!)
            {
                // PowerShell matches property names without regard to case; so do we, but keep the row's spelling.
                var found = row.Columns.Where(c => string.Equals(c.Key, wanted, StringComparison.OrdinalIgnoreCase)).ToArray();
                if (found.Length == 0)
                {
                    problems.Add(new ValidationProblem("SubstitutionColumn", $"the row has no column named {InputEcho.Quote(wanted)}: check the spelling against the CSV header, or leave it out of -SubstitutionColumn"));
                    continue;
                }
                result[found[0].Key] = SubstitutionText.Of(found[0].Value);
            }
            return result;
        }
    }
}
