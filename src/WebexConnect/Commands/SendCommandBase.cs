using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Threading;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Commands
{
    /// <summary>
    /// What Send-ConnectSms, Send-ConnectEmail and Send-ConnectRcs share: the common parameters, the
    /// session, and the flow record → check → ShouldProcess → dispatcher → results in input order.
    /// Everything that is not PowerShell binding lives in Composition/ and is tested there.
    /// </summary>
    public abstract class SendCommandBase : PSCmdlet, IDisposable
    {
        /// <summary>The parameter set that uses a template configured in Webex Connect instead of content.</summary>
        protected const string TemplateSet = "Template";

        private readonly Stopwatch _clock = new Stopwatch();
        private CommandStop? _cancellation;
        private IDisposable? _processEnd;
        private IDispatcher? _dispatcher;
        private ConnectSession? _session;
        private RecordComposer? _composer;
        private DictionaryRowBinding? _dictionaryRows;
        private MessageChecks? _checks;
        private readonly MisreadCharacters _misread = new MisreadCharacters();
        // Made with the session (BeginProcessing): it asks the engine which of a row's values a request carries.
        private RepeatedRows? _repeated;
        // An error written with the reason of the one before it names that row instead of saying the reason again.
        private readonly SameReasonRows _sameReason = new SameReasonRows();
        private readonly SendAtOvertaken _sendAtOvertaken = new SendAtOvertaken();
        private readonly TwiceShownWarning _twiceShown = new TwiceShownWarning();
        // -SendAt as the command line gave it (null when it did not): each row's own time otherwise, from its SendAt column.
        private DateTimeOffset? _sendAtGiven;
        // Each row's -ExpireAt and -Validity: the command line's, else its ExpireAt or Validity cell's.
        private RowExpiry? _expiry;
        private readonly CutOffRow _cutOff = new CutOffRow();
        private Func<InputRow, string?>? _destinationColumnOf;
        // The parameters whose value is every row's, by name and alias: those no column sets, and those given on the command
        // line (PowerShell then reads no column for them). The first row's check stops the command on their problems.
        private IReadOnlyDictionary<string, string>? _runWideParameters;
        // Nothing piped: the parameters whose problem is the one row's Invalid result rather than the command's stop.
        private OneRowCall? _oneRowCall;
        private SendRun? _run;
        private string? _journalPath;
        private ResultWriter? _output;
        private Streams? _streams;
        // The run's last word on a stop (StoppedRun) is said once: a downstream stop says it, then the pipeline disposes.
        private bool _stopSaid;
        private bool _endWarningsSaid;
        private SendProgress? _progress;
        // This run's own bar while it sends (ProgressActivities): runs at the same time each show theirs.
        private int? _progressActivityId;
        private WhatIfBatches? _whatIf;
        // -WhatIf in a session without -Tps: what its batches assumed of the rate, said once before the first (then null).
        private string? _whatIfRateAssumed;
        // -WhatIf or -Confirm with a journal that holds records: which rows a run on it will not send.
        private IJournalPreview? _journalPreview;
        private WhatIfJournalRows? _whatIfJournalRows;
        private bool _progressShown;
        private bool _silentConsent;
        private bool _sessionHeld;
        private ActionPreference _errorAction;
        private long _row;
        private ConnectMessage? _message;
        private object?[]? _messageKey;
        private object?[]? _rowContent;

        /// <summary>
        /// The pipeline object itself, so that its other columns become substitutions. A plain string has
        /// none. You rarely set this yourself: piping fills it.
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public PSObject? InputObject { get; set; }

        /// <summary>The sender: SMS sender ID or short/long code, email sender address, or the RCS app ID.</summary>
        [Parameter(Mandatory = true, HelpMessage = "The sender: SMS sender ID or short code, email sender address, or RCS app ID.")]
        // Not ValidateNotNullOrEmpty: in a script's loop of one-row calls, -From $u.Sender is '' for an empty cell, and PowerShell's
        // refusal left that row without a result. The command refuses it itself (RefuseEmpty), under the ErrorId PowerShell's had.
        [AllowNull, AllowEmptyString]
        [IdTextArgument(nameof(From))] // an object given (-From $row) is the row's Invalid result, not its type's name sent
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string From { get => _from; set => _from = value ?? ""; }

        // -From $null is '' to every reader: the command refuses both alike (RefuseEmpty).
        private string _from = "";

        /// <summary>Your reference for the row (at most 50 bytes), echoed in delivery webhooks; binds from a CorrelationId column.</summary>
        /// <remarks>
        /// Each cmdlet declares it, in each of its parameter sets by name rather than in all: when nothing binds in the
        /// default set at one of its stages, PowerShell's binder tries the parameters of all sets again, looking up the
        /// column once more (a CSV without one misses every time); a parameter named in each set is left out of that
        /// pass. Measured with do-nothing cmdlets shaped like Send-ConnectSms in pwsh 7.6.10: 0.3 µs per row.
        /// </remarks>
        public abstract string? CorrelationId { get; set; }

        /// <summary>The ID of a template configured in Webex Connect, sent instead of content.</summary>
        [Parameter(Mandatory = true, ParameterSetName = TemplateSet, HelpMessage = "The ID of a template configured in Webex Connect.")]
        // Not ValidateNotNullOrEmpty, as -From: a loop's -TemplateId $u.Template with an empty cell is that row's Invalid result.
        [AllowNull, AllowEmptyString]
        [IdTextArgument(nameof(TemplateId))]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string TemplateId { get => _templateId; set => _templateId = value ?? ""; }

        private string _templateId = "";

        /// <summary>Values for $(name) variables shared by every row; a row's own columns win.</summary>
        [Parameter]
        [Alias("Substitutions")] // the JSON name, substitutions: what a script moved from Invoke-RestMethod types
        [SubstitutionArgument] // -Substitution $u: the Import-Csv row's properties, as a piped row's columns
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public Hashtable? Substitution { get; set; }

        /// <summary>
        /// Send a $(name) that no column and no -Substitution key fills as written, instead of making the row
        /// Invalid. By default such a variable (usually a typo) stops the row before it reaches any customer.
        /// </summary>
        [Parameter]
        [SwitchArgument(nameof(AllowMissingSubstitution))] // a loop's -AllowMissingSubstitution:$u.Cell of 'yes' is that row's Invalid result (every switch)
        public SwitchParameter AllowMissingSubstitution { get; set; }

        /// <summary>The only columns of each row to send as substitutions (default: every column no parameter consumed).</summary>
        [Parameter]
        [BlankCellArgument] // a loop's empty cell (or a database's NULL) is the parameter left out, not the statement's end
        [ArgumentCompleter(typeof(CsvColumnCompleter))]
        public string[]? SubstitutionColumn { get; set; }

        /// <summary>When to send, at most 7 days ahead; results are then Scheduled. Binds from a SendAt column: each row at its own time.</summary>
        /// <remarks>
        /// Each cmdlet declares it in each of its parameter sets by name, as <see cref="CorrelationId"/> (see there): declared
        /// in all sets, the binder looked a CSV's missing SendAt column up twice per row, and the pipeline benchmark went over
        /// its 5x. Each declaration carries [RowTimeArgument("SendAt")]: it never refuses a row's cell, a cell that is no time
        /// is that row's Invalid result (UnreadableTime).
        /// </remarks>
        public abstract DateTimeOffset? SendAt { get; set; }

        /// <summary>
        /// When an undelivered message expires. Not together with -Validity. Without -ExpireAt and -Validity, an ExpireAt
        /// column gives each row its own.
        /// </summary>
        /// <remarks>The module reads the column itself (RowExpiry), not PowerShell's binder: see <see cref="RowColumnAttribute"/>.</remarks>
        [Parameter]
        [RowTimeArgument("ExpireAt", CommandLineOnly = true)]
        [RowColumn("Expiry")]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public DateTimeOffset? ExpireAt { get; set; }

        /// <summary>
        /// How long an undelivered message stays valid, in whole seconds: '90m', '48h', '2d', a number of seconds
        /// (3600), 'hh:mm:ss' (hours may exceed 23: '48:00:00' is 48 hours) or a TimeSpan. SMS allows at most
        /// 72 hours (what carriers honour). Not together with -ExpireAt. Without -ExpireAt and -Validity, a Validity column
        /// gives each row its own.
        /// </summary>
        [Parameter]
        [ValidityArgument]
        [RowColumn("Expiry")]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public TimeSpan? Validity { get; set; }

        /// <summary>Up to 2000 characters echoed in every delivery webhook.</summary>
        [Parameter]
        [IdTextArgument(nameof(CallbackData))]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? CallbackData { get; set; }

        /// <summary>The HTTPS URL that receives delivery webhooks (or a receipt listener, for its Url).</summary>
        [Parameter]
        [NotifyUrlArgument]
        [ArgumentCompleter(typeof(RunningListenerCompleter))]
        public Uri? NotifyUrl { get; set; }

        /// <summary>The contact policy group to apply (with -CheckConsent and/or -ApplyFrequencyCap).</summary>
        [Parameter]
        [IdTextArgument(nameof(ContactPolicyGroup))]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? ContactPolicyGroup { get; set; }

        /// <summary>Send only to recipients who consented on this channel (needs -ContactPolicyGroup).</summary>
        [Parameter]
        [SwitchArgument(nameof(CheckConsent))]
        [Alias("ChannelCheckConsent")] // the JSON name, contactPolicy.channelCheckConsent: what a script moved from Invoke-RestMethod types
        public SwitchParameter CheckConsent { get; set; }

        /// <summary>Apply the policy group's frequency cap (needs -ContactPolicyGroup).</summary>
        [Parameter]
        [SwitchArgument(nameof(ApplyFrequencyCap))]
        [Alias("ChannelApplyFrequencyCap")] // the JSON name, contactPolicy.channelApplyFrequencyCap: what a script moved from Invoke-RestMethod types
        public SwitchParameter ApplyFrequencyCap { get; set; }

        /// <summary>The session to send with; default: the one Connect-WebexConnect made current.</summary>
        /// <remarks>
        /// A $null (a lookup that found none: $sessions[$row.Region]) never sends through the current session, which may be
        /// another tenant's: the command refuses it itself (RefuseNullSession) rather than PowerShell's ValidateNotNull, whose
        /// refusal ended a loop's statement without a result for the row and said neither where the $null came from nor what to do.
        /// </remarks>
        [Parameter]
        [SessionArgument(RowValue = true)] // a loop's empty cell or text is that row's Invalid result (RefuseNullSession)
        [ArgumentCompleter(typeof(SessionVariableCompleter))]
        public ConnectSession? Session { get; set; }

        /// <summary>
        /// Resend destinations whose outcome is ambiguous (timeout, 500/502/504) instead of reporting them
        /// as Unknown. The recipient may then receive the message twice.
        /// </summary>
        [Parameter]
        [SwitchArgument(nameof(ResendUnknown))]
        public SwitchParameter ResendUnknown { get; set; }

        /// <summary>
        /// With -Journal: hold back a row the journal does not hold although an earlier run sent its destination other content
        /// (its text corrected after it went), reporting it Skipped (Code JournalChanged). Without it such a row is sent, and
        /// the run's warning counts it: a second, different message to one person is often meant (two orders, two visits).
        /// </summary>
        [Parameter]
        [SwitchArgument(nameof(SkipChanged))]
        public SwitchParameter SkipChanged { get; set; }

        /// <summary>
        /// A file that records what was sent, so that running the same command again after a crash, a
        /// reboot or Ctrl+C sends only what was not sent: rows already sent are Skipped, rows whose request
        /// was in flight are Unknown (and sent again only with -ResendUnknown). It holds keyed hashes, no
        /// number, address or text. Created if missing; one run at a time.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Journal { get; set; }

        /// <summary>Output the exact JSON each row would be sent with, and send nothing.</summary>
        [Parameter]
        [SwitchArgument(nameof(PayloadOnly))]
        public SwitchParameter PayloadOnly { get; set; }

        /// <summary>The channel this cmdlet sends on.</summary>
        private protected abstract MessageChannel ChannelKind { get; }

        /// <summary>The destinations bound for the current record (-To).</summary>
        private protected abstract IReadOnlyList<ConnectDestination>? Destinations { get; }

        /// <summary>-RequestedReceipt as given.</summary>
        private protected abstract IReadOnlyList<string>? RequestedReceiptNames { get; }

        /// <summary>How many values <see cref="ReadPerRowContent"/> writes.</summary>
        private protected abstract int PerRowContentLength { get; }

        /// <summary>
        /// Writes the values that may change from row to row and so change the message (e.g. -Text) into
        /// <paramref name="content"/>: into the command's one buffer rather than a new array for every row.
        /// </summary>
        private protected abstract void ReadPerRowContent(object?[] content);

        /// <summary>
        /// The places in <see cref="ReadPerRowContent"/>'s values that the command reads as lists (an email's Cc, Bcc and
        /// Attachment cells), with the columns that give each: the repeat check compares the list each sends (RepeatedRows).
        /// Asked once, at the start of the run.
        /// </summary>
        private protected virtual IReadOnlyList<ListCell> PerRowListCells => Array.Empty<ListCell>();

        /// <summary>RCS: the GTR IDs bound for the current record.</summary>
        private protected virtual IReadOnlyList<string>? GtrIds => null;

        /// <summary>RCS: the GTR IDs as bound, when <see cref="GtrIds"/> trimmed spaces off them (the journal of a version before the trim names the send so); else null.</summary>
        private protected virtual IReadOnlyList<string>? GtrIdsAsGiven => null;

        /// <summary>Why the current row's own content (read by <see cref="ReadPerRowContent"/>) cannot be sent; usually null.</summary>
        private protected virtual ValidationProblem? RowContentProblem => null;

        /// <summary>
        /// Parameters given on the command line whose value is made for each row (RCS: a script block for -Card): a problem
        /// of one row's value is that row's Invalid result, not the run's stop.
        /// </summary>
        private protected virtual IEnumerable<string> PerRowParameters => Array.Empty<string>();

        /// <summary>
        /// The content parameters no column gives (Send-ConnectRcs: -FallbackText, -Card): in a call with nothing piped they are
        /// the one row's own content, as -Text is (<see cref="OneRowCall"/>).
        /// </summary>
        private protected virtual IEnumerable<string> ContentWithoutColumn => Array.Empty<string>();

        /// <summary>
        /// The parameters a column could give whose problem in a call with nothing piped is the call's, not its one row's: it
        /// stops the command, as their help says (<see cref="OneRowCall"/>).
        /// </summary>
        /// <remarks>
        /// -ContactPolicyGroup without -CheckConsent or -ApplyFrequencyCap: its problem is the missing switch, which every call
        /// of a loop shares, so it stops the command; with one of them, a wrong group is the one row's (OneRowCall).
        /// </remarks>
        private protected virtual IEnumerable<string> OneRowCallSettings =>
            CheckConsent || ApplyFrequencyCap ? Array.Empty<string>() : new[] { nameof(ContactPolicyGroup) };

        /// <summary>Builds the message from the current parameter values; <paramref name="shared"/> holds the shared fields.</summary>
        private protected abstract ConnectMessage CreateMessage(SharedPart shared);

        /// <summary>
        /// The message as it must travel to this recipient. SMS overrides it: with Auto encoding the
        /// recipient's own substitutions can need Unicode even when the shared text does not.
        /// </summary>
        private protected virtual ConnectMessage ForRecipient(ConnectMessage message, Recipient recipient) => message;

        /// <summary>
        /// The message as the row gave it, for the journal to look the row up under too, when <see cref="ForRecipient"/>
        /// changed it in a way earlier versions did not (DispatchItem.AsGiven); null when the journal knows it only as sent.
        /// </summary>
        private protected virtual ConnectMessage? JournaledAsGiven(ConnectMessage message, ConnectMessage sent) => null;

        /// <summary>
        /// What -WhatIf and -Verbose say of the row's content before it goes, as its recipient gets it (an email's filled subject
        /// and the start of its text, an SMS's or RCS text's start and an SMS's parts: <see cref="FilledTextLine"/>), a line each; none for nothing to say. Asked only under
        /// -WhatIf, or when ShouldProcess is not silent (a run without them pays nothing for it).
        /// </summary>
        private protected virtual IReadOnlyList<string> ContentPreview(ConnectMessage sent, Recipient recipient, long row) => Array.Empty<string>();

        /// <summary>SMS: the parts the text needs for this recipient; null for other channels.</summary>
        private protected virtual int? MeasureParts(ConnectMessage message, Recipient recipient) => null;

        /// <summary>
        /// The warnings to write before the row <paramref name="row"/> is sent with <paramref name="message"/>, usually none:
        /// something the service will quietly not do for it, or a cost the admin would not see coming. The channel decides
        /// how often (once per run is usual).
        /// </summary>
        private protected virtual IReadOnlyList<string> WarningsBeforeRow(ConnectMessage message, long row) => Array.Empty<string>();

        /// <summary>
        /// The warning the run ends with about what the channel changed in some rows as it sent them, said once for all of
        /// them; null when there is none. Under -WhatIf (<paramref name="preview"/>) too, as the run it previews would say it.
        /// </summary>
        private protected virtual string? WarningAtEnd(bool preview) => null;

        /// <summary>
        /// Row <paramref name="row"/>, which <see cref="ForRecipient"/> was asked about, is done: its message went (a result
        /// of a request this run made; under -WhatIf or -PayloadOnly, it would) when <paramref name="went"/>, and not when
        /// the journal skipped it or -Confirm was declined. What <see cref="WarningAtEnd"/> counts, so that it counts only
        /// what was sent.
        /// </summary>
        private protected virtual void RowDone(long row, bool went)
        {
        }

        /// <summary>The number of the row being handled, counted from 1 as the results and warnings say it.</summary>
        private protected long RowNumber => _row;

        /// <summary>
        /// -WhatIf or -PayloadOnly: nothing goes, so what a row's message loses is said as what would happen ("would go in To
        /// only"), as the end warnings say it (<see cref="WarningAtEnd"/>'s preview).
        /// </summary>
        private protected bool Previewing => _whatIf != null || PayloadOnly;

        /// <summary>Checked once before the first row: combinations no row can fix.</summary>
        private protected virtual void CheckParameters()
        {
        }

        /// <summary>The ShouldProcess action: "Send SMS", "Send email", "Send whatsapp".</summary>
        private protected virtual string ActionName => "Send " + ChannelNames.Label(ChannelNames.NameOf(ChannelKind));

        /// <summary>
        /// The warning for a column another send command takes and this one does not, or null (see <see cref="RecordComposer"/>).
        /// </summary>
        private protected virtual Func<string, string?>? ColumnOfOtherCommand => null;

        /// <summary>A column a script block given on the command line reads from each row itself (no unread-column warning); null for none.</summary>
        private protected virtual Func<string, bool>? ColumnReadByScript => null;

        /// <summary>
        /// Of the columns whose parameter the command line gave (<paramref name="givenOnCommandLine"/>, column to parameter), those
        /// to warn of as not read; all of them, unless the channel reads one another way (RCS: a $(FallbackText) in -FallbackText).
        /// </summary>
        private protected virtual IReadOnlyDictionary<string, string> NotReadColumns(IReadOnlyDictionary<string, string> givenOnCommandLine) => givenOnCommandLine;

        /// <summary>The column names parameters consume in this parameter set, which never become substitutions.</summary>
        private protected virtual IReadOnlyCollection<string> BoundColumns => PipelineColumns.Of(GetType(), ParameterSetName);

        /// <summary>Each row's texts as its recipient gets them, made once for the checks and the channel's own steps.</summary>
        private protected SentTexts SentTexts { get; } = new SentTexts();

        /// <summary>The engine of the session this run sends with (set from BeginProcessing on).</summary>
        private protected IConnectEngine EngineHost => _session!.EngineHost;

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            DebugSwitch.Apply(this);
            // Before the checks of the command line: what they refuse of a one-row call's own values is its row's (RefuseValue).
            var givenOnCommandLine = PipelineColumns.GivenOnCommandLine(GetType(), ParameterSetName, MyInvocation.BoundParameters.Keys);
            _oneRowCall = OneRowCall.For(MyInvocation.ExpectingInput, givenOnCommandLine, ContentWithoutColumn, OneRowCallSettings);
            // A -SendAt, -ExpireAt or -Validity that is no time (UnreadableTime marks what PowerShell's binder refused) is refused
            // here: a piped run stops with PowerShell's words, as before; with nothing piped it is the one row's value, that row's
            // Invalid result (OneRowCall), and the row is not sent.
            var unreadableSendAt = UnreadableTime.Of(SendAt);
            if (unreadableSendAt is not null)
                RefuseValue(nameof(SendAt), unreadableSendAt.ErrorId, unreadableSendAt.StopOf(nameof(SendAt)),
                    unreadableSendAt.ProblemOfParameter(nameof(SendAt), "to send it now"), unreadableSendAt.Text);
            _sendAtGiven = unreadableSendAt is null ? SendAt : null;
            var unreadableExpireAt = UnreadableTime.Of(ExpireAt);
            if (unreadableExpireAt is not null)
                RefuseValue(RowExpiry.ExpireAt, unreadableExpireAt.ErrorId, unreadableExpireAt.StopOf(RowExpiry.ExpireAt),
                    unreadableExpireAt.ProblemOfParameter(RowExpiry.ExpireAt, "for no expiry"), unreadableExpireAt.Text);
            var unreadableValidity = UnreadableTime.OfDuration(Validity);
            if (unreadableValidity is not null)
                RefuseValue(RowExpiry.Validity, unreadableValidity.ErrorId, unreadableValidity.StopOf(RowExpiry.Validity),
                    unreadableValidity.ProblemOfDuration(RowExpiry.Validity), unreadableValidity.Text);
            var expireAt = unreadableExpireAt is null ? ExpireAt : null;
            var validity = unreadableValidity is null ? Validity : null;
            if ((_twiceShown.For("SendAt", 0, SendAt) ?? _twiceShown.For(RowExpiry.ExpireAt, 0, expireAt)) is string twice) WriteNamedWarning(twice);
            if (ExpireAt.HasValue && Validity.HasValue)
                ThrowParameterError("ExpireAtWithValidity", "Give -ExpireAt or -Validity, not both: the service rejects a message with both.", Validity);
            _expiry = new RowExpiry(expireAt, validity);
            CheckParameters();
            RefuseUnreadArguments();
            RefuseUnknownReceipts();
            // Before anything else can send: in double quotes, every row would get the text PowerShell made of it. With nothing
            // piped, the one row gets it (a script's loop of one-row calls keeps a result for each row): that row's Invalid result.
            if (MyInvocation.ExpectingInput && ExpandedSubstitutions.Error(this, ExpandedSubstitutions.SendParameters) is ErrorRecord expanded)
                ThrowTerminatingError(expanded);
            if (BraceVariables.Warning(MyInvocation.BoundParameters, ExpandedSubstitutions.SendParameters) is string braces) WriteNamedWarning(braces);
            if (SubstitutionText.ParameterProblem(Substitution, AllowMissingSubstitution, out var key) is string substitution)
                RefuseValue(nameof(Substitution), SubstitutionText.InvalidSubstitutionErrorId, substitution,
                    new ValidationProblem(nameof(Substitution), substitution.Substring("-Substitution ".Length)), key);
            var substitutionColumns = OnlyNamedProperties();
            RefuseSubstitutionObject();
            if (NotifyUrlArgumentAttribute.Unreadable(NotifyUrl) is string url)
                RefuseValue(nameof(NotifyUrl), NotifyUrlArgumentAttribute.UnreadableErrorId, "-NotifyUrl: " + NotifyUrlArgumentAttribute.Problem(url) + ".",
                    new ValidationProblem(nameof(NotifyUrl), NotifyUrlArgumentAttribute.Problem(url)), url);
            RefuseEmpty(nameof(From), From, "give the sender: the SMS sender ID or short code, the email sender address or the RCS app ID");
            if (ParameterSetName == TemplateSet)
                RefuseEmpty(nameof(TemplateId), TemplateId, "give the ID of a template configured in Webex Connect");

            RefuseNullSession();
            // -Session, else the current session: NotConnected, SessionClosed or CurrentSessionChanged end the command here.
            _session = RequiredSession.For(this, Session);

            var notFromColumns = PipelineColumns.NotFromColumns(GetType(), ParameterSetName);
            var runWide = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in notFromColumns.Concat(givenOnCommandLine)) runWide[parameter.Key] = parameter.Value;
            foreach (var perRow in PerRowParameters)
                foreach (var name in runWide.Where(p => p.Value == perRow).Select(p => p.Key).ToList()) runWide.Remove(name);
            _runWideParameters = runWide;
            if (_oneRowCall is not null && ExpandedSubstitutions.RowProblem(this, ExpandedSubstitutions.SendParameters) is { } lost)
                _oneRowCall.Refuse(lost, ExpandedSubstitutions.ErrorId);
            _composer = new RecordComposer(BoundColumns, substitutionColumns, PipelineColumns.DestinationsOf(GetType()),
                PipelineColumns.SingleValued(GetType(), ParameterSetName), notFromColumns, NotReadColumns(givenOnCommandLine), MyInvocation.MyCommand.Name,
                PipelineColumns.OfOtherSets(GetType(), ParameterSetName), ColumnOfOtherCommand, PipelineColumns.Of(GetType()))
            {
                ScriptBlockParameters = ScriptBlockParameters(),
                ReadByScript = ColumnReadByScript,
            };
            _dictionaryRows = DictionaryRowBinding.For(this);
            // One answer per message object for the checks and the repeat warning alike: finding it serialises the message.
            var substitutionsSent = new LastSentSubstitutions(_session!.EngineHost.SubstitutionsSent);
            _checks = MessageChecks.Standard(AllowMissingSubstitution, SentTexts, substitutionsSent, nothingPiped: !MyInvocation.ExpectingInput);
            // A row's reason names the column that gave a value ("Mobile: ..."), not the parameter it bound; the command line's keep
            // theirs. A one-row call (nothing piped) has no columns: nothing to make, in a loop that calls the command once a row.
            if (MyInvocation.ExpectingInput)
                _checks.ColumnNames = new RowColumnNames(PipelineColumns.FromRows(GetType(), ParameterSetName, MyInvocation.BoundParameters.Keys));
            // The lists the command line gave are marked so: a -Cc of the command line copies its people on every row's email, as
            // asked, so their own rows are no repeat of one (and no row's Cc has them to take out, as the warning would say); but a
            // Bcc column that repeats it sends no copy, and before, 'Bcc=' and 'Bcc=boss' with -Cc boss were two emails, unwarned.
            _repeated = new RepeatedRows(substitutionsSent.Of, PerRowListCells.Select(cell => runWide.ContainsValue(cell.Parameter) ? cell.GivenForRun() : cell).ToList());
            if (PayloadOnly) return;
            // -WhatIf reports one line per request the run would make, not one per row.
            var whatIf = IsWhatIf();
            // Grouped by what each request shares, rendered as the engine writes it: the dispatcher batches equal shapes.
            if (whatIf)
            {
                // Without -Tps, the rate the service gave an earlier run of this session, else a guess that says so.
                var learned = _session!.Tps is null && _session.Engine.TpsLearned;
                var tps = _session.Tps ?? (learned ? _session.TpsInForce : 1000);
                // Given or learned, the session's requests are the size its answers allow too: a tenth of a second's worth once
                // they proved slow. Before, after a run against a slow tenant -WhatIf listed 5 requests of 100 for a run that made 50.
                var known = _session.Tps is not null || learned;
                var batchSize = known ? Math.Min(Math.Min(1000, tps), Math.Max(1, _session.Engine.BatchSizeInForce)) : Math.Min(1000, tps);
                _whatIf = new WhatIfBatches(batchSize, m => EngineHost.RenderPayload(m, Array.Empty<Recipient>()), tps);
                if (_session.Tps is null && !learned) _whatIfRateAssumed = WhatIfBatches.RateAssumed(tps, _session.TpsInForce);
            }
            _silentConsent = SilentConsent.Holds(this, whatIf);

            // Held until Dispose, so that Disconnect-WebexConnect or Connect-WebexConnect in another runspace cannot
            // dispose the connection under requests this run has on their way.
            if (!_session.TryBeginSend())
            {
                ThrowSessionClosed();
                return;
            }
            _sessionHeld = true;
            _cancellation = new CommandStop();
            // SIGTERM stops the run as Ctrl+C does, so that its stop is said (Dispose); PowerShell itself stops nothing for it.
            _processEnd = ProcessEndStop.Register(_cancellation);
            _journalPath = Journal is null ? null : JournalLocation.Resolve(this, Journal);
            if (_journalPath is not null && (whatIf || !_silentConsent)) ReadJournalAhead(_journalPath, whatIf);
            // The journal opens here, before any row is read: one that cannot be used ends the command with no row
            // taken. -WhatIf sends nothing, so it opens none (and leaves no file): it only reads the journal (ReadJournalAhead).
            _dispatcher = Guard(() => _session!.Engine.CreateDispatcher(
                new DispatchOptions { ResendAmbiguous = ResendUnknown, SkipChanged = SkipChanged, JournalPath = whatIf ? null : _journalPath, JournalForSandbox = _session.IsSandbox,
                    RowsPiped = MyInvocation.ExpectingInput },
                _cancellation.Token));
            // The journal's line ("Journal '...': earlier runs recorded ...") now, as -Verbose's first: left for the first
            // row's drain, it came after that row's "Performing the operation" line, and the help says the run opens with it.
            WriteDiagnostics();
            _run = new SendRun(_dispatcher!, _checks, MeasureParts);
            // An earlier call on this session had its credential refused: this one makes no request, and each row says why
            // (CredentialRefusal). A foreach loop's 2,000 calls made 2,000 refused requests, each with the long error.
            if (!whatIf && _session.RefusedAt(DateTimeOffset.UtcNow) is { } refused) _run.StopBeforeSending(refused.Failure(_session.AuthMode));
            _errorAction = ErrorActionStop.InEffect(this);
            _streams = new Streams(this);
            _output = new ResultWriter(_streams, StopProcessing, invalidErrorsWrittenWhenRead: !ErrorActionStop.Decides(_errorAction),
                errorsStopTheCommand: _errorAction == ActionPreference.Stop);
            _clock.Start();
            _progress = new SendProgress(() => _clock.Elapsed);
            _progressActivityId = ProgressActivities.Take();
            // A wait inside the engine (Retry-After, the TPS budget, a full in-flight bound) shows its retries and
            // progress as they happen, not all at once with the next result.
            if (_dispatcher is not null) _dispatcher.WhileWaiting = WriteWhileWaiting;
        }

        private void WriteWhileWaiting()
        {
            // PowerShell calls StopProcessing only while the pipeline has not failed: once Select-Object -First upstream
            // has stopped the commands before it (Import-Csv | Select-Object -First 500 | Send-ConnectSms), Ctrl+C only
            // sets Stopping, and the run waited for its last requests (a hung one until -TimeoutSec) before it ended.
            if (Stopping)
            {
                StopProcessing();
                return;
            }

            // Through the writer, as between results: a preference that stops at this line keeps the results coming.
            _output?.Write(Array.Empty<SendResult>());
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            // One guard for the whole row, not a delegate and its closures per engine call (several objects per row).
            try
            {
                ProcessRow();
            }
            catch (SessionFailureException failure)
            {
                if (!ReadOnAfter(failure)) EndWithFailure(failure, inputLeft: true);
            }
            catch (OperationCanceledException) when (_cancellation?.IsRequested == true)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// A failure that dooms every later row (a key refused mid-run), met while the input goes on: the rows read so far get
        /// their results now, and the command reads its input to the end, each later row Failed and not sent, before its one
        /// terminating error (EndProcessing). Before, the command ended at the failure and the rows the input had after it got
        /// no result at all. Not under -ErrorAction Stop or Inquire, which ask the command to end at its first error, nor once
        /// a preference has ended the output: false then, and the command ends here.
        /// </summary>
        private bool ReadOnAfter(SessionFailureException failure)
        {
            if (_run is null || _output is null || _output.Stopped ||
                _errorAction == ActionPreference.Stop || _errorAction == ActionPreference.Inquire) return false;
            _session?.Remember(failure, DateTimeOffset.UtcNow);
            _output.Write(_run.Stop(failure));
            return !_output.Stopped;
        }

        /// <summary>The row's column that bound -To (its name or an alias, as the row spells it); null when none did.</summary>
        private string? DestinationColumnOf(InputRow columns)
        {
            var names = _destinationColumnNames ??= PipelineColumns.DestinationsOf(GetType());
            foreach (var column in columns.Columns)
            {
                foreach (var name in names)
                    if (string.Equals(column.Key, name, StringComparison.OrdinalIgnoreCase)) return column.Key;
            }

            return null;
        }

        private IReadOnlyList<string>? _destinationColumnNames;

        /// <summary>
        /// The parameters given as a delay-bind script block (-To { '+' + $_.Mobile }): PowerShell lists them among the bound
        /// parameters before the first row, under its own internal type, and runs the block for each row.
        /// </summary>
        private IReadOnlyCollection<string> ScriptBlockParameters()
        {
            List<string>? names = null;
            foreach (var bound in MyInvocation.BoundParameters)
                if (bound.Value?.GetType().Name == "DelayedScriptBlockArgument") (names ??= new List<string>()).Add(bound.Key);
            return (IReadOnlyCollection<string>?)names ?? Array.Empty<string>();
        }

        private void ProcessRow()
        {
            _row++;
            ConnectMessage message;
            ComposedRecord record;
            InputRow columns;
            // A piped hashtable's keys bind as an object's properties would, for this row only.
            using (_dictionaryRows!.Bind(this, InputObject))
            {
                columns = InputObject is null && MyInvocation.ExpectingInput ? InputRow.PipedNull : InputRow.Read(InputObject);
                record = _composer!.Compose(DestinationsNow(), IdTextArgumentAttribute.WithoutPlaceholder(CorrelationId), columns, GtrIds, GtrIdsAsGiven);
                // After Compose, which learns the row's layout: the ExpireAt and Validity columns are looked for once per layout.
                var expiryProblems = _expiry!.Read(columns, _composer.Layouts, out var expireAt, out var validity);
                message = CurrentMessage(expireAt, validity);
                if (RowContentProblem is { } content) record = record.With(content);
                // A row's cell; a one-row call's -SendAt is its own problem (OneRowCall), refused in BeginProcessing.
                if (_oneRowCall is null && UnreadableTime.Of(SendAt) is { } unreadable) record = record.With(unreadable.ProblemOfColumn("SendAt", "to send the row now"));
                // A row's CorrelationId member that is an object (a ConvertFrom-Json row's nested one): that row's Invalid result. A
                // list the composer named already ("holds a list of 2 values") is not said twice.
                if (_oneRowCall is null && IdTextArgumentAttribute.RefusedText(nameof(CorrelationId), CorrelationId) is string given &&
                    !record.Problems.Any(p => p.Field == nameof(CorrelationId)))
                    record = record.With(new ValidationProblem(nameof(CorrelationId), IdTextArgumentAttribute.Problem(nameof(CorrelationId), given, piped: true)));
                if (expiryProblems is not null)
                    foreach (var problem in expiryProblems) record = record.With(problem);
                if ((_twiceShown.For("SendAt", _row, SendAt) ?? _twiceShown.For(RowExpiry.ExpireAt, _row, expireAt)) is string twice)
                    record = record.WithWarning(twice);
                if (_oneRowCall is not null) record = _oneRowCall.WithRefused(record);
            }
            if (_row == 1 && CheckRunWideParameters(message, ref record, columns) is string stop)
            {
                _heldFirstRow = new HeldFirstRow(stop, message, record, columns, InputObject);
                return;
            }
            if (_heldFirstRow is { } held)
            {
                _heldFirstRow = null;
                if (held.SameShape(columns)) ThrowParameterError(MissingContent.ErrorId, held.Stop);
                // Another shape: the first row is refused on its own (its result first, in input order), and this one goes on.
                var current = _row;
                _row = 1;
                _rowReadBehindHeld = current;
                _readBehindHeld = (message, record.Recipient, InputObject);
                try
                {
                    HandleRow(held.Message, held.Record, held.Columns, held.Input);
                }
                finally
                {
                    _row = current;
                    _rowReadBehindHeld = 0;
                    _readBehindHeld = null;
                }
            }
            HandleRow(message, record, columns, InputObject);
        }

        /// <summary>The first piped row while the MissingContent stop it would cause waits for the second row (HeldFirstRow).</summary>
        private HeldFirstRow? _heldFirstRow;

        /// <summary>
        /// The row read while the held first row is handled (0 otherwise): a stop at the first row's error (-ErrorAction Stop)
        /// leaves it without a result, and the stop's warning says it was read and not sent.
        /// </summary>
        private long _rowReadBehindHeld;

        /// <summary>The row read behind the held first row, while that row is handled: its result if a question ends the command.</summary>
        private (ConnectMessage Message, Recipient Recipient, PSObject? Input)? _readBehindHeld;

        /// <summary>
        /// The rows read so far. While the held first row is handled <see cref="_row"/> is 1, and the row read behind it is the
        /// last one read: a stop at the held row's result ($a, $b | Send-ConnectSms -From X | Select-Object -First 1) left
        /// row 2 read, without a result and unnamed by the stop's warning.
        /// </summary>
        private long RowsRead => _rowReadBehindHeld > _row ? _rowReadBehindHeld : _row;

        /// <summary>Row <see cref="_row"/>, composed: its warnings, its checks, then its send (or -WhatIf, or -PayloadOnly).</summary>
        private void HandleRow(ConnectMessage message, ComposedRecord record, InputRow columns, PSObject? inputObject)
        {
            if (_run?.StoppedBy is not null)
            {
                NotSentAfterStop(message, record, columns, inputObject);
                return;
            }
            foreach (var note in record.Notes) WriteVerbose("Row " + _row.ToString(CultureInfo.InvariantCulture) + ": " + note);
            if (record.Warnings.Count > 0 && WarnBeforeRow(record.Warnings)) return;
            if (WarningsBeforeRow(message, _row) is { Count: > 0 } warnings && WarnBeforeRow(warnings)) return;
            if (_misread.WarningFor(message, record.Recipient, _row, columns.Columns.Count > 0 ? columns.Columns[0].Key : null) is string misread &&
                WarnBeforeRow(new[] { misread })) return;
            if (_cutOff.WarningFor(columns, inputObject, _destinationColumnOf ??= DestinationColumnOf, record.Recipient.Addresses, _row) is string cut &&
                WarnBeforeRow(new[] { cut })) return;
            object? input = inputObject;

            var invalid = _run != null ? _run.Check(_row, message, record, input, columns) : _checks!.Check(_row, message, record, input, columns: columns);
            if (invalid != null)
            {
                ReportInvalid(invalid);
            }
            else if (PayloadOnly)
            {
                if (_repeated!.RepeatOf(_messageKey!, message, record.Recipient, _row) is long first &&
                    WarnedOfRepeatAndStopped(first, message, record.Recipient, columns, confirming: false)) return;
                WriteObject(_session!.EngineHost.RenderPayload(ForRecipient(message, record.Recipient), new[] { record.Recipient }));
                RowDone(_row, went: true);
            }
            else
            {
                var sent = ForRecipient(message, record.Recipient);
                var asGiven = JournaledAsGiven(message, sent);
                // Asked once: the journal read ahead counts each row it is asked about (a repeat in the run is keyed by its count).
                var earlier = JournalOutcome(sent, asGiven, record, input);
                // A repeat the journal skips is not sent again and warns of nothing; the run's own journal is asked only of a
                // repeat (a lambda for it here made a closure for every row, repeat or not).
                if (_repeated!.RepeatOf(_messageKey!, message, record.Recipient, _row) is long first && earlier is null &&
                    RunJournalOutcome(sent, asGiven, record, input) is null &&
                    WarnedOfRepeatAndStopped(first, message, record.Recipient, columns, confirming: _whatIf is null && SilentConsent.Asks(this))) return;
                if (_whatIf != null)
                {
                    if (earlier is not null)
                    {
                        if (_whatIfJournalRows!.Add(_row, earlier) is string ended) SayWhatIf(ended);
                        RowDone(_row, went: false);
                    }
                    else
                    {
                        // Ends a range of rows not sent; a row to someone the journal sent other content, who gets this too, is
                        // listed in a range of its own, before anything is sent.
                        if (_whatIfJournalRows?.Sending(_row, record.Recipient.ToString(), _journalPreview!.LastGoesToChanged) is string ended)
                            SayWhatIf(ended);
                        foreach (var line in ContentPreview(sent, record.Recipient, _row)) SayWhatIf(line);
                        foreach (var batch in _whatIf.Add(sent, record.Recipient, _row, MeasureParts(sent, record.Recipient))) SayWhatIf(batch);
                        RowDone(_row, went: true);
                    }
                }
                else if (_silentConsent || earlier is not null || PreviewedAndConfirmed(sent, record.Recipient))
                {
                    _run!.Send(_row, sent, record.Recipient, columns.StandIn(inputObject), asGiven, record.RecipientAsGiven);
                }
                else if (_output!.UnansweredQuestion is string question)
                {
                    _run!.NotSent(_row, sent, record.Recipient, input, question);
                }
                else
                {
                    RowDone(_row, went: false);
                }
            }

            if (_run is null) return;
            _output!.Write(_run.TakeReady());
            // A preference ended the command (here or at an earlier result): every row already handed over is
            // finished and reported before PowerShell sees the stop, so none is left sent but unreported.
            if (!_output.Stopped) return;
            if (_readBehindHeld is { } behind && _output.UnansweredQuestion is string unanswered)
                _run.NotSent(_rowReadBehindHeld, behind.Message, behind.Recipient, behind.Input, unanswered);
            _output.FinishStopped(_run.Complete());
        }

        /// <summary>
        /// Row <see cref="_row"/>, read after a failure stopped sending (<see cref="ReadOnAfter"/>): its result, not sent, or what
        /// the journal already says of it (Skipped: an earlier run sent it). No checks, warnings or question: nothing of it goes.
        /// </summary>
        private void NotSentAfterStop(ConnectMessage message, ComposedRecord record, InputRow columns, PSObject? inputObject)
        {
            var sent = ForRecipient(message, record.Recipient);
            var input = columns.StandIn(inputObject);
            var journaled = RunJournalOutcome(sent, JournaledAsGiven(message, sent), record, input);
            _output!.Write(new[] { _run!.NotSentAfterStop(_row, sent, record.Recipient, input, journaled) });
        }

        /// <summary>
        /// Warns that row <see cref="_row"/> sends again what row <paramref name="first"/> of the run sent (RepeatedRows); true
        /// when the warning's preference ends the command. Asked only of a repeat that is sent: a row the journal skips warns of
        /// nothing, and stays remembered for a later row that repeats it and is sent.
        /// </summary>
        /// <param name="first">The earlier row it repeats.</param>
        /// <param name="message">The row's message, for which of its columns the request carries.</param>
        /// <param name="recipient">The row's destination and values.</param>
        /// <param name="columns">The row's columns, for the warning's Sort-Object example.</param>
        /// <param name="confirming">-Confirm asks of the row after the warning, and may be answered No.</param>
        private bool WarnedOfRepeatAndStopped(long first, ConnectMessage message, Recipient recipient, InputRow columns, bool confirming)
        {
            _repeated!.Said();
            // No example without a destination column: the rows were no table to sort (-To given, or plain strings piped).
            // Only the columns the row's parameters are read from: with -Text on the command line a Text column is not sent, and
            // sorting by it kept two rows that send the same.
            var read = BoundColumns.Where(column => !_runWideParameters!.ContainsKey(column)).ToList();
            var sentColumns = DestinationColumnOf(columns) is string destination ? _repeated.ColumnsOf(columns, read, destination, message, recipient) : null;
            return WarnBeforeRow(new[] { _repeated.WarningFor(_row, first, recipient, sentColumns, MyInvocation.MyCommand.Name, confirming) });
        }

        /// <summary>
        /// The message fields whose parameter has another name. Without them a problem of -Attachment (an http URL) was not
        /// recognised as a parameter's: every row of the CSV got the same Invalid result and error, 10,000 of them for 10,000
        /// rows. (RCS's rules name -Suggestion and -Carousel themselves, so a one-row call's reason names them as this stop does.)
        /// </summary>
        private static readonly Dictionary<string, string> ParameterOfModelField = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Attachments"] = "Attachment",
            // -ContactPolicyGroup without -CheckConsent or -ApplyFrequencyCap (or the reverse): one error per row before.
            ["ContactPolicy"] = "ContactPolicyGroup",
            // -ShortenLinks without -LinkDomain was "-Domain: ...": the JSON name, which the admin never typed.
            ["Domain"] = "LinkDomain",
        };

        /// <summary>
        /// A problem with a parameter no column sets (-From, -FromName, -SendAt, -NotifyUrl...) is the same for every
        /// row: each would be Invalid with the same error, 50,000 of them for a CSV of 50,000. So it ends the command at
        /// the first row, before anything is sent, as a parameter PowerShell refuses does. Checked on the first row's
        /// message, whose shared part every row shares. So is a problem with a parameter a column could set but the
        /// command line gave (-Subject "News`n", -Text '  '): PowerShell reads no column for it, every row has that value.
        /// And so is missing content that neither the command line nor a column of the first row gives (MissingContent): at
        /// once for a command with nothing piped; piped, its message is returned, for the second row to decide (HeldFirstRow).
        /// With nothing piped, problems only of the one row's own values (-Text '', OneRowCall) are added to
        /// <paramref name="record"/> instead, for its Invalid result.
        /// </summary>
        private string? CheckRunWideParameters(ConnectMessage message, ref ComposedRecord record, InputRow firstRow)
        {
            var recipient = record.Recipient;
            var missingContent = new List<MissingContent.Missing>();
            // -CorrelationId is the destination's, not the message's, but given on the command line it is every row's too.
            // (Not -To, whose one-call use is one row, nor -GtrId, whose count is checked against each row's numbers.)
            var problems = MessageValidator.Validate(AsCommandLineGives(message), DateTimeOffset.UtcNow).Concat(MessageValidator.ValidateRecipient(message, recipient)
                .Where(p => p.Field == nameof(CorrelationId)));
            // Every run-wide problem is named at once: one at a time, a command with two (-SmsFallback without
            // -FallbackSenderId nor -FallbackText) took a run per problem to find them all.
            var runWide = new RunWideProblems();
            var contentProblems = 0;
            var rowsOwn = new List<ValidationProblem>();
            foreach (var problem in problems)
            {
                var model = problem.Field.Split('[', '.')[0];
                var field = problem.Field;
                // The model names a list in the plural where the parameter is singular (-Suggestion gives Suggestions).
                if (ParameterOfModelField.TryGetValue(model, out var parameter)) field = parameter + field.Substring(model.Length);
                else parameter = model;
                // Refused already as the one row's (RefuseEmpty: -From ''): its Invalid result says so.
                if (_oneRowCall?.Refused(parameter) == true) continue;
                if (!_runWideParameters!.TryGetValue(parameter, out var name))
                {
                    var givers = ContentGivers(parameter);
                    if (MissingContent.NothingGives(givers, MyInvocation.BoundParameters.Keys, ColumnsOfParameter, firstRow))
                    {
                        // With nothing piped it stops the command too, so it is named with the other problems: stopping at
                        // it alone, -SmsFallback without -Text, -FallbackSenderId nor -FallbackText took two runs to read all three.
                        if (!MyInvocation.ExpectingInput)
                        {
                            runWide.Add("-" + field + ": " + problem.ForCommandLine, "give", WordList.Or(givers.Select(g => "-" + g).ToList()), null);
                            if (IsContent(parameter)) contentProblems++;
                        }
                        missingContent.Add(new MissingContent.Missing(field, problem.ForCommandLine, givers));
                    }
                    continue;
                }
                var value = MyInvocation.BoundParameters.TryGetValue(name, out var bound) ? bound : null;
                var source = DefaultParameterValues.KeyThatGave(this, name) is string key
                    ? " (which $PSDefaultParameterValues['" + key + "'] gives when the command line does not)" : "";
                // A parameter the problem needs but the command line left out (-ShortenLinks without -LinkDomain) is given, not corrected.
                var verb = MyInvocation.BoundParameters.ContainsKey(name) ? "correct" : "give";
                runWide.Add("-" + field + ": " + problem.ForCommandLine, verb, "-" + name + source, value);
                // Given, not missing: a -FallbackText that -SmsFallback needs is no value of the row's.
                // Named as the parameter the stop names (-ContactPolicyGroup, not the model's ContactPolicy).
                if (_oneRowCall?.Owns(name) == true && MyInvocation.BoundParameters.ContainsKey(name)) rowsOwn.Add(field == problem.Field ? problem : problem.OfParameter(field));
                // The one row has a value the command could not read (-SmsFallback:'yes', read as False meanwhile): what follows
                // from it (-FallbackText without -SmsFallback) is named in that row's reason too, not the loop's statement's stop.
                else if (_oneRowCall is not null && _switchRefused) rowsOwn.Add(problem);
            }
            if (OneRowCall.RowsOwn(rowsOwn, runWide.Count) is { } own)
            {
                record = record.With(own, OneRowCall.InvalidParameterValue);
                return null;
            }
            var stop = missingContent.Count == 0 ? null : MissingContent.Message(missingContent, firstRow, MyInvocation.ExpectingInput);
            // Missing content alone reads as it always did, under its own ErrorId.
            if (!runWide.IsEmpty && runWide.Count == contentProblems) ThrowParameterError(MissingContent.ErrorId, stop!);
            if (!runWide.IsEmpty) ThrowParameterError("InvalidParameterValue", runWide.Message(), runWide.FirstValue);
            return stop;
        }

        /// <summary>
        /// The first row's message with the schedule the command line gives every row, for the run-wide checks: a row's own
        /// SendAt, ExpireAt or Validity (its cells) is no other row's. Before, an -ExpireAt before the first row's SendAt cell
        /// stopped the command as if it were before every row's, when a later row with that SendAt was only Invalid.
        /// </summary>
        private ConnectMessage AsCommandLineGives(ConnectMessage firstRows) =>
            firstRows.SendAt == _sendAtGiven && firstRows.ExpireAt == _expiry!.ExpireAtGiven && firstRows.Validity == _expiry.ValidityGiven
                ? firstRows
                : CreateMessage(SharedPartNow(_sendAtGiven, _expiry!.ExpireAtGiven, _expiry.ValidityGiven));

        /// <summary>
        /// The parameters that give what a problem of <paramref name="parameter"/> says is missing: the parameter itself, and
        /// for an email's body -Html as well as -Text.
        /// </summary>
        private protected virtual IReadOnlyList<string> ContentGivers(string parameter) => new[] { parameter };

        /// <summary>
        /// Whether <paramref name="parameter"/>, a column could give, is the message's content: missing from a command given nothing
        /// piped, it alone stops as MissingContent. Not RCS's -FallbackText, whose lack stops that command as the run-wide
        /// problem it was before a FallbackText column bound it (InvalidParameterValue).
        /// </summary>
        private protected virtual bool IsContent(string parameter) => true;

        /// <summary>The column names that bind <paramref name="parameter"/> in this parameter set (its name and aliases).</summary>
        private protected IReadOnlyList<string> ColumnsOfParameter(string parameter) => PipelineColumns.NamesOf(GetType(), ParameterSetName, parameter);

        /// <summary>
        /// A row that failed the checks keeps its place in the output, and its error follows its result there, as every
        /// other result's does. Under -ErrorAction Stop that error must end the command before any later row is sent, so
        /// the rows before it are finished and written now, then this row's result and its error. Under Inquire the
        /// question comes now, before any later row is sent, and the result later without an error of its own.
        /// (A method of its own: the lambda's closure would otherwise be made for every row.)
        /// </summary>
        private void ReportInvalid(SendResult invalid)
        {
            if (_run is null)
            {
                WriteError(ErrorFor(invalid));
                return;
            }
            // Stopped here (answered Halt, or no one could be asked): the row still gets its result, without a second error,
            // as under Stop; the rows before it are finished after it.
            if (!ErrorActionStop.Decides(_errorAction)) _output!.WriteRowError(invalid.Row, SendErrors.ErrorIdFor(invalid), () => WriteError(ErrorFor(invalid)));
            _run.Reject(invalid);
            if (_errorAction == ActionPreference.Stop) _output!.Write(_run.Complete());
        }

        /// <summary>
        /// A row ShouldProcess is asked about (-Verbose, -Confirm): its content as sent, in a verbose line of its own before the
        /// operation's (which names the row by its address and is a line and more at 80 columns already), then the question.
        /// </summary>
        private bool PreviewedAndConfirmed(ConnectMessage sent, Recipient recipient)
        {
            foreach (var line in ContentPreview(sent, recipient, _row)) WriteVerbose(line);
            return Confirmed(TargetFor(sent, recipient));
        }

        /// <summary>
        /// -Confirm's question for a row. Asked through the writer, as an error's Inquire is: a host that cannot ask (no UI,
        /// -NonInteractive, input closed) ends the command as Stop would, and the rows answered Yes before it, already on
        /// their way, are still reported. Only while the run asks row by row, so the closure costs nothing otherwise.
        /// </summary>
        private bool Confirmed(string target)
        {
            var confirmed = false;
            var asked = Stopwatch.GetTimestamp();
            _output!.Stream(() => confirmed = ShouldProcess(target, ActionName));
            // A question waits for the admin: time the engine sees as the input's, and the pace line must not blame the input for.
            _run!.Pace.Asked(asked);
            if (!_output.Stopped) return confirmed;
            _output.StoppedBefore(_row, preference: null);
            return false;
        }

        /// <summary>
        /// Every warning of a send, naming our commands as the session has them: under Import-Module -Prefix Corp the
        /// warnings before the first row said "Send-ConnectSms" where the admin has Send-CorpConnectSms (errors already
        /// translated theirs).
        /// </summary>
        private protected void WriteNamedWarning(string warning) => WriteWarning(ImportedCommandNames.In(this, warning));

        /// <summary>
        /// Warnings about the row's columns, before it is sent. True when -WarningAction Stop ended the command there: the
        /// rows before it are finished and reported, and this one is not sent.
        /// </summary>
        private bool WarnBeforeRow(IReadOnlyList<string> warnings)
        {
            if (_output is null)
            {
                foreach (var warning in warnings) WriteNamedWarning(warning);
                return false;
            }
            foreach (var warning in warnings) _output.Stream(() => WriteNamedWarning(warning));
            if (!_output.Stopped) return false;
            // The warning said "the command stops here instead": this row is not sent, and the stop's own warning says so
            // with the rows after it (PowerShell shows a warning it stops at, so that one is written too).
            _output.StoppedBefore(_row, "-WarningAction Stop");
            _output.FinishStopped(_run!.Complete());
            return true;
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            // One row piped, which gives no content: the stop it would have caused at once.
            if (_heldFirstRow is { } held) ThrowParameterError(MissingContent.ErrorId, held.Stop);
            // Every row has its result (ReadOnAfter): now the one error that says why the rows after the failure were not sent.
            if (_run?.StoppedBy is { } stoppedBy) EndWithFailure(stoppedBy);
            if (_row == 0) WriteNamedWarning(RunSummary.NoRows(MyInvocation.MyCommand.Name));
            if (_whatIfJournalRows?.End() is string skipped) SayWhatIf(skipped);
            if (_whatIf != null)
            {
                foreach (var batch in _whatIf.Flush()) SayWhatIf(batch);
                // As the run would warn (the journal's own run does, at its end).
                if (_journalPreview?.NoneMatched() is string noneMatched) WriteNamedWarning(noneMatched);
                if (_journalPreview?.Changed() is string changed) WriteNamedWarning(changed);
                if (_journalPreview?.SentOnEarlierDays() is string earlierDays) WriteNamedWarning(earlierDays);
            }
            if (_run is null)
            {
                foreach (var warning in EndWarnings(preview: true)) WriteNamedWarning(warning);
                return;
            }
            Guard(() => _output!.Write(_run.Complete()));
            if (_output!.Stopped) Guard(() => _output.FinishStopped(Array.Empty<SendResult>(), inputEnded: true));
            // After the last result, beside the summary: how many rows went at once rather than at -SendAt.
            foreach (var warning in EndWarnings(preview: _whatIf != null)) WriteNamedWarning(warning);
            ShowProgress(completed: true);
            // Before the counts, which stay the run's last line: what limited the pace of a run that took a while; a run much
            // slower than its TPS allows warns of it instead, after them.
            var pace = _whatIf is null ? _dispatcher?.Pace : null;
            var slow = pace is null ? null : _run.Pace.Warning(ActionName, MyInvocation.MyCommand.Name, pace);
            if (pace is not null && slow is null && _run.Pace.Line(ActionName, MyInvocation.MyCommand.Name, pace) is string limitedBy)
                WriteVerbose(limitedBy);
            WriteVerbose(_whatIf is null
                ? RunSummary.Format(ActionName, _run.Completed, _run.ByStatus, _clock.Elapsed)
                : RunSummary.WhatIf(ActionName, _whatIf.Rows, WouldReport(_run.ByStatus, _whatIfJournalRows?.ByStatus), _clock.Elapsed,
                    _whatIfJournalRows?.HeldBack ?? 0));
            if (slow is not null) WriteNamedWarning(slow);
            if (_whatIf is null && OneRowCallsWarning() is string loop) WriteNamedWarning(loop);
            // Rows not sent: one warning that counts them, names the commonest cause and says what to do, last in the log.
            if (_whatIf is null && RunSummary.Failures(ActionName, _run.Completed, _run.ByStatus, _run.Failures, _clock.Elapsed, _journalPath) is string failed)
                WriteNamedWarning(failed);
        }

        /// <summary>
        /// A piped call of this command, for the warning that a script calls it once per row (<see cref="OneRowCalls"/>); null
        /// for a call no piped one can replace: Send-ConnectMessage's, whose -Content is every row's and takes a row's own value
        /// only in its text's $(name) variables, so a loop that builds each row's content has no piped form.
        /// </summary>
        private protected virtual string? PipedExample => null;

        /// <summary>This call counted among the calls from its place in the script: the warning of a loop of one-row calls, once.</summary>
        private string? OneRowCallsWarning()
        {
            if (PipedExample is not string example) return null;
            var now = DateTime.UtcNow;
            return OneRowCalls.OfProcess.Ended(MyInvocation.MyCommand.Name, MyInvocation.ScriptName ?? "", MyInvocation.ScriptLineNumber,
                MyInvocation.OffsetInLine, _run!.Completed == 1 && !MyInvocation.ExpectingInput, now - _clock.Elapsed, now, example);
        }

        /// <summary>
        /// The warnings a run ends with, about the rows it sent (those -SendAt's time had overtaken, what the channel changed
        /// in some); empty the second time, as a run stopped early says them at its stop (<see cref="SayStopped"/>).
        /// </summary>
        private IReadOnlyList<string> EndWarnings(bool preview)
        {
            if (_endWarningsSaid) return Array.Empty<string>();
            _endWarningsSaid = true;
            var warnings = new List<string>(2);
            if (_sendAtOvertaken.Warning(_sendAtGiven) is string passed) warnings.Add(passed);
            if (WarningAtEnd(preview) is string changed) warnings.Add(changed);
            return warnings;
        }

        /// <summary>-WhatIf: what a run would report for the rows it would not send (the Invalid ones, and the journal's).</summary>
        private static IReadOnlyDictionary<SendStatus, long> WouldReport(IReadOnlyDictionary<SendStatus, long> checks, IReadOnlyDictionary<SendStatus, long>? journal)
        {
            var all = new Dictionary<SendStatus, long>();
            foreach (var count in journal is null ? checks : checks.Concat(journal))
                all[count.Key] = (all.TryGetValue(count.Key, out var n) ? n : 0) + count.Value;
            return all;
        }

        /// <inheritdoc />
        protected override void StopProcessing() => _cancellation?.Request();

        /// <summary>Stops the background sending and releases the run's resources.</summary>
        public void Dispose()
        {
            // Ctrl+C, Stop-Job or the end of the task stopped the run (StopProcessing ran): PowerShell calls no EndProcessing,
            // and disposes the command on the pipeline thread, wherever the stop found it (waiting to hand a row over, writing
            // a result, or outside the command while Import-Csv read the next row).
            if (_cancellation?.IsRequested == true) SayStopped(byDownstreamCommand: false);
            _output?.Dispose();
            _cancellation?.Request();
            _dispatcher?.Dispose();
            _journalPreview?.Dispose();
            _cancellation?.Dispose();
            if (_sessionHeld) _session!.EndSend();
            _sessionHeld = false;
            if (_progressActivityId is int activity) ProgressActivities.Release(activity);
            _progressActivityId = null;
            // Last: the process's end (ProcessEndStop) waits for this, once the stop has been said above.
            _processEnd?.Dispose();
            _processEnd = null;
            GC.SuppressFinalize(this);
        }

        /// <summary>-To as bound (command line or a column), else the plain string piped by itself.</summary>
        private IReadOnlyList<ConnectDestination>? DestinationsNow()
        {
            var bound = Destinations;
            return bound is { Count: > 0 } ? bound : ConnectDestination.FromPipedValue(InputObject) ?? bound;
        }

        /// <summary>
        /// -WhatIf, -Confirm (or -Verbose) on a journal: what it holds before this run would open it, read without creating,
        /// locking or writing it. -WhatIf then says which rows a run would skip; -Confirm does not ask about them (before, a
        /// re-run with -Confirm asked "Send SMS to +44...?" of every row, and a Yes to a row an earlier run sent came back
        /// Skipped). Under -WhatIf a journal a run could not use ends the command as that run would, and one that another run
        /// is writing now only gets a warning, as that run may be over by the time this one runs; otherwise whatever the
        /// reading meets is left to the run's own opening of the journal, which says it.
        /// </summary>
        private void ReadJournalAhead(string journalPath, bool whatIf)
        {
            try
            {
                _journalPreview = EngineHost.PreviewJournal(journalPath, ResendUnknown, _session!.IsSandbox, SkipChanged);
            }
            catch (SessionFailureException) when (!whatIf)
            {
                return;
            }
            catch (SessionFailureException inUse) when (inUse.ErrorId == JournalLocation.InUseErrorId)
            {
                WriteNamedWarning(JournalLocation.InUseUnderWhatIf(journalPath));
                return;
            }
            catch (SessionFailureException failure)
            {
                EndWithFailure(failure);
            }
            if (!whatIf || _journalPreview is null) return;
            // The line a run's -Verbose opens with, so that a dry run on the wrong path (a new, empty journal) shows it.
            WriteVerbose(_journalPreview.Findings);
            if (_journalPreview.HoldsRecords) _whatIfJournalRows = new WhatIfJournalRows(journalPath);
        }

        /// <summary>
        /// What the journal read ahead says a run gives the row instead of sending it (Skipped, Unknown); null when the run
        /// sends it, or when no journal was read.
        /// </summary>
        private SendResult? JournalOutcome(ConnectMessage sent, ConnectMessage? asGiven, ComposedRecord record, object? input) =>
            _journalPreview?.EarlierOutcome(new DispatchItem(sent, record.Recipient, input) { Row = _row, AsGiven = asGiven, RecipientAsGiven = record.RecipientAsGiven });

        /// <summary>
        /// What the run's own journal gives the row instead of sending it, asked without handing the row over; null without a
        /// journal (or under -WhatIf, which opens none). A run without -Confirm reads no journal ahead (JournalOutcome).
        /// </summary>
        private SendResult? RunJournalOutcome(ConnectMessage sent, ConnectMessage? asGiven, ComposedRecord record, object? input) =>
            (_dispatcher as IJournalLookup)?.EarlierOutcomeOf(new DispatchItem(sent, record.Recipient, input) { Row = _row, AsGiven = asGiven, RecipientAsGiven = record.RecipientAsGiven });

        /// <summary>A line of -WhatIf's own ("What if: Skipping rows 1-3 ..."), not an operation's target.</summary>
        private void SayWhatIf(string line) => ShouldProcess(line, line, ActionName);

        /// <summary>
        /// -WhatIf: a request the run would make; before the first one larger than the session's starting rate, the rate they
        /// were planned at when it is a guess. A batch within that rate goes as one request whatever the tenant's TPS: before,
        /// four CSV rows in the sandbox were told the run "makes more, smaller requests than these", and it made the one shown.
        /// </summary>
        private void SayWhatIf(WhatIfBatch batch)
        {
            if (_whatIfRateAssumed is string assumed && batch.Addresses.Count > _session!.TpsInForce)
            {
                _whatIfRateAssumed = null;
                SayWhatIf(assumed);
            }
            ShouldProcess(batch.Target, ActionName);
        }

        /// <summary>-WhatIf given, or $WhatIfPreference set by the caller and not overridden with -WhatIf:$false.</summary>
        private bool IsWhatIf() =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var given)
                ? given is SwitchParameter flag ? flag.IsPresent : LanguagePrimitives.IsTrue(given)
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

        /// <summary>The session given or current was disconnected: the same error Get-ConnectSandboxRequest gives.</summary>
        private void ThrowSessionClosed() => ThrowTerminatingError(RequiredSession.ErrorOf(this, ConnectionResolver.SessionClosed(_session!), _session));

        /// <summary>A terminating error about the parameters, before anything is sent.</summary>
        /// <param name="errorId">The stable ErrorId.</param>
        /// <param name="message">What is wrong and what to give instead.</param>
        /// <param name="target">The value at fault, for the ErrorRecord's TargetObject.</param>
        private protected void ThrowParameterError(string errorId, string message, object? target = null) =>
            ThrowTerminatingError(ImportedCommandNames.In(this, new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target)));

        /// <summary>
        /// A value of <paramref name="parameter"/> the command cannot use, found before any row is read (-Substitution @{ Name =
        /// $null }, -Content that is no JSON): with nothing piped and the value the one row's own (<see cref="OneRowCall"/>), that
        /// row's Invalid result, Code <paramref name="errorId"/>; else the command's stop, as before. In a script's loop of
        /// one-row calls the stop left that row without a result.
        /// </summary>
        /// <param name="parameter">The parameter's full name.</param>
        /// <param name="errorId">The stable ErrorId, the stop's and the row's Code.</param>
        /// <param name="stop">The stop's message, which names the parameter.</param>
        /// <param name="row">The row's problem: the field ("Content", "Attachment[1]") and what to fix, worded for one row.</param>
        /// <param name="target">The value at fault, for the stop's TargetObject.</param>
        /// <param name="givenForTheRow">
        /// The one-row call's value though the parameter is no row's own (<see cref="OneRowCall.Owns"/>): a value PowerShell refused
        /// before the command ran (RefuseEmpty), which left a loop's row without a result.
        /// </param>
        private protected void RefuseValue(string parameter, string errorId, string stop, ValidationProblem row, object? target, bool givenForTheRow = false)
        {
            if (_oneRowCall is not null && (givenForTheRow || _oneRowCall.Owns(parameter)) && MyInvocation.BoundParameters.ContainsKey(parameter))
                _oneRowCall.Refuse(row, errorId);
            else
                ThrowParameterError(errorId, stop, target);
        }

        /// <summary>
        /// A value of <paramref name="parameter"/> that is empty: PowerShell refused it before the command ran (ValidateNotNullOrEmpty),
        /// so that a loop's row whose cell was empty (-From $u.Sender) had no result. With nothing piped, that row's Invalid result
        /// ("-From is empty: ..."), though the parameter is no row's own otherwise; piped, the command's stop before any row, with
        /// PowerShell's ErrorId. A value of spaces, which PowerShell let through, is the message's check's as before when piped.
        /// </summary>
        /// <param name="parameter">The parameter's full name.</param>
        /// <param name="value">Its value.</param>
        /// <param name="give">What to give instead.</param>
        private protected void RefuseEmpty(string parameter, string? value, string give)
        {
            if (!string.IsNullOrWhiteSpace(value) || (value is { Length: > 0 } && _oneRowCall is null)) return;
            var what = string.IsNullOrEmpty(value) ? "empty" : "only white space";
            var cell = string.IsNullOrEmpty(value) ? " (an empty cell of a CSV, say)" : "";
            RefuseValue(parameter, EmptyValueErrorId, $"-{parameter} is {what}: {give}.",
                new ValidationProblem(parameter, $"it is {what}{cell}: {give}"), value, givenForTheRow: true);
        }

        /// <summary>
        /// A value an argument transformation let through in place of a refusal, so that a script's loop of one-row calls keeps
        /// that row's result (PowerShell's binder refused it before, and its error ended the statement): with nothing piped, the one
        /// row's Invalid result; piped, the command's stop before any row. Two kinds:
        /// - a switch given a text that is not True or False (-SmsFallback:$u.Fallback of 'yes'; SwitchArgument bound it as False);
        /// - an ID or token parameter given an object that is no text (-CorrelationId @{a=1}, -TemplateId $row; IdTextArgument bound
        ///   a placeholder), whose type name ("System.Collections.Hashtable") was sent as the ID before.
        /// </summary>
        private void RefuseUnreadArguments()
        {
            _switchRefused = false;
            foreach (var bound in MyInvocation.BoundParameters)
            {
                string problem, given;
                if (SwitchArgumentAttribute.RefusedText(bound.Key, bound.Value) is string text)
                {
                    (problem, given) = (SwitchArgumentAttribute.Problem(bound.Key, text), text);
                    _switchRefused = true;
                }
                else if (IdTextArgumentAttribute.RefusedText(bound.Key, bound.Value) is string notText)
                    (problem, given) = (IdTextArgumentAttribute.Problem(bound.Key, notText, piped: false), notText);
                else continue;
                RefuseValue(bound.Key, OneRowCall.InvalidParameterValue, "-" + bound.Key + ": " + problem + ".", new ValidationProblem(bound.Key, problem), given,
                    givenForTheRow: true);
            }
        }

        /// <summary>The stop's ErrorId and the one row's Code for a -RequestedReceipt the channel has none of.</summary>
        private const string InvalidRequestedReceiptErrorId = "InvalidRequestedReceipt";

        // A one-row call's switch was given a text it could not read (RefuseUnreadArguments): what follows from the switch's absence is that row's too.
        private bool _switchRefused;

        /// <summary>
        /// A -RequestedReceipt the channel has none of ('yes' from a CSV cell; RequestedReceiptArgument let it through, or
        /// Send-ConnectMessage's channel has a list without it): with nothing piped, the one row's Invalid result; piped, the
        /// command's stop before any row, as it was. Before, the ValidateSet's refusal ended a loop's statement without a result.
        /// </summary>
        private void RefuseUnknownReceipts()
        {
            var names = RequestedReceiptNames;
            if (!MyInvocation.BoundParameters.ContainsKey("RequestedReceipt") || names is null) return;
            var unknown = RequestedReceiptArgumentAttribute.RefusedText(names);
            foreach (var name in names)
                if (unknown is null && ReceiptTypes.Normalize(ChannelKind, name) is null) unknown = name;
            if (unknown is null) return;
            var known = ReceiptTypes.For(ChannelKind);
            var noun = Messages.Validation.CommonRules.ChannelNoun(ChannelKind);
            var give = known.Count == 0 ? "give a receipt's name" : "give one of " + string.Join(", ", known);
            RefuseValue("RequestedReceipt", InvalidRequestedReceiptErrorId,
                known.Count == 0 ? "-RequestedReceipt: " + InputEcho.Quote(unknown) + " is no receipt's name." : $"-RequestedReceipt '{unknown}' is not {noun} receipt. Use one of: {string.Join(", ", known)}.",
                new ValidationProblem("RequestedReceipt", $"{InputEcho.Quote(unknown)} is not {noun} receipt: {give}, or leave -RequestedReceipt out"), unknown,
                givenForTheRow: true);
        }

        /// <summary>
        /// -Session $null, given (a lookup that found no session, as $sessions[$u.Region] for a region the table lacks), or a value
        /// that is no session (an empty or NULL cell, a text such as the region's name; SessionArgument let it through as $null):
        /// piped, the command's stop before any row; with nothing piped, the one row's Invalid result, so that a script's loop keeps
        /// a result for it. That row is not sent: the current session, if any, only carries the run that reports it; without one,
        /// the stop is this one, not "not connected".
        /// </summary>
        private void RefuseNullSession()
        {
            if (!MyInvocation.BoundParameters.TryGetValue(nameof(Session), out var given) || given is not null) return;
            const string give = "give a session that Connect-WebexConnect -PassThru returned (is the key of the lookup that gave it, such as " +
                "$u.Region, in the table?), or leave -Session out to send with the current session";
            string stop, problem, errorId = EmptyValueErrorId;
            var other = SessionArgumentAttribute.RefusedText();
            if (other is null)
                (stop, problem) = ("-Session is $null: " + give + ".", "it is $null, so the row has no session to be sent with: " + give);
            else if (SessionArgumentAttribute.IsEmpty(other))
                (stop, problem) = ($"-Session is {other}: {give}.", $"it is {other}, so the row has no session to be sent with: {give}");
            else
            {
                const string session = "give the session object that Connect-WebexConnect -PassThru returned (keep them in a hashtable, " +
                    "@{ uk = (Connect-WebexConnect ... -PassThru) }, and give -Session $sessions[$u.Region]), or leave -Session out to send with the current session";
                (stop, problem, errorId) = ($"-Session was given {other}, which is no session: {session}.", $"{other} is no session: {session}",
                    SessionArgumentAttribute.NotASessionErrorId);
            }
            RefuseValue(nameof(Session), errorId, stop, new ValidationProblem(nameof(Session), problem), other, givenForTheRow: true);
            if (Sending.SessionState.Current is null) ThrowParameterError(errorId, stop, other);
        }

        /// <summary>PowerShell's ErrorId for a $null or empty value it refused, kept for the ones the commands now refuse themselves.</summary>
        private protected const string EmptyValueErrorId = "ParameterArgumentValidationError";

        /// <summary>
        /// A one-row call's -Substitution $u with -SubstitutionColumn: the object stands for the row, so only the properties it names
        /// go, as only the named columns of a piped row go; before, the call looked for the named columns in a row it did not
        /// have, and its one row was Invalid ("the row has no column named 'Name'"). A name the object has no property for is
        /// that row's Invalid result. Returns the columns the rows' composer filters by: none left to filter then.
        /// </summary>
        private string[]? OnlyNamedProperties()
        {
            if (_oneRowCall is null || SubstitutionColumn is not { Length: > 0 } || Substitution is not SubstitutionProperties { Unreadable: null } properties)
                return SubstitutionColumn;
            var only = properties.Only(SubstitutionColumn, out var missing);
            Substitution = only;
            RefuseNotNamed(properties, only);
            if (missing is not null)
            {
                var problem = $"-Substitution has no property named {InputEcho.Quote(missing)}: check the spelling against the CSV header, or leave it out of -SubstitutionColumn";
                RefuseValue(nameof(SubstitutionColumn), SubstitutionText.InvalidSubstitutionErrorId, "-SubstitutionColumn: " + problem + ".",
                    new ValidationProblem(nameof(SubstitutionColumn), problem), missing, givenForTheRow: true);
            }
            return null;
        }

        /// <summary>
        /// A $(name) of a text whose property -Substitution $u has, but -SubstitutionColumn leaves out: that row's Invalid result,
        /// saying so, as a piped row's column left out is (PersonalisedText.ColumnNotNamed). Before, the reason said "the row has
        /// no column and -Substitution no key named 'Name'", and sent the admin to a CSV that has the column. The name is then
        /// filled empty in <paramref name="only"/> (the row is not sent), so that the text's own check does not say it again.
        /// </summary>
        private void RefuseNotNamed(SubstitutionProperties given, SubstitutionProperties only)
        {
            if (AllowMissingSubstitution) return;
            foreach (var text in TextsGiven())
            {
                foreach (var name in PersonalisedText.VariablesIn(text.Value))
                {
                    if (!given.Has(name) || only.Has(name)) continue;
                    var problem = $"$({name}) has no value: -Substitution's property {InputEcho.Quote(name)} (the row's column) is not one " +
                        "-SubstitutionColumn names, so it is not sent as a substitution. Add it to -SubstitutionColumn, or give " +
                        "-AllowMissingSubstitution to send it as written";
                    RefuseValue(nameof(SubstitutionColumn), SendErrors.InvalidInputCode, "-" + text.Key + ": " + problem + ".",
                        new ValidationProblem(text.Key, problem), name, givenForTheRow: true);
                    only[name] = "";
                }
            }
        }

        /// <summary>
        /// -Substitution given as an object (<see cref="SubstitutionProperties"/>): one that holds no values (a text) is refused, and
        /// so is a property left out of it ($null, a list) that a text uses; as a -Substitution hashtable's $null value is.
        /// </summary>
        private void RefuseSubstitutionObject()
        {
            if (Substitution is SubstitutionProperties { Unreadable: string unreadable })
            {
                var problem = SubstitutionProperties.UnreadableProblem(unreadable);
                RefuseValue(nameof(Substitution), SubstitutionProperties.UnreadableErrorId, "-Substitution " + problem + ".",
                    new ValidationProblem(nameof(Substitution), "it " + problem), unreadable);
            }
            else if (SubstitutionProperties.UsedLeftOut(Substitution, TextsGiven(), AllowMissingSubstitution, out var key) is string used)
            {
                RefuseValue(nameof(Substitution), SubstitutionText.InvalidSubstitutionErrorId, "-Substitution " + used + ".",
                    new ValidationProblem(nameof(Substitution), used), key);
            }
            else
            {
                return;
            }
            // Refused as the one row's (a piped run stopped above): its Invalid result names the problem once.
            Substitution = SubstitutionProperties.Refused(Substitution, TextsGiven());
        }

        /// <summary>The texts the command line gave that the service fills $(name) in, each with its parameter.</summary>
        private IEnumerable<KeyValuePair<string, string>> TextsGiven()
        {
            foreach (var parameter in ExpandedSubstitutions.SendParameters)
                if (MyInvocation.BoundParameters.TryGetValue(parameter, out var value) && (value is PSObject wrapped ? wrapped.BaseObject : value) is string text)
                    yield return new KeyValuePair<string, string>(parameter, text);
        }

        /// <summary>The row's message: the last row's when it is the same, with the same time and expiry.</summary>
        /// <param name="expireAt">The row's ExpireAt (RowExpiry).</param>
        /// <param name="validity">The row's Validity (RowExpiry).</param>
        private ConnectMessage CurrentMessage(DateTimeOffset? expireAt, TimeSpan? validity)
        {
            var key = _rowContent ??= new object?[PerRowContentLength];
            ReadPerRowContent(key);
            // The row's time: -SendAt's, or its SendAt cell's (none for a cell that is no time: the row is Invalid for it).
            var sendAt = UnreadableTime.Of(SendAt) is null ? SendAt : null;
            // A row read after its time has passed goes now, without it (SendAtOvertaken says why).
            if (_sendAtOvertaken.HasPassed(sendAt, _row)) sendAt = null;
            // Rows with the same time and expiry share the message (and so their requests); a row with another is another message.
            if (_message is null || _messageKey is null || !SameValues(key, _messageKey) || _message.SendAt != sendAt ||
                _message.ExpireAt != expireAt || _message.Validity != validity)
            {
                _message = CreateMessage(SharedPartNow(sendAt, expireAt, validity));
                _messageKey = (object?[])key.Clone();
            }
            return _message;
        }

        private static bool SameValues(object?[] a, object?[] b)
        {
            for (var i = 0; i < a.Length; i++)
                if (!Equals(a[i], b[i])) return false;
            return true;
        }

        private SharedPart SharedPartNow(DateTimeOffset? sendAt, DateTimeOffset? expireAt, TimeSpan? validity)
        {
            var receipts = new List<string>();
            foreach (var name in RequestedReceiptNames ?? Array.Empty<string>())
            {
                // One the channel has none of was refused before the first row (RefuseUnknownReceipts): the one row is Invalid.
                var normalized = ReceiptTypes.Normalize(ChannelKind, name);
                if (normalized is not null && !receipts.Contains(normalized)) receipts.Add(normalized);
            }

            var policy = ContactPolicyGroup is null && !CheckConsent && !ApplyFrequencyCap
                ? null
                : new ContactPolicy { Group = ContactPolicyGroup ?? "", CheckConsent = CheckConsent, ApplyFrequencyCap = ApplyFrequencyCap };

            return new SharedPart(From, SubstitutionText.FromHashtable(Substitution), sendAt, expireAt, validity, CallbackData,
                NotifyUrl?.OriginalString, receipts, ParameterSetName == TemplateSet ? new MessageTemplate { Id = TemplateId } : null, policy);
        }

        private static string TargetFor(Recipient recipient, long row) =>
            SubstitutionText.Abbreviate(recipient.Addresses) + " (row " + row.ToString(CultureInfo.InvariantCulture) + ")";

        /// <summary>
        /// "+447700900001 (row 1)", and for an SMS of several parts "+447700900001 (row 1): 14 SMS parts": what -Confirm asks
        /// about, so that the admin sees what the row will be billed as before saying yes; with -SendAt, when it goes, and with
        /// an expiry, when it expires (an ExpireAt or Validity column gives each row its own). For an
        /// email, who else gets it ("ann@example.com (row 1), cc boss@example.com"): a row's Cc column may copy anyone.
        /// </summary>
        /// <param name="sent">The row's message as <see cref="ForRecipient"/> made it: what goes, copies included.</param>
        /// <param name="recipient">The row's destination.</param>
        private string TargetFor(ConnectMessage sent, Recipient recipient)
        {
            var parts = MeasureParts(sent, recipient);
            // The copies as sent: a row's own address is not offered as its copy too (OverlappingCopies).
            if (parts is not > 1) return TargetFor(recipient, _row) + CopyAddresses.Said(sent) + EmailAttachments.Said(sent) + RcsContentColumns.Said(sent) +
                ScheduledFor.Said(sent.SendAt) + ScheduledFor.Expiry(sent);
            return TargetFor(recipient, _row) + ": " + parts.Value.ToString(CultureInfo.InvariantCulture) + " SMS parts" +
                (recipient.Addresses.Count > 1 ? " each" : "") + ScheduledFor.Said(sent.SendAt) + ScheduledFor.Expiry(sent);
        }

        /// <summary>What the engine had to say since the last call (batches, retries, waits), on the pipeline thread.</summary>
        private void WriteDiagnostics()
        {
            if (_dispatcher is null) return;
            foreach (var entry in _dispatcher.TakeDiagnostics())
            {
                switch (entry.Level)
                {
                    case DiagnosticLevel.Warning: WriteNamedWarning(entry.Message); break;
                    case DiagnosticLevel.Debug: WriteDebug(ImportedCommandNames.In(this, entry.Message)); break;
                    default: WriteVerbose(ImportedCommandNames.In(this, entry.Message)); break;
                }
            }
        }

        private int ProgressActivity => _progressActivityId ?? ProgressActivities.First;

        private void ShowProgress(bool completed)
        {
            if (completed)
            {
                if (_progressShown)
                {
                    // The whole count first: the last redraw was throttled, and the bar ended on a count short of the run's.
                    if (_run is not null && _progress?.Last(_run.Completed, _run.Unsuccessful) is ProgressSnapshot last)
                        WriteProgress(RecordOf(last));
                    WriteProgress(new ProgressRecord(ProgressActivity, ActionName, "Done") { RecordType = ProgressRecordType.Completed });
                }
                _progressShown = false;
                return;
            }

            var snapshot = _progress?.Next(_run!.Completed, _run.Unsuccessful);
            if (snapshot is null) return;
            _progressShown = true;
            WriteProgress(RecordOf(snapshot));
        }

        private ProgressRecord RecordOf(ProgressSnapshot snapshot) =>
            new ProgressRecord(ProgressActivity, ActionName, snapshot.Status)
            {
                PercentComplete = snapshot.PercentComplete,
                SecondsRemaining = snapshot.SecondsRemaining,
            };

        private ErrorRecord ErrorFor(SendResult result) =>
            ImportedCommandNames.In(this, new ErrorRecord(new ConnectSendException(SendErrors.MessageFor(result, _sameReason.EarlierRowFor(result)), result),
                SendErrors.ErrorIdFor(result), SendErrors.CategoryFor(result),
                InputRow.EchoOf(result.InputObject) ?? result.InputObject ?? result.Destination));

        /// <summary>Runs engine work; a failure that dooms every later row ends the command with its own ErrorId.</summary>
        private void Guard(Action work) => Guard(() => { work(); return true; });

        private T? Guard<T>(Func<T> work)
        {
            try
            {
                return work();
            }
            catch (SessionFailureException failure)
            {
                EndWithFailure(failure);
                return default;
            }
            catch (OperationCanceledException) when (_cancellation?.IsRequested == true)
            {
                // Ctrl+C or Select-Object -First: PowerShell is stopping the pipeline; nothing more to write.
                throw new PipelineStoppedException();
            }
        }

        /// <summary>A failure that dooms every later row: the results that finished first, then the command's end with its ErrorId.</summary>
        /// <param name="failure">The failure.</param>
        /// <param name="inputLeft">Ended while the input went on (ProcessRecord): the rows after the last one read are never read.</param>
        private void EndWithFailure(SessionFailureException failure, bool inputLeft = false)
        {
            // The service refused the credential: the session's next calls make no request (CredentialRefusal).
            _session?.Remember(failure, DateTimeOffset.UtcNow);
            // What led up to it (retries, a refused token renewal) helps more than the error alone; the progress
            // bar would otherwise stay on screen for the rest of the caller's script.
            if (_output is null) WriteDiagnostics();
            else
            {
                // Rows whose request succeeded before the failure keep their results (Send and Reject rethrow
                // the failure at once, before the results that finished first were taken).
                _output.Write(_run!.TakeFinishedAfterFailure());
                _output.Stream(() => { WriteDiagnostics(); ShowProgress(completed: true); });
                // The summary every run ends with, here too: the error alone does not say what became of the rows.
                _output.Stream(() => WriteVerbose(RunSummary.Format(ActionName, _run.Completed, _run.ByStatus, _clock.Elapsed, failure.ErrorId)));
                // Not -Verbose only: the error says why the run ended, not that the input's later rows have no result.
                if (inputLeft && !_output.Stopped)
                    _output.Stream(() => WriteNamedWarning(StoppedRun.AtFailure(MyInvocation.MyCommand.Name, failure.ErrorId, _row, _journalPath)));
            }
            ThrowTerminatingError(ImportedCommandNames.In(this, new ErrorRecord(failure, failure.ErrorId, SendErrors.CategoryForSessionFailure(failure.ErrorId),
                SendErrors.TargetForSessionFailure(failure.ErrorId, _session, _journalPath))));
        }

        /// <summary>How long a stopped run waits for the requests it cancelled to come back before it counts them on their way.</summary>
        private static readonly TimeSpan StopUnwind = TimeSpan.FromSeconds(1);

        /// <summary>
        /// The run was stopped before its end: nothing more leaves, and once per run the admin learns what became of the rows
        /// read without a result written (StoppedRun). After a downstream command's stop the cmdlet may still write a warning;
        /// while PowerShell stops the pipeline (Ctrl+C) every Write method throws, and the host's own warning line is what
        /// remains: written on the pipeline thread, after the requests the stop cancelled came back (at most StopUnwind).
        /// </summary>
        private void SayStopped(bool byDownstreamCommand)
        {
            if (_stopSaid || _run is null || _streams is null) return;
            _stopSaid = true;
            StopProcessing();
            var warnings = new List<string>(3);
            // -WhatIf sends nothing and writes no result for a row it would send: a stopped preview has no rows to account for.
            // Before, Ctrl+C in a -WhatIf run over a CSV said "rows 1-11,262 (11,262 rows) get no result: none was sent. Give
            // -Journal to a run that may be cut short", as if a real run had been cut short.
            if (_whatIf is null)
            {
                var rows = _dispatcher?.StopAndCount(StopUnwind) ?? new StoppedRows();
                // Results the run took and never wrote: the rest of those taken with the last one written.
                foreach (var taken in _run.ByStatus) rows.Add(taken.Key, taken.Value - _streams.Written(taken.Key));
                if (StoppedRun.Warning(MyInvocation.MyCommand.Name, byDownstreamCommand, _streams.LastRow, RowsRead, rows, _journalPath) is string warning)
                    warnings.Add(warning);
                // The end warnings count the rows that went, not only those whose result was written: before, a run stopped
                // after 2 results said "2 rows ... goes once" of 5 rows that went with one copy fewer.
                foreach (var row in rows.RowsThatWent) RowDone(row, went: true);
            }
            else if (byDownstreamCommand)
            {
                // A preview stopped by a command after it (Select-Object -First 1 took an Invalid row's result) still shows
                // the requests its rows read would make, as its end would have: before, it ended without them.
                foreach (var batch in _whatIf.Flush()) SayWhatIf(batch);
            }
            // PowerShell calls no EndProcessing after a stop: the run's end warnings, about the rows it did send (or, under
            // -WhatIf, would send), are said here or never (a Select-Object -First 10 run lost "10 rows ... sent once" and
            // -SendAt's "went at once").
            warnings.AddRange(EndWarnings(preview: _whatIf != null));
            foreach (var said in warnings)
            {
                if (byDownstreamCommand) WriteNamedWarning(said);
                else if (WarningsShown()) WriteHostWarning(ImportedCommandNames.In(this, said));
            }
        }

        /// <summary>-WarningAction, else $WarningPreference: SilentlyContinue and Ignore keep the host's warning line quiet too.</summary>
        private bool WarningsShown()
        {
            var given = MyInvocation.BoundParameters.TryGetValue("WarningAction", out var bound) ? bound : GetVariableValue("WarningPreference");
            return !LanguagePrimitives.TryConvertTo(given, out ActionPreference preference) ||
                   (preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore);
        }

        private void WriteHostWarning(string warning)
        {
            try
            {
                Host?.UI?.WriteWarningLine(warning);
            }
            catch (Exception unwritable) when (unwritable is HostException || unwritable is PipelineStoppedException ||
                                               unwritable is InvalidOperationException || unwritable is NotImplementedException)
            {
                // A host that cannot write now: the stop goes on without its last word, as before.
            }
        }

        /// <summary>The cmdlet's Write methods for <see cref="ResultWriter"/>.</summary>
        private sealed class Streams : IResultStreams
        {
            private readonly SendCommandBase _cmdlet;
            // The results written, by status: a stopped run subtracts them from those it took (SendRun.ByStatus).
            private readonly Dictionary<SendStatus, long> _written = new Dictionary<SendStatus, long>();

            public Streams(SendCommandBase cmdlet) => _cmdlet = cmdlet;

            /// <summary>The row of the last result written; 0 before the first.</summary>
            public long LastRow { get; private set; }

            public long Written(SendStatus status) => _written.TryGetValue(status, out var count) ? count : 0;

            public bool PipelineStopping => _cmdlet.Stopping;

            public void Output(SendResult result)
            {
                result.MarkSentThrough(_cmdlet._session);
                try
                {
                    _cmdlet.WriteObject(result);
                }
                catch (Exception stop) when (DownstreamStop.Is(stop, _cmdlet.Stopping))
                {
                    // The downstream command took this result and wants no more (DownstreamStop says what this adds): the
                    // writer says the stop (StoppedDownstream) once the result's error is written.
                    Counted(result);
                    throw;
                }
                Counted(result);
            }

            private void Counted(SendResult result)
            {
                _written[result.Status] = Written(result.Status) + 1;
                LastRow = result.Row;
                // A request of this run carried it (Batch is 0 for the rows the journal answered for).
                _cmdlet.RowDone(result.Row, went: result.Batch > 0);
            }

            public void Error(SendResult result) => _cmdlet.WriteError(_cmdlet.ErrorFor(result));

            public void StoppedDownstream() => _cmdlet.SayStopped(byDownstreamCommand: true);

            public void Verbose(string text) => _cmdlet.WriteVerbose(text);

            public void Diagnostics() => _cmdlet.WriteDiagnostics();

            public void Progress(bool completed) => _cmdlet.ShowProgress(completed);

            public void Summary(string stoppedBy) =>
                _cmdlet.WriteVerbose(RunSummary.Format(_cmdlet.ActionName, _cmdlet._run!.Completed, _cmdlet._run.ByStatus, _cmdlet._clock.Elapsed, stoppedBy));

            public void StoppedAtRow(long row, string errorId) =>
                _cmdlet.WriteNamedWarning(StoppedRun.AtRowError(_cmdlet.MyInvocation.MyCommand.Name, row, errorId, _cmdlet._row, _cmdlet._journalPath,
                    _cmdlet._rowReadBehindHeld));

            public void StoppedBeforeRow(long row, string stoppedBy) =>
                _cmdlet.WriteNamedWarning(StoppedRun.BeforeRow(_cmdlet.MyInvocation.MyCommand.Name, row, stoppedBy, _cmdlet._journalPath,
                    _cmdlet._rowReadBehindHeld));
        }
    }
}
