using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine.Auth;
using WebexConnect.Engine.Transport;
using WebexConnect.Results;
using WebexConnect.Sending;
using WebexConnect.Tests.Transport;
using Xunit;
using static WebexConnect.Tests.Transport.TransportHarness;
using static WebexConnect.Tests.TestSecrets;

namespace WebexConnect.Tests.Secrets
{
    /// <summary>
    /// "Secrets never leave for anywhere but the service": plain-http loopback goes direct whatever proxy is
    /// configured; over https a proxy only ever sees a CONNECT line; a key or secret with a control
    /// character is refused at Connect, so no header can be injected.
    /// </summary>
    public sealed class ProxyAndInjectionTests
    {
        [Fact]
        public async Task A_plain_http_loopback_endpoint_bypasses_the_proxy_and_the_key_goes_only_to_the_service()
        {
            using var proxy = new RecordingProxy();
            await using var server = await ScriptedServer.StartAsync();
            var client = ConnectHttpClientFactory.Create(server.BaseUri, proxy: new WebProxy(proxy.Uri));
            var transport = new BatchTransport(client, new ServiceKeyCredential(Secure(ServiceKey)), new RecordingGate(), TransportHarness.Payload, FastOptions());

            var outcome = await transport.SendAsync(Batch(Numbers(1)), CancellationToken.None);

            Assert.Equal(SendStatus.Queued, Assert.Single(outcome.PerRecipient).Status);
            Assert.Equal(ServiceKey, Assert.Single(server.Received).Header("key"));
            Assert.Equal("", proxy.Received);
        }

