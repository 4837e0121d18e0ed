using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine;
using WebexConnect.Engine.Sandbox;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sandbox.Host;
using WebexConnect.Sending;
using static WebexConnect.Tests.TestSecrets;

namespace WebexConnect.Tests.Faults
{
    /// <summary>
    /// A loopback sandbox and an engine session pointed at it with a service key, as Connect-WebexConnect
    /// would open one: the real HttpClient, credential, rate gate, transport and dispatcher.
    /// </summary>
    internal sealed class FaultBench : IAsyncDisposable
    {
        public const string Key = "fault-suite-key";

        private static readonly SmsMessage Notice = new SmsMessage { From = "ACME", Text = "Hello $(Name), your order shipped." };

        private FaultBench(LoopbackSandboxHost host, IEngineSession session)
        {
            Host = host;
            Session = session;
        }

        public LoopbackSandboxHost Host { get; }
        public IEngineSession Session { get; }
        public SandboxServer Server => Host.Server;

        /// <param name="tps">The tenant's TPS, told to both sides; batches hold up to a second of it (RateGate.BatchSizeFor).</param>
        public static async Task<FaultBench> StartAsync(int tps, TimeSpan? requestTimeout = null, Action<SandboxOptions>? configure = null)
        {
            var options = new SandboxOptions { ServiceKey = Key, Tps = tps };
            configure?.Invoke(options);
            var host = await LoopbackSandboxHost.StartAsync(options);
            return new FaultBench(host, OpenSession(host, tps, requestTimeout));
        }

        /// <summary>A session as a fresh PowerShell process would open one against the host.</summary>
        public static IEngineSession OpenSession(LoopbackSandboxHost host, int tps, TimeSpan? requestTimeout = null) =>
            new ConnectEngine().Open(new ConnectionSettings
            {
                AuthMode = ConnectAuthMode.ServiceKey,
                ServiceKey = Secure(Key),
                BaseUri = host.BaseUri,
                Tps = tps,
                RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30),
            });

        /// <summary>Row i (1-based): its own number and correlationId, so the server's records name it.</summary>
        public static Recipient Row(int i) => new Recipient(Address(i), CorrelationOf(i),
            new Dictionary<string, string> { ["Name"] = "Person " + i });

        public static string Address(int i) => "+4477009" + i.ToString("00000", System.Globalization.CultureInfo.InvariantCulture);

        public static string CorrelationOf(int i) => "row-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>Sends rows 1..count the way a send cmdlet does: Add and TakeReady per record, then Complete.</summary>
        public List<SendResult> Send(int count, DispatchOptions? options = null) => Send(1, count, options);

        /// <summary>Sends rows first..first+count-1 as one run.</summary>
        public List<SendResult> Send(int first, int count, DispatchOptions? options = null) =>
            Drive(Session.CreateDispatcher(options ?? new DispatchOptions(), CancellationToken.None), first, count);

        public static DispatchItem Item(int row) => new DispatchItem(Notice, Row(row), inputObject: row);

        public static List<SendResult> Drive(IDispatcher dispatcher, int first, int count)
        {
            using (dispatcher)
            {
                var results = new List<SendResult>(count);
                for (var i = first; i < first + count; i++)
                {
                    dispatcher.Add(Item(i));
                    results.AddRange(dispatcher.TakeReady());
                }

                results.AddRange(dispatcher.Complete());
                return results;
            }
        }

        /// <summary>
        /// The promise every fault must keep: one result per row, in input order; nothing accepted twice;
        /// Queued ⇔ the server accepted it (once); Failed and Rejected ⇔ the server never accepted it.
        /// Unknown may be either: it says so.
        /// </summary>
        public static void AssertExactlyOnceAndTruthful(IReadOnlyList<SendResult> results, int count, SandboxServer server)
        {
            Xunit.Assert.Equal(count, results.Count);
            Xunit.Assert.Equal(Enumerable.Range(1, count), results.Select(r => (int)r.InputObject!));
            Xunit.Assert.Equal(Enumerable.Range(1, count).Select(CorrelationOf), results.Select(r => r.CorrelationId));

            var duplicates = server.AcceptedDestinations.Duplicates();
            Xunit.Assert.True(duplicates.Count == 0,
                "Accepted more than once: " + string.Join(", ", duplicates.Take(10).Select(d => d.CorrelationId + " ×" + d.Count)));

            var accepted = server.Requests.Where(r => r.MessageId != null).Select(r => r.MessageId).ToHashSet();
            var lies = new List<string>();
            for (var i = 1; i <= count; i++)
            {
                var result = results[i - 1];
                var times = server.AcceptedDestinations.CountOf(Address(i), CorrelationOf(i));
                var truthful = result.Status switch
                {
                    SendStatus.Queued or SendStatus.Scheduled => times == 1 && accepted.Contains(result.MessageId),
                    // Only a journal re-run skips: an earlier run had it accepted.
                    SendStatus.Skipped => times == 1,
                    // Failed tells the user a resend is safe: it must be.
                    SendStatus.Failed => times == 0 && (result.Reason ?? "").Contains("Safe to send again", StringComparison.Ordinal),
                    SendStatus.Rejected => times == 0,
                    SendStatus.Unknown => times <= 1 && !string.IsNullOrEmpty(result.Reason),
                    _ => false,
                };
                if (!truthful) lies.Add($"row {i}: {result.Status} ({result.Code}: {result.Reason}) but accepted {times}×");
            }

            Xunit.Assert.True(lies.Count == 0, lies.Count + " untruthful results: " + string.Join("; ", lies.Take(10)));
        }

        /// <summary>The rows a recorded request carried, read from its body's correlationIds.</summary>
        public static IReadOnlyList<int> RowsOf(SandboxRequest request) =>
            Regex.Matches(request.Body, "\"correlationId\":\"row-(\\d+)\"")
                .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        /// <summary>The recorded requests of the batch that starts at a row, in order of arrival.</summary>
        public IReadOnlyList<SandboxRequest> RequestsStartingAt(int firstRow) =>
            Server.Requests.Where(r => RowsOf(r).FirstOrDefault() == firstRow).ToList();

        public async ValueTask DisposeAsync()
        {
            Session.Dispose();
            await Host.DisposeAsync();
        }
    }
}
