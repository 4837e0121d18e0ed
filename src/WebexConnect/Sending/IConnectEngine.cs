using System;
using System.Collections.Generic;
using System.Threading;
using WebexConnect.Messages;
using WebexConnect.Results;

namespace WebexConnect.Sending
{
    /// <summary>
    /// The seam: the only way the module reaches the engine assembly, which it loads from dependencies/.
    /// Nothing here may mention a type from a third-party package.
    /// </summary>
    internal interface IConnectEngine
    {
        /// <summary>Opens a connection (one HttpClient, or the in-process sandbox) for the settings.</summary>
        IEngineSession Open(ConnectionSettings settings);

        /// <summary>The exact v2 JSON body for a message and its destinations, indented for people to read.</summary>
        string RenderPayload(ConnectMessage message, IReadOnlyList<Recipient> recipients);

        /// <summary>
        /// The names of a destination's substitutions that a request for <paramref name="message"/> carries: those its
        /// $(name) variables name. Null when every one goes (a template, a channel whose content the module does not know).
        /// </summary>
        ISet<string>? SubstitutionsSent(ConnectMessage message);

        /// <summary>
        /// The compact form of one JSON value the caller wrote (Send-ConnectMessage -Content), as a request body
        /// carries it; a FormatException that names the line and position when it is not valid JSON.
        /// </summary>
        string NormalizeJson(string json);

        /// <summary>Mints an HS256 JWT: iss = service ID, iat back-dated against skew, exp = iat + lifetime when given.</summary>
        ConnectJwt CreateJwt(string serviceId, System.Security.SecureString serviceSecret, TimeSpan? lifetime);

        /// <summary>
        /// Reads UTF-8 JSON into a plain tree (case-insensitive dictionaries, lists, scalar text) that the module
        /// walks without a JSON package: how webhook bodies are read. Throws FormatException for anything else.
        /// </summary>
        object? ReadJson(byte[] utf8);

        /// <summary>Starts an HTTP listener for delivery-receipt webhooks in the background; it runs until disposed.</summary>
        IReceiptListener StartReceiptListener(ReceiptListenerOptions options);

        /// <summary>
        /// The journal at <paramref name="path"/> (a full path), read for -WhatIf without creating, locking or writing it
        /// (also when it holds no record yet, or does not exist: then it skips no row). Throws the SessionFailureException a send run on it would meet
        /// (<paramref name="forSandbox"/> as <see cref="DispatchOptions.JournalForSandbox"/>; <paramref name="skipChanged"/> as <see cref="DispatchOptions.SkipChanged"/>).
        /// </summary>
        IJournalPreview PreviewJournal(string path, bool resendUnknown, bool forSandbox, bool skipChanged = false);
    }

    /// <summary>
    /// A send run's journal, asked about a row before it is handed over, without counting it as handed over: the row that
    /// repeats an earlier one warns only when it is sent again (RepeatedRows), and a -Journal re-run skips it.
    /// </summary>
    internal interface IJournalLookup
    {
        /// <summary>The result the run would give the record instead of sending it (Skipped, Unknown); null when it would send it.</summary>
        SendResult? EarlierOutcomeOf(DispatchItem item);
    }

    /// <summary>What a journal says of the rows of a -WhatIf run, asked in pipeline order.</summary>
    internal interface IJournalPreview : IDisposable
    {
        /// <summary>Whether earlier runs recorded anything in it: without, no row is skipped.</summary>
        bool HoldsRecords { get; }

        /// <summary>
        /// The line a run's -Verbose opens with: the journal's full path and what earlier runs left in it. Before, -WhatIf
        /// -Verbose did not say which journal it read, so a dry run on the wrong path looked like one on the right one.
        /// </summary>
        string Findings { get; }

        /// <summary>After the rows: the warning a run gives when earlier runs sent rows and none of these is among them; else null.</summary>
        string? NoneMatched();

        /// <summary>After the rows: the warning a run gives when it skips rows sent on an earlier day (a journal reused daily); else null.</summary>
        string? SentOnEarlierDays();

        /// <summary>
        /// After the rows: the warning a run gives for rows the journal does not hold whose destination an earlier run sent
        /// other content (sent, or Skipped with -SkipChanged); else null.
        /// </summary>
        string? Changed();

        /// <summary>The result a run on the journal would give the record instead of sending it (Skipped, Unknown); null when it would send it.</summary>
        SendResult? EarlierOutcome(DispatchItem item);

        /// <summary>
        /// Whether the record <see cref="EarlierOutcome"/> was last asked about, to be sent, goes to a destination an earlier
        /// run sent other content (what -WhatIf lists, as those people get this message too).
        /// </summary>
        bool LastGoesToChanged { get; }
    }

