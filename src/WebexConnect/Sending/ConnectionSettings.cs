using System;
using System.Security;

namespace WebexConnect.Sending
{
    /// <summary>How a session authenticates.</summary>
    public enum ConnectAuthMode
    {
        /// <summary>The "key" header with the service key.</summary>
        ServiceKey,
        /// <summary>"Authorization: Bearer" with an HS256 JWT minted from the service ID and secret.</summary>
        Jwt,
        /// <summary>The in-process sandbox: no network, no credentials.</summary>
        Sandbox,
    }

    /// <summary>
    /// Everything the engine needs to open a connection. Built by Connect-WebexConnect; secrets stay in
    /// SecureString until the engine turns them into a header at the last moment.
    /// </summary>
    internal sealed class ConnectionSettings
    {
        public Uri BaseUri { get; init; } = new Uri("https://api.us.webexconnect.io/");
        public string? Region { get; init; }
        public ConnectAuthMode AuthMode { get; init; }
        public SecureString? ServiceKey { get; init; }
        public string? ServiceId { get; init; }
        public SecureString? ServiceSecret { get; init; }

        /// <summary>The tenant's limit in destinations per second; null: start low and adopt what the service announces.</summary>
        public int? Tps { get; init; }

        /// <summary>How long one HTTP request may take before it ends as a timeout.</summary>
        public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// Keep this session's TPS budget to itself instead of sharing it with this account's other processes on this
        /// machine that send to the same tenant (-NoSharedTps, or WEBEXCONNECT_NO_SHARED_TPS=1).
        /// </summary>
        public bool NoSharedTps { get; init; }

        /// <summary>Sandbox only: simulated server latency per request.</summary>
        public TimeSpan SandboxLatency { get; init; }

        /// <summary>Sandbox only: the share of accepted addresses whose delivery receipt says Failed.</summary>
        public double SandboxFailureRate { get; init; }
    }
}
