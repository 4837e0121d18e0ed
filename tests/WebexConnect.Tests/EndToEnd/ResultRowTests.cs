using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Composition;
using WebexConnect.Engine;
using WebexConnect.Engine.Dispatch;
using WebexConnect.Engine.Payload;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using WebexConnect.Results;
using WebexConnect.Sending;
using WebexConnect.Tests.Dispatch;
using WebexConnect.Tests.Journal;
using WebexConnect.Tests.Transport;
using Xunit;

namespace WebexConnect.Tests.EndToEnd
{
    /// <summary>
    /// SendResult.Row names the input row behind every result, whatever happened to it, so that an admin can
    /// find the CSV line of each failure. The runs mix Invalid rows (which keep a place in the output) and rows
    /// declined at -Confirm (which do not), so a result's Row differs from its place in the output.
    /// </summary>
    public class ResultRowTests
    {
        private static readonly SmsMessage Greeting = new SmsMessage { From = "ACME", Text = "Hi $(Name)" };

        /// <summary>Our own check in these runs: only a number without "+" is Invalid, so the service decides the rest.</summary>
        private static readonly MessageChecks Checks = new MessageChecks(_ => Array.Empty<ValidationProblem>(),
            (_, recipient) => recipient.Addresses[0].StartsWith("+", StringComparison.Ordinal)
                ? Array.Empty<ValidationProblem>()
                : new[] { new ValidationProblem("To", "not +E.164") });

        [Fact]
        public void Over_the_in_process_sandbox_accepted_invalid_and_rejected_rows_carry_their_input_row()
        {
            using var session = new ConnectEngine().Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox, Tps = 100 });
            using var dispatcher = session.CreateDispatcher(new DispatchOptions(), CancellationToken.None);

            var results = Drive(dispatcher,
                Row.Sent("+447700900001"),
                Row.Sent("07700 900002"),          // Invalid: our check
                Row.Declined("+447700900003"),     // No at -Confirm: no result
                Row.Sent("+447700900004"),
                Row.Sent("+0447700900005"),        // passes our check; the sandbox refuses it (7041), in a batch with rows 4 and 6
                Row.Sent("+447700900006"));

