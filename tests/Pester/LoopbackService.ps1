# Dot-sourced by the Pester files that need a second service beside the in-process sandbox (not a test file:
# Pester runs only *.Tests.ps1). A loopback HTTP/1.1 server that answers each POST with the next status of its
# script (then 201 queued, or the status given to Otherwise; a 503 asks for 2 s with Retry-After) and each GET with 404 (or what AnswerLookups says), and keeps every request it received.
# AsWebSite() makes it a web site instead of the API (a wrong -BaseUri): its home page (200, text/html) for every POST, an HTML 404 page for every GET.

if (-not ('WebexConnectPester.LoopbackService' -as [type])) {
    Add-Type -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace WebexConnectPester
{
    public sealed class LoopbackService : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly Queue<int> _script = new Queue<int>();
        private readonly List<string> _received = new List<string>();
        private int _posts;
        private int _otherwise = 201;

        public LoopbackService()
        {
            _listener.Start();
            new Thread(Accept) { IsBackground = true }.Start();
        }

        public string BaseUri { get { return "http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/"; } }

        /// <summary>Answers the next POST not yet scripted with this status.</summary>
        public LoopbackService Then(int status)
        {
            lock (_script) _script.Enqueue(status);
            return this;
        }

        /// <summary>Answers every POST the script does not cover with this status from now on (201 queued until then).</summary>
        public LoopbackService Otherwise(int status)
        {
            Volatile.Write(ref _otherwise, status);
            return this;
        }

        private volatile string _otherBody = "{}";

        /// <summary>The JSON body of every answer whose status has none of its own (not 201, 401 or 503): "{}" until then.</summary>
        public LoopbackService WithBody(string json)
        {
            _otherBody = json;
            return this;
        }

        private volatile Tuple<int, string> _lookups;

        /// <summary>Answers every GET (a message lookup) with this status and JSON body, instead of 404.</summary>
        public LoopbackService AnswerLookups(int status, string json)
        {
            _lookups = Tuple.Create(status, json);
            return this;
        }

        private volatile bool _webSite;

        /// <summary>Answers like a web site, not the API: 200 with an HTML home page for a POST, an HTML 404 page for a GET.</summary>
        public LoopbackService AsWebSite()
        {
            _webSite = true;
            return this;
        }

        /// <summary>Every request received: its head and body, in order of arrival.</summary>
        public string[] Received { get { lock (_received) return _received.ToArray(); } }

        private void Accept()
        {
            while (true)
            {
                TcpClient client;
                try { client = _listener.AcceptTcpClient(); } catch (Exception) { return; }
                new Thread(() => Serve(client)) { IsBackground = true }.Start();
            }
        }

        private void Serve(TcpClient client)
        {
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    while (true)
                    {
                        var head = ReadHead(stream);
                        if (head == null) return;
                        var length = 0;
                        foreach (var line in head.Split(new[] { "\r\n" }, StringSplitOptions.None))
                            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line.Substring(15).Trim());
                        var body = new byte[length];
                        for (var read = 0; read < length;)
                        {
                            var n = stream.Read(body, read, length - read);
                            if (n <= 0) return;
                            read += n;
                        }
                        lock (_received) _received.Add(head + Encoding.UTF8.GetString(body));
                        var reply = Encoding.UTF8.GetBytes(Answer(head.StartsWith("POST", StringComparison.Ordinal)));
                        stream.Write(reply, 0, reply.Length);
                    }
                }
                catch (Exception) { }
            }
        }

        private string Answer(bool post)
        {
            if (_webSite)
                return post
                    ? Reply(200, "OK", "<!DOCTYPE html><html><head><title>Welcome</title></head><body>Sign in</body></html>", "", "text/html; charset=utf-8")
                    : Reply(404, "Not Found", "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>", "", "text/html");
            if (!post && _lookups != null) return Reply(_lookups.Item1, "Answer", _lookups.Item2);
            if (!post) return Reply(404, "Not Found", "{\"code\":\"404\",\"message\":\"No such message\"}");
            int status;
            lock (_script) status = _script.Count > 0 ? _script.Dequeue() : Volatile.Read(ref _otherwise);
            var number = Interlocked.Increment(ref _posts);
            if (status == 201)
                return Reply(201, "Created", "{\"requestTimestamp\":\"" + DateTimeOffset.UtcNow.ToString("o") +
                    "\",\"messageId\":\"loopback-" + number + "\",\"status\":\"queued\"}");
            if (status == 401) return Reply(401, "Unauthorized", "{\"code\":\"7001\",\"message\":\"Unauthorized\"}");
            if (status == 503) return Reply(503, "Service Unavailable", "{\"code\":\"7006\",\"message\":\"Try later\"}", "Retry-After: 2\r\n");
            return Reply(status, "Answer", _otherBody);
        }

        private static string Reply(int status, string phrase, string body, string headers = "", string contentType = "application/json")
        {
            return "HTTP/1.1 " + status + " " + phrase + "\r\n" + headers + "Content-Type: " + contentType + "\r\nContent-Length: " +
                Encoding.UTF8.GetByteCount(body) + "\r\n\r\n" + body;
        }

        private static string ReadHead(Stream stream)
        {
            var head = new StringBuilder();
            while (true)
            {
                var b = stream.ReadByte();
                if (b < 0) return null;
                head.Append((char)b);
                if (head.Length >= 4 && head[head.Length - 1] == '\n' && head.ToString(head.Length - 4, 4) == "\r\n\r\n")
                    return head.ToString();
            }
        }

        public void Dispose() { _listener.Stop(); }
    }
}
'@
}
