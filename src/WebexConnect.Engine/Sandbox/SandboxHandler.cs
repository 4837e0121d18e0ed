using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine.Transport;

namespace WebexConnect.Engine.Sandbox
{
    /// <summary>
    /// Puts the sandbox behind an HttpClient with no network at all (Connect-WebexConnect -Sandbox).
    /// A dropped connection surfaces as HttpRequestException the way a real socket drop does: before the body
    /// it wraps a SocketException (connection refused: the request was never accepted, safe to resend); after
    /// the body an IOException (the response ended prematurely: the request may have been accepted).
    /// </summary>
    internal sealed class SandboxHandler : HttpMessageHandler
    {
        private readonly SandboxServer _server;

        public SandboxHandler(SandboxServer server) => _server = server ?? throw new ArgumentNullException(nameof(server));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var arrival = _server.Arrive();
            var path = request.RequestUri == null ? "/" : request.RequestUri.IsAbsoluteUri ? request.RequestUri.AbsolutePath : request.RequestUri.OriginalString;
            var headers = ReadHeaders(request);

            // A drop before the body: it never left. Our own content is taken as it is (JsonBodyContent.Hand), any other read.
            var body = ReadOnlyMemory<byte>.Empty;
            if (!arrival.DropsBeforeBody)
            {
                if (request.Content is JsonBodyContent ours) body = ours.Hand();
                else if (request.Content != null) body = await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            }

            var answer = await _server.HandleAsync(new SandboxHttpRequest(request.Method.Method, path, headers, body), arrival, cancellationToken)
                .ConfigureAwait(false);
            switch (answer.Drop)
            {
                case SandboxDrop.BeforeBody: throw DroppedBeforeBody();
                case SandboxDrop.AfterBody: throw DroppedAfterBody();
            }
            return ToResponseMessage(answer, request);
        }

        private static Dictionary<string, string> ReadHeaders(HttpRequestMessage request)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in request.Headers) headers[header.Key] = string.Join(",", header.Value);
            if (request.Content != null)
                foreach (var header in request.Content.Headers) headers[header.Key] = string.Join(",", header.Value);
            return headers;
        }

        private static HttpResponseMessage ToResponseMessage(SandboxResponse answer, HttpRequestMessage request)
        {
            var response = new HttpResponseMessage((HttpStatusCode)answer.StatusCode)
            {
                RequestMessage = request,
                Content = new ByteArrayContent(answer.Body),
            };
            if (answer.ContentType != null) response.Content.Headers.TryAddWithoutValidation("Content-Type", answer.ContentType);
            foreach (var header in answer.Headers)
                if (!response.Headers.TryAddWithoutValidation(header.Key, header.Value))
                    response.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            return response;
        }

        private static HttpRequestException DroppedBeforeBody()
        {
            var inner = new SocketException((int)SocketError.ConnectionRefused);
#if NET8_0_OR_GREATER
            return new HttpRequestException(HttpRequestError.ConnectionError, "The sandbox refused the connection (simulated drop before the body).", inner);
#else
            return new HttpRequestException("The sandbox refused the connection (simulated drop before the body).", inner);
#endif
        }

        private static HttpRequestException DroppedAfterBody()
        {
            var inner = new IOException("The response ended prematurely (simulated drop after the body).");
#if NET8_0_OR_GREATER
            return new HttpRequestException(HttpRequestError.ResponseEnded, "The sandbox closed the connection before answering (simulated drop after the body).", inner);
#else
            return new HttpRequestException("The sandbox closed the connection before answering (simulated drop after the body).", inner);
#endif
        }
    }
}