            Assert.Equal(new long[] { 1, 2, 4, 5, 6 }, results.Select(r => r.Row));
            Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, results.Select(r => r.Sequence));
            Assert.Equal(new[] { SendStatus.Queued, SendStatus.Invalid, SendStatus.Queued, SendStatus.Rejected, SendStatus.Queued },
                results.Select(r => r.Status));
            Assert.Equal(results.Select(r => (long)r.InputObject!), results.Select(r => r.Row));
            Assert.Equal("7041", results[3].Code);
        }

        [Fact]
        public async Task Over_a_scripted_server_accepted_bisected_failed_and_unknown_rows_carry_their_input_row()
        {
            const string bad = "+447700900005", down = "+447700900006", lost = "+447700900007";
            await using var server = await ScriptedServer.StartAsync();
            server.Fallback = (context, request) =>
            {
                var numbers = TransportHarness.NumbersIn(request);
                if (numbers.Contains(lost))
                {
                    context.Abort();
                    return Task.CompletedTask;
                }

                if (numbers.Contains(down)) return ScriptedServer.Reply(context, 503, ScriptedServer.Error("7006", "Service unavailable"));
                if (numbers.Contains(bad)) return ScriptedServer.Reply(context, 400, ScriptedServer.Error("7041", "Invalid MSISDN - " + bad));
                return ScriptedServer.Reply(context, 201, ScriptedServer.Queued());
            };
            var gate = new RecordingGate();
            var transport = TransportHarness.NewTransport(server.BaseUri, gate, TransportHarness.FastOptions(maxAttempts: 2));
            // No linger: the rows of one text share one request, so the refused number is bisected out of it.
            using var dispatcher = new Dispatcher(transport, gate, MessageShape.Of, new DispatchOptions(), CancellationToken.None, Items.NoLinger);

            var results = Drive(dispatcher,
                Row.Sent("+447700900001"),
                Row.Declined("+447700900002"),
                Row.Sent("07700 900003"),
                Row.Sent("+447700900004"),
                Row.Sent(bad),
                Row.Sent(down, new SmsMessage { From = "ACME", Text = "Service notice" }),
                Row.Sent(lost, new SmsMessage { From = "ACME", Text = "Lost notice" }),
                Row.Sent("+447700900008"));

            Assert.Equal(new long[] { 1, 3, 4, 5, 6, 7, 8 }, results.Select(r => r.Row));
            Assert.Equal(new long[] { 1, 2, 3, 4, 5, 6, 7 }, results.Select(r => r.Sequence));
            Assert.Equal(new[]
            {
                SendStatus.Queued, SendStatus.Invalid, SendStatus.Queued, SendStatus.Rejected, SendStatus.Failed, SendStatus.Unknown,
                SendStatus.Queued,
            }, results.Select(r => r.Status));
            var rejected = results[3];
            Assert.True(rejected.Attempts >= 2, $"row 5 was refused in {rejected.Attempts} request(s), not bisected out of its batch");
            Assert.StartsWith("Row 5: Rejected (7041) " + bad + ": ", SendErrors.MessageFor(rejected), StringComparison.Ordinal);
            Assert.StartsWith("Row 6: Failed ", SendErrors.MessageFor(results[4]), StringComparison.Ordinal);
            Assert.StartsWith("Row 7: Unknown ", SendErrors.MessageFor(results[5]), StringComparison.Ordinal);
        }

        [Fact]
        public void A_journal_re_run_reports_the_rows_it_skips_by_their_input_row()
        {
            using var folder = new TempFolder();
            var journal = folder.File("rows.journal");
            using var session = new ConnectEngine().Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox, Tps = 100 });
            var rows = new[] { "+447700900001", "+447700900002", "+447700900003", "+447700900004", "+447700900005" };

            // The first run sent rows 2 to 4 (row 1 was declined, row 5 not reached).
            using (var first = session.CreateDispatcher(new DispatchOptions { JournalPath = journal }, CancellationToken.None))
            {
                var sent = Drive(first, Row.Declined(rows[0]), Row.Sent(rows[1]), Row.Sent(rows[2]), Row.Sent(rows[3]));
                Assert.All(sent, r => Assert.Equal(SendStatus.Queued, r.Status));
            }

            using var again = session.CreateDispatcher(new DispatchOptions { JournalPath = journal }, CancellationToken.None);
            var results = Drive(again, Row.Declined(rows[0]), Row.Sent(rows[1]), Row.Sent(rows[2]), Row.Sent(rows[3]), Row.Sent(rows[4]));

            Assert.Equal(new[] { SendStatus.Skipped, SendStatus.Skipped, SendStatus.Skipped, SendStatus.Queued }, results.Select(r => r.Status));
            Assert.Equal(new long[] { 2, 3, 4, 5 }, results.Select(r => r.Row));
            Assert.Equal(new long[] { 1, 2, 3, 4 }, results.Select(r => r.Sequence));
        }

        [Fact]
        public void With_a_journal_the_same_recipient_sent_again_at_once_keeps_each_rows_number()
        {
            using var folder = new TempFolder();
            using var session = new ConnectEngine().Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox, Tps = 100 });
            using var dispatcher = session.CreateDispatcher(new DispatchOptions { JournalPath = folder.File("same.journal") }, CancellationToken.None);
            var run = new SendRun(dispatcher, Checks);
            // One Recipient object for rows 2 and 3: the second is still on its way, so the journal sends a copy of it.
            var recipient = new Recipient("+447700900002");

            run.Send(2, Greeting, recipient, "b");
            run.Send(3, Greeting, recipient, "c");
            var results = run.TakeReady().Concat(run.Complete()).ToList();

            Assert.All(results, r => Assert.Equal(SendStatus.Queued, r.Status));
            Assert.Equal(new long[] { 2, 3 }, results.Select(r => r.Row));
        }

        /// <summary>
        /// As SendCommandBase.ProcessRecord does for each piped object: count the row, check it, then reject it
        /// (keeping its place), leave it (declined at -Confirm) or send it. The input object is the row number.
        /// </summary>
        private static List<SendResult> Drive(IDispatcher dispatcher, params Row[] rows)
        {
            var run = new SendRun(dispatcher, Checks);
            var results = new List<SendResult>();
            long row = 0;
            foreach (var input in rows)
            {
                row++;
                var recipient = new Recipient(input.Address, "row-" + row, new Dictionary<string, string> { ["Name"] = "Person " + row });
                var record = new ComposedRecord(recipient, Array.Empty<ValidationProblem>());
                var invalid = run.Check(row, input.Message, record, row);
                if (invalid != null) run.Reject(invalid);
                else if (!input.IsDeclined) run.Send(row, input.Message, recipient, row);
                results.AddRange(run.TakeReady());
            }

            results.AddRange(run.Complete());
            return results;
        }

        private sealed class Row
        {
            private Row(string address, ConnectMessage message, bool declined)
            {
                Address = address;
                Message = message;
                IsDeclined = declined;
            }

            public string Address { get; }
            public ConnectMessage Message { get; }
            public bool IsDeclined { get; }

            public static Row Sent(string address, ConnectMessage? message = null) => new Row(address, message ?? Greeting, false);

            public static Row Declined(string address) => new Row(address, Greeting, true);
        }
    }
}
