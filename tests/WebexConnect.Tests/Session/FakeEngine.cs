using System;
using System.Collections.Generic;
using System.Security;
using System.Threading;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sending;
using static WebexConnect.Tests.TestSecrets;

namespace WebexConnect.Tests.Session
{
    /// <summary>An engine that records what the module asked of it; sessions count their disposals.</summary>
    internal sealed class FakeConnectEngine : IConnectEngine
    {
        public List<ConnectionSettings> Opened { get; } = new List<ConnectionSettings>();
        public List<FakeEngineSession> Sessions { get; } = new List<FakeEngineSession>();

        public IEngineSession Open(ConnectionSettings settings)
        {
            Opened.Add(settings);
            var session = new FakeEngineSession();
            Sessions.Add(session);
            return session;
        }

        public string RenderPayload(ConnectMessage message, IReadOnlyList<Recipient> recipients) => throw new NotSupportedException();

        public ISet<string>? SubstitutionsSent(ConnectMessage message) => throw new NotSupportedException();

        public string NormalizeJson(string json) => throw new NotSupportedException();

        public ConnectJwt CreateJwt(string serviceId, SecureString serviceSecret, TimeSpan? lifetime) => throw new NotSupportedException();

        public object? ReadJson(byte[] utf8) => throw new NotSupportedException();

        public IReceiptListener StartReceiptListener(ReceiptListenerOptions options) => throw new NotSupportedException();

        public IJournalPreview PreviewJournal(string path, bool resendUnknown, bool forSandbox, bool skipChanged = false) => throw new NotSupportedException();
    }

    internal sealed class FakeEngineSession : IEngineSession
    {
        public int DisposeCount { get; private set; }

        public List<SandboxRequest> Requests { get; } = new List<SandboxRequest>();

        public IReadOnlyList<SandboxRequest> SandboxRequests => Requests;

        public int TpsInForce { get; set; } = 10;
        public bool TpsLearned { get; set; }

        public int BatchSizeInForce { get; set; } = 10;

        public string? TpsSharing { get; set; }

        public string Tenant { get; set; } = "fake:" + Guid.NewGuid().ToString("N");

        public IDispatcher CreateDispatcher(DispatchOptions options, CancellationToken cancellation) => throw new NotSupportedException();

        public LookupAnswer LookUpMessage(string messageId, CancellationToken cancellation) => throw new NotSupportedException();

        public void Dispose() => DisposeCount++;
    }

    internal static class Secrets
    {

        public static string Reveal(SecureString? secure) => secure is null ? "" : new System.Net.NetworkCredential("", secure).Password;
    }
}
