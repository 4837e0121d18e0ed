using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using WebexConnect.Composition;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Get-ConnectMessage: looks sent messages up by message ID (GET /v2/messages/{messageId}, beta at the vendor)
    /// with the session's credential. Pipe send results to it; a 404 is "not known (yet)", written as Found = False.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ConnectMessage")]
    [OutputType(typeof(SentMessage))]
    public sealed class GetConnectMessageCommand : PSCmdlet, IDisposable
    {
        private readonly CommandStop _stop = new CommandStop();
        // Each ID looked up, with the row it was looked up for (0 for an ID given as an argument).
        private readonly Dictionary<string, long> _lookedUp = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        private readonly MisreadDelimiterRows _misread = new MisreadDelimiterRows();
        private ConnectSession? _session;
        private long _input;

        /// <summary>The message IDs to look up; binds the MessageId of piped send results.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The message ID to look up (the MessageId of a send result).")]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string?[]? MessageId { get; set; }

        /// <summary>
        /// The piped object itself (a send result, a row, an ID string): the target of its errors, so that
        /// -ErrorVariable names the send result, not just an ID. PowerShell fills it along with MessageId.
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public PSObject? InputObject { get; set; }

        /// <summary>The session to use; the default is the current session.</summary>
        [Parameter]
        [ValidateNotNull]
        [SessionArgument]
        [ArgumentCompleter(typeof(SessionVariableCompleter))]
        public ConnectSession? Session { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            DebugSwitch.Apply(this);
            // Piped send results may name their own session (see SessionFor): the current one is needed only for the others.
            if (!MyInvocation.ExpectingInput) _session = RequiredSession.For(this, Session);
        }

        /// <summary>
        /// -Session; else, for a send result of this process, the session it was sent through while that is open; else the current
        /// session. Before, $euResults | Get-ConnectMessage, sent with -Session $eu while $uk was current, asked the uk tenant,
        /// which answered 404, and every message that was sent came back Found False.
        /// </summary>
        private ConnectSession SessionFor()
        {
            if (Session is null && InputObject?.BaseObject is SendResult { SentThrough: { IsClosed: false } sender })
            {
                if (!ReferenceEquals(sender, Sending.SessionState.Current) && _announced.Add(sender))
                    WriteVerbose($"Looking up through the session the results were sent through ({sender}), not the current one.");
                return sender;
            }
            return _session ??= RequiredSession.For(this, Session);
        }

        private readonly HashSet<ConnectSession> _announced = new HashSet<ConnectSession>();

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            LookUpPipedObject();
            // Not in a finally: a terminating error (MessageIdFileLines, a 401) ends the command without another write.
            ShowProgress();
        }

        private void LookUpPipedObject()
        {
            _input++;
            if (_input == 1 && InputObject?.BaseObject is string line && MessageIdLines.IsHeader(line, out var columns, out var column) && HeaderSkipped(line, columns, column)) return;
            if (IdsOfPipedObject() is not { } ids) return;
            for (var i = 0; i < ids.Length; i++)
            {
                var id = ids[i];
                if (string.IsNullOrWhiteSpace(id) && InputObject is null)
                {
                    WriteRowError(ImportedCommandNames.In(this, new ErrorRecord(new ArgumentException(BlankArgument(i, ids.Length)),
                        "MessageIdMissing", ErrorCategory.InvalidArgument, id)));
                    continue;
                }
                if (string.IsNullOrWhiteSpace(id))
                {
                    WriteRowError(ImportedCommandNames.In(this, new ErrorRecord(new ArgumentException(
                            $"Row {Receipts.SendResultRow.RowOf(InputObject, _input)}: MessageId: empty, so there is nothing to look up. " + (AcceptedStatus() is string accepted
                                // A 201 whose body broke off, or a 2xx without JSON, is accepted by its status code alone.
                                ? $"The service accepted this send result ({accepted}), but its answer carried no message ID (it was cut short); "
                                : "A send result that was not accepted (Rejected, Failed, Invalid) has no message ID; nor has an Unknown one, which the service may still have accepted: ") +
                            "its delivery receipt tells, matched by correlation ID (Wait-ConnectDelivery)."),
                        "MessageIdMissing", ErrorCategory.InvalidArgument, Target(id))));
                    continue;
                }
                // Destinations of one request share its message ID: look each one up once.
                // A send result or a row of its results file: an ID piped as text is no row of a request.
                var row = InputObject is null || InputObject.BaseObject is string ? 0 : Receipts.SendResultRow.RowOf(InputObject, _input);
                if (_lookedUp.TryGetValue(id!.Trim(), out var firstRow))
                {
                    if (_failed.TryGetValue(id.Trim(), out var failed)) WriteFailedAgain(failed, id);
                    else WriteVerbose(LookedUpBefore(id.Trim(), row, firstRow));
                    continue;
                }
                _lookedUp.Add(id.Trim(), row);
                LookUp(id.Trim());
            }
        }

        /// <summary>
        /// A piped row whose message was looked up for an earlier row: the rows of one request share its message ID, and the one
        /// answer is the message's. Before, "Message ... was already looked up" three times for a four-row results file did not
        /// say which rows, nor why they had no answer of their own.
        /// </summary>
        private static string LookedUpBefore(string id, long row, long firstRow) => row == 0 || firstRow == 0
            ? $"Message {id} was already looked up by this command."
            : $"Row {row}: message {id} was already looked up by this command, for row {firstRow}: the rows of one request share its " +
                "message ID, and the service answers for the message once.";

        /// <summary>
        /// The first line piped is a CSV header naming the message ID (Get-Content ids.csv): before, it was looked up as an ID,
        /// and came back Found False with a typo warning. An ID list's one-column header (MessageId, Id, Message ID) is skipped,
        /// said in one verbose line: the lines after it are IDs. A results file's header stops the command before any lookup:
        /// every line after it is a whole row, which would be looked up as an ID and come back Found False. What to write
        /// instead names the file's own column: Import-Csv rows bind only a column called MessageId.
        /// </summary>
        private bool HeaderSkipped(string line, int columns, string column)
        {
            var named = string.Equals(column, "MessageId", StringComparison.OrdinalIgnoreCase);
            var rows = named
                ? "Import-Csv <file> | Get-ConnectMessage"
                : $"(Import-Csv <file>).{MessageIdLines.AsProperty(column)} | Get-ConnectMessage";
            if (columns == 1)
            {
                WriteVerbose($"Line 1, {Messages.Validation.InputEcho.Quote(line.Trim())}, is the file's header, not a message ID: skipped. " +
                    $"(Import-Csv reads a file with a header as rows: {rows}.)");
                return true;
            }
            ThrowTerminatingError(ImportedCommandNames.In(this, new ErrorRecord(new ArgumentException(
                    $"Line 1 is the header of a CSV file with {columns} columns, one of them {column}: the lines were piped as text " +
                    "(Get-Content), so each row would be looked up whole as a message ID. Read the file as rows: " +
                    rows + " (add -Delimiter if its columns are not separated by commas). Nothing was looked up."),
                "MessageIdFileLines", ErrorCategory.InvalidArgument, line)));
            return true;
        }

        /// <summary>
        /// A blank ID given as an argument (Get-ConnectMessage ' ', or $result.MessageId of a result that has none): said as the
        /// -MessageId it is. Before, it was "Row 1", as if a row of a file had been piped.
        /// </summary>
        private static string BlankArgument(int index, int count) =>
            "-MessageId: " + (count > 1 ? $"ID {index + 1} of the {count} given" : "the ID given") + " is empty or blank, so there is nothing " +
            "to look up. Give the MessageId of a send result (a UUID such as 6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d11), or pipe the send results; " +
            "one that was not accepted (Rejected, Failed, Invalid) or is Unknown has no message ID: its delivery receipt tells (Wait-ConnectDelivery).";

        /// <summary>
        /// Set when a lookup's answer was a 429 that lasted (after its tries, or after the session's wait): the ID it was for and
        /// its row, and how many 429s came in a row. The IDs after it are not asked (<see cref="LookupReading.NotAsked"/>).
        /// </summary>
        private (string Id, long? Row, int InARow)? _stoppedAsking;

        /// <summary>True once -Verbose has said that a lookup waited for the session's 429 wait: once a command, not once an ID.</summary>
        private bool _saidHeld;

        private bool _saidStoppedAsking;

        private void LookUp(string id)
        {
            var row = InputObject is null ? (long?)null : Receipts.SendResultRow.RowOf(InputObject, _input);
            if (_stoppedAsking is { } stopped)
            {
                // Said once, at the first ID not asked: a one-ID call (a foreach loop) has none, and its error says it all.
                if (!_saidStoppedAsking) WriteWarning(LookupReading.StoppedAsking(stopped.InARow, stopped.Id));
                _saidStoppedAsking = true;
                var notAsked = LookupReading.NotAsked(id, stopped.InARow, stopped.Id, stopped.Row);
                WriteRowError(ImportedCommandNames.In(this, notAsked.ToErrorRecord(Target(id), RowOfPipedObject())));
                // No row of its own: a later row of the same ID gets "it was not asked again", not "looked up once, for row N".
                _failed[id] = (notAsked, null);
                return;
            }
            var session = SessionFor();
            // A send or lookup of this session was refused (its credential, its inactive service, this computer's IP address): no
            // request now either (CredentialRefusal), under the refusal's own ErrorId.
            if (session.RefusedAt(DateTimeOffset.UtcNow) is { } refused)
            {
                ThrowTerminatingError(ImportedCommandNames.In(this, new ErrorRecord(new InvalidOperationException(
                    refused.LookupMessage(session.AuthMode)), refused.ErrorId, SendErrors.CategoryForSessionFailure(refused.ErrorId), Target(id))));
                return;
            }
            if (!session.TryBeginSend())
            {
                ThrowTerminatingError(RequiredSession.ErrorOf(this, ConnectionResolver.SessionClosed(session), session));
                return;
            }
            LookupAnswer answer;
            try
            {
                WriteVerbose($"GET {LookupReading.RequestUri(session.BaseUri, id)}");
                answer = session.Engine.LookUpMessage(id, _stop.Token);
            }
            finally
            {
                session.EndSend();
            }

            if (answer.Held > TimeSpan.Zero && !_saidHeld)
            {
                _saidHeld = true;
                WriteVerbose(LookupReading.HeldBy429(id, answer));
            }
            if (LookupReading.WaitsOf(id, answer) is string waits) WriteVerbose(waits);
            var problem = LookupReading.ProblemOf(id, answer, session.BaseUri, session.AuthMode, DateTimeOffset.Now);
            if (problem?.ErrorId == "AuthenticationFailed") session.Refused("HTTP " + answer.StatusCode.ToString(CultureInfo.InvariantCulture), DateTimeOffset.UtcNow);
            if (problem is null)
            {
                var now = DateTimeOffset.Now;
                DateTimeOffset? scheduledFor = null;
                if (answer.StatusCode == 404 && ScheduledLater(now, out scheduledFor))
                    WriteWarning($"Message {id} was sent Scheduled {ScheduledFor.When(scheduledFor)}: the service does not know it (404) before it goes out. " +
                        "It is neither delivered nor failed; do not send it again. Look it up, or for its receipt, after that time.");
                else if (answer.StatusCode == 404 && !LookupReading.IsMessageIdShaped(id))
                    WriteWarning($"Message {Messages.Validation.InputEcho.OneLine(id)}: the service does not know it (404), and it " +
                        LookupReading.NotShapedAsAnId + ".");
                else if (answer.StatusCode == 404) WriteVerbose($"Message {id}: the service does not know it (yet): 404.");
                var message = LookupReading.ToMessage(id, answer, now, scheduledFor, answer.StatusCode == 404 ? SentTo() : null);
                WarnIfAboutAnotherDestination(message);
                WriteObject(message);
            }
            else if (problem.StopsTheCommand)
            {
                ThrowTerminatingError(ImportedCommandNames.In(this, problem.ToErrorRecord(Target(id))));
            }
            else
            {
                WriteRowError(ImportedCommandNames.In(this, problem.ToErrorRecord(Target(id), RowOfPipedObject())));
                _failed[id] = (problem, row);
                if (answer.StatusCode == 429)
                {
                    // The service is not letting up: the IDs left get an error each at once, not 30 s of waits each.
                    _stoppedAsking = (id, row, Math.Max(answer.InARow, answer.TooManyRequests));
                }
            }
        }

        /// <summary>
        /// The answer names one destination of the request, and the piped row is another: its Status is not the row's. Said for
        /// the row the ID was looked up for (a later row of the same request gets no answer of its own, so nothing to mistake).
        /// </summary>
        private void WarnIfAboutAnotherDestination(SentMessage message)
        {
            var sentTo = SentTo();
            if (!LookupReading.NamesAnotherDestination(message, sentTo)) return;
            var row = Receipts.SendResultRow.RowOf(InputObject, _input);
            var status = string.IsNullOrEmpty(message.Status) ? "Its status" : Messages.Validation.InputEcho.OneLine(message.Status!);
            WriteWarning($"Row {row} ({Messages.Validation.InputEcho.OneLine(sentTo!)}): message {message.MessageId} went to several destinations in one " +
                $"request, and the service's answer names another of its destinations, {Messages.Validation.InputEcho.OneLine(message.To!)}: {status} is " +
                $"that destination's status, not row {row}'s. For row {row}'s delivery, use its receipt (Wait-ConnectDelivery).");
        }

        /// <summary>
        /// The lookups that failed, by ID, with the row each was for (null for an ID given as an argument): the later rows that
        /// share the ID get its error too.
        /// </summary>
        private readonly Dictionary<string, (LookupProblem Problem, long? Row)> _failed =
            new Dictionary<string, (LookupProblem Problem, long? Row)>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// A row whose message ID an earlier row's failed lookup asked for: the same error, naming this row, without asking again.
        /// Before, only the first row of a request got an error and the others a verbose line, so -ErrorVariable held one
        /// failure for a batch of 500 rows, and the rows joined back by MessageId had neither an answer nor an error.
        /// </summary>
        private void WriteFailedAgain((LookupProblem Problem, long? Row) failed, string id)
        {
            var shared = failed.Row is long row
                ? $" (The rows of one request share its message ID, which was looked up once, for row {row}.)"
                : " (The same ID was given before; it was not asked again.)";
            WriteRowError(ImportedCommandNames.In(this, new ErrorRecord(new InvalidOperationException(RowOfPipedObject() + failed.Problem.Message + shared),
                failed.Problem.ErrorId, failed.Problem.Category, Target(id))));
        }

        /// <summary>
        /// "Row 7: " for a piped send result (its Row) or row of a results file, so a failed lookup names the row it was for, as
        /// MessageIdMissing does; nothing for an ID given as an argument.
        /// </summary>
        private string RowOfPipedObject() =>
            InputObject is null ? "" : $"Row {Receipts.SendResultRow.RowOf(InputObject, _input)}: ";

        /// <summary>
        /// The IDs to look up for this input; null when the piped object has none, after its MessageIdMissing error. PowerShell
        /// binds a piped object without a MessageId property by converting the whole object to text: before, each row of a
        /// CSV without that column (or of a results file read with the wrong -Delimiter) was looked up as "@{Row;...}" and
        /// came back Found False, as if the service did not know the message yet. A hashtable's MessageId key is read here.
        /// </summary>
        private string?[]? IdsOfPipedObject()
        {
            var piped = InputObject?.BaseObject;
            if (piped is null || piped is string || piped is ValueType || InputObject!.Properties["MessageId"] is not null)
                return MessageId is { Length: > 0 } given ? given : new string?[] { null };
            if (piped is IDictionary dictionary && InputRow.TryGetKey(dictionary, "MessageId", out var key))
                return new[] { key is null ? null : LanguagePrimitives.ConvertTo<string>(key) };

            var row = InputRow.Read(InputObject);
            var why = _misread.ReasonFor(row.Columns, _input, "row", name => string.Equals(name, "MessageId", StringComparison.OrdinalIgnoreCase))
                ?? "the piped object has no MessageId column" + RecordComposer.ColumnsOf(row) + (MessageIdLines.ColumnHoldingAnId(row) is string column
                    ? IdUnderAnotherName(column)
                    : ": pipe send results, or the rows of their Export-Csv (Import-Csv results.csv)");
            WriteRowError(new ErrorRecord(new ArgumentException($"Row {_input}: MessageId: {why}."), "MessageIdMissing", ErrorCategory.InvalidArgument, Target(null)));
            return null;
        }

        /// <summary>
        /// The row's message ID is in a column of another name (Id, Message ID): the exact fix, with that column. No alias
        /// binds it: Id is the property of too many other objects (processes, services) to be taken for a message ID.
        /// </summary>
        private static string IdUnderAnotherName(string column)
        {
            var property = MessageIdLines.AsProperty(column);
            return $", but its column {Messages.Validation.InputEcho.Quote(column)} holds a message ID: give that column as MessageId, " +
                $"Import-Csv <file> | Select-Object @{{n='MessageId';e={{$_.{property}}}}} | Get-ConnectMessage, " +
                $"or give the IDs as -MessageId (Import-Csv <file>).{property}";
        }

        /// <summary>What an error is about: the piped object (a send result names its row and number), else the ID given.</summary>
        /// A row of an Export-Csv is its PSObject: its columns live there, and its BaseObject is an empty PSCustomObject.
        private object? Target(string? id) => InputObject is { BaseObject: PSCustomObject } row ? row : InputObject?.BaseObject ?? (object?)id;

        /// <summary>
        /// True when the piped send result (or its Export-Csv row) was Scheduled for a time still to come, or for a time it does
        /// not say (a results file written before results had a ScheduledFor column): the service's 404 then means "not gone out
        /// yet". Before, the admin saw only Found False, and the sandbox even said Delivered, for a reminder due tomorrow.
        /// </summary>
        private bool ScheduledLater(DateTimeOffset now, out DateTimeOffset? scheduledFor)
        {
            scheduledFor = null;
            if (InputObject?.BaseObject is SendResult result)
            {
                if (result.Status != SendStatus.Scheduled) return false;
                scheduledFor = result.ScheduledFor;
            }
            else
            {
                if (!string.Equals(AcceptedStatus(), "Scheduled", StringComparison.OrdinalIgnoreCase)) return false;
                scheduledFor = Receipts.ReportColumns.Time(InputObject!, "ScheduledFor");
            }
            return scheduledFor is null || scheduledFor > now;
        }

        /// <summary>
        /// The Destination of the piped send result (or of its Export-Csv row); null for an ID given by itself. Shown as To when
        /// the service does not know the message: before, a Scheduled lookup showed an empty To, and the admin could not tell
        /// whose reminder it was without going back to the send's results.
        /// </summary>
        private string? SentTo() =>
            InputObject is null ? null : InputObject.BaseObject is SendResult sent ? sent.Destination : Receipts.ReportColumns.Text(InputObject, "Destination");

        /// <summary>Queued or Scheduled when the piped send result (or its Export-Csv row) says the service accepted it; else null.</summary>
        private string? AcceptedStatus()
        {
            var status = InputObject?.Properties["Status"]?.Value;
            var text = status is null ? null : LanguagePrimitives.ConvertTo<string>(status);
            return string.Equals(text, "Queued", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "Scheduled", StringComparison.OrdinalIgnoreCase)
                ? text : null;
        }

        /// <summary>
        /// A row's error, counted for the progress bar's "with errors". Every error of this command is about one row or ID.
        /// </summary>
        private void WriteRowError(ErrorRecord error)
        {
            _unsuccessful++;
            WriteError(error);
        }

        // The progress bar of a long lookup: Import-Csv results.csv | Get-ConnectMessage over a night's 20,000 rows, each a
        // request of its own (one call a row in a loop), asks 20,000 times; at a tenant's 100 ms an answer that is half an
        // hour. Before, nothing moved on the console for all that time (a send run shows its bar): no count, no rate, and no
        // sign of the errors until the end. The same bar as a send's (SendProgress): rows done, with errors, per second.
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private SendProgress? _progress;
        private int? _progressId;
        private long _unsuccessful;
        private bool _progressShown;

        internal const string ProgressActivity = "Looking up messages";

        private void ShowProgress()
        {
            _progress ??= new SendProgress(() => _clock.Elapsed);
            if (_progress.Next(_input, _unsuccessful) is not ProgressSnapshot snapshot) return;
            _progressId ??= ProgressActivities.Take(ProgressActivities.FirstLookup);
            _progressShown = true;
            WriteProgress(RecordOf(snapshot));
        }

        private ProgressRecord RecordOf(ProgressSnapshot snapshot) =>
            new ProgressRecord(_progressId!.Value, ProgressActivity, snapshot.Status) { PercentComplete = snapshot.PercentComplete };

        /// <summary>The whole count as the bar's last word (the last redraw was throttled), then the bar removed.</summary>
        protected override void EndProcessing()
        {
            if (!_progressShown) return;
            if (_progress!.Last(_input, _unsuccessful) is ProgressSnapshot last) WriteProgress(RecordOf(last));
            WriteProgress(new ProgressRecord(_progressId!.Value, ProgressActivity, "Done") { RecordType = ProgressRecordType.Completed });
            _progressShown = false;
        }

        /// <inheritdoc />
        protected override void StopProcessing() => _stop.Request();

        /// <summary>Releases the stop's token (and the wait handle a wait made), and the progress bar's ID.</summary>
        public void Dispose()
        {
            _stop.Dispose();
            if (_progressId is int id) ProgressActivities.Release(id);
            _progressId = null;
        }
    }
}
