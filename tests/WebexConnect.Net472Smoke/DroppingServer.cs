using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace WebexConnect.Net472Smoke
{
    /// <summary>
    /// Reads a whole HTTP request, then closes the connection without answering (or, with hang, never answers):
    /// the service may have accepted it. Raw sockets, because Mono's HttpListenerResponse.Abort() still writes a
    /// 200 status line before closing.
    /// </summary>
    internal sealed class DroppingServer : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly Thread _loop;
        private readonly ManualResetEventSlim _stopped = new ManualResetEventSlim();
        private readonly bool _hang;
        private int _requests;

        public DroppingServer(bool hang = false)
        {
            _hang = hang;
            _listener.Start();
            BaseUri = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture) + "/");
            _loop = new Thread(Loop) { IsBackground = true, Name = "DroppingServer" };
            _loop.Start();
        }

        public Uri BaseUri { get; }

        /// <summary>Requests whose body arrived in full before the connection was closed.</summary>
        public int Requests => Volatile.Read(ref _requests);

        private void Loop()
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = _listener.AcceptTcpClient();
                }
                catch (Exception ex) when (ex is SocketException || ex is ObjectDisposedException || ex is InvalidOperationException)
                {
                    return;
                }
                ThreadPool.QueueUserWorkItem(_ => Drop(client));
            }
        }

        private void Drop(TcpClient client)
        {
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    var head = ReadHead(stream);
                    var length = ContentLength(head);
                    var body = new byte[length];
                    var read = 0;
                    while (read < length)
                    {
                        var n = stream.Read(body, read, length - read);
                        if (n == 0) return;
                        read += n;
                    }
                    Interlocked.Increment(ref _requests);
                    if (_hang) _stopped.Wait();
                }
                catch (IOException)
                {
                }
            }
        }

        private static string ReadHead(Stream stream)
        {
            var head = new StringBuilder();
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                var b = stream.ReadByte();
                if (b < 0) throw new IOException("closed before the headers ended");
                head.Append((char)b);
            }
            return head.ToString();
        }

        private static int ContentLength(string head)
        {
            foreach (var line in head.Split(new[] { "\r\n" }, StringSplitOptions.RemoveEmptyEntries))
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    return int.Parse(line.Substring("Content-Length:".Length).Trim(), CultureInfo.InvariantCulture);
            return 0;
        }

        public void Dispose()
        {
            _stopped.Set();
            _listener.Stop();
            _loop.Join(TimeSpan.FromSeconds(5));
        }
    }
}
