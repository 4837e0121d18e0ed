using System;
using System.Collections.Generic;
using System.Security;
using System.Threading.Tasks;
using WebexConnect.Engine.Sandbox;
using WebexConnect.Results;
using WebexConnect.Sandbox.Host;
using WebexConnect.Sending;
using static WebexConnect.Benchmarks.EndToEnd.BenchSecrets;

namespace WebexConnect.Benchmarks.EndToEnd
{
    /// <summary>
    /// The server a scenario drives: a fresh loopback sandbox (Kestrel on 127.0.0.1) configured for the scenario,
    /// or the endpoint from the command line. Only the sandbox can say what arrived when (the server's view).
    /// </summary>
    internal sealed class BenchTarget : IAsyncDisposable
    {
        private readonly LoopbackSandboxHost? _sandbox;
        private readonly BenchCredentials _credentials;

        private BenchTarget(Uri baseUri, BenchCredentials credentials, LoopbackSandboxHost? sandbox)
        {
            BaseUri = baseUri;
            _credentials = credentials;
            _sandbox = sandbox;
        }

        public Uri BaseUri { get; }

        public Uri MessagesUri => new Uri(BaseUri, "v2/messages");

        public bool IsSandbox => _sandbox is not null;

        public BenchCredentials Credentials => _credentials;

        /// <summary>What the sandbox received, oldest first; null for a real endpoint.</summary>
        public IReadOnlyList<SandboxRequest>? ServerRequests => _sandbox?.Server.Requests;

        /// <summary>
        /// A sandbox that enforces <paramref name="serverTps"/> (0: unlimited) and answers after
        /// <paramref name="latency"/>. It records each request's arrival and size but not bodies or receipts, so
        /// that recording does not weigh on what is measured.
        /// </summary>
        public static async Task<BenchTarget> StartSandboxAsync(int serverTps, TimeSpan latency)
        {
            var credentials = BenchCredentials.ForSandbox();
            var host = await LoopbackSandboxHost.StartAsync(new SandboxOptions
            {
                ServiceKey = credentials.ServiceKey,
                Tps = serverTps,
                Latency = latency,
                RecordRequests = true,
                RecordBodies = false,
                RecordReceipts = false,
            }).ConfigureAwait(false);
            return new BenchTarget(host.BaseUri, credentials, host);
        }

        public static BenchTarget ForEndpoint(Uri baseUri, BenchCredentials credentials) => new BenchTarget(baseUri, credentials, null);

        /// <summary>What Connect-WebexConnect would hand the engine for this server.</summary>
        public ConnectionSettings Settings(int? tps) => new ConnectionSettings
        {
            BaseUri = BaseUri,
            AuthMode = _credentials.ServiceKey is not null ? ConnectAuthMode.ServiceKey : ConnectAuthMode.Jwt,
            ServiceKey = _credentials.ServiceKey is null ? null : Secure(_credentials.ServiceKey),
            ServiceId = _credentials.ServiceId,
            ServiceSecret = _credentials.ServiceSecret is null ? null : Secure(_credentials.ServiceSecret),
            Tps = tps,
        };

        /// <summary>
        /// The header a hand-written script would add: the key, or one JWT minted up front (a token lives an hour,
        /// longer than the naive loop runs).
        /// </summary>
        public KeyValuePair<string, string> AuthorizationHeader(IConnectEngine engine)
        {
            if (_credentials.ServiceKey is not null) return new KeyValuePair<string, string>("key", _credentials.ServiceKey);
            var jwt = engine.CreateJwt(_credentials.ServiceId!, Secure(_credentials.ServiceSecret!), TimeSpan.FromMinutes(60));
            return new KeyValuePair<string, string>("Authorization", jwt.AuthorizationHeader);
        }

        public async ValueTask DisposeAsync()
        {
            if (_sandbox is not null) await _sandbox.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A service key, or a service ID and Base64 secret. Never printed.</summary>
    internal sealed class BenchCredentials
    {
        public const string KeyVariable = "WEBEXCONNECT_BENCH_SERVICE_KEY";
        public const string IdVariable = "WEBEXCONNECT_BENCH_SERVICE_ID";
        public const string SecretVariable = "WEBEXCONNECT_BENCH_SERVICE_SECRET";

        public BenchCredentials(string? serviceKey, string? serviceId, string? serviceSecret)
        {
            ServiceKey = serviceKey;
            ServiceId = serviceId;
            ServiceSecret = serviceSecret;
        }

        public string? ServiceKey { get; }
        public string? ServiceId { get; }
        public string? ServiceSecret { get; }

        /// <summary>A made-up key the sandbox is told to expect, so authentication is checked on every request.</summary>
        public static BenchCredentials ForSandbox() => new BenchCredentials("bench-" + Guid.NewGuid().ToString("N"), null, null);

        public override string ToString() => ServiceKey is not null ? "service key" : "JWT";
    }
}
