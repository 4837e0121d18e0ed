using System;
using System.Collections.Generic;
using WebexConnect.Commands;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// Each row's expiry from its ExpireAt or Validity column, read from the columns the command reads anyway (InputRow),
    /// by the rules of -ExpireAt and -Validity on the command line: an admin's CSV of reminders, each valid until its
    /// appointment. Not through PowerShell's binder, which would look both names up on every row of every CSV
    /// (<see cref="RowColumnAttribute"/>): whether a row layout has such a column is found once per layout (a CSV has one),
    /// so a run whose rows have neither pays two comparisons a row.
    /// </summary>
    /// <remarks>
    /// A cell that cannot be read is that row's problem, never an exception out of the row, and the row goes without it: it
    /// is Invalid. A time in the past, beyond the limits of API.md or not after the row's SendAt is the checks' to refuse
    /// (CommonRules), as it is for the command line's. Given -ExpireAt or -Validity, the command reads neither column: the
    /// command line sets every row's, and the composer warns that the column is not read (PipelineColumns.GivenOnCommandLine).
    /// </remarks>
    internal sealed class RowExpiry
    {
        // Made when a layout has an ExpireAt column: a run without one makes none.
        private RowTimeArgumentAttribute? _time;
        // -ExpireAt and -Validity as the command line gave them: with either, every row's, and no column is read.
        private readonly DateTimeOffset? _expireAtGiven;
        private readonly TimeSpan? _validityGiven;
        private readonly bool _readsColumns;
        // The layout the columns were looked for in (RecordComposer.Layouts), and where they are in it (-1: not there).
        private int _layout = -1;
        private int _expireAtColumn = -1;
        private int _validityColumn = -1;

        /// <summary>The parameter, and the column, that gives a time.</summary>
        public const string ExpireAt = "ExpireAt";

        /// <summary>The parameter, and the column, that gives a duration.</summary>
        public const string Validity = "Validity";

        /// <summary>-ExpireAt from the command line; null without, and for one that is no time (refused before any row is read).</summary>
        public DateTimeOffset? ExpireAtGiven => _expireAtGiven;

        /// <summary>-Validity from the command line; null without, and for one that is no duration.</summary>
        public TimeSpan? ValidityGiven => _validityGiven;

        /// <param name="expireAtGiven">-ExpireAt from the command line, null without.</param>
        /// <param name="validityGiven">-Validity from the command line, null without.</param>
        public RowExpiry(DateTimeOffset? expireAtGiven, TimeSpan? validityGiven)
        {
            _expireAtGiven = expireAtGiven;
            _validityGiven = validityGiven;
            _readsColumns = expireAtGiven is null && validityGiven is null;
        }

        /// <summary>
        /// The row's expiry into <paramref name="expireAt"/> and <paramref name="validity"/>: the command line's, else its
        /// cells' (null where a cell is empty or cannot be read, or there is no such column); and what is wrong with its
        /// cells, null when nothing is (the usual row).
        /// </summary>
        /// <param name="row">The row's columns.</param>
        /// <param name="layout">
        /// The number of the composer's layout the row has (<see cref="RecordComposer.Layouts"/>): the columns are looked for
        /// when it changes, not on every row.
        /// </param>
        /// <param name="expireAt">The row's ExpireAt.</param>
        /// <param name="validity">The row's Validity.</param>
        public List<ValidationProblem>? Read(InputRow row, int layout, out DateTimeOffset? expireAt, out TimeSpan? validity)
        {
            expireAt = _expireAtGiven;
            validity = _validityGiven;
            if (!_readsColumns) return null;
            if (layout != _layout) Find(row, layout);
            if (_expireAtColumn < 0 && _validityColumn < 0) return null;

            List<ValidationProblem>? problems = null;
            if (_expireAtColumn >= 0)
            {
                var cell = row.Columns[_expireAtColumn].Value;
                expireAt = (_time ??= new RowTimeArgumentAttribute(ExpireAt)).ReadCell(cell, out var refused);
                if (refused is not null) (problems ??= new List<ValidationProblem>(2)).Add(refused.ProblemOfColumn(ExpireAt, "for no expiry"));
            }
            if (_validityColumn >= 0)
            {
                var cell = row.Columns[_validityColumn].Value;
                var value = cell is System.Management.Automation.PSObject wrapped ? wrapped.BaseObject : cell;
                if (!SubstitutionText.IsNothing(value) && !(value is string text && string.IsNullOrWhiteSpace(text)))
                {
                    validity = ValidityText.Read(value, out var problem);
                    if (problem is not null)
                        // Named once, by the field (the column as the file spells it), as a SendAt cell is (UnreadableTime).
                        (problems ??= new List<ValidationProblem>(1)).Add(new ValidationProblem(Validity, problem + "; or leave the cell empty for none"));
                }
            }
            return problems;
        }

        /// <summary>Where the row's ExpireAt and Validity columns are, by their exact names in any casing, as a bound column's.</summary>
        private void Find(InputRow row, int layout)
        {
            _layout = layout;
            _expireAtColumn = _validityColumn = -1;
            var columns = row.Columns;
            for (var i = 0; i < columns.Count; i++)
            {
                if (_expireAtColumn < 0 && string.Equals(columns[i].Key, ExpireAt, StringComparison.OrdinalIgnoreCase)) _expireAtColumn = i;
                else if (_validityColumn < 0 && string.Equals(columns[i].Key, Validity, StringComparison.OrdinalIgnoreCase)) _validityColumn = i;
            }
        }
    }
}
