using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine.Auth;
using WebexConnect.Engine.Transport;
using WebexConnect.Results;
using Xunit;
using static WebexConnect.Tests.Transport.TransportHarness;
using static WebexConnect.Tests.TestSecrets;

namespace WebexConnect.Tests.Transport
{
    /// <summary>
    /// "A socket failure after the body was written is Unknown, never retried": every way a connection can
    /// fail once a loopback server has read the whole request, and every socket error kind raised at that
    /// moment, ends Unknown after exactly one request; the same errors before the body left are retried.
    /// </summary>
    public sealed class FailureAfterBodyTests
    {
        public enum Failure { Reset, CloseWithoutAnswer, HalfStatusLine, NotHttp, ShortBody, HeadersOnlyThenReset }

        [Theory]
        [InlineData(Failure.Reset)]
        [InlineData(Failure.CloseWithoutAnswer)]
        [InlineData(Failure.HalfStatusLine)]
        [InlineData(Failure.NotHttp)]
        public async Task A_connection_failing_after_the_server_read_the_body_ends_unknown_after_one_request(Failure failure)
        {
            using var server = new BodyThenFailServer(failure);
            var transport = NewTransport(server.BaseUri, new RecordingGate(), FastOptions(maxAttempts: 3));

            var outcome = await transport.SendAsync(Batch(Numbers(2)), CancellationToken.None);

            Assert.All(outcome.PerRecipient, o =>
            {
                Assert.Equal(SendStatus.Unknown, o.Status);
                Assert.Equal(1, o.Attempts);
                Assert.Contains("not resent", o.Reason, StringComparison.Ordinal);
            });
            Assert.Equal(1, server.BodiesRead);
        }

        // The status line came back: the service said 201, so the status code decides (the body is read only up to a
        // limit, and a body cut short loses the messageId, not the outcome). Never resent either way.
        [Theory]
        [InlineData(Failure.ShortBody)]
        [InlineData(Failure.HeadersOnlyThenReset)]
        public async Task A_201_whose_body_breaks_off_is_queued_by_its_status_code_after_one_request(Failure failure)
        {
            using var server = new BodyThenFailServer(failure);
            var sink = new Engine.Diagnostics.DiagnosticSink();
            var transport = new BatchTransport(ConnectHttpClientFactory.Create(server.BaseUri), new ServiceKeyCredential(Secure(ServiceKey)),
                new RecordingGate(), TransportHarness.Payload, FastOptions(maxAttempts: 3), diagnostics: sink);

            var outcome = await transport.SendAsync(Batch(Numbers(2)), CancellationToken.None);

            // -Verbose says why these Queued rows have no MessageId ("sent, HTTP 201 in 3 ms." said nothing of it).
            Assert.Contains(sink.TakeAll(), d => d.Message.Contains("sent, HTTP 201 in ", StringComparison.Ordinal) &&
                d.Message.EndsWith(", but the answer broke off before its messageId (the rows are Queued without one).", StringComparison.Ordinal));

            Assert.All(outcome.PerRecipient, o =>
            {
                Assert.Equal(SendStatus.Queued, o.Status);
                Assert.Equal(1, o.Attempts);
            });
            Assert.Equal(1, server.BodiesRead);
        }

        public static IEnumerable<object[]> SocketErrors() => new[]
        {
            SocketError.HostUnreachable, SocketError.NetworkDown, SocketError.NetworkUnreachable, SocketError.ConnectionRefused,
            SocketError.HostNotFound, SocketError.TryAgain, SocketError.NoData, SocketError.AddressNotAvailable,
            SocketError.ConnectionReset, SocketError.ConnectionAborted, SocketError.TimedOut, SocketError.Shutdown,
        }.Select(e => new object[] { e });

