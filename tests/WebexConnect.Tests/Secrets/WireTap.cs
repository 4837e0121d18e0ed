using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace WebexConnect.Tests.Secrets
{
    /// <summary>
    /// A plain TCP relay on 127.0.0.1 between the client and a loopback server that keeps every byte the
    /// client sent, so a test knows exactly which credentials travelled (the "key" header, each JWT) and can
    /// then look for them everywhere else. A connection the server cuts is cut towards the client too.
    /// </summary>
    internal sealed class WireTap : IAsyncDisposable
    {
        private static readonly Regex BearerHeader = new Regex(@"(?im)^authorization:\s*bearer\s+(\S+)\r?$");
        private static readonly Regex KeyHeader = new Regex(@"(?im)^key:\s*(.*?)\r?$");

        private readonly TcpListener _listener;
        private readonly Uri _upstream;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly MemoryStream _sent = new MemoryStream();
        private readonly List<Task> _relays = new List<Task>();
        private readonly Task _accepting;

        private WireTap(Uri upstream)
        {
            _upstream = upstream;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            _accepting = AcceptAsync();
        }

        /// <summary>Starts relaying to <paramref name="upstream"/> (an http://127.0.0.1:port/ base URI).</summary>
        public static WireTap To(Uri upstream) => new WireTap(upstream);

        public Uri BaseUri => new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/");

        /// <summary>Everything the client sent, headers and bodies, as ISO-8859-1 text.</summary>
        public string ClientBytes
        {
            get { lock (_sent) return Encoding.Latin1.GetString(_sent.ToArray()); }
        }

        /// <summary>The distinct bearer tokens the client sent.</summary>
        public IReadOnlyList<string> BearerTokens => Distinct(BearerHeader);

        /// <summary>The distinct values of the "key" header the client sent.</summary>
        public IReadOnlyList<string> KeyHeaders => Distinct(KeyHeader);

        private IReadOnlyList<string> Distinct(Regex header) =>
            header.Matches(ClientBytes).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }

                lock (_relays) _relays.Add(RelayAsync(client));
            }
        }

        private async Task RelayAsync(TcpClient client)
        {
            using (client)
            using (var server = new TcpClient())
            {
                try
                {
                    await server.ConnectAsync(_upstream.Host, _upstream.Port, _stop.Token).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    return; // the server is down: the client sees its connection closed
                }

                var fromClient = CopyAsync(client.GetStream(), server.GetStream(), keep: true);
                var fromServer = CopyAsync(server.GetStream(), client.GetStream(), keep: false);
                await Task.WhenAny(fromClient, fromServer).ConfigureAwait(false);
                // Either side hung up: so does the other, as a direct connection would.
                HangUp(client);
                HangUp(server);
                await Task.WhenAll(fromClient, fromServer).ConfigureAwait(false);
            }
        }

        private static void HangUp(TcpClient side)
        {
            try
            {
                side.Client.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
                // Already reset by the peer.
            }
            catch (ObjectDisposedException)
            {
            }
        }

        private async Task CopyAsync(Stream from, Stream to, bool keep)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                int read;
                while ((read = await from.ReadAsync(buffer, _stop.Token).ConfigureAwait(false)) > 0)
                {
                    if (keep)
                    {
                        lock (_sent) _sent.Write(buffer, 0, read);
                    }

                    await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token).ConfigureAwait(false);
                }
            }
            catch (Exception)
            {
                // A reset or a closed socket ends this direction; RelayAsync closes the other.
            }
        }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            await _accepting.ConfigureAwait(false);
            Task[] relays;
            lock (_relays) relays = _relays.ToArray();
            await Task.WhenAll(relays).ConfigureAwait(false);
            _stop.Dispose();
        }
    }
}
