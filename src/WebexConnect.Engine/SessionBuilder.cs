using System;
using System.Net.Http;
using System.Security;
using WebexConnect.Engine.Auth;
using WebexConnect.Engine.Diagnostics;
using WebexConnect.Engine.Dispatch;
using WebexConnect.Engine.Payload;
using WebexConnect.Engine.Sandbox;
using WebexConnect.Engine.Transport;
using WebexConnect.Sending;

namespace WebexConnect.Engine
{
    /// <summary>
    /// Assembles a session from the engine's pieces: one HttpClient, one credential and one rate gate per
    /// session; a batch transport per send run over them. The sandbox is the same transport over the
    /// simulator's in-memory handler, so a sandbox run exercises everything but the socket.
    /// </summary>
    internal static class SessionBuilder
    {
        /// <summary>The TPS the in-process sandbox enforces when the user gave none.</summary>
        public const int SandboxDefaultTps = 100;

        /// <summary>How many requests the in-process sandbox keeps for Get-ConnectSandboxRequest.</summary>
        public const int SandboxRecordedRequests = 10_000;

        /// <summary>
        /// How many bytes of requests (their JSON bodies as received) the in-process sandbox keeps: 10,000 requests of
        /// 1,000 destinations would otherwise hold 850 MB. 16 MB is about 190 such requests, or all 10,000 small ones.
        /// </summary>
        public const long SandboxRecordedBytes = 16L * 1024 * 1024;

        public static SessionParts ForEndpoint(ConnectionSettings settings)
        {
            EndpointPolicy.EnsureAllowed(settings.BaseUri);
            var credential = RequestCredentials.For(settings);
            var client = ConnectHttpClientFactory.Create(settings.BaseUri);
            return Assemble(client, credential, settings, sandbox: null, ConnectHttpClientFactory.ProxyFor(settings.BaseUri));
        }

        public static SessionParts ForSandbox(ConnectionSettings settings)
        {
            var server = new SandboxServer(new SandboxOptions
            {
                Tps = settings.Tps ?? SandboxDefaultTps,
                Latency = settings.SandboxLatency,
                // A trial run of a large CSV must not grow with it: keep the last requests for
                // Get-ConnectSandboxRequest, and nothing per destination that no cmdlet shows.
                MaxRecordedRequests = SandboxRecordedRequests,
                MaxRecordedBytes = SandboxRecordedBytes,
                CountAcceptedDestinations = false,
                RecordReceipts = false,
                // Receipts go to a loopback notifyUrl (Start-ConnectReceiptListener), never anywhere else.
                PostReceiptsToLoopback = true,
                FailedReceiptShare = settings.SandboxFailureRate,
            });
            var client = new HttpClient(new SandboxHandler(server)) { BaseAddress = settings.BaseUri, Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            // The simulator takes any non-empty key when none is configured: no credentials are needed to try it.
            var credential = new ServiceKeyCredential(SandboxKey());
            return Assemble(client, credential, settings, server);
        }

        private static SessionParts Assemble(HttpClient client, IRequestCredential credential, ConnectionSettings settings, SandboxServer? sandbox,
            Uri? proxy = null)
        {
            string? sharing = null;
            var gate = new RateGate(settings.Tps, sandbox is null ? LedgerFor(settings, out sharing) : new LocalRateLedger(), settings.RequestTimeout);
            IBatchTransport CreateTransport(DispatchOptions options, IAttemptObserver? attempts, DiagnosticSink diagnostics) => new BatchTransport(client, credential, gate,
                V2PayloadSource.Instance,
                new TransportOptions { RequestTimeout = settings.RequestTimeout, ResendAmbiguous = options.ResendAmbiguous, AttemptObserver = attempts, Proxy = proxy,
                    Journaled = options.Journaled },
                diagnostics: diagnostics);
            return new SessionParts(CreateTransport, gate, new Disposables(client, gate as IDisposable),
                sandbox is null ? null : () => sandbox.Requests)
            {
                Lookup = new MessageLookup(client, credential, settings.RequestTimeout, proxy),
                TpsSharing = sharing,
                // The identity the TPS ledger is named after: every sandbox is the same pretend tenant.
                Tenant = sandbox is null ? settings.BaseUri.AbsoluteUri + " " + CredentialIdentity(settings) : "sandbox",
            };
        }

        /// <summary>
        /// The tenant's ledger shared with this account's other processes (same base URI and credential identity),
        /// unless the user opted out or the file cannot be used; then one of this session's own.
        /// </summary>
        internal static IRateLedger LedgerFor(ConnectionSettings settings) => LedgerFor(settings, out _);

        /// <param name="sharing">What Connect-WebexConnect -Verbose says of it: the file it is shared through, or why it is not.</param>
        internal static IRateLedger LedgerFor(ConnectionSettings settings, out string sharing)
        {
            if (settings.NoSharedTps)
            {
                sharing = "TPS budget kept to this session (-NoSharedTps or WEBEXCONNECT_NO_SHARED_TPS).";
                return new LocalRateLedger();
            }
            var folder = LedgerFolder.Ensure(out var noFolder);
            if (folder is null)
            {
                sharing = NotShared + noFolder?.TrimEnd('.') + "." + LedgerFolder.WhereToShare;
                return new LocalRateLedger();
            }
            return LedgerFor(settings, folder, out sharing);
        }

        private const string NotShared = "TPS budget not shared with this account's other processes sending to this tenant (each counts its own): ";

        /// <summary>As <see cref="LedgerFor(ConnectionSettings, out string)"/>, in the ledger folder <paramref name="folder"/> (tests).</summary>
        internal static IRateLedger LedgerFor(ConnectionSettings settings, string folder, out string sharing)
        {
            var path = SharedRateLedger.PathFor(settings.BaseUri, CredentialIdentity(settings), folder);
            if (SharedRateLedger.TryOpen(path, out var problem) is { } shared)
            {
                sharing = "TPS budget shared with this account's other processes sending to this tenant, through " + path + ".";
                // A few of the ledgers of tenants long unused at each Connect (StaleLedgers says why not all at once).
                StaleLedgers.Remove(folder, path, DateTime.UtcNow);
                return shared;
            }
            sharing = NotShared + path + " cannot be used: " + problem?.TrimEnd('.') + "." + LedgerFolder.WhereToShare;
            return new LocalRateLedger();
        }

        /// <summary>Who sends: the service ID, or a hash of the service key (never the key itself).</summary>
        internal static string CredentialIdentity(ConnectionSettings settings)
        {
            if (settings.AuthMode == ConnectAuthMode.Jwt) return "jwt:" + settings.ServiceId;
            if (settings.ServiceKey is null) return "none";
            var chars = SecretBytes.ToChars(settings.ServiceKey);
            var bytes = System.Text.Encoding.UTF8.GetBytes(chars);
            try
            {
                return "key:" + SharedRateLedger.HashOf(bytes);
            }
            finally
            {
                Array.Clear(chars, 0, chars.Length);
                Array.Clear(bytes, 0, bytes.Length);
            }
        }

        private static SecureString SandboxKey()
        {
            var key = new SecureString();
            foreach (var c in "sandbox") key.AppendChar(c);
            key.MakeReadOnly();
            return key;
        }

        /// <summary>Disposes several things once, in order.</summary>
        private sealed class Disposables : IDisposable
        {
            private readonly IDisposable?[] _items;

            public Disposables(params IDisposable?[] items) => _items = items;

            public void Dispose()
            {
                foreach (var item in _items) item?.Dispose();
            }
        }
    }
}