        [Theory]
        [MemberData(nameof(SocketErrors))]
        public async Task Every_socket_error_raised_after_the_body_reached_the_server_ends_unknown_and_is_not_resent(SocketError error)
        {
            await using var server = await ScriptedServer.StartAsync();
            var transport = Through(new FailAfterExchange(error, afterBody: true), server.BaseUri);

            var outcome = await transport.SendAsync(Batch(Numbers(2)), CancellationToken.None);

            Assert.All(outcome.PerRecipient, o =>
            {
                Assert.Equal(SendStatus.Unknown, o.Status);
                Assert.Equal("ConnectionLost", o.Code);
                Assert.Equal(1, o.Attempts);
            });
            Assert.Single(server.Received);
        }

#if NET8_0_OR_GREATER
        [Fact]
        public async Task A_connection_error_said_to_be_connect_phase_but_raised_after_the_body_ends_unknown()
        {
            await using var server = await ScriptedServer.StartAsync();
            var handler = new FailAfterExchange(SocketError.HostUnreachable, afterBody: true) { AsConnectionError = true };

            var outcome = await Through(handler, server.BaseUri).SendAsync(Batch(Numbers(1)), CancellationToken.None);

            Assert.Equal(SendStatus.Unknown, Assert.Single(outcome.PerRecipient).Status);
            Assert.Single(server.Received);
        }
#endif

        [Theory]
        [InlineData(SocketError.HostUnreachable)]
        [InlineData(SocketError.NetworkDown)]
        [InlineData(SocketError.ConnectionReset)]
        public async Task The_same_error_before_the_body_left_is_retried_and_ends_failed(SocketError error)
        {
            await using var server = await ScriptedServer.StartAsync();
            var handler = new FailAfterExchange(error, afterBody: false);

            // No request of the run got an answer: the run stops, its rows never sent (ServiceUnreachable), rather than Unknown.
            var failure = await Assert.ThrowsAsync<WebexConnect.Sending.SessionFailureException>(() =>
                Through(handler, server.BaseUri).SendAsync(Batch(Numbers(1)), CancellationToken.None));

            Assert.Equal("ServiceUnreachable", failure.ErrorId);
            Assert.Equal("ConnectionFailed", failure.Code);
            Assert.True(failure.BatchNeverAccepted);
            Assert.Contains("(3 attempts)", failure.Message, StringComparison.Ordinal);
            Assert.Empty(server.Received);
        }

        [Fact]
        public async Task A_refused_key_on_the_first_try_says_the_batch_was_never_accepted()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(401);

            var failure = await Assert.ThrowsAsync<WebexConnect.Sending.SessionFailureException>(() =>
                NewTransport(server.BaseUri, new RecordingGate()).SendAsync(Batch(Numbers(2)), CancellationToken.None));

            Assert.Equal("AuthenticationFailed", failure.ErrorId);
            Assert.True(failure.BatchNeverAccepted);
            // It left and the service answered it: its rows were refused, not "never left".
            Assert.True(failure.RefusedByService);
        }

        [Fact]
        public async Task A_refused_key_after_an_ambiguous_attempt_that_was_resent_cannot_say_so()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(500).ThenRespond(401);

            var stopped = await Assert.ThrowsAsync<BatchStoppedException>(() =>
                NewTransport(server.BaseUri, new RecordingGate(), FastOptions(resendAmbiguous: true)).SendAsync(Batch(Numbers(2)), CancellationToken.None));