    /// <summary>Where and how a receipt listener listens.</summary>
    internal sealed class ReceiptListenerOptions
    {
        /// <summary>The address to bind: loopback unless the user asked for another.</summary>
        public System.Net.IPAddress Address { get; init; } = System.Net.IPAddress.Loopback;

        /// <summary>The host name to put in Url (what -NotifyUrl will say).</summary>
        public string Host { get; init; } = "127.0.0.1";

        /// <summary>0: any free port.</summary>
        public int Port { get; init; }

        /// <summary>The path receipts are posted to, starting and ending with "/".</summary>
        public string Path { get; init; } = "/";

        /// <summary>When set, a receipt without a matching x-hub-signature is refused.</summary>
        public System.Security.SecureString? Secret { get; init; }

        /// <summary>How many receipts are kept.</summary>
        public int Capacity { get; init; } = 100_000;
    }

    /// <summary>A running receipt listener.</summary>
    internal interface IReceiptListener : IDisposable
    {
        Uri Url { get; }
        Receipts.ReceiptBuffer Receipts { get; }
        long Refused { get; }
        /// <summary>Signed webhooks posted again (same body, same signature): answered 200 and not kept a second time.</summary>
        long Repeated { get; }
        string? LastProblem { get; }
        bool IsRunning { get; }
    }

    /// <summary>An open connection: the transport, its token and rate state, and the sandbox when simulated.</summary>
    internal interface IEngineSession : IDisposable
    {
        /// <summary>Starts a send run: batching, rate limiting and requests in the background.</summary>
        IDispatcher CreateDispatcher(DispatchOptions options, CancellationToken cancellation);

        /// <summary>What the sandbox received, oldest first; empty for a real endpoint.</summary>
        IReadOnlyList<SandboxRequest> SandboxRequests { get; }

        /// <summary>The TPS the session's rate gate keeps to now (it changes when the session adopts or learns a limit); while it tries a larger request after a 7009, the largest the tenant took.</summary>
        int TpsInForce { get; }

        /// <summary>True once <see cref="TpsInForce"/> came from the tenant (announced by the service, or lowered by a refusal), not the cautious start.</summary>
        bool TpsLearned { get; }

        /// <summary>
        /// The most destinations the session's next request may hold: a second of <see cref="TpsInForce"/> (at most 1,000), or a
        /// tenth of that once the session's answers proved slow (over 100 ms), which the session keeps to from then on.
        /// </summary>
        int BatchSizeInForce { get; }

        /// <summary>
        /// Whether the TPS budget is shared with this account's other processes, through which file, or why not: a line
        /// for Connect-WebexConnect -Verbose (the ledger's path names a hash, never a credential). Null for the sandbox.
        /// </summary>
        string? TpsSharing { get; }

        /// <summary>
        /// Where and as whom the session sends: its base URI with the Service ID or a hash of the service key (never the key),
        /// or "sandbox". Equal for two sessions of the same tenant and credential, so that a runspace whose Connect-WebexConnect
        /// another runspace's replaced can tell whether the current session sends where its own did (see
        /// <see cref="ConnectionResolver.SelectSession"/>).
        /// </summary>
        string Tenant { get; }

        /// <summary>GET /v2/messages/{messageId} with the session's credential; never sends anything. Blocks until answered.</summary>
        LookupAnswer LookUpMessage(string messageId, CancellationToken cancellation);
    }

    /// <summary>Options of one send run (one cmdlet invocation).</summary>
    internal sealed class DispatchOptions
    {
        /// <summary>Resend destinations whose outcome is ambiguous (timeout, 500/502/504) instead of reporting Unknown.</summary>
        public bool ResendAmbiguous { get; init; }

        /// <summary>
        /// With a journal: hold back a row the journal does not hold whose destination an earlier run sent other content to
        /// (-SkipChanged), reporting it Skipped (Code JournalChanged), instead of sending it with a warning.
        /// </summary>
        public bool SkipChanged { get; init; }

        /// <summary>The Code of a row Skipped because the journal records its destination sent other content (see <see cref="SkipChanged"/>).</summary>
        public const string ChangedContentCode = "JournalChanged";

        /// <summary>
        /// How many requests may be in flight at once. The rate gate spends a second's budget in ten requests,
        /// all free again together a second after a burst; against a service slow to answer, fewer connections
        /// than that would hold some of them back, and every second after would start that much later.
        /// </summary>
        public int MaxConcurrentRequests { get; init; } = 16;

        /// <summary>Total number of destinations when known in advance (for progress ETA); null when streaming.</summary>
        public long? ExpectedTotal { get; init; }

        /// <summary>
        /// The journal file (full path) that lets a re-run send only what an earlier run did not; null for none.
        /// </summary>
        public string? JournalPath { get; init; }

