using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebexConnect.Tests.Transport
{
    /// <summary>A request as the loopback server received it.</summary>
    internal sealed class ReceivedRequest
    {
        public ReceivedRequest(DateTimeOffset at, string method, string path, string body, IReadOnlyDictionary<string, string> headers)
        {
            At = at;
            Method = method;
            Path = path;
            Body = body;
            Headers = headers;
        }

        public DateTimeOffset At { get; }
        public string Method { get; }
        public string Path { get; }
        public string Body { get; }
        public IReadOnlyDictionary<string, string> Headers { get; }

        public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
    }

    /// <summary>
    /// A real HTTP server on 127.0.0.1 with a port of its own, answering from a script: each request takes
    /// the next step (a canned response, a delay, a dropped connection); when the script is empty the
    /// fallback answers (by default 201 queued). Every request is logged with its body and headers.
    /// </summary>
    internal sealed class ScriptedServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<Func<HttpContext, ReceivedRequest, Task>> _script = new();
        private readonly List<ReceivedRequest> _received = new();

        private ScriptedServer(WebApplication app)
        {
            _app = app;
            Fallback = (context, request) => Reply(context, 201, Queued());
        }

        public Uri BaseUri { get; private set; } = null!;

        /// <summary>Answers requests once the script is used up.</summary>
        public Func<HttpContext, ReceivedRequest, Task> Fallback { get; set; }

        /// <summary>Completed when a request's body has been read (before its step runs).</summary>
        public event Action<ReceivedRequest>? BodyReceived;

        public IReadOnlyList<ReceivedRequest> Received
        {
            get { lock (_received) return _received.ToArray(); }
        }

        public static async Task<ScriptedServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var server = new ScriptedServer(app);
            app.Run(server.HandleAsync);
            await app.StartAsync();
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            server.BaseUri = new Uri(addresses.First().TrimEnd('/') + "/");
            return server;
        }

        public ScriptedServer Then(Func<HttpContext, ReceivedRequest, Task> step)
        {
            _script.Enqueue(step);
            return this;
        }

        public ScriptedServer ThenRespond(int status, string? body = null, string contentType = "application/json",
            params (string Name, string Value)[] headers) =>
            Then((context, _) => Reply(context, status, body, contentType, headers));

        /// <summary>Reads the whole body, then resets the connection without answering.</summary>
        public ScriptedServer ThenDrop() => Then((context, _) =>
        {
            context.Abort();
            return Task.CompletedTask;
        });

        /// <summary>Waits (until the client gives up) before answering 201.</summary>
        public ScriptedServer ThenDelay(TimeSpan delay) => Then(async (context, _) =>
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await Reply(context, 201, Queued());
        });

        public static string Queued(string? messageId = null) =>
            "{\"requestTimestamp\":\"2026-11-23T21:04:05.123+01:00\",\"messageId\":\"" + (messageId ?? Guid.NewGuid().ToString()) +
            "\",\"correlationId\":\"\",\"status\":\"queued\"}";

        public static string Error(string code, string message) => "{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}";

        public static async Task Reply(HttpContext context, int status, string? body, string contentType = "application/json",
            params (string Name, string Value)[] headers)
        {
            context.Response.StatusCode = status;
            foreach (var (name, value) in headers) context.Response.Headers[name] = value;
            if (body is null) return;
            context.Response.ContentType = contentType;
            var charset = contentType.Contains("ISO-8859-1", StringComparison.OrdinalIgnoreCase) ? Encoding.Latin1 : Encoding.UTF8;
            await context.Response.Body.WriteAsync(charset.GetBytes(body));
        }

        private async Task HandleAsync(HttpContext context)
        {
            string body;
            using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync();
            }

            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var request = new ReceivedRequest(DateTimeOffset.UtcNow, context.Request.Method, context.Request.Path + context.Request.QueryString, body, headers);
            lock (_received) _received.Add(request);
            BodyReceived?.Invoke(request);

            var step = _script.TryDequeue(out var next) ? next : Fallback;
            await step(context, request);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
    }
}