        [Fact]
        public async Task The_recording_proxy_would_have_seen_the_key_had_the_request_gone_through_it()
        {
            // The control: the same proxy, used for plain http, receives the whole request, key included.
            using var proxy = new RecordingProxy();
            using var handler = new SocketsHttpHandler { Proxy = new WebProxy(proxy.Uri), UseProxy = true };
            using var client = new HttpClient(handler);
            using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:9/v2/messages");
            request.Headers.Add("key", ServiceKey);
            using var response = await client.SendAsync(request);
            Assert.Contains("key: " + ServiceKey, proxy.Received, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Over_https_a_proxy_sees_only_the_connect_line_never_the_key()
        {
            using var proxy = new RecordingProxy();
            var baseUri = new Uri("https://127.0.0.1:" + proxy.Port + "/"); // no TLS server: the tunnel is refused
            var client = ConnectHttpClientFactory.Create(baseUri, proxy: new WebProxy(proxy.Uri));
            var transport = new BatchTransport(client, new ServiceKeyCredential(Secure(ServiceKey)), new RecordingGate(), TransportHarness.Payload, FastOptions(maxAttempts: 1));

            // The proxy refuses the tunnel: the run stops (ProxyRefused), the batch never sent, with no retry.
            var refused = await Assert.ThrowsAsync<SessionFailureException>(() => transport.SendAsync(Batch(Numbers(1)), CancellationToken.None));

            Assert.Equal("ProxyRefused", refused.ErrorId);
            Assert.True(refused.BatchNeverAccepted);
            Assert.StartsWith("CONNECT 127.0.0.1:" + proxy.Port + " HTTP/1.1", proxy.Received, StringComparison.Ordinal);
            Assert.DoesNotContain(ServiceKey, proxy.Received, StringComparison.Ordinal);
            Assert.DoesNotContain("key:", proxy.Received, StringComparison.OrdinalIgnoreCase);
        }

        [Theory]
        [InlineData("http://127.0.0.1:5000/", false)]
        [InlineData("http://localhost:5000/", false)]
        [InlineData("http://[::1]:5000/", false)]
        [InlineData("https://api.us.webexconnect.io/", true)]
        public void Only_https_may_use_a_proxy(string uri, bool mayUseProxy) =>
            Assert.Equal(mayUseProxy, ConnectHttpClientFactory.MayUseProxy(new Uri(uri)));

        [Fact]
        public void The_proxy_named_for_a_failure_is_the_one_the_endpoint_goes_through_and_none_for_a_host_it_bypasses()
        {
            var proxy = new WebProxy("http://10.0.0.5:3128") { BypassList = new[] { @"api\.us\.webexconnect\.io" } };

            Assert.Equal(new Uri("http://10.0.0.5:3128"), ConnectHttpClientFactory.ProxyFor(new Uri("https://api.eu.webexconnect.io/"), proxy));
            Assert.Null(ConnectHttpClientFactory.ProxyFor(new Uri("https://api.us.webexconnect.io/"), proxy));
            Assert.Null(ConnectHttpClientFactory.ProxyFor(new Uri("http://127.0.0.1:8080/"), proxy));
        }

        [Fact]
        public void A_connection_refused_through_a_proxy_names_the_proxy_without_its_password_and_says_what_to_check()
        {
            var refused = new HttpRequestException("Connection refused (10.0.0.5:3128)", new SocketException((int)SocketError.ConnectionRefused));

            var opening = BatchTransport.ConnectFailureOpening(refused, new Uri("https://api.eu.webexconnect.io/"), new Uri("http://user:secret@10.0.0.5:3128"));

            Assert.StartsWith("could not reach the proxy http://10.0.0.5:3128 that this computer's proxy setting names", opening);
            Assert.Contains("NO_PROXY", opening);
            Assert.DoesNotContain("secret", opening);
            Assert.Equal("could not connect to api.eu.webexconnect.io (check this computer's network and firewall, and Connect-WebexConnect -BaseUri or -Region): ",
                BatchTransport.ConnectFailureOpening(refused, new Uri("https://api.eu.webexconnect.io/")));
        }

        [Theory]
        [InlineData("k\r\nX-Injected: 1", 2)]
        [InlineData("ke\ny", 3)]
        [InlineData("\u0000key", 1)]
        [InlineData("ke\ty", 3)]
        [InlineData("key\u001B", 4)]
        [InlineData("ke\u0085y", 3)]
        public void A_service_key_with_a_control_character_is_refused_at_connect_naming_only_the_position(string key, int position)
        {
            var resolver = new ConnectionResolver(_ => null);
            var ex = Assert.Throws<ConnectionConfigurationException>(() => resolver.Resolve(new ConnectRequest { ServiceKey = Secure(key) }));
            Assert.Equal("InvalidServiceKey", ex.ErrorId);
            Assert.Equal($"-ServiceKey contains a control character (a line break, tab, NUL or similar) at position {position}: " +
                "a service key is one line of printable characters. Copy it again exactly as Webex Connect shows it.", ex.Message);
        }

        // White space around a key (a final line break from Get-Content) is not part of it: dropped, not refused
        // (ConnectionResolverTests). Only a control character inside is refused.
        [Fact]
        public void A_service_key_variable_with_a_line_break_inside_is_refused_too()
        {
            var resolver = new ConnectionResolver(name => name == ConnectEnvironment.ServiceKey ? "abc\r\nX-Injected: 1" : null);
            var ex = Assert.Throws<ConnectionConfigurationException>(() => resolver.Resolve(new ConnectRequest()));
            Assert.Equal("InvalidServiceKey", ex.ErrorId);
            Assert.StartsWith(ConnectEnvironment.ServiceKey + " contains a control character", ex.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("c2VjcmV0\r\nLWI=")]
        [InlineData("c2VjcmV0LWI=\u0000")]
        public void A_service_secret_with_a_control_character_is_refused_at_connect(string secret)
        {
            var resolver = new ConnectionResolver(_ => null);
            var ex = Assert.Throws<ConnectionConfigurationException>(() => resolver.Resolve(new ConnectRequest { ServiceId = "svc", ServiceSecret = Secure(secret) }));
            Assert.Equal("InvalidServiceSecret", ex.ErrorId);
            Assert.Contains("contains a control character", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void The_key_header_itself_refuses_a_line_break_should_one_ever_get_past_connect()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/");
            Assert.ThrowsAny<FormatException>(() => new ServiceKeyCredential(Secure("k\r\nX-Injected: 1")).Apply(request));
            Assert.False(request.Headers.Contains("X-Injected"));
        }

        /// <summary>
        /// A forward proxy on 127.0.0.1 that keeps every byte it receives: a plain request is answered 201, a
        /// CONNECT is refused (403), so whatever reached it shows in <see cref="Received"/>.
        /// </summary>
        private sealed class RecordingProxy : IDisposable
        {
            private readonly StringBuilder _received = new StringBuilder();
            private readonly RawLoopbackServer _server;

            public RecordingProxy() => _server = new RawLoopbackServer(ServeAsync);

            public int Port => _server.Port;

            public Uri Uri => _server.BaseUri;

            public string Received
            {
                get { lock (_received) return _received.ToString(); }
            }

            private async Task ServeAsync(TcpClient client)
            {
                using (client)
                {
                    var stream = client.GetStream();
                    var buffer = new byte[8192];
                    var seen = new StringBuilder();
                    try
                    {
                        while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                        {
                            var n = await stream.ReadAsync(buffer);
                            if (n == 0) return;
                            var text = Encoding.Latin1.GetString(buffer, 0, n);
                            seen.Append(text);
                            lock (_received) _received.Append(text);
                        }
                        var answer = seen.ToString().StartsWith("CONNECT", StringComparison.Ordinal)
                            ? "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            : "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
                        await stream.WriteAsync(Encoding.ASCII.GetBytes(answer));
                        // Keep what follows too (a body sent after the head).
                        client.ReceiveTimeout = 200;
                        while (stream.DataAvailable)
                        {
                            var n = await stream.ReadAsync(buffer);
                            if (n == 0) break;
                            lock (_received) _received.Append(Encoding.Latin1.GetString(buffer, 0, n));
                        }
                    }
                    catch (IOException)
                    {
                    }
                }
            }

            public void Dispose() => _server.Dispose();
        }
    }
}