        /// <summary>The run keeps a journal (<see cref="JournalPath"/>): what the engine says a re-run does depends on it (RerunAdvice).</summary>
        public bool Journaled => !string.IsNullOrEmpty(JournalPath);

        /// <summary>
        /// Whether the run sends to the sandbox: a new journal records it, and a journal made for the other kind is refused
        /// (JournalSandboxMismatch), since a rehearsal's journal lists as sent what the real service never had.
        /// </summary>
        public bool JournalForSandbox { get; init; }

        /// <summary>
        /// The rows are piped into the command (ExpectingInput), so the run is no call of a foreach loop of one-row calls: a
        /// row the journal skips is then told as a re-run's alone, without the note for a loop's repeated row (JournalVerdicts).
        /// </summary>
        public bool RowsPiped { get; init; }
    }

    /// <summary>One input record handed to the dispatcher, in pipeline order.</summary>
    /// <remarks>
    /// A struct: it lives in its batch's list while the request travels, and an object per row would be one more for the
    /// garbage collector to copy out of its youngest generation (every row in flight outlives a gen0 collection).
    /// </remarks>
    internal readonly struct DispatchItem
    {
        public DispatchItem(ConnectMessage message, Recipient recipient, object? inputObject)
        {
            Message = message;
            Recipient = recipient;
            InputObject = inputObject;
        }

        public ConnectMessage Message { get; }
        public Recipient Recipient { get; }
        public object? InputObject { get; }

        /// <summary>SMS: parts the text needs, reported on the result.</summary>
        public int? Parts { get; init; }

        /// <summary>The input row it came from (SendResult.Row), carried onto every result made for it.</summary>
        public long Row { get; init; }

        /// <summary>
        /// The message as the row gave it, when the command sends it changed (an email without the copies its To already
        /// has: OverlappingCopies); null otherwise. The journal looks the row up, and records it, under it too: a journal written
        /// by a version that sent the row unchanged names its send so (a re-run after the update sent it a second time), and
        /// that version, run again on a journal this one wrote, looks for it so.
        /// </summary>
        public ConnectMessage? AsGiven { get; init; }

        /// <summary>
        /// The destination with its substitution values and GTR IDs as the row gave them, when the command sends them trimmed (a
        /// semicolon CSV's "Bernd ", a GtrId cell's "g-3 "); null otherwise. The journal looks the row up, and records it, under it too: versions
        /// before the trim sent, and so named, the values as given, and a re-run after the update sent those rows again.
        /// </summary>
        public Recipient? RecipientAsGiven { get; init; }

        /// <summary>Refuses a default (empty) item, where a class would have refused null.</summary>
        public static void Require(DispatchItem item, string parameterName)
        {
            if (item.Message is null || item.Recipient is null)
                throw new ArgumentException("A record needs its message and its destination.", parameterName);
        }
    }

    /// <summary>
    /// A send run. Add is called on the pipeline thread and blocks when the in-flight bound is reached;
    /// results come back in input order, through Take/Complete, to be written on the pipeline thread.
    /// </summary>
    internal interface IDispatcher : IDisposable
    {
        /// <summary>Queues a record for sending.</summary>
        void Add(DispatchItem item);

        /// <summary>Queues a result decided before sending (Invalid, Skipped) so that it keeps its place in the order.</summary>
        void AddCompleted(SendResult result);

        /// <summary>The results that are ready now, in input order; never blocks.</summary>
        IReadOnlyList<SendResult> TakeReady();

        /// <summary>Flushes what is queued and yields every remaining result in input order as it becomes ready.</summary>
        IEnumerable<SendResult> Complete();

        /// <summary>Counters for Write-Progress; cheap, safe to read on the pipeline thread at any time.</summary>
        DispatchProgress Progress { get; }

        /// <summary>
        /// Stops sending (nothing leaves after it), waits at most <paramref name="unwind"/> for the requests it cancelled to
        /// come back, then says what is known of every record without a result taken: accepted, on its way (may have
        /// gone), or never sent. For the cmdlet's last word on a stopped run; pipeline thread.
        /// </summary>
        StoppedRows StopAndCount(TimeSpan unwind);

        /// <summary>What -Verbose, -Debug and warnings should say since the last call, oldest first; never blocks.</summary>
        IReadOnlyList<DiagnosticEntry> TakeDiagnostics();

        /// <summary>Where the run's time went so far, for the line that says what limited its pace; pipeline thread, after the last result.</summary>
        DispatchPace Pace { get; }

        /// <summary>
        /// Called about every 50 ms while Add or Complete blocks with no result to give (a full in-flight bound, a
        /// Retry-After, a wait for the TPS budget), on the thread that called them: the cmdlet writes what the engine
        /// said meanwhile and moves its progress bar, so a wait is not silence until the next result. Null: nothing.
        /// </summary>
        Action? WhileWaiting { get; set; }
    }
}
