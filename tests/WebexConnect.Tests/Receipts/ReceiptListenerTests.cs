using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using WebexConnect.Engine.Receipts;
using WebexConnect.Receipts;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.Receipts
{
    /// <summary>The receipt listener on a real loopback socket: what it accepts, what it refuses, and that it outlives bad requests.</summary>
    public sealed class ReceiptListenerTests : IDisposable
    {
        private readonly ReceiptListener _listener = ReceiptListener.Start(new ReceiptListenerOptions { Capacity = 3 });
        private readonly HttpClient _client = new HttpClient(new HttpClientHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };

        public void Dispose()
        {
            _listener.Dispose();
            _client.Dispose();
        }

        private Task<HttpResponseMessage> PostAsync(byte[] body, string? signature = null, ReceiptListener? to = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, (to ?? _listener).Url) { Content = new ByteArrayContent(body) };
            if (signature != null) request.Headers.TryAddWithoutValidation("x-hub-signature", signature);
            return _client.SendAsync(request);
        }

        /// <summary>Writes raw bytes on a socket and returns what came back (the status line first).</summary>
        private Task<string> RawAsync(string request, bool closeWriting = true) => RawAsync(Encoding.ASCII.GetBytes(request), closeWriting);

        private async Task<string> RawAsync(byte[] bytes, bool closeWriting = true)
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, _listener.Url.Port);
            var stream = tcp.GetStream();
            await stream.WriteAsync(bytes, 0, bytes.Length);
            if (closeWriting) tcp.Client.Shutdown(SocketShutdown.Send);
            using var reader = new StreamReader(stream);
            return await reader.ReadToEndAsync();
        }

        /// <summary>Before: "400 not valid UTF-8" for a receipt labelled ISO-8859-1 (API.md) with an 'é' in it, and no second try.</summary>
        [Fact]
        public async Task ItKeepsAReceiptInTheCharsetItsContentTypeNames()
        {
            var text = Encoding.UTF8.GetString(ReceiptFixtures.Bytes("sms-delivered.json")).Replace("invoice-42", "Caf\u00e9");
            var content = new ByteArrayContent(Encoding.GetEncoding("iso-8859-1").GetBytes(text));
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=ISO-8859-1");

            var response = await _client.PostAsync(_listener.Url, content);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Caf\u00e9", Assert.Single(_listener.Receipts.Snapshot()).CallbackData);
        }

        /// <summary>
        /// Before: a timeStamp the reader threw on (Unix microseconds, a date in Arabic-Indic digits) faulted the connection's
        /// task: the request got no answer, was not counted as refused, and its receipts were lost.
        /// </summary>
        [Theory]
        [InlineData("1764757330250123")]
        [InlineData("\u0660\u0665/\u0660\u0661/\u0662\u0660\u0662\u0666")]
        public async Task AReceiptWhoseTimestampIsUnusualIsAnsweredAndKept(string timeStamp)
        {
            var body = "{\"deliveryInfoNotification\":{\"deliveryInfo\":{\"timeStamp\":\"" + timeStamp +
                "\",\"code\":\"7500\",\"destination\":\"447700900001\"},\"transid\":\"m-1\"}}";

            var response = await PostAsync(Encoding.UTF8.GetBytes(body));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("447700900001", Assert.Single(_listener.Receipts.Snapshot()).Destination);
        }

        [Fact]
        public async Task ItListensOnLoopbackOnAFreePortAndKeepsWhatIsPosted()
        {
            Assert.Equal("127.0.0.1", _listener.Url.Host);
            Assert.NotEqual(0, _listener.Url.Port);

            var response = await PostAsync(ReceiptFixtures.Bytes("batch.json"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(2, _listener.Receipts.Received);
            Assert.Equal(new[] { DeliveryStatus.Submitted, DeliveryStatus.Failed }, _listener.Receipts.Snapshot().Select(r => r.Status));
        }

        [Fact]
        public async Task ConnectionsThatSendNothingDoNotKeepAReceiptWaiting()
        {
            // Before: 32 connections that sent nothing held every slot, and a receipt waited out their 10 s read limit
            // (a webhook sender that gives up sooner loses it). Their sockets stay open while the receipt is posted.
            var idle = new System.Collections.Generic.List<TcpClient>();
            try
            {
                for (var i = 0; i < ReceiptListener.MaxBodies + 8; i++)
                {
                    var tcp = new TcpClient();
                    await tcp.ConnectAsync(IPAddress.Loopback, _listener.Url.Port);
                    idle.Add(tcp);
                }
                using var impatient = new HttpClient(new HttpClientHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };

                var response = await impatient.PostAsync(_listener.Url, new ByteArrayContent(ReceiptFixtures.Bytes("batch.json")));

                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(2, _listener.Receipts.Received);
                Assert.All(idle, tcp => Assert.True(tcp.Connected));
            }
            finally
            {
                foreach (var tcp in idle) tcp.Dispose();
            }
        }

        [Fact]
        public async Task ClientsThatSendAPostHeadAndStallDoNotKeepAReceiptWaiting()
        {
            // Before: 32 clients that sent a POST head with a receipt's Content-Length and then nothing held all 32 body
            // turns for the 10 s read limit, and every real receipt waited that long. Stallers that announce a large body
            // hold the turns still; a receipt-sized body needs none.
            var stallers = new System.Collections.Generic.List<TcpClient>();
            try
            {
                foreach (var length in new[] { 1800, WebhookBody.MaxBytes })
                {
                    for (var i = 0; i < ReceiptListener.MaxBodies; i++)
                    {
                        var tcp = new TcpClient();
                        await tcp.ConnectAsync(IPAddress.Loopback, _listener.Url.Port);
                        var head = Encoding.ASCII.GetBytes("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + "\r\n\r\n{");
                        await tcp.GetStream().WriteAsync(head, 0, head.Length);
                        stallers.Add(tcp);
                    }
                }
                await Task.Delay(300); // every staller's head is read and waits for its body
                var clock = System.Diagnostics.Stopwatch.StartNew();

                var response = await PostAsync(ReceiptFixtures.Bytes("batch.json"));

                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                // Held by the stallers, it waited their 10 s read limit; a loaded machine takes a second or more without them.
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "the receipt waited " + clock.Elapsed);
                Assert.Equal(2, _listener.Receipts.Received);
                Assert.All(stallers, tcp => Assert.True(tcp.Connected));
            }
            finally
            {
                foreach (var tcp in stallers) tcp.Dispose();
            }
        }

        [Fact]
        public async Task WithASecretOnlySignedReceiptsAreKept()
        {
            var secret = TestSecrets.Secure("s3cret");
            using var signed = ReceiptListener.Start(new ReceiptListenerOptions { Secret = secret });
            var body = ReceiptFixtures.Bytes("sms-delivered.json");

            var unsigned = await PostAsync(body, to: signed);
            var forged = await PostAsync(body, WebhookSignature.Compute(body, TestSecrets.Secure("guess")), signed);
            var good = await PostAsync(body, WebhookSignature.Compute(body, secret), signed);

            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
            Assert.Equal(HttpStatusCode.OK, good.StatusCode);
            Assert.True(Assert.Single(signed.Receipts.Snapshot()).SignatureVerified);
            Assert.Equal(2, signed.Refused);
            Assert.Contains("401", signed.LastProblem);
        }

        [Fact]
        public async Task ASignedWebhookPostedAgainIsAnsweredButKeptOnce()
        {
            // Before: the same body with the same signature, posted again by anyone who had seen it, was kept and counted
            // as a new receipt each time. The signature covers the body only (API.md), so the same body is the same post.
            var secret = TestSecrets.Secure("s3cret");
            using var signed = ReceiptListener.Start(new ReceiptListenerOptions { Secret = secret });
            var body = ReceiptFixtures.Bytes("sms-delivered.json");
            var signature = WebhookSignature.Compute(body, secret);
            var other = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("invoice-42", "invoice-43"));

            var first = await PostAsync(body, signature, signed);
            var replayed = await PostAsync(body, signature, signed);
            var respelled = await PostAsync(body, signature.ToUpperInvariant(), signed);
            var another = await PostAsync(other, WebhookSignature.Compute(other, secret), signed);

            Assert.All(new[] { first, replayed, respelled, another }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Equal(new[] { "invoice-42", "invoice-43" }, signed.Receipts.Snapshot().Select(r => r.CallbackData));
            Assert.Equal(2, signed.Repeated);
            Assert.Equal(0, signed.Refused);
        }

        [Fact]
        public void RecentSignaturesForgetTheOldestBeyondTheirCapacity()
        {
            var recent = new RecentSignatures(2);

            Assert.True(recent.IsNew("a"));
            Assert.False(recent.IsNew("a"));
            Assert.True(recent.IsNew("b"));
            Assert.True(recent.IsNew("c"));
            Assert.True(recent.IsNew("a"));
            Assert.False(recent.IsNew("c"));
        }

        [Fact]
        public async Task BadRequestsGetA4xxAndTheListenerGoesOn()
        {
            Assert.StartsWith("HTTP/1.1 400", await RawAsync("this is not http\r\n\r\n"));
            Assert.StartsWith("HTTP/1.1 405", await RawAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
            Assert.StartsWith("HTTP/1.1 404", await RawAsync("POST /elsewhere HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}"));
            Assert.StartsWith("HTTP/1.1 411", await RawAsync("POST / HTTP/1.1\r\nHost: x\r\n\r\n"));
            Assert.StartsWith("HTTP/1.1 400", await RawAsync("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"));
            Assert.StartsWith("HTTP/1.1 413", await RawAsync("POST / HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n"));
            Assert.StartsWith("HTTP/1.1 431", await RawAsync("POST / HTTP/1.1\r\nX: " + new string('a', 20_000) + "\r\n\r\n"));
            Assert.StartsWith("HTTP/1.1 400", await RawAsync("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n{not json}"));
            Assert.StartsWith("HTTP/1.1 400", await RawAsync("POST / HTTP/1.1\r\nContent-Length: 50\r\n\r\n{\"a\":1}"));
            Assert.Equal(9, _listener.Refused);

            var response = await PostAsync(ReceiptFixtures.Bytes("sms-delivered.json"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(1, _listener.Receipts.Received);
        }

        /// <summary>
        /// Before: an error the listener did not expect (here its JSON reader failing once) ended the request unanswered
        /// and uncounted, with nothing in LastProblem, so the service dropped or retried the receipts blind and
        /// Wait-ConnectDelivery waited out its timeout. Now it is a 500 (the service sends it again), counted and told.
        /// </summary>
        [Fact]
        public async Task AnUnexpectedErrorReadingABodyIsAnswered500CountedAndTheListenerGoesOn()
        {
            var failures = 0;
            using var listener = ReceiptListener.Start(new ReceiptListenerOptions(), body =>
                failures++ == 0 ? throw new ArgumentException("a reader fault") : JsonTree.Read(body));

            var first = await PostAsync(ReceiptFixtures.Bytes("sms-delivered.json"), to: listener);

            Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
            Assert.Equal(1, listener.Refused);
            Assert.Contains("500", listener.LastProblem);
            Assert.Contains("a reader fault", listener.LastProblem);

            var again = await PostAsync(ReceiptFixtures.Bytes("sms-delivered.json"), to: listener);

            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(1, listener.Receipts.Received);
        }

        /// <summary>
        /// Before: a post that is not JSON was refused with ConvertFrom-ConnectWebhook's advice ("give its text, its bytes, a
        /// ConvertFrom-Json object of it or the file it was saved in"), in LastProblem and in the answer: the admin could not
        /// tell what had posted it. Now how it starts, its size and its Content-Type.
        /// </summary>
        [Fact]
        public async Task APostThatIsNotJsonIsDescribedByHowItStartsItsSizeAndContentType()
        {
            var content = new StringContent("event=delivered&to=447700900001", Encoding.UTF8, "application/x-www-form-urlencoded");

            var response = await _client.PostAsync(_listener.Url, content);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = _listener.LastProblem!;
            Assert.Contains("400: the body is not JSON ('event=delivered&to=447700900001', 31 bytes, Content-Type 'application/x-www-form-urlencoded; charset=utf-8'; ", problem);
            Assert.EndsWith("): a delivery receipt is the JSON object Webex Connect posts, so something else sent it, or something on its way (a proxy, a relay) changed it", problem);
            Assert.DoesNotContain("ConvertFrom-Json", problem);
            Assert.Equal(problem.Substring(problem.IndexOf("the body", StringComparison.Ordinal)), (await response.Content.ReadAsStringAsync()).TrimEnd('\n'));
        }

        /// <summary>
        /// Before: the method, path or Transfer-Encoding of a refused request went into LastProblem (and the answer) as
        /// sent, so anyone who could reach the listener made "$listener | Format-List" or Wait-ConnectDelivery's warning
        /// clear, re-colour or re-title the admin's terminal with escape sequences, and a 16 KB path made a 16 KB LastProblem.
        /// </summary>
        [Theory]
        [InlineData("GET /\u001b[2J\u001b]0;pwned\u0007{0} HTTP/1.1\r\nHost: x\r\n\r\n", "405")]
        [InlineData("G\u001b[31mET / HTTP/1.1\r\nHost: x\r\n\r\n", "405")]
        [InlineData("POST /\u001b[2J{0} HTTP/1.1\r\nContent-Length: 2\r\n\r\n{{}}", "404")]
        [InlineData("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\u001b[2J{0}\r\n\r\n", "501")]
        public async Task WhatARefusedRequestSaysIsShownWithEscapesMadeVisibleAndCut(string request, string status)
        {
            var answer = await RawAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, request, new string('a', 2000)));

            Assert.StartsWith("HTTP/1.1 " + status, answer);
            var problem = _listener.LastProblem!;
            Assert.Contains(status + ": ", problem);
            Assert.DoesNotContain(problem, c => c < ' ');
            Assert.DoesNotContain(answer.Substring(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4).TrimEnd('\n'), c => c < ' ');
            Assert.Contains("\\u001B", problem);
            Assert.True(problem.Length < 200, problem);
        }

        /// <summary>
        /// Before: a client that closed without reading the answer was counted twice (3 such GETs made Refused 6), the
        /// second time as "a connection ended before its request was read", which replaced the 405 in LastProblem; and a
        /// receipt posted that way counted as received and refused at once.
        /// </summary>
        [Fact]
        public async Task AClientThatClosesWithoutReadingTheAnswerIsCountedOnceForWhatItSent()
        {
            var get = Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            var receipt = ReceiptFixtures.Bytes("sms-delivered.json");
            var post = Encoding.ASCII.GetBytes("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + receipt.Length + "\r\n\r\n").Concat(receipt).ToArray();
            foreach (var request in new[] { get, get, get, post, post })
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, _listener.Url.Port);
                await tcp.GetStream().WriteAsync(request, 0, request.Length);
            }

            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (_listener.Refused + _listener.Receipts.Received < 5 && DateTime.UtcNow < deadline) await Task.Delay(20);
            await Task.Delay(300);

            Assert.Equal(2, _listener.Receipts.Received);
            Assert.Equal(3, _listener.Refused);
            Assert.Contains("405", _listener.LastProblem);
        }

        /// <summary>
        /// Before: a client that sent "Expect: 100-continue" got no "100 Continue" and waited out its own timeout before
        /// sending each receipt (1 s for HttpClient, 5 s with curl --expect100-timeout 5), holding a slot the while.
        /// </summary>
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task AClientThatExpectsA100ContinueGetsItAndItsReceiptIsKept(bool chunked)
        {
            var receipt = ReceiptFixtures.Bytes("sms-delivered.json");
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, _listener.Url.Port);
            var stream = tcp.GetStream();
            var head = Encoding.ASCII.GetBytes("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n" +
                (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + receipt.Length) + "\r\n\r\n");
            await stream.WriteAsync(head, 0, head.Length);

            var interim = new byte[25];
            var read = stream.ReadAsync(interim, 0, interim.Length);
            Assert.Same(read, await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(3))));
            Assert.StartsWith("HTTP/1.1 100 Continue", Encoding.ASCII.GetString(interim, 0, await read));

            var body = chunked
                ? Encoding.ASCII.GetBytes(receipt.Length.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "\r\n")
                    .Concat(receipt).Concat(Encoding.ASCII.GetBytes("\r\n0\r\n\r\n")).ToArray()
                : receipt;
            await stream.WriteAsync(body, 0, body.Length);
            using var reader = new StreamReader(stream);
            Assert.StartsWith("HTTP/1.1 200", (await reader.ReadToEndAsync()).TrimStart());
            Assert.Equal(1, _listener.Receipts.Received);
        }

        [Fact]
        public async Task ABodyInAnEncodingItCannotReadIsRefusedBeforeAnyContinue()
        {
            // Before: "100 Continue" came first, inviting a body the listener then did not read; the client could see its
            // connection reset instead of the 501.
            var answer = await RawAsync("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nTransfer-Encoding: gzip\r\n\r\n");

            Assert.StartsWith("HTTP/1.1 501", answer);
            Assert.Equal(0, _listener.Receipts.Received);
        }

        [Fact]
        public async Task AReceiptAReverseProxyForwardsChunkedIsKept()
        {
            // nginx with request buffering off, and most tunnels, stream the service's post on in chunks.
            var body = ReceiptFixtures.Bytes("sms-delivered.json");
            var half = body.Length / 2;
            var chunked = new MemoryStream();
            void Write(string text) => chunked.Write(Encoding.ASCII.GetBytes(text));
            Write("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
            Write(half.ToString("x") + ";ext=1\r\n");
            chunked.Write(body, 0, half);
            Write("\r\n" + (body.Length - half).ToString("X") + "\r\n");
            chunked.Write(body, half, body.Length - half);
            Write("\r\n0\r\nX-Trailer: 1\r\n\r\n");

            Assert.StartsWith("HTTP/1.1 200", await RawAsync(chunked.ToArray()));
            Assert.Equal(DeliveryStatus.Delivered, Assert.Single(_listener.Receipts.Snapshot()).Status);
        }

        [Fact]
        public async Task AChunkedBodyGetsTheSameLimitsAsAnyOther()
        {
            var chunk = new string('a', 0x10000);
            var tooLong = new StringBuilder("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (var i = 0; i < 17; i++) tooLong.Append("10000\r\n").Append(chunk).Append("\r\n");
            tooLong.Append("0\r\n\r\n");

            Assert.StartsWith("HTTP/1.1 413", await RawAsync(tooLong.ToString()));
            Assert.StartsWith("HTTP/1.1 400", await RawAsync("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"));
            Assert.StartsWith("HTTP/1.1 400", await RawAsync("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}"));
            Assert.StartsWith("HTTP/1.1 501", await RawAsync("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n"));
            Assert.Equal(4, _listener.Refused);
            Assert.Empty(_listener.Receipts.Snapshot());
        }

        [Fact]
        public async Task ItKeepsOnlyTheNewestReceiptsAndCountsWhatItDropped()
        {
            for (var i = 0; i < 5; i++)
            {
                var body = Encoding.UTF8.GetBytes("{\"deliveryInfoNotification\":{\"deliveryInfo\":{\"code\":\"7500\",\"destination\":\"" + i + "\"}}}");
                Assert.Equal(HttpStatusCode.OK, (await PostAsync(body)).StatusCode);
            }

            Assert.Equal(5, _listener.Receipts.Received);
            Assert.Equal(2, _listener.Receipts.Dropped);
            Assert.Equal(new[] { "2", "3", "4" }, _listener.Receipts.Snapshot().Select(r => r.Destination));
        }

        [Fact]
        public async Task AfterDisposeThePortIsFreeAndNothingListens()
        {
            var port = _listener.Url.Port;
            _listener.Dispose();

            Assert.False(_listener.IsRunning);
            await Assert.ThrowsAnyAsync<Exception>(() => PostAsync(Encoding.UTF8.GetBytes("{}")));
            using var again = ReceiptListener.Start(new ReceiptListenerOptions { Port = port });
            Assert.Equal(port, again.Url.Port);
        }

        [Fact]
        public async Task OnTheIPv6AnyAddressItTakesIPv4ClientsToo()
        {
            // Before: -Address :: listened on IPv6 only, and a client (or a proxy) on 127.0.0.1 had its connection refused,
            // although :: reads as "all addresses" on Linux, as 0.0.0.0 does.
            using var everywhere = ReceiptListener.Start(new ReceiptListenerOptions { Address = IPAddress.IPv6Any, Host = "localhost" });
            var body = ReceiptFixtures.Bytes("sms-delivered.json");

            foreach (var host in new[] { "127.0.0.1", "[::1]" })
            {
                var url = new Uri("http://" + host + ":" + everywhere.Url.Port + "/");
                Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(url, new ByteArrayContent(body))).StatusCode);
            }
            Assert.Equal(2, everywhere.Receipts.Received);
        }

        [Fact]
        public void APortInUseIsASocketException()
        {
            Assert.ThrowsAny<SocketException>(() => ReceiptListener.Start(new ReceiptListenerOptions { Port = _listener.Url.Port }));
        }

        [Fact]
        public void ThePathOfAPrefixIsPartOfTheUrl()
        {
            using var listener = ReceiptListener.Start(new ReceiptListenerOptions { Path = "/receipts/" });

            Assert.Equal("/receipts/", listener.Url.AbsolutePath);
        }
    }
}
