using System;
using WebexConnect.Sending;

namespace WebexConnect.Results
{
    /// <summary>
    /// A connection to Webex Connect, as Connect-WebexConnect -PassThru returns it and Get-ConnectContext
    /// shows it. Holds no secret a user can read: the credentials stay inside the engine session.
    /// Pass it to -Session to send through a connection other than the current one.
    /// </summary>
    public sealed class ConnectSession
    {
        private readonly object _gate = new object();
        private SessionEnd? _closedBy;
        private int _sends;
        private volatile bool _kept;

        internal ConnectSession(ConnectionSettings settings, IConnectEngine engineHost, IEngineSession engine, DateTimeOffset connectedAt)
        {
            if (settings is null) throw new ArgumentNullException(nameof(settings));
            EngineHost = engineHost ?? throw new ArgumentNullException(nameof(engineHost));
            Engine = engine ?? throw new ArgumentNullException(nameof(engine));
            Region = settings.Region;
            BaseUri = settings.BaseUri;
            AuthMode = settings.AuthMode;
            ServiceId = settings.ServiceId;
            Tps = settings.Tps;
            RequestTimeout = settings.RequestTimeout;
            ConnectedAt = connectedAt;
            Link = new SessionLink(this);
        }

        /// <summary>Opens an engine session for the settings and wraps it; the engine owns the credentials from here on.</summary>
        internal static ConnectSession Open(IConnectEngine engineHost, ConnectionSettings settings, DateTimeOffset now)
        {
            if (engineHost is null) throw new ArgumentNullException(nameof(engineHost));
            var engine = engineHost.Open(settings);
            return new ConnectSession(settings, engineHost, engine, now);
        }

        /// <summary>The region (us, us1, eu, uk, ca, in, au, sg); empty for a custom base URI and the sandbox.</summary>
        public string? Region { get; }

        /// <summary>Where requests go: the API root; the messages endpoint is v2/messages below it.</summary>
        public Uri BaseUri { get; }

        /// <summary>ServiceKey, Jwt or Sandbox.</summary>
        public ConnectAuthMode AuthMode { get; }

        /// <summary>The Service ID (the JWT issuer) when authenticating with JWT.</summary>
        public string? ServiceId { get; }

        /// <summary>The TPS limit given by the user; empty when the session adopts the limit the service announces.</summary>
        public int? Tps { get; }

        /// <summary>
        /// The destinations per second the session sends at now: -Tps when given; otherwise 10 until the service
        /// announces its limit (x-rate-limit-limit). Refusals lower it: 429s (without -Tps), after which it climbs back
        /// once they stop, and 7009s, with or without -Tps, after which the session finds the largest request the tenant takes. While it
        /// still tries a larger one, this is the largest taken so far. A scheduled script can log it, or pass it to -Tps
        /// next time.
        /// </summary>
        public int TpsInForce => Engine.TpsInForce;

        /// <summary>How long one HTTP request may take.</summary>
        public TimeSpan RequestTimeout { get; }

        /// <summary>When the session was opened.</summary>
        public DateTimeOffset ConnectedAt { get; }

        /// <summary>True for the in-process sandbox: nothing leaves this machine.</summary>
        public bool IsSandbox => AuthMode == ConnectAuthMode.Sandbox;

        /// <summary>
        /// Until when the session makes no request because the service refused it (its credential, its inactive service, or this
        /// computer's IP address): each send call's rows are Failed at once and Get-ConnectMessage asks nothing. Empty when nothing
        /// is held. A Test-WebexConnect the service accepts clears it, and a new Connect-WebexConnect starts without it.
        /// </summary>
        /// <remarks>
        /// An admin who sees every row Failed with RunStopped looks at Get-ConnectContext first: the mark lived only in the rows'
        /// reasons, and a session that looked ready did not say why it sent nothing.
        /// </remarks>
        public DateTimeOffset? RefusedUntil => RefusedAt(DateTimeOffset.UtcNow) is { } refused ? refused.At + CredentialRefusal.Held : null;

        /// <summary>The open engine session: transport, token and rate state (used by the send cmdlets).</summary>
        internal IEngineSession Engine { get; }

