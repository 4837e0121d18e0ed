using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using WebexConnect.Composition;
using WebexConnect.Engine;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.BadInput
{
    /// <summary>
    /// "The good rows in the same run are sent": each corpus file fed, good and bad rows in file order,
    /// through the path a send cmdlet takes (SendRun: MessageChecks, then the engine's dispatcher) to the
    /// in-process sandbox.
    /// </summary>
    public sealed class CorpusRunTests
    {
        public static IEnumerable<object[]> Files() =>
            BadInputCorpus.Cases.Select(c => c.File).Distinct().Select(f => new object[] { f });

        [Theory]
        [MemberData(nameof(Files))]
        public void A_run_over_the_file_reports_every_row_in_order_and_the_sandbox_gets_exactly_the_good_rows(string file)
        {
            var cases = BadInputCorpus.Cases.Where(c => c.File == file).OrderBy(c => c.Row).ToArray();
            using var session = new ConnectEngine().Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox, Tps = 1000 });
            using var dispatcher = session.CreateDispatcher(new DispatchOptions(), CancellationToken.None);
            var run = new SendRun(dispatcher, ComposedRow.Checks(BadInputCorpus.Now));
            var encodings = new SmsEncodingResolver();

            var results = new List<SendResult>();
            foreach (var testCase in cases)
            {
                var row = testCase.Compose();
                // As SendCommandBase.ProcessRecord: check, then reject (keeping the row's place) or send.
                var invalid = run.Check(testCase.Row, row.Message, row.Record, testCase);
                if (invalid != null) run.Reject(invalid);
                else run.Send(testCase.Row, encodings.For(row.Message, row.Recipient), row.Recipient, testCase);
                results.AddRange(run.TakeReady());
            }
            results.AddRange(run.Complete());

            Assert.Equal(cases, results.Select(r => (BadInputCase)r.InputObject!));
            Assert.Equal(cases.Select(c => (long)c.Row), results.Select(r => r.Row));
            foreach (var (testCase, result) in cases.Zip(results, (c, r) => (c, r)))
            {
                if (testCase.IsGood)
                {
                    Assert.True(result.Status == SendStatus.Queued || result.Status == SendStatus.Scheduled,
                        $"{testCase}: expected Queued, got {result.Status} {result.Reason}");
                    if (result.Status == SendStatus.Scheduled) Assert.NotNull(testCase.Compose().Message.SendAt);
                }
                else
                {
                    Assert.True(result.Status == SendStatus.Invalid, $"{testCase}: expected Invalid, got {result.Status}");
                    Assert.StartsWith($"Row {testCase.Row}: ", result.Reason, StringComparison.Ordinal);
                    Assert.Contains(testCase.Field + ": ", result.Reason, StringComparison.Ordinal);
                }
            }

            var goodAddresses = cases.Where(c => c.IsGood).SelectMany(c => c.Compose().Recipient.Addresses);
            Assert.Equal(Sorted(goodAddresses), Sorted(AcceptedAddresses(session.SandboxRequests)));
        }

        /// <summary>The addresses of every request the sandbox accepted, one entry per acceptance.</summary>
        private static IEnumerable<string> AcceptedAddresses(IReadOnlyList<SandboxRequest> requests)
        {
            foreach (var request in requests.Where(r => r.StatusCode >= 200 && r.StatusCode < 300))
            {
                using var body = JsonDocument.Parse(request.Body);
                foreach (var destination in body.RootElement.GetProperty("to").EnumerateArray())
                    foreach (var key in new[] { "msisdn", "email" })
                        if (destination.TryGetProperty(key, out var addresses))
                            foreach (var address in addresses.EnumerateArray()) yield return address.GetString()!;
            }
        }

        private static string[] Sorted(IEnumerable<string> addresses) => addresses.OrderBy(a => a, StringComparer.Ordinal).ToArray();
    }
}
