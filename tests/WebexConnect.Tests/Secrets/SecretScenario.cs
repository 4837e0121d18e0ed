using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using WebexConnect.Engine;
using WebexConnect.Engine.Sandbox;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sandbox.Host;
using WebexConnect.Sending;
using WebexConnect.Tests.Diagnostics;
using Xunit;
using static WebexConnect.Tests.Diagnostics.EngineRun;
using static WebexConnect.Tests.Secrets.SecretScenario;

namespace WebexConnect.Tests.Secrets
{
    /// <summary>
    /// Reliability item 4: full sends with every auth mode, faults injected and diagnostics on; every result,
    /// diagnostic line, error, session view and sandbox record is scanned for the service key, the secret
    /// (as given, decoded, hex) and every JWT that travelled (whole and its signature). A relay between the
    /// client and the sandbox records what was really sent, so the scan looks for the real tokens.
    /// </summary>
    internal static class SecretScenario
    {
        public const string ServiceKey = "sk-3f9c1e7a5b2d4c6e8a0f1b3d5c7e9a2b";
        public const string WrongKey = "sk-0a9b8c7d6e5f40312f1e0d9c8b7a6954";
        public const string ServiceId = "svc-leak-scan";
        public static readonly string ServiceSecret = Convert.ToBase64String(Encoding.UTF8.GetBytes("jwt-signing-secret-for-the-leak-scan-42"));
        public static readonly string WrongSecret = Convert.ToBase64String(Encoding.UTF8.GetBytes("another-secret-the-tenant-never-issued!"));

        /// <summary>30 rows in batches of 10 (TPS 10), row 7 a number the service refuses (400 → bisection).</summary>
        public static List<Recipient> Rows()
        {
            var rows = Enumerable.Range(1, 30).Select(Person).ToList();
            rows[6] = new Recipient("7000", "row-7", new Dictionary<string, string> { ["Name"] = "Bad number" });
            return rows;
        }

        /// <summary>Faults that are safe to retry (and a refused token, for JWT): the run still queues every good row.</summary>
        public static void InjectRetriedFaults(SandboxServer server, bool withUnauthorized)
        {
            if (withUnauthorized) server.Faults.Enqueue(SandboxFault.Status(401));
            server.Faults.Enqueue(SandboxFault.Status(429, "1"));
            server.Faults.Enqueue(SandboxFault.Status(503));
        }

        /// <summary>Faults after which the request may have been accepted: Unknown, or resent with ResendAmbiguous.</summary>
        public static void InjectAmbiguousFaults(SandboxServer server)
        {
            server.Faults.Enqueue(SandboxFault.Status(500));
            // Through the relay the body is always handed over before the drop, so this too is ambiguous.
            server.Faults.Enqueue(SandboxFault.DropBeforeBody);
            server.Faults.Enqueue(SandboxFault.DropAfterBody);
            server.Faults.Enqueue(SandboxFault.Status(502));
        }

        /// <summary>
        /// Every fault kind over three runs, each with its own journal in <paramref name="journals"/>: retried,
        /// ambiguous and reported, ambiguous and resent.
        /// </summary>
        public static List<EngineRun> SendThroughFaults(ConnectSession session, SandboxServer server, bool jwt, string journals)
        {
            InjectRetriedFaults(server, withUnauthorized: jwt);
            var retried = Send(session.Engine, Rows(), Journaled(journals, "retried"));
            Assert.Equal(0, server.Faults.Pending);
            // Four requests, one fault each: each ends Unknown, not resent.
            InjectAmbiguousFaults(server);
            var reported = Send(session.Engine, Enumerable.Range(1, 40).Select(Person), Journaled(journals, "reported"));
            Assert.Equal(0, server.Faults.Pending);
            server.Faults.Enqueue(SandboxFault.Status(500));
            server.Faults.Enqueue(SandboxFault.DropAfterBody);
            var resent = Send(session.Engine, Enumerable.Range(1, 10).Select(Person),
                new DispatchOptions { ResendAmbiguous = true, JournalPath = Path.Combine(journals, "resent.journal") });
            Assert.Equal(0, server.Faults.Pending);

            Assert.Null(retried.Failure);
            Assert.Equal(SendStatus.Rejected, retried.Results[6].Status);
            Assert.Equal(29, retried.Results.Count(r => r.Status == SendStatus.Queued));
            Assert.Contains(retried.Diagnostics, d => d.Message.Contains("(Retry-After)"));
            // Counted in requests, not rows: a session whose first answer took over 100 ms (a busy machine) sends tenths of
            // the TPS, one row a request here, so the four faults meet 4 rows instead of 40. A drop before the body may count
            // as a failed connection instead (retried, then Queued). Each request's rows share its fate.
            Assert.All(reported.Results, r => Assert.Contains(r.Status, new[] { SendStatus.Unknown, SendStatus.Queued }));
            Assert.All(reported.Results.GroupBy(r => r.Batch), request => Assert.Single(request.Select(r => r.Status).Distinct()));
            Assert.InRange(reported.Results.Where(r => r.Status == SendStatus.Unknown).Select(r => r.Batch).Distinct().Count(), 3, 4);
            Assert.Null(resent.Failure);
            Assert.Contains(resent.Diagnostics, d => d.Message.Contains("(backoff)"));
            return new List<EngineRun> { retried, reported, resent };
        }

        private static DispatchOptions Journaled(string folder, string name) =>
            new DispatchOptions { JournalPath = Path.Combine(folder, name + ".journal") };

        /// <summary>A fresh folder for a test's journal files.</summary>
        public static string JournalFolder()
        {
            var folder = Path.Combine(Path.GetTempPath(), "webexconnect-secrets-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return folder;
        }

        /// <summary>Every file the runs left in the folder, whole.</summary>
        public static void CollectJournals(LeakScanner scan, string folder)
        {
            var files = Directory.GetFiles(folder);
            Assert.Equal(3, files.Length);
            foreach (var file in files)
            {
                Assert.True(new FileInfo(file).Length > 0, Path.GetFileName(file) + " is empty");
                scan.File("journal " + Path.GetFileName(file), file);
            }
        }

        public static ConnectSession Connect(ConnectionSettings settings) =>
            ConnectSession.Open(new ConnectEngine(), settings, DateTimeOffset.Now);

        public static void Collect(LeakScanner scan, string name, EngineRun run)
        {
            for (var i = 0; i < run.Results.Count; i++) scan.Object(name + " result " + i, run.Results[i]);
            scan.Diagnostics(name, run.Diagnostics);
            scan.Exception(name, run.Failure);
        }

        public static void CollectSession(LeakScanner scan, ConnectSession session, LoopbackSandboxHost host)
        {
            scan.Object("session", session);
            scan.Text("Connect-WebexConnect -Verbose", ConnectionDiagnostics.Describe(session));
            foreach (var request in host.Server.Requests) scan.Object("sandbox request " + request.Number, request);
            foreach (var request in session.Engine.SandboxRequests) scan.Object("session sandbox request " + request.Number, request);
            foreach (var receipt in host.Server.Receipts) scan.Text("sandbox receipt", receipt);
        }

    }
}