            Assert.Equal("AuthenticationFailed", stopped.Failure.ErrorId);
            Assert.False(stopped.Failure.BatchNeverAccepted);
            // The 500 may have queued both: neither has an outcome, and neither may be called not sent.
            Assert.All(stopped.Outcomes, Assert.Null);
            Assert.Equal(new[] { StoppedFate.MayHaveGone, StoppedFate.MayHaveGone }, Enumerable.Range(0, 2).Select(stopped.FateOf));
        }

        [Fact]
        public async Task A_refused_key_after_half_a_split_batch_was_accepted_keeps_that_half_and_says_the_rest_was_refused()
        {
            await using var server = await ScriptedServer.StartAsync();
            server.ThenRespond(400, ScriptedServer.Error("7041", "Invalid MSISDN"))
                .ThenRespond(201, ScriptedServer.Queued("first-half"))
                .ThenRespond(401);

            var stopped = await Assert.ThrowsAsync<BatchStoppedException>(() =>
                NewTransport(server.BaseUri, new RecordingGate()).SendAsync(Batch(Numbers(4)), CancellationToken.None));

            Assert.Equal("AuthenticationFailed", stopped.Failure.ErrorId);
            Assert.All(stopped.Outcomes.Take(2), o =>
            {
                Assert.Equal(SendStatus.Queued, o!.Status);
                Assert.Equal("first-half", o.MessageId);
            });
            Assert.All(stopped.Outcomes.Skip(2), Assert.Null);
            Assert.Equal(new[] { StoppedFate.Answered, StoppedFate.Answered, StoppedFate.Refused, StoppedFate.Refused }, Enumerable.Range(0, 4).Select(stopped.FateOf));
            Assert.Equal(3, server.Received.Count);
        }

        private static BatchTransport Through(HttpMessageHandler handler, Uri baseUri) =>
            new BatchTransport(new HttpClient(handler) { BaseAddress = baseUri }, new ServiceKeyCredential(Secure(ServiceKey)),
                new RecordingGate(), TransportHarness.Payload, FastOptions(maxAttempts: 3));

        /// <summary>
        /// Lets the real request reach the loopback server (so the body is written and read), then raises the
        /// socket error as the HttpClient would; or raises it before anything is written.
        /// </summary>
        private sealed class FailAfterExchange : DelegatingHandler
        {
            private readonly SocketError _error;
            private readonly bool _afterBody;

            public FailAfterExchange(SocketError error, bool afterBody) : base(new SocketsHttpHandler())
            {
                _error = error;
                _afterBody = afterBody;
            }

            public bool AsConnectionError { get; init; }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (_afterBody)
                {
                    using var answered = await base.SendAsync(request, cancellationToken);
                }
                var socket = new SocketException((int)_error);
#if NET8_0_OR_GREATER
                if (AsConnectionError) throw new HttpRequestException(HttpRequestError.ConnectionError, socket.Message, socket);
#endif
                throw new HttpRequestException(socket.Message, socket);
            }
        }

        /// <summary>A raw HTTP/1.1 listener on 127.0.0.1 that reads a request's head and whole body, then fails one way.</summary>
        private sealed class BodyThenFailServer : IDisposable
        {
            private readonly Failure _failure;
            private readonly RawLoopbackServer _server;
            private int _bodies;

            public BodyThenFailServer(Failure failure)
            {
                _failure = failure;
                _server = new RawLoopbackServer(Serve);
            }

            public Uri BaseUri => _server.BaseUri;

            public int BodiesRead => Volatile.Read(ref _bodies);

            private async Task Serve(TcpClient client)
            {
                using var connection = client;
                using var stream = client.GetStream();
                var head = new StringBuilder();
                var one = new byte[1];
                while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
                {
                    if (await stream.ReadAsync(one) == 0) return;
                    head.Append((char)one[0]);
                }
                var length = 0;
                foreach (var line in head.ToString().Split("\r\n"))
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line.Substring(15).Trim());
                var body = new byte[length];
                for (var read = 0; read < length;)
                {
                    var n = await stream.ReadAsync(body.AsMemory(read));
                    if (n == 0) return;
                    read += n;
                }
                Interlocked.Increment(ref _bodies);

                switch (_failure)
                {
                    case Failure.Reset:
                        client.LingerState = new LingerOption(true, 0);
                        break;
                    case Failure.CloseWithoutAnswer:
                        break;
                    case Failure.HalfStatusLine:
                        await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 20"));
                        break;
                    case Failure.NotHttp:
                        await stream.WriteAsync(Encoding.ASCII.GetBytes("SSH-2.0-OpenSSH\r\n\r\n"));
                        break;
                    case Failure.ShortBody:
                        await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"messageId\":"));
                        break;
                    case Failure.HeadersOnlyThenReset:
                        await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 201 Created\r\nContent-Length: 400\r\n\r\n"));
                        client.LingerState = new LingerOption(true, 0);
                        break;
                }
                await stream.FlushAsync();
                client.Close();
            }

            public void Dispose() => _server.Dispose();
        }
    }
}
