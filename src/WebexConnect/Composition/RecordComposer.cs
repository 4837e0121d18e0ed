using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>One pipeline record turned into a destination object, with what was wrong with it.</summary>
    internal sealed class ComposedRecord
    {
        private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

        public ComposedRecord(Recipient recipient, IReadOnlyList<ValidationProblem> problems,
            IReadOnlyDictionary<string, string>? unusableColumns = null, IReadOnlyList<string>? notes = null,
            IReadOnlyList<string>? emptyColumns = null, IReadOnlyList<string>? warnings = null, bool isMisreadRow = false,
            IReadOnlyList<string>? consumedColumns = null, IReadOnlyList<KeyValuePair<string, object?>>? rowColumnsWhenNamed = null,
            Recipient? recipientAsGiven = null, string? invalidCode = null)
        {
            ConsumedColumns = consumedColumns ?? Array.Empty<string>();
            Recipient = recipient;
            Problems = problems;
            if (unusableColumns is not null || notes is { Count: > 0 } || emptyColumns is not null || warnings is not null || isMisreadRow ||
                rowColumnsWhenNamed is not null || recipientAsGiven is not null || invalidCode is not null)
                _rare = new Rare(unusableColumns ?? None, notes ?? Array.Empty<string>(), emptyColumns ?? Array.Empty<string>(),
                    warnings ?? Array.Empty<string>(), isMisreadRow, rowColumnsWhenNamed, recipientAsGiven, invalidCode);
        }

        /// <summary>
        /// What few rows have (notes, warnings, empty or unusable columns, untrimmed cells...), made only for a row that has
        /// any: a record that held them all was 96 B for every row, where the usual row's is 48 B.
        /// </summary>
        private readonly Rare? _rare;

        private sealed class Rare
        {
            public Rare(IReadOnlyDictionary<string, string> unusableColumns, IReadOnlyList<string> notes, IReadOnlyList<string> emptyColumns,
                IReadOnlyList<string> warnings, bool isMisreadRow, IReadOnlyList<KeyValuePair<string, object?>>? rowColumnsWhenNamed,
                Recipient? recipientAsGiven, string? invalidCode)
            {
                UnusableColumns = unusableColumns;
                Notes = notes;
                EmptyColumns = emptyColumns;
                Warnings = warnings;
                IsMisreadRow = isMisreadRow;
                RowColumnsWhenNamed = rowColumnsWhenNamed;
                RecipientAsGiven = recipientAsGiven;
                InvalidCode = invalidCode;
            }

            public IReadOnlyDictionary<string, string> UnusableColumns { get; }
            public IReadOnlyList<string> Notes { get; }
            public IReadOnlyList<string> EmptyColumns { get; }
            public IReadOnlyList<string> Warnings { get; }
            public bool IsMisreadRow { get; }
            public IReadOnlyList<KeyValuePair<string, object?>>? RowColumnsWhenNamed { get; }
            public Recipient? RecipientAsGiven { get; }
            public string? InvalidCode { get; }
        }

        public Recipient Recipient { get; }

        /// <summary>
        /// The destination with its substitution values and GTR IDs untrimmed, when a cell had spaces at its ends (DispatchItem.RecipientAsGiven);
        /// else null.
        /// </summary>
        public Recipient? RecipientAsGiven => _rare?.RecipientAsGiven;

        /// <summary>The same record with one more problem (a parameter's value the row gave that the command could not read).</summary>
        public ComposedRecord With(ValidationProblem problem) => With(new[] { problem }, InvalidCode);

        /// <summary>
        /// The same record with more problems, and <paramref name="code"/> as its Invalid result's Code: a one-row call's own
        /// value that the command line gave (OneRowCall), refused under the ErrorId its stop had.
        /// </summary>
        public ComposedRecord With(IReadOnlyList<ValidationProblem> problems, string? code) =>
            new ComposedRecord(Recipient, Problems.Concat(problems).ToList(), UnusableColumns, Notes, EmptyColumns, Warnings, IsMisreadRow,
                ConsumedColumns, RowColumnsWhenNamed, RecipientAsGiven, InvalidCode ?? code);

        /// <summary>
        /// The Code of this record's Invalid result when it is not InvalidInput: the ErrorId of the command-line check that
        /// refused a one-row call's own value (InvalidParameterValue for -Text ''); null for the usual row.
        /// </summary>
        public string? InvalidCode => _rare?.InvalidCode;

        /// <summary>The same record with one more warning, written before the row is sent (a time the clocks show twice).</summary>
        public ComposedRecord WithWarning(string warning) =>
            new ComposedRecord(Recipient, Problems, UnusableColumns, Notes, EmptyColumns, Warnings.Append(warning).ToList(), IsMisreadRow,
                ConsumedColumns, RowColumnsWhenNamed, RecipientAsGiven);

        /// <summary>Problems found while reading the row (not the API rules: MessageValidator checks those).</summary>
        public IReadOnlyList<ValidationProblem> Problems { get; }

        /// <summary>
        /// Columns left out of the substitutions because their value is not one scalar (name → what it holds,
        /// e.g. "an array of 2 values"). Harmless until a $(name) uses one: then the row is Invalid and says why.
        /// </summary>
        public IReadOnlyDictionary<string, string> UnusableColumns => _rare?.UnusableColumns ?? None;

        /// <summary>
        /// Substitution columns whose value is $null (or DBNull): a CSV line with fewer fields than its header, a
        /// property that is not set. Sent as empty values, but a $(name) that uses one makes the row Invalid unless
        /// -AllowMissingSubstitution: "Your code is " must not reach anyone because a line was cut short.
        /// </summary>
        public IReadOnlyList<string> EmptyColumns => _rare?.EmptyColumns ?? Array.Empty<string>();

        /// <summary>
        /// The row's columns that a parameter read (its destination, CorrelationId...), which are therefore not substitutions:
        /// a $(Phone) in the text is not filled from them, and its problem must not say the row has no such column.
        /// </summary>
        public IReadOnlyList<string> ConsumedColumns { get; }

        /// <summary>
        /// Every column of the row when -SubstitutionColumn named the ones to send (null otherwise): a $(Code) the row has a
        /// column for but -SubstitutionColumn leaves out must not be told "the row has no column named 'Code'".
        /// </summary>
        public IReadOnlyList<KeyValuePair<string, object?>>? RowColumnsWhenNamed => _rare?.RowColumnsWhenNamed;

        /// <summary>What was done to the row that the user should be able to see (-Verbose), e.g. a repeated address sent once.</summary>
        public IReadOnlyList<string> Notes => _rare?.Notes ?? Array.Empty<string>();

        /// <summary>What the admin must see before this row goes, once per run (e.g. an ExpireAt column that sets no expiry).</summary>
        public IReadOnlyList<string> Warnings => _rare?.Warnings ?? Array.Empty<string>();

        /// <summary>
        /// The row is not a row of the input as it was meant: a send result piped back, or a line of a file read with the
        /// wrong delimiter or encoding (its whole header one column, or UTF-16 read as UTF-8). Its one problem says so and
        /// how to read or send the input again. What else the rules would find ("$(Name) has no value ... add the column")
        /// follows from that alone, and its advice would lead away from the fix.
        /// </summary>
        public bool IsMisreadRow => _rare?.IsMisreadRow ?? false;
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
        private readonly IReadOnlyList<string> _destinationColumns;
        private readonly string _commandName;
        private readonly IReadOnlyDictionary<string, string> _singleValued;
        private readonly IReadOnlyDictionary<string, string> _parametersNotFromColumns;
        private readonly IReadOnlyCollection<string> _parametersOfOtherSets;
        private readonly IReadOnlyCollection<string> _columnsOfOtherSets;
        private readonly IReadOnlyDictionary<string, string> _givenOnCommandLine;
        private readonly Func<string, string?>? _columnOfOtherCommand;
        private readonly HashSet<string> _warnedColumns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private List<string>? _warnings;

        /// <summary>
        /// The parameters the command line gave as a delay-bind script block (-To { '+' + $_.Mobile }): each row's value comes
        /// from the block, which reads the row, so their columns are not named as unread ("it sets every row" was untrue).
        /// </summary>
        public IReadOnlyCollection<string> ScriptBlockParameters { get; init; } = Array.Empty<string>();

        /// <summary>
        /// True for a column that a script block of the command line reads itself (Send-ConnectRcs -Card { New-ConnectRcsCard
        /// -MediaUrl $_.MediaUrl }): it is not named as unread. Before, "The column 'MediaUrl' is not read" was untrue of it.
        /// </summary>
        public Func<string, bool>? ReadByScript { get; init; }

        // A row's substitutions as they are read (a command composes on its pipeline thread only), and the column
        // names of the last row, which the next row with the same columns shares.
        private readonly List<string> _names = new List<string>();
        private readonly List<string> _texts = new List<string>();
        private string[] _lastNames = Array.Empty<string>();

        // What each column of the last row's layout is to this command, found once for the rows that share it (every row
        // of a CSV): two case-insensitive lookups per column and row otherwise.
        private string[] _layout = Array.Empty<string>();
        private bool[] _layoutBound = Array.Empty<bool>();
        private string[] _layoutBoundNames = Array.Empty<string>();
        private string?[] _layoutSingleValued = Array.Empty<string?>();

        /// <param name="boundColumns">Column names consumed by parameters (see <see cref="PipelineColumns"/>).</param>
        /// <param name="substitutionColumns">-SubstitutionColumn: the only columns to use, or null for all the others.</param>
        /// <param name="destinationColumns">
        /// The columns -To binds from (<see cref="PipelineColumns.DestinationsOf"/>), named by the error for a row without one.
        /// </param>
        /// <param name="singleValued">Columns bound to a one-value parameter (<see cref="PipelineColumns.SingleValued"/>): a list there is refused.</param>
        /// <param name="parametersNotFromColumns">
        /// Column names of parameters a column cannot set (<see cref="PipelineColumns.NotFromColumns"/>): such a column is
        /// named in a warning, once per run.
        /// </param>
        /// <param name="parametersOfOtherSets">
        /// Those of them that do not go with what the command line gave (<see cref="PipelineColumns.OfOtherSets"/>).
        /// </param>
        /// <param name="columnsOfOtherSets">
        /// The columns some parameter set binds (<see cref="PipelineColumns.Of"/> without a set): a column named like a
        /// parameter of another set that binds there is refused by the command line's choice, not because no column can set it.
        /// </param>
        /// <param name="commandName">The cmdlet's name, for advice that shows the command to run (Send-ConnectSms).</param>
        /// <param name="givenOnCommandLine">
        /// Column names of parameters given on the command line (<see cref="PipelineColumns.GivenOnCommandLine"/>): such a
        /// column is not read, and is named in a warning, once per run.
        /// </param>
        /// <param name="columnOfOtherCommand">
        /// The warning for a column another command takes and this one does not (a Cc column piped to Send-ConnectMessage
        /// -Channel Email, see <see cref="EmailCopyColumns"/>), or the command's own words for a column of its parameter that
        /// no cell can fill (a Card column, see <see cref="RcsContentColumns"/>); null for any other column: named once per run.
        /// </param>
        public RecordComposer(IReadOnlyCollection<string> boundColumns, IReadOnlyList<string>? substitutionColumns,
            IReadOnlyList<string>? destinationColumns = null, IReadOnlyDictionary<string, string>? singleValued = null,
            IReadOnlyDictionary<string, string>? parametersNotFromColumns = null, IReadOnlyDictionary<string, string>? givenOnCommandLine = null,
            string? commandName = null, IReadOnlyCollection<string>? parametersOfOtherSets = null, Func<string, string?>? columnOfOtherCommand = null,
            IReadOnlyCollection<string>? columnsOfOtherSets = null)
        {
            _columnOfOtherCommand = columnOfOtherCommand;
            _columnsOfOtherSets = columnsOfOtherSets ?? Array.Empty<string>();
            _parametersOfOtherSets = parametersOfOtherSets ?? Array.Empty<string>();
            _commandName = commandName ?? "the send command";
            _givenOnCommandLine = givenOnCommandLine ?? new Dictionary<string, string>();
            _singleValued = singleValued ?? new Dictionary<string, string>();
            _parametersNotFromColumns = parametersNotFromColumns ?? new Dictionary<string, string>();
            _boundColumns = boundColumns;
            _substitutionColumns = substitutionColumns is { Count: > 0 } ? substitutionColumns : null;
            _destinationColumns = destinationColumns ?? Array.Empty<string>();
        }

        public ComposedRecord Compose(IReadOnlyList<ConnectDestination>? to, string? correlationId, InputRow row,
            IReadOnlyList<string>? gtrIds = null, IReadOnlyList<string>? gtrIdsAsGiven = null)
        {
            // Made only for a row that has a problem: the usual row has none (this runs for every row).
            List<ValidationProblem>? problems = null;
            var given = Addresses(to);
            // An empty destination cell gives way to the row's next destination column that holds an address (EmptyDestinationCell).
            if (EmptyDestinationCell.AllEmpty(given) && !_givenOnCommandLine.ContainsKey("To")
                && EmptyDestinationCell.NextFilled(row, _destinationColumns) is string[] filled) given = filled;
            var misreadRow = false;
            if (ReferenceEquals(row, InputRow.PipedSession)) (problems ??= new List<ValidationProblem>()).Add(SessionPiped());
            else if (row.ListCount is int items) (problems ??= new List<ValidationProblem>()).Add(ListPiped(items));
            else if (IsLookupAnswer(row) && !_givenOnCommandLine.ContainsKey("To"))
            {
                misreadRow = true;
                (problems ??= new List<ValidationProblem>()).Add(new ValidationProblem("To", LookupAnswerPipedBack(_commandName)));
            }
            else if (given.Length == 0) (problems ??= new List<ValidationProblem>()).Add(NoDestination(row, out misreadRow));
            else if (ColumnNameGivenAsDestination(given, row) is ValidationProblem columnName) (problems ??= new List<ValidationProblem>()).Add(columnName);
            var addresses = RepeatedAddresses.SendOnce(given, out var notes);
            LearnLayout(row);
            AddListsInSingleValues(row, ref problems);

            Dictionary<string, string>? unusable = null;
            List<string>? empty = null;
            Dictionary<string, string>? untrimmed = null;
            var substitutions = _substitutionColumns is null
                ? RemainingColumns(row, ref unusable, ref empty, ref untrimmed)
                : NamedColumns(row, ref problems, ref empty, ref untrimmed);
            var correlation = string.IsNullOrEmpty(correlationId) ? null : correlationId;
            var gtr = NoneGiven(gtrIds) ? null : gtrIds;
            // gtrIdsAsGiven: the IDs before the command trimmed them, as versions before the GtrId trim sent them and named them in their journal.
            var gtrAsGiven = gtr is null ? null : gtrIdsAsGiven;
            var recipient = Recipient.Owning(addresses, correlation, substitutions, gtr);
            var warnings = _warnings;
            _warnings = null;
            return new ComposedRecord(recipient, (IReadOnlyList<ValidationProblem>?)problems ?? Array.Empty<ValidationProblem>(), unusable, notes, empty, warnings,
                misreadRow, _substitutionColumns is null ? _layoutBoundNames : null, _substitutionColumns is null ? null : row.Columns,
                untrimmed is null && gtrAsGiven is null ? null : Recipient.Owning(addresses, correlation, untrimmed ?? substitutions, gtrAsGiven ?? gtr));
        }

        /// <summary>
        /// True when no GTR ID was given: none at all, or only empty or blank ones (a row's empty GtrId cell, left
        /// out as an empty CorrelationId cell is). A $null among them stays, for MessageValidator to refuse.
        /// </summary>
        private static bool NoneGiven(IReadOnlyList<string>? gtrIds)
        {
            if (gtrIds is null) return true;
            for (var i = 0; i < gtrIds.Count; i++)
                if (gtrIds[i] is null || !string.IsNullOrWhiteSpace(gtrIds[i])) return false;
            return true;
        }

        /// <summary>The addresses of the destinations given, nulls left out (a loop: this runs for every row).</summary>
        private static string[] Addresses(IReadOnlyList<ConnectDestination>? to)
        {
            if (to is null || to.Count == 0) return Array.Empty<string>();
            var count = 0;
            for (var i = 0; i < to.Count; i++)
                if (to[i] != null) count++;
            var addresses = new string[count];
            count = 0;
            for (var i = 0; i < to.Count; i++)
                if (to[i] != null) addresses[count++] = to[i].Address;
            return addresses;
        }

        /// <summary>A column whose parameter takes one value but which holds a list: PowerShell would drop the value silently.</summary>
        /// <remarks>Loops by index over the columns here and below: a foreach over the interface makes an enumerator per row.</remarks>
        private void AddListsInSingleValues(InputRow row, ref List<ValidationProblem>? problems)
        {
            if (_singleValued.Count == 0) return;
            var columns = row.Columns;
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i];
                if (_layoutSingleValued[i] is not { } parameter) continue;
                var value = column.Value is System.Management.Automation.PSObject wrapped ? wrapped.BaseObject : column.Value;
                if (value is string || value is System.Collections.IDictionary || !(value is System.Collections.IEnumerable list)) continue;
                var items = list.Cast<object?>().Select(SubstitutionText.Of).ToArray();
                (problems ??= new List<ValidationProblem>()).Add(new ValidationProblem(parameter,
                    $"the column {InputEcho.Quote(column.Key)} holds a list of {items.Length} values ({SubstitutionText.Abbreviate(items)}) " +
                    "where one value is expected: give one value per row"));
            }
        }

        /// <summary>
        /// How many row layouts the composer has learned (one for a CSV): what reads a column of the row itself looks for it
        /// again when this changes, not on every row (RowExpiry).
        /// </summary>
        public int Layouts { get; private set; }

        /// <summary>Makes the row's column names the known layout, unless they already are (the same names, in order).</summary>
        private void LearnLayout(InputRow row)
        {
            var columns = row.Columns;
            if (columns.Count == _layout.Length)
            {
                var same = true;
                for (var i = 0; i < columns.Count && same; i++)
                    same = ReferenceEquals(columns[i].Key, _layout[i]) || string.Equals(columns[i].Key, _layout[i], StringComparison.Ordinal);
                if (same) return;
            }

            Layouts++;
            // A send result piped back, or a row of the results file (Import-Csv results.csv | Where-Object Status -eq Invalid |
            // Send-ConnectSms ...: the morning after a scheduled run), is every row's Invalid result, whose error says how to send
            // those rows again. Before, a warning about its RequestedReceipts column ("does not set -RequestedReceipt ... give
            // -RequestedReceipt on the command line") came first, sending the admin to fix a column of a file that is no input.
            var pipedResult = (IsSendResult(row) && !columns.Any(c => _destinationColumns.Contains(c.Key, StringComparer.OrdinalIgnoreCase)) ||
                IsLookupAnswer(row)) && !_givenOnCommandLine.ContainsKey("To");
            _layout = new string[columns.Count];
            _layoutBound = new bool[columns.Count];
            _layoutSingleValued = new string?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                _layout[i] = columns[i].Key;
                _layoutBound[i] = _boundColumns.Contains(columns[i].Key);
                _layoutSingleValued[i] = _singleValued.TryGetValue(columns[i].Key, out var parameter) ? parameter : null;
                if (pipedResult || ReadByScript?.Invoke(columns[i].Key) == true) continue;
                if (_parametersNotFromColumns.TryGetValue(columns[i].Key, out var unset) && _warnedColumns.Add(columns[i].Key))
                    NoteParameterNamed(columns[i].Key, unset);
                else if (_givenOnCommandLine.TryGetValue(columns[i].Key, out var given) && !ScriptBlockParameters.Contains(given) &&
                    _warnedColumns.Add(columns[i].Key))
                    (_warnings ??= new List<string>()).Add(
                        // MyInvocation.BoundParameters holds $PSDefaultParameterValues too (set in a profile, long forgotten), and
                        // PowerShell does not let a column override one either: name both places to look.
                        $"The column {InputEcho.Quote(columns[i].Key)} is not read: -{given} was given on the command line (or by " +
                        $"$PSDefaultParameterValues), and it sets every row. Leave out -{given} to take each row's own.");
                else if (!_layoutBound[i] && _columnOfOtherCommand?.Invoke(columns[i].Key) is string other && _warnedColumns.Add(columns[i].Key)
                    && _substitutionColumns?.Contains(columns[i].Key, StringComparer.OrdinalIgnoreCase) != true)
                    (_warnings ??= new List<string>()).Add(other);
                else if (!_layoutBound[i] && BoundNameSpelledApart(columns[i].Key) is string bound && _warnedColumns.Add(columns[i].Key))
                    (_warnings ??= new List<string>()).Add(
                        $"The column {InputEcho.Quote(columns[i].Key)} is not read as {InputEcho.Quote(bound)}: PowerShell binds a column only " +
                        "by its exact name, so no row takes its value (it goes out as a substitution only). Add the column under that name " +
                        OnTheWayInAs(bound, columns[i].Key));
            }
            _layoutBoundNames = _layout.Where((_, i) => _layoutBound[i]).ToArray();
        }

        /// <summary>
        /// A column named like a parameter no column sets: an admin who adds an ExpireAt column expects it to set the
        /// row's expiry, but it would go out as a substitution and the message without one. Named once per run, not per row.
        /// </summary>
        private void NoteParameterNamed(string column, string parameter)
        {
            var named = _substitutionColumns?.Contains(column, StringComparer.OrdinalIgnoreCase);
            // Named in -SubstitutionColumn: the admin chose to send it as a substitution.
            if (named == true) return;
            var notSent = named == false ? "The column is not sent."
                : "The column is only a substitution, for a $(" + column + ") in the text or a template.";
            // The command's own words for a column no cell can fill (Send-ConnectRcs's Card column: a cell holds no card).
            if (_columnOfOtherCommand?.Invoke(column) is string own)
            {
                (_warnings ??= new List<string>()).Add(own + " " + notSent);
                return;
            }
            var ofOtherSet = _parametersOfOtherSets.Contains(parameter, StringComparer.OrdinalIgnoreCase);
            // An Attachment or ReplyTo column beside Send-ConnectEmail -TemplateId: "a column cannot" was untrue (beside -Subject
            // and -Text it does), and "give it on the command line" sent the admin to a parameter that does not bind there either.
            if (ofOtherSet && _columnsOfOtherSets.Contains(parameter, StringComparer.OrdinalIgnoreCase))
            {
                (_warnings ??= new List<string>()).Add(
                    $"The column {InputEcho.Quote(column)} does not set -{parameter}: -{parameter} does not go with the parameters given " +
                    $"here, so neither does its column (a run given what -{parameter} goes with reads it from each row). " + notSent);
                return;
            }
            // Send-ConnectRcs -MediaUrl does not go with -Text: "give -MediaUrl on the command line" beside it fails to bind.
            var where = ofOtherSet
                ? $"; -{parameter} does not go with the parameters given here: give it on the command line in their place, "
                : $"; give -{parameter} on the command line, ";
            (_warnings ??= new List<string>()).Add(
                $"The column {InputEcho.Quote(column)} does not set -{parameter}: a column cannot" + where +
                "for every row (or run the command once per value). " + notSent);
        }

        /// <summary>
        /// A row whose destination column is there but empty (an AD user without a mobile number) says so; a row
        /// without any such column lists the names that bind, so the admin can rename the CSV header.
        /// </summary>
        private ValidationProblem NoDestination(InputRow row, out bool misreadRow)
        {
            misreadRow = false;
            // -To $row.Mobile in a loop over rows whose column is Phone: "give -To" would name what the script gave.
            if (_givenOnCommandLine.ContainsKey("To"))
                return new ValidationProblem("To", "no destination: -To was given $null or an empty list (a variable that is not set, or a " +
                    "property the object does not have, such as $row.Mobile of a row whose column is Phone)");
            if (ReferenceEquals(row, InputRow.PipedNull))
                return new ValidationProblem("To", "no destination: the piped item is $null (an empty item of the list piped in): leave such " +
                    "items out, e.g. with ... | Where-Object { $_ } | " + _commandName);
            var empty = EmptyDestinationCell.EmptyColumns(row, _destinationColumns);
            // ",,," at the end of a file saved from Excel: a row whose cells were cleared, not deleted, is saved as a line of
            // commas. Before: "the row's 'Phone' column is empty", which sent the admin to look for the missing number of
            // someone. It is still that row's Invalid result (every row ends as one), saying what it is and how to leave it out.
            if (empty.Count > 0 && row.Columns.All(c => IsBlank(c.Value)))
                return new ValidationProblem("To", "no destination: every cell of the row is empty, as a spreadsheet saves a row it " +
                    "cleared but did not delete: delete the row from the file, or leave such rows out on the way in: ... | " +
                    $"Where-Object {{ $_.{empty[0]} }} | {_commandName} ...");
            if (empty.Count > 0)
                return new ValidationProblem("To", "no destination: the row's " + WordList.And(empty.Select(InputEcho.Quote).ToList()) +
                    (empty.Count == 1 ? " column is empty" : " columns are empty"));
            // PowerShell binds a column only by its exact name: a CSV header cell "Email " binds nothing, and the admin sees "Email".
            // Nor does one with an invisible character glued to it: a byte order mark left at the start of a downloaded text, a
            // zero-width space copied with a header from a web page or a chat.
            foreach (var column in row.Columns)
            {
                var name = WithoutGlue(column.Key);
                if (name.Length == column.Key.Length || !_destinationColumns.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
                var invisible = column.Key.Where(c => InputEcho.IsInvisible(c) && !char.IsWhiteSpace(c)).Distinct().ToList();
                if (invisible.Count == 0)
                    return new ValidationProblem("To", $"no destination: the column {InputEcho.Quote(column.Key)} is not read as {InputEcho.Quote(name)} because of the space around its name: remove the space from the CSV header");
                return new ValidationProblem("To", $"no destination: the column {InputEcho.Quote(column.Key)} is not read as {InputEcho.Quote(name)} " +
                    "because of the invisible " + string.Join(", ", invisible.Select(c => InputEcho.Quote(c.ToString()))) + " glued to its name" +
                    (invisible.Contains(ByteOrderMark)
                        ? " (a second byte order mark, read as text: a downloaded or generated text saved again keeps its own): read " +
                          "the file with (Get-Content <file> -Raw).TrimStart([char]0xFEFF) | ConvertFrom-Csv, or save it again without it"
                        : ": retype the name in the CSV header"));
            }
            if (SpelledApart(row) is string apart) return new ValidationProblem("To", apart);
            // A file read with the wrong encoding or delimiter: its $(Name) and $(Note) are in the one column too, and
            // "$(Name) has no value: ... add the column" after the delimiter's advice sent the admin to edit a right file.
            misreadRow = true;
            if (MisreadUtf16(row) is string utf16) return new ValidationProblem("To", utf16);
            var misread = MisreadSeparator(row);
            if (misread != null) return new ValidationProblem("To", misread);
            misreadRow = false;
            if (IsSendResult(row))
            {
                misreadRow = true;
                return new ValidationProblem("To", IsDeliveryResult(row) ? DeliveryResultPipedBack(_commandName) : SendResultPipedBack(_commandName));
            }
            if (HeaderlessCsv.Of(row, _destinationColumns) is string headerless) return new ValidationProblem("To", headerless);
            // A header of the admin's language read as one column ('Name;Telefon;Bestellung') needs both: the delimiter, and a name that binds.
            var wholeHeader = MisreadDelimiter.OfWholeHeader(row.Columns) is string oneColumn ? ": " + oneColumn : "";
            misreadRow = wholeHeader.Length > 0;
            if (_destinationColumns.Count == 0)
                return new ValidationProblem("To", "no destination: give -To or a column named To, Phone, Email or one of their aliases" + ColumnsOf(row) + wholeHeader);
            return new ValidationProblem("To", "no destination: give -To, or a column named " + DestinationNames() + ColumnsOf(row) + wholeHeader +
                DestinationUnderOtherName(row));
        }

        /// <summary>
        /// -To on the command line names a column of the row (Import-Csv p.csv | Send-ConnectSms -To Phone): the admin meant
        /// "each row's Phone", but -To sends every row to what it says. Before, every row was Invalid with "'Phone' is not an
        /// E.164 number", which sent the admin to fix numbers that were right. Null when -To came from the row, or names no column.
        /// </summary>
        private ValidationProblem? ColumnNameGivenAsDestination(string[] given, InputRow row)
        {
            if (!_givenOnCommandLine.ContainsKey("To")) return null;
            // Loops, not LINQ: this runs for every row.
            for (var i = 0; i < row.Columns.Count; i++)
            {
                var column = row.Columns[i].Key;
                var named = false;
                for (var j = 0; j < given.Length && !named; j++) named = string.Equals(given[j].Trim(), column, StringComparison.OrdinalIgnoreCase);
                if (!named) continue;
                var fix = _destinationColumns.Contains(column, StringComparer.OrdinalIgnoreCase)
                    ? $"leave out -To: the row's {InputEcho.Quote(column)} column binds to it by its name"
                    : "leave out -To and name the column " + DestinationNames() + ", or add it under To " + OnTheWayInAs("To", column);
                return new ValidationProblem("To", $"{InputEcho.Quote(column)} is the name of a column of the row, not a destination: -To given " +
                    "on the command line sends every row to what it says. To send each row to its own, " + fix);
            }
            return null;
        }

        /// <summary>"To, Phone or MobileNumber": the column names that bind -To.</summary>
        private string DestinationNames() => WordList.Or(_destinationColumns);

        /// <summary>
        /// A column named in the admin's language ('Telefon', 'Téléphone', 'E-Posta') whose value looks like a destination:
        /// said after the names that bind, with the Select-Object that gives it under one. Before, the row only listed those
        /// names, and the admin had to work out the rename. "" when no column's value looks like a phone number or an email address.
        /// The reason names what the column holds, not its value: it is then the same for every row of the file.
        /// </summary>
        private string DestinationUnderOtherName(InputRow row)
        {
            foreach (var column in row.Columns)
            {
                // Import-Csv and ConvertFrom-Csv give every cell as text; a number-typed cell is no E.164 number anyway.
                if (column.Value is not string text) continue;
                var value = text.Trim();
                var name = LooksLikePhoneNumber(value) ? "Phone" : LooksLikeEmailAddress(value) ? "Email" : null;
                if (name is null || !_destinationColumns.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
                // What it holds, not the value: every row of the file gives the same reason, so the errors after the first say
                // "same reason as row 1" (SameReasonRows). With the value, a 2,000-row export whose column is 'Cell' or
                // 'Mobile No.' logged this advice in full 2,000 times.
                return $": the column {InputEcho.Quote(column.Key)} holds " + (name == "Phone" ? "a phone number" : "an email address") +
                    ": add it under one of those names " + OnTheWayInAs(name, column.Key);
            }
            return "";
        }

        /// <summary>'+' and 7 to 15 digits: an E.164 number, as no other column of a send list holds.</summary>
        internal static bool LooksLikePhoneNumber(string value) =>
            value.Length is >= 8 and <= 16 && value[0] == '+' && value.Skip(1).All(c => c >= '0' && c <= '9');

        /// <summary>One '@' with text before it and a dotted domain after it, no spaces.</summary>
        internal static bool LooksLikeEmailAddress(string value)
        {
            var at = value.IndexOf('@');
            return at > 0 && at == value.LastIndexOf('@') && value.IndexOf('.', at) > at + 1 && !value.Any(char.IsWhiteSpace);
        }

        /// <summary>
        /// A session piped in where -Session was meant: the row would otherwise go, with -To from the command line, through
        /// the current session, which in a script with two tenants is the other one.
        /// </summary>
        private ValidationProblem SessionPiped() =>
            new ValidationProblem("Session", "this is a session (Connect-WebexConnect -PassThru), not a row to send: a send command " +
                "does not take its session from the pipeline, and this row would have gone through the current session instead. " +
                "Give the session with -Session: " + _commandName + " -Session $session ...");

        /// <summary>
        /// A list piped as one object (,@($a, $b) | ..., Write-Output -NoEnumerate, a function that returns ,$list): not a row.
        /// Before, it was refused for having no destination, among the columns 'Length', 'Rank', 'SyncRoot' of the array itself.
        /// </summary>
        private ValidationProblem ListPiped(int items) =>
            new ValidationProblem("InputObject", "a list of " + items.ToString(CultureInfo.InvariantCulture) + (items == 1 ? " item" : " items") +
                " arrived as one object, not a row: pipe its items, one row each ($list | " + _commandName + " ...), not the list " +
                "wrapped in another (,$list or Write-Output -NoEnumerate pipes it whole)");

        /// <summary>
        /// A send cmdlet's own result piped back in ($results | Where-Object Status -eq Failed | Send-ConnectSms ...), or a row
        /// of its Export-Csv: the way an admin tries to send the failures again. A result keeps the destination, not the row
        /// (DESIGN.md), so the list of names that bind would only lead to a rename that sends without the row's values.
        /// </summary>
        private static bool IsSendResult(InputRow row)
        {
            bool destination = false, status = false, number = false;
            foreach (var column in row.Columns)
            {
                destination |= string.Equals(column.Key, "Destination", StringComparison.OrdinalIgnoreCase);
                status |= string.Equals(column.Key, "Status", StringComparison.OrdinalIgnoreCase);
                number |= string.Equals(column.Key, "Row", StringComparison.OrdinalIgnoreCase);
            }
            return destination && status && number;
        }

        /// <summary>
        /// A Wait-ConnectDelivery result (or a row of its Export-Csv): its Status is the delivery's, and SendStatus the send's.
        /// </summary>
        private static bool IsDeliveryResult(InputRow row)
        {
            foreach (var column in row.Columns)
                if (string.Equals(column.Key, "SendStatus", StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        /// <summary>
        /// The rows whose delivery failed were sent: the service accepted them, so the -Journal of their run says sent and skips
        /// them. Before, the advice for a delivery report piped back was the send result's, "run the same command again with its
        /// -Journal, which sends only what was not sent": that run sent none of them again, each row Skipped.
        /// </summary>
        private static string DeliveryResultPipedBack(string command) =>
            "no destination: this is a delivery result (Wait-ConnectDelivery), not an input row: it keeps the Destination, not the row's columns. " +
            "To send the undelivered rows again, pipe their input rows: $report | Where-Object Status -eq Failed | " +
            "ForEach-Object { $rows[$_.Row - 1] } | " + command + " ..., where $rows holds the input (Import-Csv). " +
            "The service accepted them when they were sent, so the -Journal of that run skips them as sent: give a new -Journal file, or none";

        /// <summary>
        /// A Get-ConnectMessage answer (SentMessage) or a row of its Export-Csv: MessageId, Found and LookedUpAt. Its To column
        /// binds as a destination, so before, $messages | Where-Object Status -ne Delivered | Send-ConnectSms ... sent again
        /// every message the service did not know (yet), NotFound, which the service may well have delivered: each twice. And
        /// only to the one destination the answer names, while the other rows of that request got nothing. Runs for every row.
        /// </summary>
        private static bool IsLookupAnswer(InputRow row)
        {
            bool messageId = false, found = false, lookedUpAt = false;
            var columns = row.Columns;
            // By index: a foreach over the IReadOnlyList would allocate its enumerator on every row.
            for (var i = 0; i < columns.Count; i++)
            {
                var name = columns[i].Key;
                messageId |= string.Equals(name, "MessageId", StringComparison.OrdinalIgnoreCase);
                found |= string.Equals(name, "Found", StringComparison.OrdinalIgnoreCase);
                lookedUpAt |= string.Equals(name, "LookedUpAt", StringComparison.OrdinalIgnoreCase);
            }
            return messageId && found && lookedUpAt;
        }

        private static string LookupAnswerPipedBack(string command) =>
            "this is a message lookup's answer (Get-ConnectMessage), not an input row: it is about a request, whose rows share its " +
            "message ID, and its To names only one of them. NotFound means the service does not know the message (yet), not that it " +
            "failed: sending it again may send it twice. To send again the rows that were not sent, pipe their input rows: " +
            "Import-Csv results.csv | Where-Object Status -in Invalid, Rejected, Failed | ForEach-Object { $rows[$_.Row - 1] } | " +
            command + " ..., where $rows holds the input (Import-Csv); for those that were sent, check their delivery receipts " +
            "(Wait-ConnectDelivery) before sending any again";

        private static string SendResultPipedBack(string command) =>
            "no destination: this is a send result, not an input row: a result keeps its Destination, not the row's columns. " +
            "To send the failed rows again, pipe their input rows: $results | Where-Object Status -eq Failed | " +
            "ForEach-Object { $rows[$_.Row - 1] } | " + command + " ..., where $rows holds the input (Import-Csv); " +
            "or, when the run that gave them had a -Journal, run the same command again with it, which sends only what was not sent";

        /// <summary>
        /// Import-Csv reads a file saved with another separator than the one it was given (Excel saves ';' where the decimal
        /// mark is a comma) as one column named after the whole header line: the admin sees a Phone column in the file, and
        /// the list of names that bind would not say why it is not read. Null when no column name holds a destination name
        /// between separators.
        /// </summary>
        private string? MisreadSeparator(InputRow row)
        {
            var misread = MisreadDelimiter.Of(row.Columns, name => _destinationColumns.Contains(name, StringComparer.OrdinalIgnoreCase));
            return misread is null ? null : "no destination: " + misread;
        }

        /// <summary>
        /// A UTF-16 file without a byte order mark read as UTF-8 (<see cref="Utf16ReadAsUtf8"/>): its destination column is there,
        /// with a NUL beside each letter. Before, the message listed the columns ('P\u0000h\u0000o\u0000n\u0000e\u0000') and
        /// the names that bind, and the warning before it advised -Encoding 1252, which does not read the file either.
        /// </summary>
        private string? MisreadUtf16(InputRow row)
        {
            var columns = row.Columns;
            for (var i = 0; i < columns.Count; i++)
            {
                var name = columns[i].Key;
                if (!Utf16ReadAsUtf8.IsIn(name) || !_destinationColumns.Contains(Utf16ReadAsUtf8.Without(name), StringComparer.OrdinalIgnoreCase)) continue;
                return $"no destination: the column {InputEcho.Quote(name)} is {InputEcho.Quote(Utf16ReadAsUtf8.Without(name))} misread: " +
                    Utf16ReadAsUtf8.Advice(columns[0].Key);
            }
            return null;
        }

        private const char ByteOrderMark = '\uFEFF';

        /// <summary>A column's name without the spaces and invisible characters around it.</summary>
        private static string WithoutGlue(string name)
        {
            int start = 0, end = name.Length;
            while (start < end && IsGlue(name[start])) start++;
            while (end > start && IsGlue(name[end - 1])) end--;
            return name.Substring(start, end - start);
        }

        /// <summary>A cell with nothing in it: $null, '' or only white space (what Import-Csv reads from ",,,").</summary>
        private static bool IsBlank(object? value) =>
            (value is System.Management.Automation.PSObject wrapped ? wrapped.BaseObject : value) switch
            {
                null => true,
                string text => string.IsNullOrWhiteSpace(text),
                _ => false,
            };

        private static bool IsGlue(char c) => char.IsWhiteSpace(c) || InputEcho.IsInvisible(c);

        /// <summary>
        /// A destination name written with spaces, hyphens, underscores or dots between its words, as exports write them:
        /// Outlook's contacts have 'E-mail Address' and 'Mobile Phone'. PowerShell binds a column only by its exact name, and
        /// the list of names that bind left the admin to work out the rename. Null when no column is one of those names.
        /// </summary>
        private string? SpelledApart(InputRow row)
        {
            foreach (var column in row.Columns)
            {
                var joined = new string(column.Key.Where(c => !IsWordSeparator(c)).ToArray());
                if (joined.Length == column.Key.Length) continue;
                var name = _destinationColumns.FirstOrDefault(d => string.Equals(d, joined, StringComparison.OrdinalIgnoreCase));
                if (name is null) continue;
                return $"no destination: the column {InputEcho.Quote(column.Key)} is not read as {InputEcho.Quote(name)}: PowerShell binds a " +
                    "column only by its exact name. Add the column under that name " + OnTheWayInAs(name, column.Key);
            }
            return null;
        }

        /// <summary>
        /// The name of a column this command reads that <paramref name="column"/> is, written with spaces, hyphens, underscores or
        /// dots between its words or around it ('Send At', 'send_at', 'SendAt ' as Excel keeps a typed space); null when it is
        /// none. Such a column bound nothing and said nothing: a SendAt column typed 'Send At' sent tomorrow's reminders at once.
        /// A destination spelled so is the row's error instead (<see cref="SpelledApart"/>), a column -SubstitutionColumn names
        /// is the admin's choice, and one whose parameter the command line gave is not read under either name.
        /// </summary>
        private string? BoundNameSpelledApart(string column)
        {
            var joined = Joined(column);
            if (joined.Length == column.Length || joined.Length == 0) return null;
            if (_substitutionColumns?.Contains(column, StringComparer.OrdinalIgnoreCase) == true) return null;
            var bound = _boundColumns.FirstOrDefault(name => string.Equals(name, joined, StringComparison.OrdinalIgnoreCase));
            if (bound is null || _destinationColumns.Contains(bound, StringComparer.OrdinalIgnoreCase) || _givenOnCommandLine.ContainsKey(bound)) return null;
            return bound;
        }

        /// <summary>"on the way in: ... | Select-Object *, @{ n = 'Phone'; e = { $_.'Telefon' } } | Send-ConnectSms ...": the rename that binds a column.</summary>
        private string OnTheWayInAs(string name, string column) =>
            "on the way in: ... | Select-Object *, @{ n = '" + name + "'; e = { $_." + InputEcho.Quote(column) + " } } | " + _commandName + " ...";

        private static bool IsWordSeparator(char c) => char.IsWhiteSpace(c) || c == '-' || c == '_' || c == '.';

        /// <summary>A column's name without the spaces, hyphens, underscores, dots and invisible characters in and around it: 'Send At' is SendAt.</summary>
        internal static string Joined(string column) => new string(column.Where(c => !IsWordSeparator(c) && !IsGlue(c)).ToArray());

        /// <summary>" (the row has the columns 'Emial', 'Name')": what the admin can compare with the names that bind. Quoted, so a space shows.</summary>
        internal static string ColumnsOf(InputRow row)
        {
            const int MaxNamed = 8;
            var columns = row.Columns;
            if (columns.Count == 0) return "";
            var named = string.Join(", ", columns.Take(MaxNamed).Select(c => InputEcho.Quote(c.Key)));
            var more = columns.Count > MaxNamed ? $" and {columns.Count - MaxNamed} more" : "";
            return (columns.Count == 1 ? " (the row has one column, " : " (the row has the columns ") + named + more + ")";
        }

        /// <remarks>
        /// An object piped from Get-ADUser or a web API often has list-valued properties no text uses; they are
        /// left out instead of sent as "System.Object[]", and only a $(name) that needs one makes the row Invalid.
        /// untrimmed is set, to the values as the cells held them, when a value lost spaces at its ends (ComposedRecord.RecipientAsGiven).
        /// </remarks>
        private IReadOnlyDictionary<string, string> RemainingColumns(InputRow row, ref Dictionary<string, string>? unusable, ref List<string>? empty,
            ref Dictionary<string, string>? untrimmed)
        {
            _names.Clear();
            _texts.Clear();
            var columns = row.Columns;
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i];
                if (_layoutBound[i]) continue;
                if (SubstitutionText.IsNothing(column.Value)) (empty ??= new List<string>(1)).Add(column.Key);
                if (SubstitutionText.TryOfCell(column.Value, out var text, out var given))
                {
                    if (!ReferenceEquals(text, given)) Untrimmed(ref untrimmed, _names.Count)[column.Key] = given;
                    _names.Add(column.Key);
                    _texts.Add(text);
                }
                else (unusable ??= new Dictionary<string, string>(StringComparer.Ordinal))[column.Key] = SubstitutionText.Describe(column.Value);
            }
            // The values before this one are each as given: the dictionary starts with them.
            if (untrimmed is not null)
                for (var j = 0; j < _names.Count; j++)
                    if (!untrimmed.ContainsKey(_names[j])) untrimmed[_names[j]] = _texts[j];

            var compact = RowSubstitutions.From(_names, _texts, ref _lastNames);
            if (compact is not null) return compact;
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var j = 0; j < _names.Count; j++) result[_names[j]] = _texts[j];
            return result;
        }

        /// <summary>The row's values as the cells held them, made at its first trimmed value (rare: the usual row makes none).</summary>
        private static Dictionary<string, string> Untrimmed(ref Dictionary<string, string>? untrimmed, int capacity) =>
            untrimmed ??= new Dictionary<string, string>(capacity + 1, StringComparer.Ordinal);

        private IReadOnlyDictionary<string, string> NamedColumns(InputRow row, ref List<ValidationProblem>? problems, ref List<string>? empty,
            ref Dictionary<string, string>? untrimmed)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var wanted in _substitutionColumns!)
            {
                // PowerShell matches property names without regard to case; so do we, but keep the row's spelling.
                var found = row.Columns.Where(c => string.Equals(c.Key, wanted, StringComparison.OrdinalIgnoreCase)).ToArray();
                if (found.Length == 0)
                {
                    (problems ??= new List<ValidationProblem>()).Add(NoNamedColumn(wanted));
                    continue;
                }
                if (SubstitutionText.IsNothing(found[0].Value)) (empty ??= new List<string>(1)).Add(found[0].Key);
                if (SubstitutionText.TryOfCell(found[0].Value, out var text, out var given))
                {
                    result[found[0].Key] = text;
                    if (!ReferenceEquals(text, given)) Untrimmed(ref untrimmed, result.Count)[found[0].Key] = given;
                }
                else (problems ??= new List<ValidationProblem>()).Add(UnusableNamedColumn(found[0]));
            }
            if (untrimmed is not null)
                foreach (var value in result)
                    if (!untrimmed.ContainsKey(value.Key)) untrimmed[value.Key] = value.Value;
            return result;
        }

        /// <summary>A -SubstitutionColumn name the row has no column for (Measure-ConnectSms says the same).</summary>
        internal static ValidationProblem NoNamedColumn(string wanted) =>
            new ValidationProblem("SubstitutionColumn", $"the row has no column named {InputEcho.Quote(wanted)}: check the spelling against the CSV header, or leave it out of -SubstitutionColumn");

        /// <summary>A -SubstitutionColumn column that holds a list or an object (Measure-ConnectSms says the same).</summary>
        internal static ValidationProblem UnusableNamedColumn(KeyValuePair<string, object?> column) =>
            new ValidationProblem("SubstitutionColumn", $"the column {InputEcho.Quote(column.Key)} holds {SubstitutionText.Describe(column.Value)}: a substitution must be one string, number, true/false or date");
    }
}
