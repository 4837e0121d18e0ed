using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Tests.BadInput
{
    /// <summary>
    /// One corpus row turned into what a send cmdlet would have for it: the message its parameters build and
    /// the record the real <see cref="RecordComposer"/> makes of its pipeline columns. Checked by the real
    /// <see cref="MessageChecks"/>, so the corpus tests the cmdlets' own path from a row to an Invalid result.
    /// </summary>
    internal sealed class ComposedRow
    {
        private ComposedRow(MessageChannel channel, ConnectMessage message, ComposedRecord record)
        {
            Channel = channel;
            Message = message;
            Record = record;
        }

        internal MessageChannel Channel { get; }

        internal ConnectMessage Message { get; }

        /// <summary>The record as the cmdlet has it: the destination object and the problems found reading the row.</summary>
        internal ComposedRecord Record { get; }

        internal Recipient Recipient => Record.Recipient;

        /// <summary>
        /// Composes the destination the way a send cmdlet does: the cells of <paramref name="to"/> bound to
        /// -To (a ConnectDestination each, as PowerShell converts them), the row's columns through
        /// RecordComposer with the columns the cmdlet type binds by name kept out of the substitutions.
        /// </summary>
        /// <param name="cmdletType">The send cmdlet whose parameters consume columns (PipelineColumns).</param>
        /// <param name="to">The -To cells; null when the row binds no destination.</param>
        /// <param name="columns">The row's pipeline columns: what Import-Csv would give as properties.</param>
        /// <param name="readProblems">
        /// Values a stand-in could not read (an enum name, a date, a number in a cell). In PowerShell the
        /// parameter binder refuses those before the row reaches the cmdlet; they are kept with the row here
        /// so the corpus can assert on them in the same report.
        /// </param>
        internal static ComposedRow Compose(Type cmdletType, MessageChannel channel, ConnectMessage message, IReadOnlyList<string>? to,
            string? correlationId, IEnumerable<KeyValuePair<string, object?>> columns, IReadOnlyList<string>? gtrIds,
            IReadOnlyList<ValidationProblem> readProblems)
        {
            var composer = new RecordComposer(PipelineColumns.Of(cmdletType), substitutionColumns: null, PipelineColumns.DestinationsOf(cmdletType), PipelineColumns.SingleValued(cmdletType));
            var destinations = to?.Select(address => new ConnectDestination(address)).ToArray();
            var composed = composer.Compose(destinations, correlationId, new InputRow(columns), gtrIds);
            var record = new ComposedRecord(composed.Recipient, readProblems.Concat(composed.Problems).ToArray(), composed.UnusableColumns, composed.Notes, composed.EmptyColumns);
            return new ComposedRow(channel, message, record);
        }

        /// <summary>The checks a send cmdlet runs, with the corpus's fixed "now".</summary>
        internal static MessageChecks Checks(DateTimeOffset now) =>
            new MessageChecks(m => MessageValidator.Validate(m, now), MessageValidator.ValidateRecipient);

        /// <summary>Every problem of the row, as MessageChecks finds them.</summary>
        internal IReadOnlyList<ValidationProblem> Validate(DateTimeOffset now) => Checks(now).Problems(Message, Record);

        /// <summary>The Invalid reason a cmdlet reports for the row, or null when it would be sent.</summary>
        internal string? ErrorText(long row, DateTimeOffset now) => Checks(now).Check(row, Message, Record, inputObject: null)?.Reason;
    }
}