        /// <summary>The engine that opened this session (payload rendering, JWT).</summary>
        internal IConnectEngine EngineHost { get; }

        /// <summary>What its send results keep of it (SendResult.SentThrough), cut when it closes.</summary>
        internal SessionLink Link { get; }

        /// <summary>True once Disconnect-WebexConnect (or a new Connect-WebexConnect, or Remove-Module) closed it.</summary>
        internal bool IsClosed => ClosedBy.HasValue;

        /// <summary>What closed the session, or null while it is open: the SessionClosed error says which.</summary>
        internal SessionEnd? ClosedBy
        {
            get { lock (_gate) return _closedBy; }
        }

        /// <summary>
        /// True once Connect-WebexConnect -PassThru handed the session to the user: a later Connect-WebexConnect
        /// then leaves it open for -Session, and only Disconnect-WebexConnect -Session (or Remove-Module) closes it.
        /// </summary>
        internal bool IsKept => _kept;

        /// <summary>Marks the session as the user's to keep (see <see cref="IsKept"/>).</summary>
        internal void Keep() => _kept = true;

        /// <summary>
        /// Closes the session once, for <paramref name="why"/>; later calls do nothing. A send still running on it
        /// (in another runspace: ForEach-Object -Parallel, Start-ThreadJob, a second Connect-WebexConnect there)
        /// keeps its connection until it ends, since its requests are on their way: the engine session is
        /// released by the last one. Returns false when it was already closed.
        /// </summary>
        internal bool Close(SessionEnd why = SessionEnd.Disconnected)
        {
            lock (_gate)
            {
                if (_closedBy.HasValue) return false;
                _closedBy = why;
                Link.Cut();
                if (_sends > 0) return true;
            }
            Engine.Dispose();
            return true;
        }

        /// <summary>
        /// Registers a send run on this session; false when it is already closed. Every true must be matched by
        /// one <see cref="EndSend"/>.
        /// </summary>
        internal bool TryBeginSend()
        {
            lock (_gate)
            {
                if (_closedBy.HasValue) return false;
                _sends++;
                return true;
            }
        }

        /// <summary>Ends a send run; the last one to end on a closed session releases the engine session.</summary>
        internal void EndSend()
        {
            lock (_gate)
            {
                if (_sends == 0) throw new InvalidOperationException("EndSend without TryBeginSend.");
                _sends--;
                if (!_closedBy.HasValue || _sends > 0) return;
            }
            Engine.Dispose();
        }

        // Read by every send and lookup on the session, written by whichever runspace met the refusal.
        private volatile CredentialRefusal? _refused;

        /// <summary>
        /// The service's refusal of this session (its credential, its inactive service, this computer's IP address) while it still holds at <paramref name="now"/>
        /// (<see cref="CredentialRefusal.Held"/>): a send or lookup then makes no request. Null when none holds.
        /// </summary>
        internal CredentialRefusal? RefusedAt(DateTimeOffset now) => _refused is { } refused && refused.HoldsAt(now) ? refused : null;

        /// <summary>
        /// Remembers a failure that is the Messaging API refusing the session (<see cref="SessionFailureException.SessionRefusedWith"/>),
        /// under its ErrorId; any other failure (a proxy's 401 page, a journal, the mark's own failure) leaves the mark as it was.
        /// </summary>
        internal void Remember(SessionFailureException failure, DateTimeOffset at)
        {
            // Kept while it holds: a piped run meets its refusal twice (when it reads on, and at its end), and the time named
            // is the first.
            if (failure.SessionRefusedWith is string answer && RefusedAt(at) is null) _refused = new CredentialRefusal(at, answer, failure.ErrorId);
        }

        /// <summary>Remembers that the service refused the credential now, answering a lookup with <paramref name="answer"/>.</summary>
        internal void Refused(string answer, DateTimeOffset at) => _refused = new CredentialRefusal(at, answer);

        /// <summary>The service accepted the credential (Test-WebexConnect): requests go again, whatever the refusal was.</summary>
        internal void Accepted() => _refused = null;

        /// <inheritdoc />
        public override string ToString() =>
            IsSandbox ? "Webex Connect sandbox" : $"Webex Connect {BaseUri} ({AuthMode})";
    }
}
