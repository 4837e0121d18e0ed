using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebexConnect.Engine.Sandbox;

namespace WebexConnect.Sandbox.Host
{
    /// <summary>
    /// The sandbox on a real socket: Kestrel on 127.0.0.1 (port 0 = any free port), every request handed to
    /// SandboxServer. Drops abort the connection, before or after the body is read, as a failing server would.
    /// </summary>
    internal sealed class LoopbackSandboxHost : IAsyncDisposable
    {
        private WebApplication? _app;
        private int _port;
        private int _handling;

        private LoopbackSandboxHost(SandboxServer server) => Server = server;

        public SandboxServer Server { get; }

        /// <summary>http://127.0.0.1:{port}/ — the base URL a client points at.</summary>
        public Uri BaseUri => new Uri("http://127.0.0.1:" + _port + "/");

        /// <summary>BaseUri + v2/messages.</summary>
        public Uri MessagesUri => new Uri(BaseUri, "v2/messages");

        public int Port => _port;

        /// <summary>
        /// Waits until no request is being handled (read, answered or cut), at most <paramref name="timeout"/>; false when one
        /// still is. A request that arrived before its client gave up may still be accepted a moment later, on a busy machine
        /// well after the client has moved on: what the server holds is final only once this is true.
        /// </summary>
        public async Task<bool> WaitUntilIdleAsync(TimeSpan timeout)
        {
            var until = DateTime.UtcNow + timeout;
            while (Volatile.Read(ref _handling) > 0)
            {
                if (DateTime.UtcNow >= until) return false;
                await Task.Delay(5).ConfigureAwait(false);
            }

            return true;
        }

        public static async Task<LoopbackSandboxHost> StartAsync(SandboxOptions? options = null)
        {
            var host = new LoopbackSandboxHost(new SandboxServer(options));
            await host.StartOnAsync(0).ConfigureAwait(false);
            return host;
        }

        /// <summary>Stops Kestrel (open connections are cut), waits, then listens again on the same port.</summary>
        public async Task RestartAsync(TimeSpan? downtime = null)
        {
            await StopAsync().ConfigureAwait(false);
            if (downtime is { } wait && wait > TimeSpan.Zero) await Task.Delay(wait).ConfigureAwait(false);
            await StartOnAsync(_port).ConfigureAwait(false);
        }

        /// <summary>Stops listening; connections are refused until StartAgainAsync.</summary>
        public async Task StopAsync()
        {
            var app = Interlocked.Exchange(ref _app, null);
            if (app == null) return;
            // A zero timeout: in-flight requests are cut at once, as when a server process dies.
            using (var cut = new CancellationTokenSource(TimeSpan.Zero))
            {
                try { await app.StopAsync(cut.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) { }
            }
            await app.DisposeAsync().ConfigureAwait(false);
        }

        public Task StartAgainAsync() => _app == null ? StartOnAsync(_port) : Task.CompletedTask;

        private async Task StartOnAsync(int port)
        {
            (_app, _port) = await LoopbackKestrel.StartAsync(HandleAsync, port).ConfigureAwait(false);
        }

        private async Task HandleAsync(HttpContext context)
        {
            Interlocked.Increment(ref _handling);
            try
            {
                await HandleCountedAsync(context).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _handling);
            }
        }

        private async Task HandleCountedAsync(HttpContext context)
        {
            var arrival = Server.Arrive();
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in context.Request.Headers) headers[header.Key] = header.Value.ToString();

            byte[]? body = null;
            if (!arrival.DropsBeforeBody) body = await ReadBodyAsync(context).ConfigureAwait(false);

            var request = new SandboxHttpRequest(context.Request.Method, context.Request.Path.Value ?? "/", headers, body);
            SandboxResponse answer;
            try
            {
                answer = await Server.HandleAsync(request, arrival, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return; // the client gave up (e.g. its timeout during a Delay fault)
            }

            if (answer.Drop != SandboxDrop.None)
            {
                context.Abort();
                return;
            }

            context.Response.StatusCode = answer.StatusCode;
            foreach (var header in answer.Headers) context.Response.Headers[header.Key] = header.Value;
            if (answer.ContentType != null) context.Response.ContentType = answer.ContentType;
            context.Response.ContentLength = answer.Body.Length;
            if (answer.Body.Length > 0) await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
        }

        private static async Task<byte[]> ReadBodyAsync(HttpContext context)
        {
            using var buffer = new MemoryStream(context.Request.ContentLength is { } length && length < int.MaxValue ? (int)length : 1024);
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            return buffer.ToArray();
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync().ConfigureAwait(false);
            Server.Dispose();
        }
    }
}
