using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Net472Smoke
{
    /// <summary>Connect-WebexConnect -Sandbox, then the three send cmdlets and -PayloadOnly.</summary>
    internal static class SandboxChecks
    {
        private const int Rows = 1000;

        public static void Run(Report report, IConnectEngine engine, string fixtures)
        {
            report.Run("sandbox-sms-1000", () =>
            {
                using (var session = engine.Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox, Tps = 500 }))
                {
                    var clock = Stopwatch.StartNew();
                    var results = Runs.Send(session, SmokeSamples.Sms, Runs.People(Rows));
                    clock.Stop();
                    var problem = Runs.OrderProblem(results, Rows);
                    if (problem != null) return (false, problem);
                    if (results.Any(r => r.Status != SendStatus.Queued)) return (false, Runs.Statuses(results));
                    if (results.Any(r => string.IsNullOrEmpty(r.MessageId))) return (false, "a Queued result has no message ID");
                    var requests = session.SandboxRequests;
                    var accepted = requests.Where(r => r.StatusCode == 201).Sum(r => r.DestinationCount);
                    if (accepted != Rows) return (false, "the sandbox accepted " + accepted + " destinations");
                    // Each row's own three substitutions travelled with its number (requests arrive in any order).
                    var bodies = string.Concat(requests.Select(r => r.Body));
                    for (var row = 1; row <= Rows; row++)
                    {
                        var p = SmokeSamples.Person(row);
                        var fragment = "{\"msisdn\":[\"" + p.Addresses[0] + "\"],\"correlationId\":\"" + p.CorrelationId + "\",\"substitutions\":{\"Name\":\""
                            + p.Substitutions["Name"] + "\",\"Order\":\"" + p.Substitutions["Order"] + "\",\"City\":\"" + p.Substitutions["City"] + "\"}}";
                        if (bodies.IndexOf(fragment, StringComparison.Ordinal) < 0) return (false, "row " + row + "'s destination with its substitutions is in no request body");
                    }
                    return (true, Rows + " Queued in input order, each with its 3 substitutions on the wire, " + requests.Count + " requests, " + clock.ElapsedMilliseconds + " ms");
                }
            });

            report.Run("sandbox-email", () => SendOne(engine, new EmailMessage
            {
                From = "news@example.com",
                FromName = "ACME News",
                Subject = "Smoke test for $(Name)",
                Text = "Hello $(Name), this is the net472 smoke run.",
            }, new Recipient("alex@example.com", "mail-1", new System.Collections.Generic.Dictionary<string, string> { ["Name"] = "Alex" }), "email"));

            report.Run("sandbox-rcs", () => SendOne(engine, new RcsMessage
            {
                From = "smoke-rcs-app",
                ContentType = RcsContentType.Text,
                Text = "Hello from the net472 smoke run",
            }, new Recipient("+447700900123", "rcs-1"), "rcs"));

            // Send-ConnectMessage's road on .NET Framework: the engine reads the JSON the admin wrote (System.Text.Json
            // from dependencies/), sends it as written on a channel the typed messages do not have, and refuses broken JSON.
            report.Run("sandbox-whatsapp-raw-content", () =>
            {
                var content = engine.NormalizeJson("{ \"type\": \"text\", \"text\": \"Hi $(Name) \\u00e9\" }");
                var broken = false;
                try
                {
                    engine.NormalizeJson("{ \"type\": ");
                }
                catch (FormatException)
                {
                    broken = true;
                }
                if (!broken) return (false, "broken JSON was not refused");
                if (content != "{\"type\":\"text\",\"text\":\"Hi $(Name) \u00e9\"}") return (false, "content normalised to " + content);
                return SendOne(engine, new RawMessage("whatsapp") { From = "wa-app", Content = content },
                    new Recipient("+447700900124", "wa-1", new System.Collections.Generic.Dictionary<string, string> { ["Name"] = "Ann" }), "whatsapp");
            });

            report.Run("sandbox-journal-rerun-skips", () =>
            {
                var folder = Path.Combine(Path.GetTempPath(), "webexconnect-smoke-" + Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(folder);
                try
                {
                    var journal = Path.Combine(folder, "run.journal");
                    using (var session = engine.Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox, Tps = 100 }))
                    {
                        var first = Runs.Send(session, SmokeSamples.Sms, Runs.People(50), journal);
                        var requestsAfterFirst = session.SandboxRequests.Count;
                        var second = Runs.Send(session, SmokeSamples.Sms, Runs.People(50), journal);
                        var ok = first.Count == 50 && first.All(r => r.Status == SendStatus.Queued)
                            && second.Count == 50 && second.All(r => r.Status == SendStatus.Skipped)
                            && Runs.OrderProblem(second, 50) == null && session.SandboxRequests.Count == requestsAfterFirst;
                        return (ok, "first run " + Runs.Statuses(first) + "; re-run " + Runs.Statuses(second) + ", "
                            + (session.SandboxRequests.Count - requestsAfterFirst) + " new requests; journal " + new FileInfo(journal).Length + " bytes");
                    }
                }
                finally
                {
                    Directory.Delete(folder, recursive: true);
                }
            });

            report.Run("payload-only-matches-net8", () =>
            {
                var path = Path.Combine(fixtures, SmokeSamples.PayloadFixtureName);
                var expected = SmokeSamples.NormaliseNewLines(File.ReadAllText(path));
                var actual = SmokeSamples.NormaliseNewLines(engine.RenderPayload(SmokeSamples.PayloadSms, new[] { SmokeSamples.PayloadRecipient }));
                if (actual == expected) return (true, "identical to " + SmokeSamples.PayloadFixtureName + " (" + actual.Length + " chars)");
                var at = 0;
                while (at < actual.Length && at < expected.Length && actual[at] == expected[at]) at++;
                return (false, "differs at char " + at + ": net472 \"" + Around(actual, at) + "\" vs net8 \"" + Around(expected, at) + "\"");
            });
        }

        private static (bool, string) SendOne(IConnectEngine engine, ConnectMessage message, Recipient recipient, string channel)
        {
            using (var session = engine.Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox, Tps = 10 }))
            {
                var results = Runs.Send(session, message, new[] { recipient });
                var requests = session.SandboxRequests;
                var ok = results.Count == 1 && results[0].Status == SendStatus.Queued && results[0].Destination == recipient.Addresses[0]
                    && requests.Count == 1 && requests[0].Channel == channel && requests[0].StatusCode == 201;
                return (ok, Runs.Statuses(results) + "; sandbox saw " + string.Join(", ", requests.Select(r => r.Channel + " " + r.StatusCode + (r.Code is null ? "" : " " + r.Code))));
            }
        }

        private static string Around(string text, int at)
        {
            var start = Math.Max(0, at - 20);
            return text.Substring(start, Math.Min(text.Length - start, 40)).Replace("\n", "\\n");
        }
    }
}
