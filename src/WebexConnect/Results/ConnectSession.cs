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
        private bool _closed;
        private int _sends;

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
        /// announces its limit (x-rate-limit-limit) or refusals (429, 7009) show a lower one, which then stays for
        /// the session. A scheduled script can log it, or pass it to -Tps next time.
        /// </summary>
        public int TpsInForce => Engine.TpsInForce;

        /// <summary>How long one HTTP request may take.</summary>
        public TimeSpan RequestTimeout { get; }

        /// <summary>When the session was opened.</summary>
        public DateTimeOffset ConnectedAt { get; }

        /// <summary>True for the in-process sandbox: nothing leaves this machine.</summary>
        public bool IsSandbox => AuthMode == ConnectAuthMode.Sandbox;

        /// <summary>The open engine session: transport, token and rate state (used by the send cmdlets).</summary>
        internal IEngineSession Engine { get; }

        /// <summary>The engine that opened this session (payload rendering, JWT).</summary>
        internal IConnectEngine EngineHost { get; }

        /// <summary>True once Disconnect-WebexConnect (or a new Connect-WebexConnect) closed it.</summary>
        internal bool IsClosed
        {
            get { lock (_gate) return _closed; }
        }

        /// <summary>
        /// Closes the session once; later calls do nothing. A send still running on it (in another runspace:
        /// ForEach-Object -Parallel, Start-ThreadJob, a second Connect-WebexConnect there) keeps its connection
        /// until it ends, since its requests are on their way: the engine session is released by the last one.
        /// </summary>
        internal void Close()
        {
            lock (_gate)
            {
                if (_closed) return;
                _closed = true;
                if (_sends > 0) return;
            }
            Engine.Dispose();
        }

        /// <summary>
        /// Registers a send run on this session; false when it is already closed. Every true must be matched by
        /// one <see cref="EndSend"/>.
        /// </summary>
        internal bool TryBeginSend()
        {
            lock (_gate)
            {
                if (_closed) return false;
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
                if (!_closed || _sends > 0) return;
            }
            Engine.Dispose();
        }

        /// <inheritdoc />
        public override string ToString() =>
            IsSandbox ? "Webex Connect sandbox" : $"Webex Connect {BaseUri} ({AuthMode})";
    }
}
