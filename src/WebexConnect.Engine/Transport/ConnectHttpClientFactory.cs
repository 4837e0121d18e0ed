using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Threading;

namespace WebexConnect.Engine.Transport
{
    /// <summary>
    /// Builds the one HttpClient of a session: pooled connections to the API host, the system proxy,
    /// TLS 1.2 available on Windows PowerShell, and a User-Agent that names the module. Timeouts are per
    /// attempt (see <see cref="BatchTransport"/>), so the client itself never times out.
    /// </summary>
    internal static class ConnectHttpClientFactory
    {
        /// <summary>Enough connections for the dispatcher's concurrent requests without flooding the tenant.</summary>
        public const int DefaultMaxConnections = 16;

        /// <summary>Connections are recycled after this, so that a DNS change of the API host (failover) is picked up within minutes.</summary>
        internal static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

        /// <summary>An idle connection is closed by us before a load balancer drops it and a request is lost on it.</summary>
        internal static readonly TimeSpan PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1);

        /// <summary>
        /// How long a new connection may take to be set up (TCP, any proxy tunnel, TLS), apart from -TimeoutSec, which is for the
        /// whole request. One round trip sets up a TCP connection and two more TLS, well within a second anywhere; 5 s also lets a
        /// lost SYN be sent again (Windows does at 3 s, Linux at 1 and 3 s). A host that does not answer by then is out of reach:
        /// a wrong address, or a firewall that drops the packets. Before, at 15 s, a run against such a host spent its 6 attempts
        /// waiting (100 s measured) before it stopped ServiceUnreachable. .NET Framework's handler has no such setting: there the
        /// system's own connect timeout (about 21 s on Windows) ends the attempt, or -TimeoutSec if it is shorter.
        /// </summary>
        internal static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

        /// <summary>
        /// Whether requests to <paramref name="baseUri"/> may go through a proxy (HTTP_PROXY, the system
        /// proxy): only over https, where a proxy sees a CONNECT tunnel and never the key or token. Plain
        /// http is allowed only to this machine (<see cref="EndpointPolicy"/>), and a proxy there would
        /// receive the credential header in cleartext, so loopback http always goes direct.
        /// </summary>
        internal static bool MayUseProxy(Uri baseUri) => baseUri.Scheme == Uri.UriSchemeHttps;

        /// <summary>
        /// The proxy requests to <paramref name="baseUri"/> go through, as the system's setting names it (HTTPS_PROXY,
        /// ALL_PROXY, the Windows proxy; NO_PROXY and the bypass list leave it out), or null when they go direct. For the
        /// words of a failure to reach it only: the handler finds its proxy itself.
        /// </summary>
        /// <param name="proxy">The proxy the client was given (tests); null for the system's.</param>
        internal static Uri? ProxyFor(Uri baseUri, IWebProxy? proxy = null)
        {
            if (!MayUseProxy(baseUri)) return null;
            try
            {
#if NET8_0_OR_GREATER
                var system = proxy ?? HttpClient.DefaultProxy;
#else
                var system = proxy ?? WebRequest.DefaultWebProxy;
#endif
                if (system is null || system.IsBypassed(baseUri)) return null;
                var via = system.GetProxy(baseUri);
                // .NET Framework's WebProxy answers the destination itself for a host it does not proxy.
                return via is null || via == baseUri ? null : via;
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is UriFormatException || ex is NotSupportedException)
            {
                return null;
            }
        }

        /// <summary>"WebexConnect/0.1.0".</summary>
        public static string UserAgent { get; } = "WebexConnect/" + ModuleVersion();

