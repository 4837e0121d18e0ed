using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace WebexConnect.Tests.Transport
{
    /// <summary>
    /// A TCP listener on 127.0.0.1 that hands every connection to a serve function: for the test servers that
    /// must answer with raw or broken HTTP (or act as a proxy), which Kestrel will not do.
    /// </summary>
    internal sealed class RawLoopbackServer : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly Func<TcpClient, Task> _serve;

        public RawLoopbackServer(Func<TcpClient, Task> serve)
        {
            _serve = serve;
            _listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public Uri BaseUri => new Uri("http://127.0.0.1:" + Port + "/");

        private async Task AcceptAsync()
        {
            while (true)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(); }
                catch (Exception) { return; }
                _ = Task.Run(() => _serve(client));
            }
        }

        public void Dispose() => _listener.Stop();
    }
}
