using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;

namespace WebexConnect.Net472Smoke
{
    /// <summary>One request as the fake API received it.</summary>
    internal sealed class Received
    {
        public int Number { get; set; }
        public TimeSpan At { get; set; }
        public string Method { get; set; } = "";
        public string Path { get; set; } = "";
        public string? Key { get; set; }
        public string? Authorization { get; set; }
        public string? ContentType { get; set; }
        public string? UserAgent { get; set; }
        public string Body { get; set; } = "";
        public IReadOnlyList<string> Addresses { get; set; } = new string[0];
        public string? MessageIdAnswered { get; set; }
    }

    /// <summary>What the fake API answers to one request.</summary>
    internal sealed class Answer
    {
        public int Status { get; private set; }
        public string? Body { get; private set; }
        public string? RetryAfter { get; private set; }
        public string? Location { get; private set; }
        public string Charset { get; private set; } = "utf-8";

        /// <summary>201 with one messageId for the request (API.md: one per request, whatever the destinations).</summary>
        public static Answer Created(string messageId) => new Answer
        {
            Status = 201,
            Body = "{\"requestTimestamp\":\"" + DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture) +
                   "\",\"messageId\":\"" + messageId + "\",\"correlationId\":\"\",\"status\":\"queued\"}",
        };

        public static Answer Error(int status, string code, string message, string? retryAfter = null, string charset = "utf-8") => new Answer
        {
            Status = status,
            Body = "{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}",
            RetryAfter = retryAfter,
            Charset = charset,
        };

        public static Answer Redirect(Uri location) => new Answer { Status = 307, Location = location.ToString() };
    }

    /// <summary>
    /// POST /v2/messages on 127.0.0.1 with System.Net.HttpListener, answering from a script. Real sockets, real
    /// HTTP: the module's HttpClientHandler talks to it exactly as to the service.
    /// </summary>
    internal sealed class FakeApi : IDisposable
    {
        private static readonly Regex Msisdn = new Regex("\"msisdn\"\\s*:\\s*\\[\\s*\"([^\"]+)\"", RegexOptions.Compiled);
        private readonly HttpListener _listener;
        private readonly Func<Received, Answer> _script;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<Received> _received = new List<Received>();
        private readonly Thread _loop;
        private int _count;

        private FakeApi(HttpListener listener, Uri baseUri, Func<Received, Answer> script)
        {
            _listener = listener;
            BaseUri = baseUri;
            _script = script;
            _loop = new Thread(Loop) { IsBackground = true, Name = "FakeApi" };
            _loop.Start();
        }

        public Uri BaseUri { get; }

        public IReadOnlyList<Received> Received
        {
            get
            {
                lock (_received) return _received.OrderBy(r => r.Number).ToList();
            }
        }

        public static FakeApi Start(Func<Received, Answer> script)
        {
            for (var attempt = 0; ; attempt++)
            {
                var port = FreePort();
                var prefix = "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + "/";
                var listener = new HttpListener();
                listener.Prefixes.Add(prefix);
                try
                {
                    listener.Start();
                    return new FakeApi(listener, new Uri(prefix), script);
                }
                catch (HttpListenerException) when (attempt < 5)
                {
                    listener.Close(); // the free port was taken in between: try another
                }
            }
        }

        /// <summary>A port nothing listens on (the OS picks a free one, which is then released).</summary>
        public static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        private void Loop()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = _listener.GetContext();
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }
                catch (HttpListenerException)
                {
                    return;
                }
                ThreadPool.QueueUserWorkItem(_ => Handle(context));
            }
        }

        private void Handle(HttpListenerContext context)
        {
            var request = context.Request;
            string body;
            using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
                body = reader.ReadToEnd();
            var received = new Received
            {
                Number = Interlocked.Increment(ref _count),
                At = _clock.Elapsed,
                Method = request.HttpMethod,
                Path = request.Url?.AbsolutePath ?? "",
                Key = request.Headers["key"],
                Authorization = request.Headers["Authorization"],
                ContentType = request.ContentType,
                UserAgent = request.UserAgent,
                Body = body,
                Addresses = Msisdn.Matches(body).Cast<Match>().Select(m => m.Groups[1].Value).ToList(),
            };
            Answer answer;
            try
            {
                answer = received.Method == "POST" && received.Path == "/v2/messages"
                    ? _script(received)
                    : Answer.Error(404, "404", "Not found");
            }
            catch (Exception ex)
            {
                answer = Answer.Error(599, "script", ex.Message);
            }
            lock (_received) _received.Add(received);

            var response = context.Response;
            if (answer.Status == 201)
            {
                var m = Regex.Match(answer.Body ?? "", "\"messageId\":\"([^\"]+)\"");
                received.MessageIdAnswered = m.Groups[1].Value;
            }
            response.StatusCode = answer.Status;
            if (answer.RetryAfter != null) response.AddHeader("Retry-After", answer.RetryAfter);
            if (answer.Location != null) response.RedirectLocation = answer.Location;
            var bytes = Encoding.GetEncoding(answer.Charset).GetBytes(answer.Body ?? "");
            response.ContentType = "application/json; charset=" + answer.Charset;
            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes, 0, bytes.Length);
            response.Close();
        }

        public void Dispose()
        {
            try
            {
                _listener.Stop();
                _listener.Close();
            }
            catch (ObjectDisposedException)
            {
            }
            _loop.Join(TimeSpan.FromSeconds(5));
        }
    }
}
