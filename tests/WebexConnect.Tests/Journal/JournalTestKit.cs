using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine;
using WebexConnect.Engine.Dispatch;
using WebexConnect.Engine.Journal;
using WebexConnect.Engine.Payload;
using WebexConnect.Engine.Sandbox;
using WebexConnect.Engine.Transport;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sandbox.Host;
using WebexConnect.Sending;
using WebexConnect.Tests.Dispatch;
using static WebexConnect.Tests.TestSecrets;

namespace WebexConnect.Tests.Journal
{
    /// <summary>A folder of its own per test, removed afterwards.</summary>
    internal sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wxc-journal-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a failed test: the OS cleans the temp folder.
            }
        }
    }

    internal static class JournalKit
    {
        public static readonly SmsMessage Greeting = new SmsMessage { From = "ACME", Text = "Hi $(Name), order $(Order) shipped." };

        public static string Number(int i) => "+4477009" + i.ToString("00000", System.Globalization.CultureInfo.InvariantCulture);

        public static Recipient Person(int i) => new Recipient(Number(i), "row-" + i,
            new Dictionary<string, string> { ["Name"] = "Person " + i, ["Order"] = "A-" + i });

        /// <summary>Sends rows first..last (inputObject = row) through a dispatcher and returns every result.</summary>
        public static List<SendResult> Send(IDispatcher dispatcher, IEnumerable<int> rows, ConnectMessage? message = null)
        {
            var results = new List<SendResult>();
            foreach (var i in rows)
            {
                dispatcher.Add(new DispatchItem(message ?? Greeting, Person(i), inputObject: i));
                results.AddRange(dispatcher.TakeReady());
            }

            results.AddRange(dispatcher.Complete());
            return results;
        }

        public static List<SendResult> Run(IEngineSession session, string journal, IEnumerable<int> rows, ConnectMessage? message = null,
            bool resendUnknown = false, bool skipChanged = false)
        {
            using var dispatcher = session.CreateDispatcher(
                new DispatchOptions { JournalPath = journal, ResendAmbiguous = resendUnknown, SkipChanged = skipChanged }, CancellationToken.None);
            return Send(dispatcher, rows, message);
        }

        /// <summary>A dispatcher with the journal over a fake transport (no HTTP), as EngineParts wires it.</summary>
        public static IDispatcher OverFake(IBatchTransport transport, string journal, bool resendUnknown = false,
            CancellationToken cancellation = default, bool skipChanged = false)
        {
            var options = new DispatchOptions { JournalPath = journal, ResendAmbiguous = resendUnknown, SkipChanged = skipChanged, MaxConcurrentRequests = 2 };
            return JournalingDispatcher.Create(options, transport, MessageShape.Of,
                t => new Dispatcher(t, new OpenGate(100), MessageShape.Of, options, cancellation));
        }

        public static async Task<(LoopbackSandboxHost Host, IEngineSession Session)> LoopbackAsync(SandboxOptions? options = null)
        {
            var host = await LoopbackSandboxHost.StartAsync(options ?? new SandboxOptions { ServiceKey = "journal-key", Tps = 1000 });
            var session = new ConnectEngine().Open(new ConnectionSettings
            {
                AuthMode = ConnectAuthMode.ServiceKey,
                ServiceKey = Secure("journal-key"),
                BaseUri = host.BaseUri,
                Tps = options?.Tps ?? 1000,
            });
            return (host, session);
        }

        public static IEnumerable<int> Rows(int first, int count) => Enumerable.Range(first, count);

        /// <summary>The journal's lines as text, read while the file may still be open.</summary>
        public static string[] Lines(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries);
        }

    }

    /// <summary>Answers each recipient with the status the test chose for its row (by correlation ID "row-N").</summary>
    internal sealed class ScriptedTransport : IBatchTransport
    {
        private readonly Func<int, SendStatus> _statusOf;
        private int _sent;

        public ScriptedTransport(Func<int, SendStatus> statusOf) => _statusOf = statusOf;

        /// <summary>Rows of every batch that reached this transport, in the order they arrived.</summary>
        public List<int> SentRows { get; } = new List<int>();

        public int Sent => Volatile.Read(ref _sent);

        public Task<BatchOutcome> SendAsync(OutgoingBatch batch, CancellationToken cancellationToken)
        {
            var outcomes = new List<DestinationOutcome>();
            lock (SentRows)
            {
                foreach (var recipient in batch.Recipients)
                {
                    var row = int.Parse(recipient.CorrelationId!.Substring(4), System.Globalization.CultureInfo.InvariantCulture);
                    SentRows.Add(row);
                    outcomes.Add(new DestinationOutcome { Status = _statusOf(row), Code = "test", Attempts = 1 });
                }
            }

            Interlocked.Add(ref _sent, batch.Recipients.Count);
            return Task.FromResult(new BatchOutcome(outcomes));
        }
    }
}
