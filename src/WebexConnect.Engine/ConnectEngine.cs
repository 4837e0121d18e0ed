using System;
using System.Collections.Generic;
using System.Security;
using WebexConnect.Engine.Payload;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Engine
{
    /// <summary>
    /// The engine behind the seam: the module creates it by reflection (EngineLoader) and reaches it only
    /// through IConnectEngine. It assembles sessions from the engine's parts.
    /// </summary>
    internal sealed class ConnectEngine : IConnectEngine
    {
        private readonly EngineParts _parts;

        /// <summary>The constructor EngineLoader calls.</summary>
        public ConnectEngine()
            : this(EngineParts.Default)
        {
        }

        public ConnectEngine(EngineParts parts)
        {
            _parts = parts ?? throw new ArgumentNullException(nameof(parts));
        }

        public IEngineSession Open(ConnectionSettings settings)
        {
            if (settings is null) throw new ArgumentNullException(nameof(settings));
            var parts = settings.AuthMode == ConnectAuthMode.Sandbox
                ? _parts.OpenSandbox(settings)
                : _parts.OpenEndpoint(settings);
            return new EngineSession(parts, _parts.CreateDispatcher);
        }

        public string RenderPayload(ConnectMessage message, IReadOnlyList<Recipient> recipients)
        {
            if (message is null) throw new ArgumentNullException(nameof(message));
            if (recipients is null) throw new ArgumentNullException(nameof(recipients));
            return _parts.RenderPayload(message, recipients);
        }

        public ISet<string>? SubstitutionsSent(ConnectMessage message) =>
            MessageShape.Of(message ?? throw new ArgumentNullException(nameof(message))).UsedSubstitutions;

        public string NormalizeJson(string json) => RawJson.Normalize(json ?? throw new ArgumentNullException(nameof(json)));

        public ConnectJwt CreateJwt(string serviceId, SecureString serviceSecret, TimeSpan? lifetime)
        {
            if (string.IsNullOrWhiteSpace(serviceId)) throw new ArgumentException("A service ID is required.", nameof(serviceId));
            if (serviceSecret is null) throw new ArgumentNullException(nameof(serviceSecret));
            return _parts.CreateJwt(serviceId, serviceSecret, lifetime);
        }

        public IReceiptListener StartReceiptListener(ReceiptListenerOptions options) =>
            Receipts.ReceiptListener.Start(options ?? throw new ArgumentNullException(nameof(options)));

        public IJournalPreview PreviewJournal(string path, bool resendUnknown, bool forSandbox, bool skipChanged = false) =>
            Journal.JournalPreview.Open(path ?? throw new ArgumentNullException(nameof(path)), resendUnknown, forSandbox, skipChanged);

        public object? ReadJson(byte[] utf8) => Receipts.JsonTree.Read(utf8 ?? throw new ArgumentNullException(nameof(utf8)));
    }
}
