using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Net472Smoke
{
    /// <summary>
    /// Real HTTP to a loopback fake of the API: the .NET Framework HttpClientHandler, TLS/proxy setup (plain http is
    /// allowed to loopback only), the JWT and key headers, Retry-After, and how failures are classified.
    /// </summary>
    internal static class EndpointChecks
    {
        private const string Key = "smoke-service-key";

        public static void Run(Report report, IConnectEngine engine)
        {
            report.Run("http-jwt-201", () =>
            {
                const int rows = 250;
                using (var api = FakeApi.Start(r => TokenIsValid(r) ? Answer.Created(Guid.NewGuid().ToString()) : Answer.Error(401, "7001", "Invalid token")))
                using (var session = engine.Open(new ConnectionSettings
                {
                    AuthMode = ConnectAuthMode.Jwt,
                    ServiceId = "svc-smoke",
                    ServiceSecret = Runs.Secure(JwtChecks.Secret),
                    BaseUri = api.BaseUri,
                    Tps = 100,
                }))
                {
                    var results = Runs.Send(session, SmokeSamples.Sms, Runs.People(rows));
                    var received = api.Received;
                    var problem = Runs.OrderProblem(results, rows);
                    if (problem != null) return (false, problem);
                    if (results.Any(r => r.Status != SendStatus.Queued)) return (false, Runs.Statuses(results) + " " + results.First(r => r.Status != SendStatus.Queued).Reason);
                    var addresses = received.SelectMany(r => r.Addresses).ToList();
                    if (addresses.Count != rows || addresses.Distinct().Count() != rows)
                        return (false, "the server received " + addresses.Count + " destinations, " + addresses.Distinct().Count() + " distinct");
                    var wrong = received.FirstOrDefault(r => !(r.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
                        || !(r.UserAgent ?? "").StartsWith("WebexConnect/", StringComparison.Ordinal) || r.Key != null);
                    if (wrong != null) return (false, "request " + wrong.Number + ": Content-Type " + wrong.ContentType + ", User-Agent " + wrong.UserAgent + (wrong.Key != null ? ", a key header" : ""));
                    // Each row's message ID is the one the server answered to the request that carried its number.
                    var idByAddress = new Dictionary<string, string?>();
                    foreach (var r in received)
                        foreach (var a in r.Addresses) idByAddress[a] = r.MessageIdAnswered;
                    var mismatch = results.FirstOrDefault(r => r.MessageId != idByAddress[r.Destination]);
                    if (mismatch != null) return (false, "row " + mismatch.InputObject + " has message ID " + mismatch.MessageId + ", not the one its request got");
                    return (true, rows + " Queued in order over " + received.Count + " requests with a valid Bearer JWT; each number received once; message IDs match");
                }
            });

            report.Run("http-429-retry-after", () =>
            {
                using (var api = FakeApi.Start(r => r.Number == 1 ? Answer.Error(429, "7020", "TPS exceeded", retryAfter: "1") : Answer.Created(Guid.NewGuid().ToString())))
                using (var session = KeySession(engine, api))
                {
                    var results = Runs.Send(session, SmokeSamples.Sms, Runs.People(3));
                    var received = api.Received;
                    if (results.Any(r => r.Status != SendStatus.Queued || r.Attempts != 2))
                        return (false, Runs.Statuses(results) + ", attempts " + string.Join("/", results.Select(r => r.Attempts)));
                    if (received.Count != 2) return (false, received.Count + " requests, expected 2");
                    var gap = received[1].At - received[0].At;
                    if (gap < TimeSpan.FromMilliseconds(900)) return (false, "resent after " + gap.TotalMilliseconds + " ms, before Retry-After: 1");
                    if (received.Any(r => r.Key != Key)) return (false, "a request lacked the key header");
                    return (true, "429 then 201: 3 Queued after 2 attempts, resent after " + (int)gap.TotalMilliseconds + " ms (Retry-After: 1)");
                }
            });

            report.Run("http-500-unknown-not-retried", () =>
            {
                using (var api = FakeApi.Start(r => Answer.Error(500, "7006", "Internal error")))
                using (var session = KeySession(engine, api))
                {
                    var results = Runs.Send(session, SmokeSamples.Sms, Runs.People(2));
                    Thread.Sleep(1500); // a resend would arrive within the first backoff (0.5 s + jitter)
                    var received = api.Received;
                    var ok = results.Count == 2 && results.All(r => r.Status == SendStatus.Unknown && r.Attempts == 1) && received.Count == 1;
                    return (ok, Runs.Statuses(results) + ", " + received.Count + " request(s): " + results.FirstOrDefault()?.Reason);
                }
            });

            report.Run("http-dropped-after-body-unknown", () =>
            {
                using (var server = new DroppingServer())
                using (var session = engine.Open(new ConnectionSettings { AuthMode = ConnectAuthMode.ServiceKey, ServiceKey = Runs.Secure(Key), BaseUri = server.BaseUri, Tps = 100 }))
                {
                    var results = Runs.Send(session, SmokeSamples.Sms, Runs.People(2));
                    Thread.Sleep(1500); // a resend would arrive within the first backoff (0.5 s + jitter)
                    var ok = results.Count == 2 && results.All(r => r.Status == SendStatus.Unknown && r.Code == "ConnectionLost") && server.Requests == 1;
                    return (ok, Runs.Statuses(results) + ", " + server.Requests + " request(s) read in full: " + results.FirstOrDefault()?.Reason);
                }
            });

            report.Run("http-redirect-not-followed", () =>
            {
                // A followed redirect would carry the key header to another host.
                using (var elsewhere = FakeApi.Start(r => Answer.Created(Guid.NewGuid().ToString())))
                using (var api = FakeApi.Start(r => Answer.Redirect(new Uri(elsewhere.BaseUri, "v2/messages"))))
                using (var session = KeySession(engine, api))
                {
                    var results = Runs.Send(session, SmokeSamples.Sms, Runs.People(2));
                    var ok = results.Count == 2 && results.All(r => r.Status == SendStatus.Rejected && r.Code == "307")
                        && api.Received.Count == 1 && elsewhere.Received.Count == 0;
                    return (ok, Runs.Statuses(results) + "; redirect target got " + elsewhere.Received.Count + " request(s): " + results.FirstOrDefault()?.Reason);
                }
            });

            report.Run("http-400-iso-8859-1-reason", () =>
            {
                // The service may label its JSON ISO-8859-1; the reason must read as written, not as mojibake.
                const string message = "Ung\u00fcltige Nachricht \u00a3 \u00e9";
                using (var api = FakeApi.Start(r => Answer.Error(400, "7011", message, charset: "ISO-8859-1")))
                using (var session = KeySession(engine, api))
                {
                    var results = Runs.Send(session, SmokeSamples.Sms, Runs.People(1));
                    var ok = results.Count == 1 && results[0].Status == SendStatus.Rejected && results[0].Code == "7011"
                        && (results[0].Reason ?? "").Contains(message) && api.Received.Count == 1;
                    return (ok, Runs.Statuses(results) + ": " + results.FirstOrDefault()?.Reason);
                }
            });

            report.Run("http-timeout-unknown-not-retried", () =>
            {
                using (var server = new DroppingServer(hang: true))
                using (var session = engine.Open(new ConnectionSettings
                {
                    AuthMode = ConnectAuthMode.ServiceKey,
                    ServiceKey = Runs.Secure(Key),
                    BaseUri = server.BaseUri,
                    Tps = 100,
                    RequestTimeout = TimeSpan.FromSeconds(2),
                }))
                {
                    var clock = Stopwatch.StartNew();
                    var results = Runs.Send(session, SmokeSamples.Sms, Runs.People(2));
                    var elapsed = clock.Elapsed;
                    Thread.Sleep(1500);
                    var ok = results.Count == 2 && results.All(r => r.Status == SendStatus.Unknown && r.Code == "Timeout" && r.Attempts == 1)
                        && server.Requests == 1 && elapsed >= TimeSpan.FromSeconds(1.5) && elapsed < TimeSpan.FromSeconds(30);
                    return (ok, Runs.Statuses(results) + " after " + (int)elapsed.TotalMilliseconds + " ms, " + server.Requests + " request(s): " + results.FirstOrDefault()?.Reason);
                }
            });

            report.Run("tls12-added-to-windows-powershell-default", () =>
            {
                var original = ServicePointManager.SecurityProtocol;
                try
                {
                    // powershell.exe 5.1 starts with SSL3/TLS 1.0 unless the machine opts in to strong crypto; SSL3 is
                    // left out here because Mono refuses to set it.
                    ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;
                    using (engine.Open(new ConnectionSettings { AuthMode = ConnectAuthMode.ServiceKey, ServiceKey = Runs.Secure(Key) }))
                    {
                        var after = ServicePointManager.SecurityProtocol;
                        ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
                        using (engine.Open(new ConnectionSettings { AuthMode = ConnectAuthMode.ServiceKey, ServiceKey = Runs.Secure(Key) }))
                        {
                            var system = ServicePointManager.SecurityProtocol;
                            var ok = after == (SecurityProtocolType.Tls | SecurityProtocolType.Tls12) && system == SecurityProtocolType.SystemDefault;
                            return (ok, "Tls became " + after + "; SystemDefault stayed " + system);
                        }
                    }
                }
                finally
                {
                    ServicePointManager.SecurityProtocol = original;
                }
            });

            report.Run("service-point-recycles-connections", () =>
            {
                // .NET Framework pools HttpClientHandler connections per ServicePoint: 2 connections, 100 s idle and
                // never recycled unless told. The net8.0 handler keeps 1 min idle and 5 min lifetime (DNS failover), and
                // sends without Nagle's delay (a POST's body waited up to 200 ms for the ACK of its headers).
                var api = new Uri("https://api.eu.webexconnect.io/");
                // .NET Framework's documented default; Mono's is off, which would let this check pass untested.
                ServicePointManager.UseNagleAlgorithm = true;
                ServicePointManager.FindServicePoint(api).UseNagleAlgorithm = true;
                using (engine.Open(new ConnectionSettings { AuthMode = ConnectAuthMode.ServiceKey, ServiceKey = Runs.Secure(Key), BaseUri = api }))
                {
                    var point = ServicePointManager.FindServicePoint(api);
                    var ok = point.ConnectionLimit == 16 && point.MaxIdleTime == 60000 && point.ConnectionLeaseTimeout == 300000 && !point.UseNagleAlgorithm;
                    return (ok, "ConnectionLimit " + point.ConnectionLimit + ", MaxIdleTime " + point.MaxIdleTime + " ms, ConnectionLeaseTimeout " +
                        point.ConnectionLeaseTimeout + " ms, UseNagleAlgorithm " + point.UseNagleAlgorithm);
                }
            });

            report.Run("http-refused-stops-the-run-unreachable", () =>
            {
                var closed = new Uri("http://127.0.0.1:" + FakeApi.FreePort() + "/");
                using (var session = engine.Open(new ConnectionSettings { AuthMode = ConnectAuthMode.ServiceKey, ServiceKey = Runs.Secure(Key), BaseUri = closed, Tps = 10 }))
                {
                    var clock = Stopwatch.StartNew();
                    try
                    {
                        var results = Runs.Send(session, SmokeSamples.Sms, Runs.People(1));
                        return (false, "no failure: " + Runs.Statuses(results));
                    }
                    catch (SessionFailureException failure)
                    {
                        // Retried (the WebException classification says the body never left), then the run stops: nothing reached the service.
                        var ok = failure.ErrorId == "ServiceUnreachable" && failure.Message.Contains("could not connect to 127.0.0.1") &&
                            !failure.Message.Contains("(1 attempt)");
                        return (ok, failure.ErrorId + " after " + clock.ElapsedMilliseconds + " ms: " + failure.Message);
                    }
                }
            });
        }

        private static IEngineSession KeySession(IConnectEngine engine, FakeApi api) => engine.Open(new ConnectionSettings
        {
            AuthMode = ConnectAuthMode.ServiceKey,
            ServiceKey = Runs.Secure(Key),
            BaseUri = api.BaseUri,
            Tps = 100,
        });

        private static bool TokenIsValid(Received request)
        {
            var auth = request.Authorization;
            if (auth is null || !auth.StartsWith("Bearer ", StringComparison.Ordinal)) return false;
            var jwt = Jwt.Decode(auth.Substring("Bearer ".Length), JwtChecks.SecretBytes);
            return jwt != null && jwt.SignatureValid && jwt.Text(jwt.Payload, "iss") == "svc-smoke";
        }
    }
}