        /// <exception cref="ArgumentException">The base URI is not allowed by <see cref="EndpointPolicy"/>.</exception>
        /// <param name="proxy">The proxy to use for https (tests); null for the system's (HttpClient.DefaultProxy).</param>
        /// <param name="connectTimeout">How long setting up a connection may take (tests); null for <see cref="ConnectTimeout"/>.</param>
        public static HttpClient Create(Uri baseUri, int maxConnections = DefaultMaxConnections, IWebProxy? proxy = null, TimeSpan? connectTimeout = null)
        {
            EndpointPolicy.EnsureAllowed(baseUri);
            if (maxConnections < 1) throw new ArgumentOutOfRangeException(nameof(maxConnections), maxConnections, "At least 1.");

            var client = new HttpClient(CreateHandler(baseUri, maxConnections, proxy, connectTimeout ?? ConnectTimeout), disposeHandler: true)
            {
                BaseAddress = baseUri,
                Timeout = Timeout.InfiniteTimeSpan,
            };
            client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            // .NET Framework would otherwise hold every body back waiting for "100 Continue".
            client.DefaultRequestHeaders.ExpectContinue = false;
            return client;
        }

#if NET8_0_OR_GREATER
        private static HttpMessageHandler CreateHandler(Uri baseUri, int maxConnections, IWebProxy? proxy, TimeSpan connectTimeout) => new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = PooledConnectionLifetime,
            PooledConnectionIdleTimeout = PooledConnectionIdleTimeout,
            ConnectTimeout = connectTimeout,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            UseProxy = MayUseProxy(baseUri),
            Proxy = MayUseProxy(baseUri) ? proxy : null,
            DefaultProxyCredentials = CredentialCache.DefaultCredentials,
            // A redirect would carry the "key" header to another host; a 3xx is reported instead.
            AllowAutoRedirect = false,
        };
#else
        // connectTimeout: HttpClientHandler on .NET Framework has no connect timeout (see ConnectTimeout).
        private static HttpMessageHandler CreateHandler(Uri baseUri, int maxConnections, IWebProxy? proxy, TimeSpan connectTimeout)
        {
            EnableTls12();
            var useProxy = MayUseProxy(baseUri);
            // HttpClientHandler on .NET Framework pools per ServicePoint, whose defaults are 2 connections, 100 s idle
            // and no recycling at all: without these a long Windows PowerShell session never sees a DNS failover.
            // Behind a proxy HttpWebRequest uses the proxy's ServicePoint, not the API host's: tune the one the
            // requests will really use (FindServicePoint with the proxy), and the direct one for when it bypasses.
            Tune(ServicePointManager.FindServicePoint(baseUri), maxConnections);
            if (useProxy) Tune(ServicePointManager.FindServicePoint(baseUri, proxy ?? WebRequest.DefaultWebProxy), maxConnections);
            return new HttpClientHandler
            {
                UseProxy = useProxy,
                Proxy = useProxy ? proxy : null,
                DefaultProxyCredentials = CredentialCache.DefaultCredentials,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                MaxConnectionsPerServer = maxConnections,
                // A redirect would carry the "key" header to another host; a 3xx is reported instead.
                AllowAutoRedirect = false,
            };
        }

        private static void Tune(ServicePoint servicePoint, int maxConnections)
        {
            servicePoint.ConnectionLimit = maxConnections;
            servicePoint.MaxIdleTime = (int)PooledConnectionIdleTimeout.TotalMilliseconds;
            servicePoint.ConnectionLeaseTimeout = (int)PooledConnectionLifetime.TotalMilliseconds;
            // HttpWebRequest writes a POST's headers and its body as two sends. With Nagle's algorithm on (the
            // ServicePoint default) the body waits for the ACK of the headers, which the server may delay up to 200 ms:
            // every request paid that, and 16 connections then carried at most ~80 requests a second. The net8.0
            // handler turns Nagle off on every socket it opens.
            servicePoint.UseNagleAlgorithm = false;
        }

        /// <summary>
        /// Windows PowerShell 5.1 may default to SSL3/TLS 1.0, which the API refuses. Add TLS 1.2 to what is
        /// set, never remove anything, and leave SystemDefault (the OS chooses, TLS 1.2 included) alone.
        /// </summary>
        internal static void EnableTls12()
        {
            var current = ServicePointManager.SecurityProtocol;
            if (current == SecurityProtocolType.SystemDefault) return;
            if ((current & SecurityProtocolType.Tls12) == 0) ServicePointManager.SecurityProtocol = current | SecurityProtocolType.Tls12;
        }
#endif

        private static string ModuleVersion()
        {
            var version = typeof(WebexConnect.Results.ConnectJwt).Assembly.GetName().Version;
            return version is null ? "0.0.0" : version.ToString(3);
        }
    }
}
