using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebexConnect.Sandbox.Host
{
    /// <summary>How the strict stand-in of a tenant behaves.</summary>
    internal sealed class StrictTenantOptions
    {
        /// <summary>Destinations per second the tenant accepts, over any one-second window of arrivals.</summary>
        public int Tps { get; set; } = 100;

        /// <summary>Random delay, uniform between 0 and this, between a request reaching the server and being counted.</summary>
        public TimeSpan ArrivalJitter { get; set; } = TimeSpan.FromMilliseconds(50);

        /// <summary>Time between counting a request and answering it (the service's own work and the way back).</summary>
        public TimeSpan Latency { get; set; } = TimeSpan.Zero;

        /// <summary>Send x-rate-limit-limit/-remaining; off: a tenant that says nothing about its limit.</summary>
        public bool AnnounceLimit { get; set; }

        /// <summary>Seed of the jitter dice, so a run can be replayed; null: a new seed each time.</summary>
        public int? Seed { get; set; }
    }

    /// <summary>One request as the strict tenant saw it.</summary>
    internal sealed class StrictArrival
    {
        public StrictArrival(double at, int destinations, int status)
        {
            At = at;
            Destinations = destinations;
            Status = status;
        }

        /// <summary>When it was counted, in seconds on the server's clock.</summary>
        public double At { get; }
        public int Destinations { get; }
        public int Status { get; }
    }

    /// <summary>
    /// A strict stand-in of a Webex Connect tenant, independent of the sandbox: it counts the destinations of
    /// every request by its arrival time, after a random arrival jitter (what a network and a front end add),
    /// over every one-second window, and refuses (429, code 7020, Retry-After) a request that would put any
    /// window over the TPS. A request with more destinations than the TPS is refused whole (400, 7009). Accepted
    /// requests are answered after the latency with a requestTimestamp (milliseconds) of their arrival.
    /// Kestrel on 127.0.0.1; also run as a process of its own by the benchmarks program (`serve`).
    /// </summary>
    internal sealed class StrictTenantServer : IAsyncDisposable
    {
        private static readonly long Second = Stopwatch.Frequency;
        private readonly StrictTenantOptions _options;
        private readonly object _sync = new object();
        private readonly Queue<(long At, int Count)> _window = new Queue<(long, int)>();
        private readonly List<StrictArrival> _arrivals = new List<StrictArrival>();
        private readonly Random _random;
        private readonly long _startTimestamp = Stopwatch.GetTimestamp();
        private readonly DateTimeOffset _startUtc = DateTimeOffset.UtcNow;
        private int _inWindow;
        private WebApplication? _app;

        private StrictTenantServer(StrictTenantOptions options)
        {
            _options = options;
            _random = options.Seed is int seed ? new Random(seed) : new Random();
        }

        public Uri BaseUri { get; private set; } = new Uri("http://127.0.0.1/");

        public StrictTenantOptions Options => _options;

        /// <summary>Every request counted so far, in arrival order.</summary>
        public IReadOnlyList<StrictArrival> Arrivals
        {
            get
            {
                lock (_sync) return _arrivals.ToArray();
            }
        }

        public static async Task<StrictTenantServer> StartAsync(StrictTenantOptions options, int port = 0)
        {
            var server = new StrictTenantServer(options);
            var (app, boundPort) = await LoopbackKestrel.StartAsync(server.HandleAsync, port).ConfigureAwait(false);
            server.BaseUri = new Uri("http://127.0.0.1:" + boundPort + "/");
            server._app = app;
            return server;
        }

        /// <summary>Forgets what was counted (a new run on the same server); the window itself keeps running.</summary>
        public void ClearArrivals()
        {
            lock (_sync) _arrivals.Clear();
        }

        private async Task HandleAsync(HttpContext context)
        {
            var reached = Stopwatch.GetTimestamp();
            if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path.Equals("/strict/figures", StringComparison.OrdinalIgnoreCase))
            {
                // For tests in other processes (Pester): what this tenant saw, as the figures it is judged by.
                var figures = StrictRunFigures.Of(Arrivals, _options.Tps);
                await AnswerAsync(context, 200, string.Format(CultureInfo.InvariantCulture,
                    "{{\"refused\":{0},\"mostInOneSecond\":{1},\"share\":{2:0.0000},\"accepted\":{3},\"span\":{4:0.000},\"requests\":{5}}}",
                    figures.Refused, figures.MostInOneSecond, figures.Share, figures.Accepted, figures.Span, Arrivals.Count)).ConfigureAwait(false);
                return;
            }

            if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals("/v2/messages", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = 404;
                return;
            }

            if (string.IsNullOrEmpty(context.Request.Headers["key"]) && string.IsNullOrEmpty(context.Request.Headers.Authorization))
            {
                context.Response.StatusCode = 401;
                return;
            }

            int destinations;
            using (var body = new MemoryStream())
            {
                await context.Request.Body.CopyToAsync(body).ConfigureAwait(false);
                destinations = CountDestinations(body.ToArray());
            }

            if (destinations < 0)
            {
                await AnswerAsync(context, 400, "{\"code\":\"7000\",\"message\":\"Invalid JSON\"}").ConfigureAwait(false);
                return;
            }

            if (destinations > _options.Tps || destinations > 1000)
            {
                await AnswerAsync(context, 400, "{\"code\":\"7009\",\"message\":\"Max number of destinations - " +
                    destinations.ToString(CultureInfo.InvariantCulture) + "\"}").ConfigureAwait(false);
                return;
            }

            // The arrival this tenant counts: when the request reached it, plus the jitter of its front end.
            double jitter;
            lock (_random) jitter = _random.NextDouble() * _options.ArrivalJitter.TotalMilliseconds;
            var countAt = reached + (long)(jitter / 1000.0 * Second);
            var early = countAt - Stopwatch.GetTimestamp();
            if (early > 0) await Task.Delay(TimeSpan.FromSeconds(early / (double)Second)).ConfigureAwait(false);

            bool accepted;
            long arrival;
            int remaining;
            lock (_sync)
            {
                arrival = Stopwatch.GetTimestamp();
                while (_window.Count > 0 && arrival - _window.Peek().At >= Second) _inWindow -= _window.Dequeue().Count;
                accepted = _inWindow + destinations <= _options.Tps;
                if (accepted)
                {
                    _window.Enqueue((arrival, destinations));
                    _inWindow += destinations;
                }
                remaining = _options.Tps - _inWindow;
                _arrivals.Add(new StrictArrival((arrival - _startTimestamp) / (double)Second, destinations, accepted ? 201 : 429));
            }

            if (_options.AnnounceLimit)
            {
                context.Response.Headers["x-rate-limit-limit"] = _options.Tps.ToString(CultureInfo.InvariantCulture);
                context.Response.Headers["x-rate-limit-remaining"] = Math.Max(0, remaining).ToString(CultureInfo.InvariantCulture);
            }

            if (!accepted)
            {
                context.Response.Headers["Retry-After"] = "1";
                await AnswerAsync(context, 429, "{\"code\":\"7020\",\"message\":\"TPS exceeded\"}").ConfigureAwait(false);
                return;
            }

            if (_options.Latency > TimeSpan.Zero) await Task.Delay(_options.Latency).ConfigureAwait(false);
            var stamp = _startUtc.AddTicks((long)((arrival - _startTimestamp) * (TimeSpan.TicksPerSecond / (double)Second)));
            await AnswerAsync(context, 201, "{\"requestTimestamp\":\"" + stamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture) +
                "\",\"messageId\":\"" + Guid.NewGuid().ToString() + "\",\"correlationId\":\"\",\"status\":\"queued\"}").ConfigureAwait(false);
        }

        /// <summary>The number of addresses in the body's "to" array; -1 when the body is not the JSON expected.</summary>
        internal static int CountDestinations(byte[] body)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (!document.RootElement.TryGetProperty("to", out var to) || to.ValueKind != JsonValueKind.Array) return -1;
                var count = 0;
                foreach (var destination in to.EnumerateArray())
                {
                    foreach (var property in destination.EnumerateObject())
                    {
                        if (property.Value.ValueKind == JsonValueKind.Array && (property.Name == "msisdn" || property.Name == "email"))
                            count += property.Value.GetArrayLength();
                    }
                }
                return count;
            }
            catch (JsonException)
            {
                return -1;
            }
        }

        private static async Task AnswerAsync(HttpContext context, int status, string json)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(json);
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes).ConfigureAwait(false);
        }

        public async ValueTask DisposeAsync()
        {
            var app = Interlocked.Exchange(ref _app, null);
            if (app is null) return;
            using (var cut = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
            {
                try { await app.StopAsync(cut.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) { }
            }
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>What a run looked like from the strict tenant: the figures issue 13 is judged by.</summary>
    internal sealed class StrictRunFigures
    {
        private StrictRunFigures(int refused, int mostInOneSecond, double share, long accepted, double span)
        {
            Refused = refused;
            MostInOneSecond = mostInOneSecond;
            Share = share;
            Accepted = accepted;
            Span = span;
        }

        /// <summary>429 answers.</summary>
        public int Refused { get; }

        /// <summary>The most destinations offered (429s included) in any half-open second [t, t + 1 s).</summary>
        public int MostInOneSecond { get; }

        /// <summary>Accepted destinations / (first-to-last arrival + 1 s) / TPS.</summary>
        public double Share { get; }

        public long Accepted { get; }

        /// <summary>First-to-last arrival, seconds.</summary>
        public double Span { get; }

        public static StrictRunFigures Of(IReadOnlyList<StrictArrival> arrivals, int tps)
        {
            var counted = arrivals.Where(a => a.Status == 201 || a.Status == 429).OrderBy(a => a.At).ToList();
            if (counted.Count == 0) return new StrictRunFigures(0, 0, 0, 0, 0);
            var most = 0;
            var sum = 0;
            var start = 0;
            for (var end = 0; end < counted.Count; end++)
            {
                sum += counted[end].Destinations;
                while (counted[end].At - counted[start].At >= 1.0) sum -= counted[start++].Destinations;
                if (sum > most) most = sum;
            }

            var accepted = counted.Where(a => a.Status == 201).Sum(a => (long)a.Destinations);
            var span = counted[counted.Count - 1].At - counted[0].At;
            return new StrictRunFigures(counted.Count(a => a.Status == 429), most, accepted / (span + 1.0) / tps, accepted, span);
        }

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "{0:0.0} % of TPS, {1} x 429, most in one second {2}, {3} accepted over {4:0.000} s",
                Share * 100, Refused, MostInOneSecond, Accepted, Span);
    }
}
