using System;
using System.Collections.Generic;
using System.Security;
using System.Threading;
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

        /// <summary>
        /// What the module loads by reflection.
        /// TODO(lead): wire each part when the branches merge:
        ///   OpenEndpoint     = settings => new SessionParts(transport: Transport/HttpBatchTransport over one HttpClient
        ///                      with Auth/ key or JWT header provider and EndpointPolicy, rateGate: Transport/ token bucket
        ///                      (settings.Tps), resources: the HttpClient),
        ///   OpenSandbox      = settings => the same transport over Sandbox/'s in-memory handler (settings.SandboxLatency),
        ///                      sandboxRequests: the simulator's request log,
        ///   CreateDispatcher = (session, options, ct) => Dispatch/'s dispatcher over session.Transport and session.RateGate,
        ///   RenderPayload    = Payload/'s indented v2 JSON writer,
        ///   CreateJwt        = Auth/'s HS256 minter.
        /// </summary>
        public static EngineParts Default { get; } = new EngineParts();

        /// <summary>Fails loudly, naming the missing piece, instead of doing nothing.</summary>
        private static NotSupportedException NotWired(string piece) =>
            new NotSupportedException($"The engine part {piece} is not wired yet.");
    }

    /// <summary>The transport side of one open session.</summary>
    internal sealed class SessionParts
    {
        public SessionParts(IBatchTransport transport, IRateGate rateGate, IDisposable? resources = null,
            Func<IReadOnlyList<SandboxRequest>>? sandboxRequests = null)
        {
            Transport = transport ?? throw new ArgumentNullException(nameof(transport));
            RateGate = rateGate ?? throw new ArgumentNullException(nameof(rateGate));
            Resources = resources;
            SandboxRequests = sandboxRequests;
        }

        public IBatchTransport Transport { get; }
        public IRateGate RateGate { get; }

        /// <summary>What closing the session releases (the HttpClient, the sandbox).</summary>
        public IDisposable? Resources { get; }

        /// <summary>The sandbox's request log; null for a real endpoint.</summary>
        public Func<IReadOnlyList<SandboxRequest>>? SandboxRequests { get; }
    }
}
