using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine.Transport;
using WebexConnect.Results;
using Xunit;
using static WebexConnect.Tests.Transport.TransportHarness;

namespace WebexConnect.Tests.Transport
{
    /// <summary>
    /// A response body is read only up to ApiResponse.MaxBodyBytes: a server (or a proxy in front of it) that answers
    /// with hundreds of megabytes cannot fill the client's memory, and the row is decided by the status code.
    /// </summary>
    public class ResponseBodyLimitTests
    {
        private const long HugeBody = 200L * 1024 * 1024;

        [Fact]
        public async Task A201WithA200MegabyteBody_IsQueued_AndOnlyTheLimitIsRead()
        {
            await using var server = await ScriptedServer.StartAsync();
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
            server.Fallback = async (context, _) =>
            {
                // Chunked (no Content-Length), so the client cannot tell the size before reading it.
                context.Response.StatusCode = 201;
                context.Response.ContentType = "application/json";
                try
                {
                    await context.Response.Body.WriteAsync(Encoding.ASCII.GetBytes("{\"status\":\"queued\",\"messageId\":\"m-1\","));
                    for (long sent = 0; sent < HugeBody; sent += chunk.Length)
                        await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
                catch (Exception ex) when (ex is OperationCanceledException || ex is IOException || ex is InvalidOperationException)
                {
                    // The client stopped reading and closed the connection: what this test wants.
                }
            };
            var before = GC.GetTotalAllocatedBytes(precise: true);

            var outcome = await NewTransport(server.BaseUri, new RecordingGate()).SendAsync(Batch(Numbers(2)), CancellationToken.None);

            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            Assert.All(outcome.PerRecipient, r => Assert.Equal(SendStatus.Queued, r.Status));
            // Reading the body whole would allocate more than 400 MB (a growing buffer); the limit keeps it to kilobytes
            // (the server's own writes, in this process too, come from pooled buffers).
            Assert.True(allocated < 32L * 1024 * 1024, $"allocated {allocated:N0} bytes");
        }

        [Fact]
        public async Task A202WhoseBodyStallsAfterTheHeaders_IsQueued_NotUnknownForWantOfAResponse()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.Fallback = async (context, _) =>
            {
                // The status and the headers leave at once; the body's first bytes, and then nothing until the client gives up.
                context.Response.StatusCode = 202;
                context.Response.ContentType = "application/json";
                await context.Response.Body.WriteAsync(Encoding.ASCII.GetBytes("{\"status\":\"queued\","));
                await context.Response.Body.FlushAsync();
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client stopped reading and closed the connection.
                }
            };

            // 3 s, not 1: the timeout also covers the connection and the headers, and at the start of a loaded CI run (the server's
            // first request, code not yet compiled) those took more than 1 s once, which made the rows Unknown for want of headers.
            var outcome = await NewTransport(server.BaseUri, new RecordingGate(), FastOptions(timeout: TimeSpan.FromSeconds(3)))
                .SendAsync(Batch(Numbers(2)), CancellationToken.None);

            // The service said 202: the message was accepted, whatever became of the rest of its answer. Before, the timeout
            // that ended the body's read made the rows Unknown, "no response within 1 s", under an answer that had arrived.
            Assert.All(outcome.PerRecipient, r => Assert.Equal(SendStatus.Queued, r.Status));
            Assert.Single(server.Received);
        }

        [Theory]
        [InlineData("gzip")]
        [InlineData("deflate")]
        public async Task A202WhoseBodyIsNotTheCompressionItsHeaderNames_IsQueued_NotAnExceptionThatEndsTheRun(string encoding)
        {
            await using var server = await ScriptedServer.StartAsync();
            // A proxy or gateway that labels a plain body as compressed: the client's decompression finds no such stream.
            server.ThenRespond(202, ScriptedServer.Queued("m-5"), headers: new[] { ("Content-Encoding", encoding) });

            var outcome = await NewTransport(server.BaseUri, new RecordingGate()).SendAsync(Batch(Numbers(2)), CancellationToken.None);

            Assert.All(outcome.PerRecipient, r => Assert.Equal(SendStatus.Queued, r.Status));
            Assert.Single(server.Received);
        }

        [Fact]
        public async Task ADeclaredLengthOverTheLimit_IsNotRead_AndTheStatusCodeDecides()
        {
            var stream = new CountingStream(HugeBody);
            using var response = new HttpResponseMessage((HttpStatusCode)201) { Content = new StreamContent(stream) };
            response.Content.Headers.ContentLength = HugeBody;

            var parsed = await ApiResponse.ReadAsync(response, DateTimeOffset.UtcNow, CancellationToken.None);

            Assert.True(parsed.IsSuccess);
            Assert.True(parsed.BodyCut);
            Assert.Equal(0, stream.BytesRead);
        }

        [Fact]
        public async Task AnUndeclaredBodyIsReadUpToTheLimitAndNoFurther()
        {
            var stream = new CountingStream(HugeBody);
            using var response = new HttpResponseMessage((HttpStatusCode)500) { Content = new StreamContent(stream) };
            response.Content.Headers.ContentLength = null;

            var parsed = await ApiResponse.ReadAsync(response, DateTimeOffset.UtcNow, CancellationToken.None);

            Assert.Equal(HttpStatusCode.InternalServerError, parsed.Status);
            Assert.True(parsed.BodyCut);
            Assert.InRange(stream.BytesRead, ApiResponse.MaxBodyBytes + 1, ApiResponse.MaxBodyBytes + 64 * 1024);
        }

        [Fact]
        public async Task ABodyWithinTheLimitIsParsedAsBefore()
        {
            using var response = new HttpResponseMessage((HttpStatusCode)201)
            {
                Content = new StringContent("{\"status\":\"queued\",\"messageId\":\"m-7\"}", Encoding.UTF8, "application/json"),
            };

            var parsed = await ApiResponse.ReadAsync(response, DateTimeOffset.UtcNow, CancellationToken.None);

            Assert.False(parsed.BodyCut);
            Assert.Equal("m-7", parsed.MessageId);
        }

        /// <summary>A stream of spaces of a given length that counts what was read from it, without holding it.</summary>
        private sealed class CountingStream : Stream
        {
            private readonly long _length;

            public CountingStream(long length) => _length = length;

            public long BytesRead { get; private set; }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                var n = (int)Math.Min(count, _length - BytesRead);
                Array.Fill(buffer, (byte)' ', offset, n);
                BytesRead += n;
                return n;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
