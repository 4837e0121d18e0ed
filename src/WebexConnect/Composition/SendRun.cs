using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Composition
{
    /// <summary>
    /// One invocation of a send cmdlet, without PowerShell: checks each composed record, hands it to the
    /// dispatcher (or records why it is invalid, keeping its place in the order) and counts what came back.
    /// The cmdlet decides ShouldProcess between <see cref="Check"/> and <see cref="Send"/> and writes results.
    /// </summary>
    internal sealed class SendRun
    {
        private readonly IDispatcher _dispatcher;
        private readonly MessageChecks _checks;
        private readonly Func<ConnectMessage, Recipient, int?> _measureParts;

        public SendRun(IDispatcher dispatcher, MessageChecks checks, Func<ConnectMessage, Recipient, int?>? measureParts = null)
        {
            _dispatcher = dispatcher;
            _checks = checks;
            _measureParts = measureParts ?? ((_, _) => null);
        }

        public long Submitted { get; private set; }

        public long Completed { get; private set; }

        /// <summary>Results that were also written to the error stream (every status but Queued, Scheduled and Skipped).</summary>
        public long Unsuccessful { get; private set; }

        /// <summary>How many results of each status so far (for the summary line at the end of the run).</summary>
        public IReadOnlyDictionary<SendStatus, long> ByStatus => _byStatus;

        private readonly Dictionary<SendStatus, long> _byStatus = new Dictionary<SendStatus, long>();

        /// <summary>The unsuccessful results by Code, for the warning a run with any ends with.</summary>
        public RunFailures Failures { get; } = new RunFailures();

        /// <summary>What limited the run's pace, for the line its -Verbose ends with: the time -Confirm's questions took, and the words.</summary>
        public RunPace Pace { get; } = new RunPace();

        /// <summary>
        /// The Invalid result for a record that must not be sent, or null when it may be sent. Its Sequence is
        /// its place among the records handed to the dispatcher, which has no gaps where a row was declined.
        /// </summary>
        public SendResult? Check(long row, ConnectMessage message, ComposedRecord record, object? inputObject, InputRow? columns = null) =>
            _checks.Check(row, message, record, inputObject, sequence: Submitted + 1, columns: columns);

        /// <summary>Keeps an Invalid result's place in the output order.</summary>
        public void Reject(SendResult invalid)
        {
            Submitted++;
            _dispatcher.AddCompleted(invalid);
        }

        /// <summary>
        /// Keeps the place of a row read and not sent because a question no one could answer (-Confirm, Inquire under
        /// -NonInteractive) ended the command before it: without this result the row had none, and -OutVariable held nothing of
        /// it. Its Code is the one a run a failure stops gives the rows it never sent, so it writes no error of its own.
        /// </summary>
        /// <param name="row">The row read and not sent.</param>
        /// <param name="message">Its message.</param>
        /// <param name="recipient">Its destination.</param>
        /// <param name="inputObject">The row as piped.</param>
        /// <param name="stoppedBy">The stop's ErrorId ("PromptWithoutInput").</param>
        public void NotSent(long row, ConnectMessage message, Recipient recipient, object? inputObject, string stoppedBy) =>
            Reject(new SendResult(message.Channel, recipient.ToString(), recipient.CorrelationId, SendStatus.Failed, code: SendErrors.RunStoppedCode,
                reason: "Not sent: the command ended before sending this row (" + stoppedBy + ": the error after the results says why). Safe to send again.",
                inputObject: inputObject, row: row));

        /// <summary>
        /// The failure that stopped sending (a refused key, JournalWriteFailed) while the input goes on: the rows read after it
        /// are not sent, and each still gets its result (<see cref="NotSentAfterStop"/>). Null while the run sends.
        /// </summary>
        public SessionFailureException? StoppedBy { get; private set; }

        /// <summary>
        /// Stops sending for good at <paramref name="failure"/>, and returns the results of the rows read before it, in input
        /// order: those that finished first, then one for each row still open (the dispatcher settles them).
        /// </summary>
        /// <param name="failure">The failure that dooms every later row.</param>
        public IReadOnlyList<SendResult> Stop(SessionFailureException failure)
        {
            StoppedBy ??= failure;
            return TakeFinishedAfterFailure();
        }

        /// <summary>
        /// Stops the run before it sends anything, at a failure already known when it began (the session's credential refused by
        /// an earlier call, <see cref="CredentialRefusal"/>): every row gets <see cref="NotSentAfterStop"/>, and no request leaves.
        /// </summary>
        public void StopBeforeSending(SessionFailureException failure) => StoppedBy ??= failure;

        /// <summary>
        /// The result of input row <paramref name="row"/>, read after <see cref="StoppedBy"/> stopped sending: Failed, not sent,
        /// as the rows read before the failure whose request never left; counted here, and never handed to the dispatcher,
        /// which rethrows the failure for every record. Before, the command ended at the failure, and the rows the input had
        /// after it got no result at all (650 rows of a 1,000-row CSV whose key was refused at row 351).
        /// </summary>
        /// <param name="row">The row read.</param>
        /// <param name="message">Its message.</param>
        /// <param name="recipient">Its destination.</param>
        /// <param name="inputObject">The row as piped.</param>
        /// <param name="journaled">What the run's journal already says of the row (Skipped: sent by an earlier run), which it keeps.</param>
        public SendResult NotSentAfterStop(long row, ConnectMessage message, Recipient recipient, object? inputObject, SendResult? journaled)
        {
            Submitted++;
            var result = journaled ?? new SendResult(message.Channel, recipient.ToString(), recipient.CorrelationId, SendStatus.Failed,
                code: SendErrors.RunStoppedCode, reason: StoppedBy?.RowReason ?? SendErrors.NotSentAfterStop(StoppedBy?.ErrorId ?? ""),
                parts: _measureParts(message, recipient), inputObject: inputObject, sequence: Submitted, row: row);
            Count(result);
            return result;
        }

        /// <summary>
        /// Queues the record of input row <paramref name="row"/>; blocks while the in-flight bound is reached.
        /// <paramref name="asGiven"/>: the message as the row gave it, when <paramref name="message"/> is it changed (DispatchItem.AsGiven);
        /// <paramref name="recipientAsGiven"/>: the destination with its substitution values as the cells held them, when trimmed.
        /// </summary>
        public void Send(long row, ConnectMessage message, Recipient recipient, object? inputObject, ConnectMessage? asGiven = null,
            Recipient? recipientAsGiven = null)
        {
            Submitted++;
            _dispatcher.Add(new DispatchItem(message, recipient, inputObject) { Parts = _measureParts(message, recipient), Row = row, AsGiven = asGiven, RecipientAsGiven = recipientAsGiven });
        }

        /// <summary>Results ready now, in input order.</summary>
        public IReadOnlyList<SendResult> TakeReady()
        {
            var ready = _dispatcher.TakeReady();
            foreach (var result in ready) Count(result);
            return ready;
        }

        /// <summary>
        /// After the run failed for good (a SessionFailureException from Send or Reject): the results that finished
        /// before the failure and were not taken yet, in input order. The dispatcher hands those over first and
        /// rethrows the failure once none is left; here that failure is already known, so it ends the taking.
        /// Without this, rows sent just before the failure (often while Send waited for a free request) would get
        /// no result, and a re-run without -Journal would send them again.
        /// </summary>
        public IReadOnlyList<SendResult> TakeFinishedAfterFailure()
        {
            var finished = new List<SendResult>();
            while (true)
            {
                IReadOnlyList<SendResult> ready;
                try
                {
                    ready = TakeReady();
                }
                catch (SessionFailureException)
                {
                    break;
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                if (ready.Count == 0) break;
                finished.AddRange(ready);
            }

            return finished;
        }

        /// <summary>Every remaining result, in input order, as it becomes ready.</summary>
        public IEnumerable<SendResult> Complete()
        {
            foreach (var result in _dispatcher.Complete())
            {
                Count(result);
                yield return result;
            }
        }

        private void Count(SendResult result)
        {
            Completed++;
            _byStatus.TryGetValue(result.Status, out var count);
            _byStatus[result.Status] = count + 1;
            // Counted as the error stream counts: a Skipped row (-Journal says it went in an earlier run) is no error.
            if (!SendErrors.IsError(result)) return;
            Unsuccessful++;
            Failures.Add(result);
        }
    }

    /// <summary>
    /// Decides whether one record may be sent: what composing the row found, the message's shared part
    /// (checked once per distinct message) and the destination, all reported together with the row number.
    /// </summary>
    internal sealed class MessageChecks
    {
        private readonly Func<ConnectMessage, IReadOnlyList<ValidationProblem>> _validateMessage;
        private readonly Func<ConnectMessage, Recipient, IReadOnlyList<ValidationProblem>> _validateRecipient;
        private readonly Func<ConnectMessage, ComposedRecord, IReadOnlyList<ValidationProblem>>? _validatePersonalised;
        private readonly Func<DateTimeOffset> _clock;
        private ConnectMessage? _lastMessage;
        private IReadOnlyList<ValidationProblem> _lastMessageProblems = Array.Empty<ValidationProblem>();

        /// <summary>How a row's reason names the parameters its columns gave: by the column, as the file spells it (default: by the parameter).</summary>
        public RowColumnNames ColumnNames { get; set; } = RowColumnNames.None;

        /// <param name="validateMessage">The message's own problems; asked once per message object.</param>
        /// <param name="validateRecipient">A destination's problems.</param>
        /// <param name="validatePersonalised">The texts as the recipient gets them.</param>
        /// <param name="clock">
        /// The current time, to ask again about a message whose ExpireAt the run has since passed (default: the system's).
        /// </param>
        public MessageChecks(Func<ConnectMessage, IReadOnlyList<ValidationProblem>> validateMessage,
            Func<ConnectMessage, Recipient, IReadOnlyList<ValidationProblem>> validateRecipient,
            Func<ConnectMessage, ComposedRecord, IReadOnlyList<ValidationProblem>>? validatePersonalised = null,
            Func<DateTimeOffset>? clock = null)
        {
            _validateMessage = validateMessage;
            _validateRecipient = validateRecipient;
            _validatePersonalised = validatePersonalised;
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        /// <summary>
        /// The checks the API's own rules need, as MessageValidator implements them, and the texts as each
        /// recipient gets them (<see cref="PersonalisedText"/>).
        /// </summary>
        /// <param name="allowMissingSubstitution">-AllowMissingSubstitution: send a $(name) without a value as written.</param>
        /// <param name="sentTexts">The command's texts as each recipient gets them, shared with its other steps.</param>
        /// <param name="substitutionsSent">
        /// The names a request carries, as the run's repeat warning asks them too: only the columns a request carries are
        /// checked. Null checks every column.
        /// </param>
        /// <param name="clock">The current time (default: the system's).</param>
        /// <param name="nothingPiped">A one-row call (nothing piped): a $(name) without a value is told to give -Substitution.</param>
        public static MessageChecks Standard(bool allowMissingSubstitution = false, SentTexts? sentTexts = null,
            LastSentSubstitutions? substitutionsSent = null, Func<DateTimeOffset>? clock = null, bool nothingPiped = false)
        {
            var now = clock ?? (() => DateTimeOffset.UtcNow);
            // SendAt is checked against the time the first message was: a long run overtaking it is no wrong date.
            DateTimeOffset? runStarted = null;
            return new MessageChecks(
                m =>
                {
                    var at = now();
                    runStarted ??= at;
                    return MessageValidator.Validate(m, at, runStarted.Value);
                },
                substitutionsSent is null ? MessageValidator.ValidateRecipient : new SentSubstitutions(substitutionsSent).ValidateRecipient,
                new PersonalisedText(allowMissingSubstitution, sentTexts) { NothingPiped = nothingPiped }.Problems, now);
        }

        /// <summary>
        /// Validates a destination with only the substitutions its request carries: before, a column no $(name) named, and
        /// that never left this computer, still made its row Invalid (a notes cell with Excel's U+000B line break).
        /// </summary>
        /// <remarks>
        /// The names are asked for only when a substitution has a problem: finding them serialises the message, and a Text
        /// column gives every row a message of its own, which the dispatcher serialises too. Once asked, they are kept for
        /// the rows that share the message (<see cref="LastSentSubstitutions"/>).
        /// </remarks>
        private sealed class SentSubstitutions
        {
            private readonly LastSentSubstitutions _sent;

            public SentSubstitutions(LastSentSubstitutions sent) => _sent = sent;

            public IReadOnlyList<ValidationProblem> ValidateRecipient(ConnectMessage message, Recipient recipient)
            {
                var problems = MessageValidator.ValidateRecipient(message, recipient);
                if (!HasSubstitutionProblem(problems)) return problems;
                return MessageValidator.ValidateRecipient(message, recipient, _sent.Of(message));
            }

            private static bool HasSubstitutionProblem(IReadOnlyList<ValidationProblem> problems)
            {
                for (var i = 0; i < problems.Count; i++)
                    if (problems[i].Field == MessageValidator.SubstitutionsField) return true;
                return false;
            }
        }

        /// <summary>
        /// The Invalid result naming the row and every problem, or null when the record may be sent.
        /// <paramref name="row"/> is the pipeline position named in the reason; <paramref name="sequence"/>
        /// the result's place in the output order (default: the row); <paramref name="columns"/> the row's columns, by which
        /// the reason names a value a column gave (<see cref="ColumnNames"/>).
        /// </summary>
        public SendResult? Check(long row, ConnectMessage message, ComposedRecord record, object? inputObject, long? sequence = null,
            InputRow? columns = null)
        {
            var problems = Problems(message, record);
            if (problems.Count == 0) return null;

            var reason = RowErrorText.Format(row, ColumnNames.Name(problems, columns));
            return new SendResult(message.Channel, record.Recipient.ToString(), record.Recipient.CorrelationId, SendStatus.Invalid,
                code: record.InvalidCode ?? SendErrors.InvalidInputCode, reason: reason, inputObject: inputObject, sequence: sequence ?? row, row: row);
        }

        /// <summary>
        /// Every problem of the record, in the order the reason lists them: what composing the row found, the
        /// message, then the destination. Empty when the record may be sent.
        /// </summary>
        public IReadOnlyList<ValidationProblem> Problems(ConnectMessage message, ComposedRecord record)
        {
            // A send result piped back: its one problem is the story; "$(Name) has no value" would send the admin to fix columns.
            if (record.IsMisreadRow) return record.Problems;
            // A message every row shares is checked once; but a run that outlasts its ExpireAt would then have sent the
            // later rows expired, where a run with a text per row (a message each) made them Invalid: it is asked again.
            if (!ReferenceEquals(message, _lastMessage) || (message.ExpireAt is DateTimeOffset expiry && _clock() >= expiry))
            {
                _lastMessageProblems = _validateMessage(message);
                _lastMessage = message;
            }

            // A destination object with no address has nothing the recipient rules could check; one the row's reading refused
            // (-To Phone, a column's name) would only be told it is no phone number, after the reason that says what it is.
            var recipient = record.Recipient.Addresses.Count > 0 && !RefusedDestination(record) ? _validateRecipient(message, record.Recipient) : Array.Empty<ValidationProblem>();
            var personalised = _validatePersonalised?.Invoke(message, record) ?? Array.Empty<ValidationProblem>();
            // The usual row has no problem at all: no list for it.
            if (record.Problems.Count + _lastMessageProblems.Count + recipient.Count + personalised.Count == 0) return Array.Empty<ValidationProblem>();
            // A field the row's reading found a problem with (a -Card script block that failed) is told once, by that problem:
            // the message's rule for the same field would only add that it is missing.
            // (RuleField: a one-row call's -ContactPolicyGroup is told under its parameter, the rule's ContactPolicy not again.)
            var problems = record.Problems.Concat(_lastMessageProblems.Where(p => !record.Problems.Any(r => r.Field == p.Field || r.RuleField == p.Field))).ToList();
            problems.AddRange(recipient);
            // So is the row's own text after substitution ($(FallbackText) of an empty FallbackText cell, told by the row's reading).
            problems.AddRange(record.Problems.Count == 0 ? personalised : personalised.Where(p => !record.Problems.Any(r => r.Field == p.Field)));
            return problems;
        }

        private static bool RefusedDestination(ComposedRecord record)
        {
            for (var i = 0; i < record.Problems.Count; i++)
                if (record.Problems[i].Field == "To") return true;
            return false;
        }
    }
}
