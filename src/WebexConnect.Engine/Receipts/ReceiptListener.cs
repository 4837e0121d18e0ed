using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Messages.Validation;
using WebexConnect.Receipts;
using WebexConnect.Sending;

namespace WebexConnect.Engine.Receipts
{
    /// <summary>
    /// A small HTTP/1.1 server for delivery-receipt webhooks on a TcpListener: the same code on net472 and net8.0,
    /// no URL reservation (HttpListener on Windows needs one for anything but localhost, and admin rights to make it),
    /// no package. It reads one request per connection (Content-Length bodies, at most 1 MB), checks the signature
    /// when it has a secret, keeps the receipts in a bounded buffer and answers 200 at once; whatever a request does
    /// wrong costs that request a 4xx, never the listener. At most MaxConnections are served at once (the rest wait
    /// in the socket backlog), and at most MaxBodies of them read a body at a time, the part that takes memory (up to
    /// 1 MB each); each gets ReadTimeout to send its head, and ReadTimeout more for its body once it may send it.
    /// A body no larger than a head (MaxHeadBytes, a receipt is under 2 KB) needs no turn: it costs what a head costs.
    /// </summary>
    /// <remarks>
    /// Why two limits: a connection that has sent nothing costs a socket and a 4 KB buffer, a body up to 1 MB. With one
    /// limit of 32, anyone who could reach the port held every slot by opening 32 connections and sending nothing, and
    /// each real receipt waited out their 10 s (the service may give up sooner, and the receipt is lost). Now that takes
    /// 512 connections renewed every 10 s, and a receipt waits only for the bodies being read.
    /// The same held for the turns: 32 clients that sent a POST head with a receipt's Content-Length and then nothing held
    /// every turn for 10 s, so every real receipt waited that long. Now only a body over MaxHeadBytes (a list of many
    /// receipts) takes a turn, so stallers of either kind cannot keep a receipt waiting; 512 small bodies are 8 MB.
    /// </remarks>
    internal sealed class ReceiptListener : IReceiptListener
    {
        internal const int MaxConnections = 512;
        internal const int MaxBodies = 32;
        internal const int MaxHeadBytes = 16 * 1024;
        internal static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

        private readonly TcpListener _listener;
        private readonly ReceiptListenerOptions _options;
        private readonly SemaphoreSlim _slots = new SemaphoreSlim(MaxConnections, MaxConnections);
        private readonly SemaphoreSlim _bodies = new SemaphoreSlim(MaxBodies, MaxBodies);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly RecentSignatures _signed;
        private readonly Func<byte[], object?> _readJson;
        private long _refused;
        private long _repeated;
        private string? _lastProblem;
        private int _running = 1;

        private ReceiptListener(TcpListener listener, ReceiptListenerOptions options, Uri url, Func<byte[], object?> readJson)
        {
            _listener = listener;
            _options = options;
            _readJson = readJson;
            Url = url;
            Receipts = new ReceiptBuffer(options.Capacity);
            _signed = new RecentSignatures(options.Capacity);
        }

        public Uri Url { get; }
        public ReceiptBuffer Receipts { get; }
        public long Refused => Interlocked.Read(ref _refused);
        public long Repeated => Interlocked.Read(ref _repeated);
        public string? LastProblem => Volatile.Read(ref _lastProblem);
        public bool IsRunning => Volatile.Read(ref _running) == 1;

        /// <exception cref="SocketException">The port is in use or the address is not this computer's.</exception>
        public static ReceiptListener Start(ReceiptListenerOptions options) => Start(options, JsonTree.Read);

