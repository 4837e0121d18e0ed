using System;
using System.Net;
using System.Net.Sockets;

namespace WebexConnect.Tests.Transport
{
    /// <summary>
    /// A loopback port that answers no connection attempt, as a host behind a firewall that drops the packets: a listener with
    /// a backlog of none, whose one queue place is taken by a connection never accepted. Linux then drops the SYN of any
    /// further connection (Windows would refuse it instead).
    /// </summary>
    internal sealed class SilentHost : IDisposable
    {
        private readonly Socket _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        private readonly Socket _queued = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        public SilentHost()
        {
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _listener.Listen(0);
            _queued.Connect(_listener.LocalEndPoint!);
            BaseUri = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndPoint!).Port + "/");
        }

        public Uri BaseUri { get; }

        public void Dispose()
        {
            _queued.Dispose();
            _listener.Dispose();
        }
    }
}
