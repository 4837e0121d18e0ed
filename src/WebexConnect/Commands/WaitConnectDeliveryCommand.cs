using System;
using System.Globalization;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using WebexConnect.Composition;
using WebexConnect.Messages.Validation;
using WebexConnect.Receipts;
using WebexConnect.Results;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Wait-ConnectDelivery: takes send results from the pipeline and writes each one again, in input order, with
    /// the delivery status its receipts (received by a listener) gave it, waiting up to -Timeout after the last one.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "ConnectDelivery", DefaultParameterSetName = ListenerSet)]
    [OutputType(typeof(DeliveryResult))]
    public sealed class WaitConnectDeliveryCommand : PSCmdlet, IDisposable
    {
        private const string ListenerSet = "Listener";
        private const string ReceiptSet = "Receipt";
        private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

        private readonly CommandStop _stop = new CommandStop();
        private readonly MisreadDelimiterRows _misread = new MisreadDelimiterRows();
        private DeliveryJoin? _join;
        private long _dropsAtStart;
        private long _repeatsAtStart;
        private long _inputs;
        private bool _listenerStopped;
        private bool _warnedUnreadTime;
        private bool _warnedAmbiguousTime;

        /// <summary>
        /// The send results to wait for: the output of Send-ConnectSms, Send-ConnectEmail, Send-ConnectRcs, DeliveryResults
        /// to wait for again, or the rows of their Export-Csv.
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, HelpMessage = "The send results to wait for.")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public PSObject? InputObject { get; set; }

        /// <summary>
        /// The listener that receives the receipts (the one whose Url the sends gave as -NotifyUrl); by default the one
        /// listener running in this session. Its Url or port names a running one too.
        /// </summary>
        [Parameter(Position = 0, ParameterSetName = ListenerSet)]
        [ValidateNotNull]
        [ListenerArgument]
        [ArgumentCompleter(typeof(RunningListenerCompleter))]
        public ConnectReceiptListener? Listener { get; set; }

        /// <summary>Receipts read already (ConvertFrom-ConnectWebhook on saved webhooks, or the rows of their Export-Csv): joined at once, without waiting.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ReceiptSet, HelpMessage = "The receipts, e.g. from ConvertFrom-ConnectWebhook.")]
        [AllowEmptyCollection]
        [AllowNull]
        [ReceiptArgument]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public DeliveryReceipt[]? Receipt { get; set; }

        /// <summary>How many seconds to wait, after the last result arrived, for the receipts still missing.</summary>
        [Parameter(ParameterSetName = ListenerSet)]
        [Alias("TimeoutSec")] // what Connect-WebexConnect and PowerShell's web cmdlets call a wait in seconds
        [SecondsArgument("Timeout")]
        [ValidateRange(0, 86_400)]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public int Timeout { get; set; } = 120;

        /// <summary>
        /// How the tenant's email app sends: Smtp or AwsSes (a tenant has one of the two, set when it was onboarded). An app that
        /// sends through SMTP gets only the Submitted receipt, so with Smtp an email row is done at its Submitted receipt, without
        /// waiting -Timeout for receipts that never come, and its Note says why. Not given, the route is not known: email rows wait
        /// for a receipt after Submitted, and those left at Submitted say that an SMTP app sends no other.
        /// </summary>
        [Parameter]
        [ValidateSet(DeliveryNote.Smtp, DeliveryNote.AwsSes)]
        public string? EmailRoute { get; set; }

        private DeliveryNote _notes = new DeliveryNote(null);

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            DebugSwitch.Apply(this);
            _notes = new DeliveryNote(EmailRoute);
            if (ParameterSetName == ListenerSet && Listener is null) Listener = TheRunningListener();
            if (Listener is null)
            {
                // Receipts given: all there will be, so nothing is waited for.
                var given = new ReceiptBuffer(Math.Max(1, Receipt?.Length ?? 0));
                foreach (var receipt in Receipt ?? Array.Empty<DeliveryReceipt>())
                    if (receipt != null) given.Add(receipt);
                WarnOfUnreadReceivedAt();
                _join = new DeliveryJoin(given, _notes.SmtpEmail);
                Timeout = 0;
                return;
            }
            _dropsAtStart = Listener.Dropped;
            _repeatsAtStart = Listener.Repeated;
            // A stopped listener gets no more receipts: waiting -Timeout for them (120 s by default) only delays the
            // NoReceipt rows, as when a script's Stop-ConnectReceiptListener ran before a later wait on the same listener.
            _listenerStopped = !Listener.IsRunning;
            _join = new DeliveryJoin(Listener.Listener.Receipts, _notes.SmtpEmail, _listenerStopped ? TimeSpan.Zero : TimeSpan.FromSeconds(Timeout));
            if (_listenerStopped) WriteWarning($"The listener at {Listener.Url} is stopped: only the receipts it already has are used, without waiting.");
        }

        /// <summary>Without -Listener, the one this session runs; none, or several, end the command with what to give.</summary>
        private ConnectReceiptListener TheRunningListener()
        {
            var listener = Commands.TheRunningListener.Of(this, "give -Listener with the one whose Url the sends gave as -NotifyUrl.");
            if (listener is null)
                ThrowTerminatingError(ImportedCommandNames.In(this, new ErrorRecord(new InvalidOperationException(
                    "No receipt listener is running in this session. Start one with Start-ConnectReceiptListener before sending, give its Url " +
                    "to the sends' -NotifyUrl, and pipe their results here; or give -Receipt with receipts read already (ConvertFrom-ConnectWebhook)."),
                    "NoReceiptListener", ErrorCategory.ObjectNotFound, null)));
            return listener!;
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            _inputs++;
            if (!(SendResultRow.Read(InputObject, _inputs, _misread, out var problem) is SendResult sent))
            {
                WriteError(ImportedCommandNames.In(this, new ErrorRecord(new ArgumentException(problem), "InvalidSendResultRow", ErrorCategory.InvalidData, InputObject)));
                return;
            }
            WarnOfUnreadTime(sent);
            WarnOfAmbiguousTime(sent);
            // The receipts at hand are read before the row is added: a row they answer at once is held for a later row of its
            // request to the same address (DeliveryJoin.HeldForPartner), so that both can say they share their receipts.
            if (Listener != null && DeliveryJoin.MayHaveBeenSent(sent))
            {
                if (WentOutLongBeforeListener(sent)) _longBefore++;
                else _receiptsMayCome = true;
                if (!SentBeforeListener(sent)) _sentSinceListener = true;
            }
            _join!.Pull();
            _join.Add(sent);
            Write(_join.TakeReady(all: false));
        }

        /// <summary>True once a row that may have been sent went out after the listener started (or its time is not known).</summary>
        private bool _sentSinceListener;

        /// <summary>Rows that may have been sent and went out long (<see cref="Lead"/>) before the listener started.</summary>
        private long _longBefore;

        /// <summary>True once a row that may have been sent went out after that (or its time is not known): the wait is worth it.</summary>
        private bool _receiptsMayCome;

        /// <summary>
        /// Set at the end of the input: every row that may have been sent went out long before this listener (<see cref="Lead"/>)
        /// started (the next morning's job with a new listener and yesterday's results.csv). The receipts the command would wait
        /// for were posted before the listener existed, to the -NotifyUrl of those sends: it takes what the listener has and
        /// does not wait. Before, it sat out the whole -Timeout for them.
        /// </summary>
        private bool _nothingToWaitFor;

        /// <summary>
        /// When the row's message went out: a Scheduled row's ScheduledFor (null when not known), else when it was sent. A
        /// reminder sent yesterday for this morning goes out, and gets its receipts, after a listener started at dawn.
        /// </summary>
        private static DateTimeOffset? WentOutAt(SendResult sent) =>
            sent.Status == SendStatus.Scheduled ? sent.ScheduledFor : sent.SubmittedAt;

        /// <summary>
        /// Went out longer before the listener started than the wait the admin gave for its receipts (-Timeout): those receipts
        /// have come, and gone to the -NotifyUrl that send gave, before this listener existed.
        /// </summary>
        private bool WentOutLongBeforeListener(SendResult sent) =>
            WentOutAt(sent) is DateTimeOffset at && at < Listener!.StartedAt - Lead;

        /// <summary>
        /// How long before the listener started a row must have gone out for its receipts to be past: -Timeout, but at least
        /// <see cref="MinimumLead"/>.
        /// </summary>
        private TimeSpan Lead => TimeSpan.FromSeconds(Math.Max(Timeout, MinimumLead.TotalSeconds));

        /// <summary>
        /// A row's SubmittedAt is the service's requestTimestamp, on the service's clock: minutes of skew between it and this
        /// computer's must not make a row sent just after the listener started look like yesterday's, and go unwaited for.
        /// </summary>
        private static readonly TimeSpan MinimumLead = TimeSpan.FromMinutes(10);

        /// <summary>The lead as the messages say it: "120 s" of a -Timeout of 120 s, else "10 minutes".</summary>
        private string LeadText => Timeout >= MinimumLead.TotalSeconds
            ? $"-Timeout ({Timeout} s)"
            : $"{MinimumLead.TotalMinutes:0} minutes";

        /// <summary>
        /// Once per run, the first row of a results file whose SubmittedAt cell, or a Scheduled row's ScheduledFor cell, is not
        /// read as a time: a file written in another culture (de-DE's 06.12.2026 read in en-US). Before, the time was left out
        /// without a word, and a row without a message ID could take the receipt of an earlier send of the same row; a
        /// Scheduled row whose time is not read is waited for, as one of a file without that column.
        /// </summary>
        private void WarnOfUnreadTime(SendResult sent)
        {
            if (_warnedUnreadTime || InputObject is null) return;
            (string? column, string? consequence) = sent.SubmittedAt is null
                ? ("SubmittedAt", "the send times of such rows are not read, and a row without a MessageId may take the receipt of an earlier send")
                : sent.Status == SendStatus.Scheduled && sent.ScheduledFor is null
                    ? ("ScheduledFor", "the times of such Scheduled rows are not read, and each is waited for as if it went out now, though no " +
                        "receipt comes before its time")
                    : ((string?)null, (string?)null);
            if (column is null || Receipts.ReportColumns.UnreadTime(InputObject, column) is not string cell) return;
            _warnedUnreadTime = true;
            WriteWarning($"Row {sent.Row}: {column} '{cell}' is not a time in ISO 8601 or in this culture's ({ThisCulture()}) " +
                $"format, so {consequence}. Read the file in the culture that wrote it, or write its times in ISO 8601.");
        }

        /// <summary>
        /// The first receipt of -Receipt whose ReceivedAt cell was not read as a time (a receipts file Export-Csv wrote in
        /// another culture), said once. Before, such a receipt was taken as received now without a word, so it could answer
        /// for an Unknown row sent after it really came.
        /// </summary>
        private void WarnOfUnreadReceivedAt()
        {
            var receipts = Receipt ?? Array.Empty<DeliveryReceipt>();
            for (var i = 0; i < receipts.Length; i++)
            {
                if (receipts[i]?.UnreadReceivedAt is not string cell) continue;
                WriteWarning($"Receipt {i + 1}: ReceivedAt '{cell}' is not a time in ISO 8601 or in this culture's ({ThisCulture()}) " +
                    "format, so such receipts are taken as received now, and one may answer for an Unknown row sent after it came. " +
                    "Read the file in the culture that wrote it, or write its times in ISO 8601.");
                return;
            }
        }

        /// <summary>
        /// The culture's name as the warnings show it. The invariant culture's name is empty: a scheduled task on Linux with no
        /// LANG set read "in this culture ()", which named nothing to change.
        /// </summary>
        private static string ThisCulture() =>
            CultureInfo.CurrentCulture.Name is { Length: > 0 } name ? name : "invariant: no language is set, e.g. LANG";

        /// <summary>
        /// Once per run, the first row whose SubmittedAt this culture reads with day and month that could be swapped
        /// (<see cref="Receipts.ReportColumns.AmbiguousTime"/>). Before, an en-GB file's 05/12/2026 read in en-US became
        /// 12 May without a word, and the rows were judged against send times months off.
        /// </summary>
        private void WarnOfAmbiguousTime(SendResult sent)
        {
            if (_warnedAmbiguousTime || InputObject is null || sent.SubmittedAt is not DateTimeOffset read) return;
            if (Receipts.ReportColumns.AmbiguousTime(InputObject, "SubmittedAt", read) is not string cell) return;
            _warnedAmbiguousTime = true;
            var culture = CultureInfo.CurrentCulture;
            WriteWarning($"Row {sent.Row}: SubmittedAt '{cell}' is read in this culture ({ThisCulture()}) as " +
                read.ToString("d MMMM yyyy", culture) + ", but it is not how this culture writes that time, and another culture " +
                "reads its day and month the other way round; so may the other rows of the file. Read the file in the culture " +
                "that wrote it, or write its times in ISO 8601 (about_WebexConnect shows how).");
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            var join = _join!;
            join.EndOfInput();
            WarnOfRepeats(join);
            if (Listener is null)
            {
                Write(join.TakeReady(all: true));
                return;
            }
            _nothingToWaitFor = !_listenerStopped && Timeout > 0 && _longBefore > 0 && !_receiptsMayCome;
            // A bar of its own while it waits: waits at the same time (ForEach-Object -Parallel) each show theirs.
            var progressId = ProgressActivities.Take(ProgressActivities.FirstWait);
            try
            {
                WaitForReceipts(join, progressId);
            }
            finally
            {
                ProgressActivities.Release(progressId);
            }
            var last = join.TakeReady(all: true);
            Write(last);
            // Every row NoReceipt and a listener that never heard from anyone: the sends most likely went without
            // -NotifyUrl (the sandbox, too, posts receipts only to it), which one line says better than N timeouts.
            // A stopped listener has said so already (BeginProcessing): the sends' -NotifyUrl is not what is wrong. Nor is it for a
            // Scheduled row, whose receipt comes after its time (its error says so): before, a wait on reminders due tomorrow,
            // sent with the listener's -NotifyUrl, was asked whether the sends gave -NotifyUrl. Nor for an email whose send left
            // submitted out of -RequestedReceipt: an SMTP email app sends it nothing (its note says so).
            var sentBefore = _listenerStopped ? 0 : last.Count(r => r.TimedOut && SentBeforeListener(r.SendResult));
            if (sentBefore > 0)
                WriteWarning(SentBeforeListenerStarted(sentBefore));
            else if (Listener!.Received == 0 && !_listenerStopped &&
                last.Exists(r => r.TimedOut && r.Status == DeliveryStatus.NoReceipt && r.SendStatus != SendStatus.Scheduled && r.Note is null))
                WriteWarning(Listener.Refused > 0 ? AllRefused(Listener) :
                    $"The listener at {Listener.Url} has received no receipt at all. Did the sends give -NotifyUrl? The service posts " +
                    $"a message's receipts only to its -NotifyUrl: {Listener.Url}, or the public URL in front of it.");
            var repeated = Listener!.Repeated - _repeatsAtStart;
            if (repeated > 0)
                WriteVerbose($"The listener got {Counted.Of(repeated, "signed webhook")} again while this command waited: the same body and signature as one " +
                    "it had kept (a replay, or the service sending again). Each was answered 200 and kept once.");
            var dropped = Listener!.Dropped - _dropsAtStart;
            if (dropped > 0)
                WriteWarning($"The listener forgot {dropped} receipts while this command waited (its -Capacity is {Listener.Capacity}): some results may show NoReceipt although one came.");
        }

        /// <summary>
        /// Once, when a send result was given more than once ($r + $r, results.csv read twice): each is reported every time it
        /// is given, so a count of the report's Delivered rows counts those messages more than once. Said before the rows, as the
        /// wait may be long.
        /// </summary>
        private void WarnOfRepeats(DeliveryJoin join)
        {
            if (join.Repeats == 0) return;
            WriteWarning($"{Counted.Of(join.Repeats, "send result")} {(join.Repeats == 1 ? "was" : "were")} given more than once " +
                $"(the first: row {join.FirstRepeatedRow}): each is reported every time it is given, the same each time, so a count " +
                "of the report's rows counts those messages more than once. Give each result once.");
        }

        /// <summary>
        /// Draws the bar: how many of the awaited destinations have a final receipt (the bar's fill), how many are still to go, and
        /// at most how much longer the wait lasts (<see cref="WaitProgress"/>; no SecondsRemaining, which PowerShell shows as an
        /// estimate). Returns the count still awaited.
        /// </summary>
        private long DrawProgress(DeliveryJoin join, int progressId, TimeSpan left)
        {
            var expected = join.Expected;
            var waiting = join.Waiting;
            WriteProgress(new ProgressRecord(progressId, "Waiting for delivery receipts", WaitProgress.Status(expected, waiting, left))
            {
                PercentComplete = expected == 0 ? 100 : (int)(100 * (expected - waiting) / expected),
            });
            return waiting;
        }

        /// <summary>Writes results as their final receipts come, until none is awaited, -Timeout or a stop; then removes the bar.</summary>
        private void WaitForReceipts(DeliveryJoin join, int progressId)
        {
            var clock = Stopwatch.StartNew();
            var limit = _listenerStopped || _nothingToWaitFor ? TimeSpan.Zero : TimeSpan.FromSeconds(Timeout);
            var lastProgress = TimeSpan.FromSeconds(-1);
            long shownWaiting = -1;
            join.Pull();
            var waitedFor = join.Waiting;
            // -Verbose says what the command is doing while it seems idle, and how the wait ended.
            // -Timeout 0 (a report of what is in now, as after a Ctrl+C that wrote nothing more) waits for nothing: before, it said
            // "Waiting up to 0 s".
            if (waitedFor > 0 && _nothingToWaitFor)
                WriteVerbose($"Not waiting: every row went out more than {LeadText} before the listener at {Listener!.Url} started, " +
                    $"so the receipts it would wait for were posted before then; {Counted.Of(waitedFor, "destination")} {(waitedFor == 1 ? "has" : "have")} " +
                    "no final receipt among those it has.");
            else if (waitedFor > 0 && !_listenerStopped)
                WriteVerbose(Timeout == 0
                    ? $"Not waiting (-Timeout 0): {Counted.Of(waitedFor, "destination")} {(waitedFor == 1 ? "has" : "have")} no final receipt yet from the listener at {Listener!.Url}."
                    : $"Waiting up to {Timeout} s for the final receipts of {Counted.Of(waitedFor, "destination")} from the listener at {Listener!.Url}.");
            while (true)
            {
                join.Pull();
                Write(join.TakeReady(all: false));
                if (join.Waiting == 0 || clock.Elapsed >= limit || _stop.IsRequested) break;
                if (clock.Elapsed - lastProgress >= TimeSpan.FromMilliseconds(500))
                {
                    lastProgress = clock.Elapsed;
                    shownWaiting = DrawProgress(join, progressId, limit - clock.Elapsed);
                }
                _stop.Wait(Poll);
            }
            // The count the wait ended on, as the bar's last word (as SendProgress.Last does for a send): without it, the
            // bar said "13 of 300 have a final receipt" up to half a second before the end, then was removed, and a wait
            // whose every receipt came showed as one that gave up. Not when no bar was drawn: none is to be corrected.
            if (shownWaiting >= 0 && shownWaiting != join.Waiting)
                DrawProgress(join, progressId, limit - clock.Elapsed);
            WriteProgress(new ProgressRecord(progressId, "Waiting for delivery receipts", "Done") { RecordType = ProgressRecordType.Completed });
            if (waitedFor > 0 && !_nothingToWaitFor)
            {
                var seconds = clock.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
                WriteVerbose(join.Waiting == 0
                    ? $"Every destination waited for ({waitedFor}) has a final receipt, after {seconds} s."
                    : $"Stopped waiting after {seconds} s: {Counted.Of(join.Waiting, "destination")} of the {waitedFor} waited for {(join.Waiting == 1 ? "has" : "have")} no final receipt. " +
                        (_sentSinceListener || _listenerStopped
                            ? MayStillCome(join.Waiting)
                            : "Every row went out before the listener started: the receipts posted until then went elsewhere (the warning says what to do)."));
            }
        }

        /// <summary>
        /// What a row without its final receipt can do, in the same words for the row's error and for the wait's end: before, the
        /// error said "It may still arrive: the listener keeps it" and the help "may still come", and neither said how to get it.
        /// </summary>
        private static string MayStillCome(long rows) => rows == 1
            ? "It may still come, and the listener keeps it: pipe this row to Wait-ConnectDelivery again later."
            : "They may still come, and the listener keeps them: pipe those rows to Wait-ConnectDelivery again later.";

        /// <summary>
        /// A row sent before the listener started (a results file's SubmittedAt keeps whole seconds, hence the margin): the
        /// receipts the service posted until then went to the -NotifyUrl of that send, and this listener never gets them.
        /// </summary>
        private bool SentBeforeListener(SendResult sent) =>
            WentOutAt(sent) is DateTimeOffset at && at < Listener!.StartedAt - TimeSpan.FromSeconds(1);

        /// <summary>
        /// The next morning's job started a listener of its own and piped yesterday's results.csv to it: before, the wait ended
        /// asking whether the sends gave -NotifyUrl, which they had; their receipts had gone to yesterday's listener.
        /// </summary>
        private string SentBeforeListenerStarted(int rows) =>
            $"{Counted.Of(rows, "row")} {(rows == 1 ? "was" : "were")} sent before the listener at {Listener!.Url} started " +
            $"({Listener.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z): the receipts the service " +
            "posted before then went to the -NotifyUrl those sends gave, and this listener never gets them" +
            (_nothingToWaitFor ? $"; they went out more than {LeadText} before it started, so this command did not wait. " : ". ") +
            "For their status now, pipe those rows to Get-ConnectMessage (the service's answer, by message ID). Next time, wait with the " +
            "listener the sends named, before it stops; or give -Receipt with the receipts kept then (its GetReceipts() saved with " +
            "Export-Csv, or the webhooks a web server saved, read with ConvertFrom-ConnectWebhook).";

        /// <summary>
        /// A row's error when it went out before the listener started: in the same words as the wait's warning
        /// (<see cref="SentBeforeListenerStarted"/>). Before, the warning said this listener never gets its receipts, and the
        /// row's error that they may still come and to wait for them again later, which gave the same NoReceipt.
        /// </summary>
        private string SentBeforeThisListener(SendResult sent) =>
            (_nothingToWaitFor ? "(not waited for: " : $"within {Timeout} s (") + $"{KeyOf(sent)}): it went out before the listener at " +
            $"{Listener!.Url} started, so the receipts posted until then went to the -NotifyUrl that send gave, and this listener never " +
            "gets them. " + (string.IsNullOrEmpty(sent.MessageId)
                ? "Give -Receipt with the receipts kept then."
                : "For its status now, pipe this row to Get-ConnectMessage; or give -Receipt with the receipts kept then.");

        /// <summary>
        /// Requests came and every one was refused: what refused them is the news, not a missing -NotifyUrl. The sandbox
        /// signs no receipt, so a production script's listener with -Secret, rehearsed there, refuses them all (401);
        /// before, the warning asked whether the sends gave -NotifyUrl, which they had.
        /// </summary>
        private static string AllRefused(ConnectReceiptListener listener) =>
            $"The listener at {listener.Url} has kept no receipt: it refused all {listener.Refused} requests it got (the last: {listener.LastProblem})." +
            (listener.VerifiesSignatures
                ? " It keeps only receipts signed with its -Secret, the service's webhook secret; the sandbox signs none: rehearse with a listener started without -Secret."
                : "");

        // A receipt may come without a code or a Description: no empty "()" or trailing ": " in the message then. Both are
        // what the sender wrote, so printed as one line: a CR in a Description printed "Delivered" over "Row 3: Failed".
        private static string Parenthesised(string? code) => string.IsNullOrEmpty(code) ? "" : $" ({InputEcho.OneLine(code)})";

        // What to do (FailureAdvice, the row's Note) follows as a sentence of its own: "...: Invalid address. The number or ...".
        private static string Described(string? description, string? advice)
        {
            if (string.IsNullOrEmpty(description)) return string.IsNullOrEmpty(advice) ? "." : ". " + advice;
            var said = ": " + InputEcho.OneLine(description);
            return string.IsNullOrEmpty(advice) ? said : said.TrimEnd('.') + ". " + advice;
        }

        /// <inheritdoc />
        protected override void StopProcessing() => _stop.Request();

        /// <summary>Releases the stop's token (and the wait handle a wait made).</summary>
        public void Dispose() => _stop.Dispose();

        /// <summary>
        /// The table's Reason for a NoReceipt row (<see cref="DeliveryResult.NoReceiptReason"/>), in the cases and order of the
        /// row's DeliveryReceiptMissing error below: which one it is first, as an 80-column console keeps about 17 characters
        /// of it, then what to do. Get-ConnectMessage is offered only for a row with a message ID to look up.
        /// </summary>
        private string? NoReceiptReason(DeliveryResult result)
        {
            if (result.Status != DeliveryStatus.NoReceipt) return null;
            if (!DeliveryJoin.CanBeMatched(result.SendResult)) return "No ID to match: check the service's reports before resending";
            if (!result.TimedOut) return result.Note is null ? null : "None can come: see Note";
            var lookUp = string.IsNullOrEmpty(result.MessageId) ? "" : "Get-ConnectMessage or ";
            if (Listener is null) return "Not in -Receipt: " + lookUp + "give more receipts";
            if (_listenerStopped) return "Listener stopped: start one before the send";
            if (SentBeforeListener(result.SendResult)) return "Sent before listener: " + lookUp + "give -Receipt";
            return Timeout == 0
                ? "Not waited (-Timeout 0): " + lookUp + "wait again with a -Timeout"
                : $"Timed out ({Timeout} s): " + lookUp + "wait again, longer -Timeout";
        }

        /// <summary>What the receipts were looked for by: the message ID, or for an Unknown send the correlation ID.</summary>
        private static string KeyOf(SendResult sent) =>
            string.IsNullOrEmpty(sent.MessageId) ? $"correlation ID {sent.CorrelationId}" : $"message {sent.MessageId}";

        private void Write(System.Collections.Generic.List<DeliveryResult> ready)
        {
            foreach (var result in ready)
            {
                result.Note = _notes.For(result);
                result.NoReceiptReason = NoReceiptReason(result);
                WriteObject(result);
                if (result.Status == DeliveryStatus.NoReceipt && !DeliveryJoin.CanBeMatched(result.SendResult))
                {
                    WriteError(new ErrorRecord(new DeliveryException(
                            $"Row {result.Row}: {result.Destination}: the send's outcome is {result.SendStatus} and it has neither a message ID nor a correlation ID, so no delivery receipt can be matched to it. Check the service's delivery reports before sending it again; give rows a CorrelationId so that receipts can be matched.", result),
                        "DeliveryReceiptMissing", ErrorCategory.ObjectNotFound, result.SendResult));
                }
                else if (result.Status == DeliveryStatus.NoReceipt && !result.TimedOut && result.Note != null)
                {
                    // Not waited for: no receipt can come (an SMTP app's email sent without submitted in -RequestedReceipt).
                    WriteError(new ErrorRecord(new DeliveryException($"Row {result.Row}: {result.Destination}: no delivery receipt can come. {result.Note}", result),
                        "DeliveryReceiptMissing", ErrorCategory.ObjectNotFound, result.SendResult));
                }
                else if (result.Status == DeliveryStatus.NoReceipt || (result.TimedOut && result.Status != DeliveryStatus.NotSent))
                {
                    var what = result.Status == DeliveryStatus.NoReceipt ? "no delivery receipt" : "only a " + result.Status + " receipt";
                    var where = Listener is null
                        ? $"among the {Receipt?.Length ?? 0} receipts given ({KeyOf(result.SendResult)})."
                        : _listenerStopped
                            ? $"among those the stopped listener at {Listener.Url} kept ({KeyOf(result.SendResult)}). Start a listener before the send and stop it after the wait."
                            : SentBeforeListener(result.SendResult)
                                ? SentBeforeThisListener(result.SendResult)
                            : Timeout == 0
                                ? $"yet, and -Timeout 0 waited for none ({KeyOf(result.SendResult)}). {MayStillCome(1)}"
                                : $"within {Timeout} s ({KeyOf(result.SendResult)}). {MayStillCome(1)}";
                    WriteError(new ErrorRecord(new DeliveryException(
                            $"Row {result.Row}: {result.Destination}: {what} {where}{(result.Note is null ? "" : " " + result.Note)}", result),
                        "DeliveryReceiptMissing", ErrorCategory.OperationTimeout, result.SendResult));
                }
                else if (DeliveryStatuses.IsFailure(result.Status))
                {
                    WriteError(new ErrorRecord(new DeliveryException(
                            $"Row {result.Row}: {result.Status}{Parenthesised(result.Code)} {result.Destination}{Described(result.Description, result.Note)}", result),
                        "DeliveryFailed", ErrorCategory.InvalidResult, result.SendResult));
                }
            }
        }
    }
}