        /// <param name="options">Where and how it listens.</param>
        /// <param name="readJson">Reads a body's JSON: JsonTree.Read, or a test's reader that fails.</param>
        internal static ReceiptListener Start(ReceiptListenerOptions options, Func<byte[], object?> readJson)
        {
            var tcp = new TcpListener(options.Address, options.Port);
            // :: is "every address" to an admin, as on Linux: .NET binds it IPv6 only, and clients and proxies on 127.0.0.1
            // or any IPv4 address had their connections refused. Dual mode takes both (not on a system without IPv4).
            if (options.Address.Equals(IPAddress.IPv6Any)) tcp.Server.DualMode = true;
            tcp.Start(128);
            var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            var host = options.Host.Contains(":") && !options.Host.StartsWith("[", StringComparison.Ordinal) ? "[" + options.Host + "]" : options.Host;
            var url = new Uri("http://" + host + ":" + port.ToString(CultureInfo.InvariantCulture) + options.Path);
            var listener = new ReceiptListener(tcp, options, url, readJson);
            _ = Task.Run(listener.AcceptAsync);
            return listener;
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                // At most MaxConnections are served; further ones wait in the socket backlog (bounded by the OS)
                // rather than being refused, so a burst of receipts is delivered late, not lost.
                try
                {
                    await _slots.WaitAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (SocketException ex)
                {
                    // A connection reset before it was accepted: that client's problem, not the listener's.
                    _slots.Release();
                    Problem("a connection failed before it was accepted: " + ex.Message);
                    continue;
                }
                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            var readingBody = false;
            try
            {
                using (client)
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
                {
                    timeout.CancelAfter(ReadTimeout);
                    // Stream reads ignore tokens on .NET Framework: closing the socket is what ends a stalled read.
                    using (timeout.Token.Register(client.Close))
                    {
                        var stream = client.GetStream();
                        var request = await HttpRequestReader.ReadHeadAsync(stream, MaxHeadBytes).ConfigureAwait(false);
                        if (request.BodyFollows)
                        {
                            timeout.CancelAfter(ReadTimeout);
                            await request.ReadBodyAsync(stream, WebhookBody.MaxBytes, async () =>
                            {
                                // No clock while it waits for its turn: the wait is ours, not the client's.
                                timeout.CancelAfter(Timeout.Infinite);
                                await _bodies.WaitAsync(_stop.Token).ConfigureAwait(false);
                                readingBody = true;
                                timeout.CancelAfter(ReadTimeout);
                            }).ConfigureAwait(false);
                        }
                        var (status, text) = Answer(request);
                        await AnswerOrLetGoAsync(stream, status, text).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // Stopped while it waited for its turn to send a body.
            }
            catch (Exception ex) when (ex is IOException || ex is SocketException || ex is ObjectDisposedException || ex is InvalidOperationException)
            {
                Problem("a connection ended before its request was read (slow, closed, or over " + ReadTimeout.TotalSeconds + " s)");
            }
            finally
            {
                if (readingBody) _bodies.Release();
                _slots.Release();
            }
        }

        /// <summary>
        /// Writes the answer unless the client has gone. Its request was read, and kept or refused (and counted), before
        /// this: a client that closed without reading the answer was counted a second time, as "ended before its request
        /// was read", and that line replaced why it was refused in LastProblem (a GET showed as a slow client, not a 405),
        /// and a receipt it sent counted as received and refused at once.
        /// </summary>
        private static async Task AnswerOrLetGoAsync(Stream stream, int status, string text)
        {
            try
            {
                await WriteAsync(stream, status, text).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException || ex is SocketException || ex is ObjectDisposedException || ex is InvalidOperationException)
            {
                // Gone after its request: nothing of it is left to count.
            }
        }

        private (int Status, string Text) Answer(HttpRequestReader request)
        {
            if (request.Error is (int status, string why)) return Refuse(status, why);
            if (!string.Equals(request.Method, "POST", StringComparison.Ordinal))
                return Refuse(405, Shown(request.Method + " " + request.Path) + ": receipts are POSTed");
            if (!PathMatches(request.Path))
                return Refuse(404, Shown("POST " + request.Path) + ": receipts go to " + _options.Path);
            try
            {
                request.Headers.TryGetValue(WebhookSignature.HeaderName, out var signature);
                request.Headers.TryGetValue("Content-Type", out var contentType);
                var receipts = WebhookBody.Read(request.Body, _options.Secret, signature, _readJson, DateTimeOffset.Now, contentType);
                // A signed body seen before is a replay or the service's second try: 200, so a sender that retries stops,
                // and not kept again, so it is not counted as a new receipt. Unsigned bodies carry nothing to tell them apart.
                if (_options.Secret != null && !_signed.IsNew(WebhookSignature.Canonical(signature!)))
                {
                    Interlocked.Increment(ref _repeated);
                    return (200, "OK: already received");
                }
                foreach (var receipt in receipts) Receipts.Add(receipt);
                return (200, "OK");
            }
            catch (WebhookSignatureException ex)
            {
                return Refuse(401, ex.Message);
            }
            catch (ReceiptFormatException ex) when (ex.InnerException is FormatException parse)
            {
                return Refuse(400, NotJson(request, parse));
            }
            catch (ReceiptFormatException ex)
            {
                return Refuse(400, ex.Message);
            }
            catch (Exception ex)
            {
                // A fault of ours, not the request's. Before, it ended the connection unanswered and uncounted, with nothing
                // in LastProblem: the service retried or dropped the receipts, and Wait-ConnectDelivery waited out its
                // timeout with no clue why. A 500 asks the service to send them again; the listener goes on.
                return Refuse(500, "the listener failed reading this request (" + ex.GetType().Name + ": " + Shown(ex.Message) + "); answered 500 so the service sends it again");
            }
        }

        /// <summary>
        /// A body that is not JSON, in words for the admin who reads LastProblem (and Wait-ConnectDelivery's warning, which
        /// quotes it) and for its sender: how it starts, its size and Content-Type, so the sender can be recognised. Before,
        /// it was ConvertFrom-ConnectWebhook's advice ("give its text, its bytes, a ConvertFrom-Json object of it or the file
        /// it was saved in"), which neither the admin nor the sender of a post can act on.
        /// </summary>
        private static string NotJson(HttpRequestReader request, FormatException parse)
        {
            var body = request.Body;
            var start = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200));
            request.Headers.TryGetValue("Content-Type", out var contentType);
            return "the body is not JSON (" + Shown(start) + ", " + body.Length.ToString(CultureInfo.InvariantCulture) + " bytes" +
                (string.IsNullOrEmpty(contentType) ? "" : ", Content-Type " + Shown(contentType!)) + "; " + InputEcho.OneLine(parse.Message.TrimEnd('.')) +
                "): a delivery receipt is the JSON object Webex Connect posts, so something else sent it, or something on its way " +
                "(a proxy, a relay) changed it";
        }

        /// <summary>
        /// What a request said, for LastProblem and the answer: quoted, cut at 60 characters, escapes made visible. Anyone
        /// who reaches the listener writes it, and the admin's console prints LastProblem (Format-List, Wait-ConnectDelivery's
        /// warning): an ESC sequence as sent would clear, re-colour or re-title it.
        /// </summary>
        internal static string Shown(string said) => InputEcho.Quote(said);

        private bool PathMatches(string path)
        {
            var query = path.IndexOf('?');
            if (query >= 0) path = path.Substring(0, query);
            if (!path.EndsWith("/", StringComparison.Ordinal)) path += "/";
            return string.Equals(path, _options.Path, StringComparison.OrdinalIgnoreCase);
        }

        private (int, string) Refuse(int status, string why)
        {
            Problem(status.ToString(CultureInfo.InvariantCulture) + ": " + why);
            return (status, why);
        }

        private void Problem(string why)
        {
            Interlocked.Increment(ref _refused);
            Volatile.Write(ref _lastProblem, DateTimeOffset.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " " + why);
        }

        private static async Task WriteAsync(Stream stream, int status, string text)
        {
            var body = Encoding.UTF8.GetBytes(text + "\n");
            var head = Encoding.ASCII.GetBytes(
                "HTTP/1.1 " + status.ToString(CultureInfo.InvariantCulture) + " " + Reason(status) + "\r\n" +
                "Content-Type: text/plain; charset=utf-8\r\n" +
                "Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture) + "\r\n" +
                "Connection: close\r\n\r\n");
            await stream.WriteAsync(head, 0, head.Length).ConfigureAwait(false);
            await stream.WriteAsync(body, 0, body.Length).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
        }

        private static string Reason(int status) => status switch
        {
            200 => "OK",
            400 => "Bad Request",
            401 => "Unauthorized",
            404 => "Not Found",
            405 => "Method Not Allowed",
            411 => "Length Required",
            413 => "Payload Too Large",
            431 => "Request Header Fields Too Large",
            500 => "Internal Server Error",
            501 => "Not Implemented",
            _ => "Error",
        };

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _running, 0) == 0) return;
            _stop.Cancel();
            _listener.Stop();
        }
    }

    /// <summary>One HTTP/1.1 request read from a stream within limits: the head, then a Content-Length or chunked body.</summary>
    internal sealed class HttpRequestReader
    {
        public string Method { get; private set; } = "";
        public string Path { get; private set; } = "/";
        public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        public byte[] Body { get; private set; } = Array.Empty<byte>();

        /// <summary>The status and reason to refuse the request with; null when it was read.</summary>
        public (int, string)? Error { get; private set; }

        /// <summary>True when the head was read and is a POST's: <see cref="ReadBodyAsync"/> reads what follows it.</summary>
        public bool BodyFollows => Error is null && string.Equals(Method, "POST", StringComparison.Ordinal);

        // What was read past the head, the body's first bytes.
        private ArraySegment<byte> _leftover;

        /// <summary>The request line and headers, and nothing more (see <see cref="BodyFollows"/>).</summary>
        public static async Task<HttpRequestReader> ReadHeadAsync(Stream stream, int maxHead)
        {
            var request = new HttpRequestReader();
            var buffer = new byte[Math.Min(maxHead, 4096)];
            var head = new MemoryStream();
            var headEnd = -1;
            while (headEnd < 0)
            {
                if (head.Length >= maxHead) return request.Fail(431, "the request head is over " + maxHead + " bytes");
                var read = await stream.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(false);
                if (read == 0) return request.Fail(400, "the connection closed before the request head ended");
                head.Write(buffer, 0, read);
                headEnd = IndexOfBlankLine(head.GetBuffer(), (int)head.Length);
            }

            var bytes = head.GetBuffer();
            var lines = Encoding.ASCII.GetString(bytes, 0, headEnd).Split(new[] { "\r\n" }, StringSplitOptions.None);
            var first = lines[0].Split(' ');
            if (first.Length != 3 || !first[2].StartsWith("HTTP/1.", StringComparison.Ordinal)) return request.Fail(400, "not an HTTP/1.x request line");
            request.Method = first[0];
            request.Path = first[1];
            for (var i = 1; i < lines.Length; i++)
            {
                var colon = lines[i].IndexOf(':');
                if (colon <= 0) return request.Fail(400, "a header line without a name");
                request.Headers[lines[i].Substring(0, colon).Trim()] = lines[i].Substring(colon + 1).Trim();
            }
            request._leftover = new ArraySegment<byte>(bytes, headEnd + 4, (int)head.Length - (headEnd + 4));
            return request;
        }

        /// <summary>The body that follows a POST's head; <see cref="Error"/> says why it was refused, if it was.</summary>
        /// <param name="stream">The connection.</param>
        /// <param name="maxBody">The most bytes a body may have.</param>
        /// <param name="beforeLarge">
        /// Awaited once before the body is read past <see cref="ReceiptListener.MaxHeadBytes"/> bytes (before any 100 Continue
        /// for a Content-Length over it): the listener takes a body turn there, so only large bodies wait for one.
        /// </param>
        public async Task<HttpRequestReader> ReadBodyAsync(Stream stream, int maxBody, Func<Task> beforeLarge)
        {
            var leftover = _leftover;
            if (Headers.TryGetValue("Transfer-Encoding", out var encoding))
            {
                // A reverse proxy that streams the service's post on (nginx with request buffering off, most tunnels)
                // sends it chunked: HTTP/1.1 says a server must read that, and the limit is the same. Refused before any
                // 100 Continue, which would invite a body that is not read.
                if (!string.Equals(encoding, "chunked", StringComparison.OrdinalIgnoreCase)) return Fail(501, "Transfer-Encoding " + ReceiptListener.Shown(encoding) + " is not read");
                await ContinueIfAskedAsync(this, stream).ConfigureAwait(false);
                var chunked = await ChunkedBody.ReadAsync(leftover, stream, maxBody, beforeLarge).ConfigureAwait(false);
                if (chunked.Body is null) return Fail(chunked.Status, chunked.Why!);
                Body = chunked.Body;
                return this;
            }

            if (!Headers.TryGetValue("Content-Length", out var lengthText)
                || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                return Fail(411, "neither a Content-Length nor a chunked body");
            if (length > maxBody) return Fail(413, "the body is " + length + " bytes; a receipt body is at most " + maxBody);
            if (length > ReceiptListener.MaxHeadBytes) await beforeLarge().ConfigureAwait(false);
            if (length > leftover.Count) await ContinueIfAskedAsync(this, stream).ConfigureAwait(false);

            var body = new byte[length];
            var already = (int)Math.Min(length, leftover.Count);
            Buffer.BlockCopy(leftover.Array!, leftover.Offset, body, 0, already);
            var filled = already;
            while (filled < length)
            {
                var read = await stream.ReadAsync(body, filled, (int)(length - filled)).ConfigureAwait(false);
                if (read == 0) return Fail(400, "the connection closed after " + filled + " of " + length + " body bytes");
                filled += read;
            }
            Body = body;
            return this;
        }

        /// <summary>
        /// Sends "100 Continue" to a client that asked for it (Expect: 100-continue) before it sends its body: .NET's
        /// HttpClient with ExpectContinue, curl for large bodies, Java clients set up so. Without it, such a client waited
        /// out its own timeout (1 s for HttpClient, up to curl's --expect100-timeout) before each receipt, holding one of
        /// the listener's MaxConnections slots the while, which capped a burst at about 30 receipts a second.
        /// </summary>
        private static async Task ContinueIfAskedAsync(HttpRequestReader request, Stream stream)
        {
            if (!request.Headers.TryGetValue("Expect", out var expect) || !string.Equals(expect, "100-continue", StringComparison.OrdinalIgnoreCase)) return;
            var interim = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n");
            await stream.WriteAsync(interim, 0, interim.Length).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
        }

        private HttpRequestReader Fail(int status, string why)
        {
            Error = (status, why);
            return this;
        }

        private static int IndexOfBlankLine(byte[] bytes, int length)
        {
            for (var i = 0; i + 3 < length; i++)
                if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') return i;
            return -1;
        }
    }

    /// <summary>A chunked request body (RFC 9112, 7.1), read within the same limit as a Content-Length one.</summary>
    internal static class ChunkedBody
    {
        private const int MaxLine = 1024;

        /// <param name="beforeLarge">Awaited once, before the body grows past <see cref="ReceiptListener.MaxHeadBytes"/>.</param>
        public static async Task<(byte[]? Body, int Status, string? Why)> ReadAsync(ArraySegment<byte> already, Stream stream, int maxBody, Func<Task> beforeLarge)
        {
            var large = false;
            var input = new BufferedInput(already, stream);
            var body = new MemoryStream();
            while (true)
            {
                var sizeLine = await input.ReadLineAsync(MaxLine).ConfigureAwait(false);
                if (sizeLine is null) return (null, 400, "the connection closed inside a chunked body");
                var semicolon = sizeLine.IndexOf(';');
                var hex = (semicolon >= 0 ? sizeLine.Substring(0, semicolon) : sizeLine).Trim();
                if (hex.Length == 0 || hex.Length > 8 || !int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
                    return (null, 400, "a chunk size that is not a hexadecimal number");
                if (size == 0) break;
                if (body.Length + size > maxBody) return (null, 413, "the chunked body is over " + maxBody + " bytes; a receipt body is at most " + maxBody);
                if (!large && body.Length + size > ReceiptListener.MaxHeadBytes)
                {
                    large = true;
                    await beforeLarge().ConfigureAwait(false);
                }
                if (!await input.CopyAsync(body, size).ConfigureAwait(false)) return (null, 400, "the connection closed inside a chunk");
                if (await input.ReadLineAsync(MaxLine).ConfigureAwait(false) != "") return (null, 400, "a chunk not followed by a line end");
            }

            // Trailer fields, if any, up to the blank line that ends the message; none of them matters here.
            for (var fields = 0; ; fields++)
            {
                var line = await input.ReadLineAsync(MaxLine).ConfigureAwait(false);
                if (line is null) return (null, 400, "the connection closed before the chunked body ended");
                if (line.Length == 0) break;
                if (fields >= 32) return (null, 431, "too many trailer fields after the chunked body");
            }

            return (body.ToArray(), 0, null);
        }

        /// <summary>The bytes read past the request head first, then the connection's.</summary>
        private sealed class BufferedInput
        {
            private readonly Stream _stream;
            private readonly byte[] _buffer;
            private int _start;
            private int _end;

            public BufferedInput(ArraySegment<byte> already, Stream stream)
            {
                _stream = stream;
                _buffer = new byte[Math.Max(4096, already.Count)];
                Buffer.BlockCopy(already.Array!, already.Offset, _buffer, 0, already.Count);
                _end = already.Count;
            }

            /// <summary>A line without its CRLF (a bare LF ends one too); null when the connection closed first or it is too long.</summary>
            public async Task<string?> ReadLineAsync(int maxLength)
            {
                var line = new StringBuilder();
                while (true)
                {
                    if (_start == _end && !await FillAsync().ConfigureAwait(false)) return null;
                    var b = _buffer[_start++];
                    if (b == '\n') return line.Length > 0 && line[line.Length - 1] == '\r' ? line.ToString(0, line.Length - 1) : line.ToString();
                    if (line.Length >= maxLength) return null;
                    line.Append((char)b);
                }
            }

            public async Task<bool> CopyAsync(Stream to, int count)
            {
                while (count > 0)
                {
                    if (_start == _end && !await FillAsync().ConfigureAwait(false)) return false;
                    var take = Math.Min(count, _end - _start);
                    to.Write(_buffer, _start, take);
                    _start += take;
                    count -= take;
                }
                return true;
            }

            private async Task<bool> FillAsync()
            {
                _start = 0;
                _end = await _stream.ReadAsync(_buffer, 0, _buffer.Length).ConfigureAwait(false);
                return _end > 0;
            }
        }
    }
}
