using System;
using System.Collections.Generic;
using System.Threading;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Engine
{
    /// <summary>One open connection: its transport and rate gate, shared by every send run until it is closed.</summary>
    internal sealed class EngineSession : IEngineSession
    {
        private static readonly IReadOnlyList<SandboxRequest> NoRequests = Array.Empty<SandboxRequest>();

        private readonly SessionParts _parts;
        private readonly DispatcherFactory _createDispatcher;
        private int _disposed;

        public EngineSession(SessionParts parts, DispatcherFactory createDispatcher)
        {
            _parts = parts ?? throw new ArgumentNullException(nameof(parts));
            _createDispatcher = createDispatcher ?? throw new ArgumentNullException(nameof(createDispatcher));
        }

        public IReadOnlyList<SandboxRequest> SandboxRequests => _parts.SandboxRequests?.Invoke() ?? NoRequests;

        public string? TpsSharing => _parts.TpsSharing;

        public string Tenant => _parts.Tenant;

        public int TpsInForce => _parts.RateGate is Dispatch.RateGate gate ? gate.SettledTps : _parts.RateGate.Tps;

        public bool TpsLearned => _parts.RateGate is Dispatch.RateGate gate && gate.LimitLearned;

        public int BatchSizeInForce => _parts.RateGate.MaxBatchSize;

        public LookupAnswer LookUpMessage(string messageId, CancellationToken cancellation)
        {
            if (Volatile.Read(ref _disposed) != 0) throw new ObjectDisposedException(nameof(EngineSession), "The session was disconnected.");
            if (_parts.Lookup is null) throw new NotSupportedException("This session cannot look messages up.");
            return _parts.Lookup.LookUpAsync(messageId, cancellation).GetAwaiter().GetResult();
        }

        public IDispatcher CreateDispatcher(DispatchOptions options, CancellationToken cancellation)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            if (Volatile.Read(ref _disposed) != 0) throw new ObjectDisposedException(nameof(EngineSession), "The session was disconnected.");
            return _createDispatcher(_parts, options, cancellation);
        }

        /// <summary>Releases the transport once; a send run still in flight sees its requests cancelled or failed.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) _parts.Resources?.Dispose();
        }
    }
}
