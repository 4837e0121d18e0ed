using System;
using System.Collections.Generic;
using System.Security;
using System.Threading;
using WebexConnect.Engine.Auth;
using WebexConnect.Engine.Diagnostics;
using WebexConnect.Engine.Dispatch;
using WebexConnect.Engine.Journal;
using WebexConnect.Engine.Payload;
using WebexConnect.Engine.Transport;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Engine
{
    /// <summary>Builds the transport side of a session: the batch transport, its rate gate and what it owns.</summary>
    internal delegate SessionParts SessionPartsFactory(ConnectionSettings settings);

    /// <summary>Starts a send run over a session's transport and rate gate.</summary>
    internal delegate IDispatcher DispatcherFactory(SessionParts session, DispatchOptions options, CancellationToken cancellation);

    /// <summary>
    /// The pieces ConnectEngine is assembled from, each written in its own folder (Transport/, Auth/,
    /// Sandbox/, Dispatch/, Payload/). Injected so the engine's wiring is tested with fakes, and so the
    /// seam compiles before every piece exists.
    /// </summary>
    internal sealed class EngineParts
    {
        /// <summary>A real endpoint: one HttpClient, the auth header (key or refreshed JWT), the TPS gate.</summary>
        public SessionPartsFactory OpenEndpoint { get; init; } = settings => throw NotWired("Transport/ (OpenEndpoint)");

        /// <summary>The in-process sandbox: the same transport over an in-memory handler, and its request log.</summary>
        public SessionPartsFactory OpenSandbox { get; init; } = settings => throw NotWired("Sandbox/ (OpenSandbox)");

        public DispatcherFactory CreateDispatcher { get; init; } = (session, options, cancellation) => throw NotWired("Dispatch/ (CreateDispatcher)");

        public Func<ConnectMessage, IReadOnlyList<Recipient>, string> RenderPayload { get; init; } =
            (message, recipients) => throw NotWired("Payload/ (RenderPayload)");

        public Func<string, SecureString, TimeSpan?, ConnectJwt> CreateJwt { get; init; } =
            (serviceId, secret, lifetime) => throw NotWired("Auth/ (CreateJwt)");

        /// <summary>What the module loads by reflection: the real pieces.</summary>
        public static EngineParts Default { get; } = new EngineParts
        {
            OpenEndpoint = SessionBuilder.ForEndpoint,
            OpenSandbox = SessionBuilder.ForSandbox,
            CreateDispatcher = (session, options, cancellation) =>
            {
                // One sink per run: the transport and the dispatcher talk into it, the cmdlet drains it.
                var diagnostics = new DiagnosticSink();
                return JournalingDispatcher.Create(options, attempts => session.CreateTransport(options, attempts, diagnostics), MessageShape.Of,
                    transport => new Dispatcher(transport, session.RateGate, MessageShape.Of, options, cancellation, diagnostics: diagnostics));
            },
            RenderPayload = PayloadWriter.Render,
            CreateJwt = (serviceId, secret, lifetime) => new JwtFactory().Create(serviceId, secret, lifetime),
        };

        /// <summary>Fails loudly, naming the missing piece, instead of doing nothing.</summary>
        private static NotSupportedException NotWired(string piece) =>
            new NotSupportedException($"The engine part {piece} is not wired yet.");
    }

    /// <summary>
    /// Builds a send run's transport; per run, because options such as ResendAmbiguous are per run, and so
    /// is the sink that carries what the transport has to say to the run's -Verbose. The transport tells
    /// <paramref name="attempts"/> (the journal, when there is one) about each request right before it leaves.
    /// </summary>
    internal delegate IBatchTransport TransportFactory(DispatchOptions options, IAttemptObserver? attempts, DiagnosticSink diagnostics);

    /// <summary>The transport side of one open session.</summary>
    internal sealed class SessionParts
    {
        public SessionParts(TransportFactory createTransport, IRateGate rateGate, IDisposable? resources = null,
            Func<IReadOnlyList<SandboxRequest>>? sandboxRequests = null)
        {
            CreateTransport = createTransport ?? throw new ArgumentNullException(nameof(createTransport));
            RateGate = rateGate ?? throw new ArgumentNullException(nameof(rateGate));
            Resources = resources;
            SandboxRequests = sandboxRequests;
        }

        /// <summary>A session whose every run shares one transport (tests, fakes).</summary>
        public SessionParts(IBatchTransport transport, IRateGate rateGate, IDisposable? resources = null,
            Func<IReadOnlyList<SandboxRequest>>? sandboxRequests = null)
            : this((_, attempts, _) => Reporting(transport ?? throw new ArgumentNullException(nameof(transport)), attempts), rateGate, resources, sandboxRequests)
        {
        }

        public TransportFactory CreateTransport { get; }

        /// <summary>The tenant's TPS budget: one per session, shared by every run, since the limit is the tenant's.</summary>
        public IRateGate RateGate { get; }

        /// <summary>What closing the session releases (the HttpClient, the sandbox).</summary>
        public IDisposable? Resources { get; }

        /// <summary>The sandbox's request log; null for a real endpoint.</summary>
        public Func<IReadOnlyList<SandboxRequest>>? SandboxRequests { get; }

        /// <summary>GET /v2/messages/{messageId} over the session's client and credential; null for fakes that have none.</summary>
        public MessageLookup? Lookup { get; init; }

        /// <summary>Whether and through which file the TPS budget is shared with other processes (Connect -Verbose); null for the sandbox and fakes.</summary>
        public string? TpsSharing { get; init; }

        /// <summary>IEngineSession.Tenant: where and as whom the session sends; "sandbox" for the simulator. Fakes get one of their own.</summary>
        public string Tenant { get; init; } = "fake:" + Guid.NewGuid().ToString("N");

        // A shared fake cannot report its own requests: the whole batch counts as one, reported first.
        private static IBatchTransport Reporting(IBatchTransport transport, IAttemptObserver? attempts) =>
            attempts is null ? transport : new WholeBatchAttempt(transport, attempts);
    }
}
