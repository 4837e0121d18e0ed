using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using WebexConnect.Results;
using WebexConnect.Sending;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>What one send invocation does with each row: check it, send it or keep its Invalid result in order, and count.</summary>
    public class SendRunTests
    {
        private static readonly IReadOnlyList<ValidationProblem> Fine = Array.Empty<ValidationProblem>();

        private sealed class RecordingDispatcher : IDispatcher
        {
            public Action? WhileWaiting { get; set; }

            private readonly Queue<SendResult> _ready = new Queue<SendResult>();
            private long _sequence;

            public List<DispatchItem> Added { get; } = new List<DispatchItem>();
            public List<SendResult> AddedCompleted { get; } = new List<SendResult>();

            public DispatchProgress Progress => new DispatchProgress(Added.Count + AddedCompleted.Count, Added.Count, 0, 0, 0, TimeSpan.Zero, null);

            public void Add(DispatchItem item)
            {
                Added.Add(item);
                _ready.Enqueue(new SendResult(item.Message.Channel, item.Recipient.ToString(), item.Recipient.CorrelationId,
                    SendStatus.Queued, messageId: "m-1", parts: item.Parts, inputObject: item.InputObject, sequence: ++_sequence, row: item.Row));
            }

            public void AddCompleted(SendResult result)
            {
                _sequence++;
                AddedCompleted.Add(result);
                _ready.Enqueue(result);
            }

            public IReadOnlyList<SendResult> TakeReady()
            {
                var taken = _ready.ToList();
                _ready.Clear();
                return taken;
            }

            public IEnumerable<SendResult> Complete() => TakeReady();

            public IReadOnlyList<DiagnosticEntry> TakeDiagnostics() => Array.Empty<DiagnosticEntry>();

            public DispatchPace Pace { get; } = new DispatchPace();

            public StoppedRows StopAndCount(TimeSpan unwind)
            {
                var rows = new StoppedRows();
                foreach (var result in _ready) rows.Add(result.Status);
                return rows;
            }

            public void Dispose()
            {
            }
        }

        private static ComposedRecord Record(string address, params ValidationProblem[] problems) =>
            new ComposedRecord(new Recipient(address, "c-" + address), problems);

        private static SmsMessage Message(string text = "Hi") => new SmsMessage { From = "ACME", Text = text };

        [Fact]
        public void AValidRowIsHandedToTheDispatcherWithItsPartsAndRow()
        {
            var dispatcher = new RecordingDispatcher();
            var run = new SendRun(dispatcher, new MessageChecks(_ => Fine, (_, _) => Fine), (m, r) => ((SmsMessage)m).Text!.Length);
            var row = new { Phone = "+447700900001" };
            var message = Message("Hello");

            Assert.Null(run.Check(7, message, Record("+447700900001"), row));
            run.Send(7, message, new Recipient("+447700900001"), row);

            var item = Assert.Single(dispatcher.Added);
            Assert.Same(message, item.Message);
            Assert.Same(row, item.InputObject);
            Assert.Equal(5, item.Parts);
            Assert.Equal(7, item.Row);
        }

        [Fact]
        public void AnInvalidRowGetsAnInvalidResultNamingTheRowAndEveryField()
        {
            var run = new SendRun(new RecordingDispatcher(), new MessageChecks(
                _ => new[] { new ValidationProblem("Text", "is empty") },
                (_, _) => new[] { new ValidationProblem("To[0]", "is not +E.164") }));
            var row = new { Phone = "07700" };

            var invalid = run.Check(12, Message(), Record("07700", new ValidationProblem("SubstitutionColumn", "no column 'X'")), row);

            Assert.NotNull(invalid);
            Assert.Equal(SendStatus.Invalid, invalid!.Status);
            Assert.Equal("07700", invalid.Destination);
            Assert.Equal("c-07700", invalid.CorrelationId);
            Assert.Same(row, invalid.InputObject);
            Assert.Equal(1, invalid.Sequence); // the first record handed to this run, whatever its row number
            Assert.Equal(12, invalid.Row);
            Assert.StartsWith("Row 12: ", invalid.Reason);
            Assert.Contains("SubstitutionColumn", invalid.Reason);
            Assert.Contains("Text: is empty", invalid.Reason);
            Assert.Contains("To[0]: is not +E.164", invalid.Reason);
        }

        [Fact]
        public void ARejectedRowKeepsItsPlaceBetweenSentRows()
        {
            var dispatcher = new RecordingDispatcher();
            var run = new SendRun(dispatcher, new MessageChecks(_ => Fine,
                (_, r) => r.Addresses[0].StartsWith("+") ? Fine : new[] { new ValidationProblem("To[0]", "is not +E.164") }));
            var message = Message();
            var results = new List<SendResult>();

            long row = 0;
            foreach (var address in new[] { "+447700900001", "bad", "+447700900003" })
            {
                var record = Record(address);
                var invalid = run.Check(++row, message, record, null);
                if (invalid is null) run.Send(row, message, record.Recipient, null);
                else run.Reject(invalid);
                results.AddRange(run.TakeReady());
            }

            Assert.Equal(new[] { SendStatus.Queued, SendStatus.Invalid, SendStatus.Queued }, results.Select(r => r.Status));
            Assert.Equal(new[] { "+447700900001", "bad", "+447700900003" }, results.Select(r => r.Destination));
            Assert.Equal(2, results[1].Sequence);
            Assert.Equal(new long[] { 1, 2, 3 }, results.Select(r => r.Row));
            Assert.Equal(3, run.Submitted);
            Assert.Equal(3, run.Completed);
            Assert.Equal(1, run.Unsuccessful);
        }

        [Fact]
        public void TheSharedPartIsCheckedOncePerDistinctMessage()
        {
            var checkedMessages = new List<ConnectMessage>();
            var checks = new MessageChecks(m => { checkedMessages.Add(m); return Fine; }, (_, _) => Fine);
            var first = Message("one");
            var second = Message("two");

            checks.Check(1, first, Record("+447700900001"), null);
            checks.Check(2, first, Record("+447700900002"), null);
            checks.Check(3, second, Record("+447700900003"), null);

            Assert.Equal(new ConnectMessage[] { first, second }, checkedMessages);
        }

        [Fact]
        public void AProblemWithTheSharedPartMakesEveryRowUsingItInvalid()
        {
            var checks = new MessageChecks(_ => new[] { new ValidationProblem("From", "is empty") }, (_, _) => Fine);
            var message = Message();

            Assert.NotNull(checks.Check(1, message, Record("+447700900001"), null));
            Assert.NotNull(checks.Check(2, message, Record("+447700900002"), null));
        }

        [Fact]
        public void AOneRowCallsOwnValueIsItsInvalidResultUnderTheCodeTheStopHad()
        {
            // The message's own rule finds the same empty text: the row's reason says it once, and its Code is the stop's ErrorId.
            var checks = new MessageChecks(_ => new[] { new ValidationProblem("Text", "the SMS has no text") }, (_, _) => Fine);
            var record = Record("+447700900001").With(new[] { new ValidationProblem("Text", "the SMS has no text") }, OneRowCall.InvalidParameterValue);

            var invalid = checks.Check(1, Message(""), record, null);

            Assert.Equal(SendStatus.Invalid, invalid!.Status);
            Assert.Equal("InvalidParameterValue", invalid.Code);
            Assert.Equal("Row 1: Text: the SMS has no text", invalid.Reason);
            Assert.Equal("InvalidParameterValue", WebexConnect.Results.SendErrors.ErrorIdFor(invalid));
            Assert.Equal("InvalidInput", checks.Check(2, Message(""), Record("+447700900002"), null)!.Code);
        }

        [Fact]
        public void ARowWithoutAddressIsNotPassedToTheDestinationRules()
        {
            var checks = new MessageChecks(_ => Fine, (_, r) => throw new InvalidOperationException("must not be called for " + r));
            var record = new ComposedRecord(new Recipient(Array.Empty<string>()), new[] { new ValidationProblem("To", "no destination") });

            var invalid = checks.Check(4, Message(), record, null);

            Assert.Contains("To: no destination", invalid!.Reason);
        }

        [Fact]
        public void TheErrorCountShownInTheProgressBarCountsWhatTheErrorStreamGets()
        {
            // An Unknown row may have gone out: calling it "not sent" invites a duplicate. A Skipped row (-Journal)
            // is the point of a re-run, not an error, and goes to the output only.
            var run = new SendRun(new RecordingDispatcher(), new MessageChecks(_ => Fine, (_, _) => Fine));
            run.Reject(new SendResult(MessageChannel.Sms, "+447700900001", null, SendStatus.Skipped, code: "AlreadySent"));
            run.Reject(new SendResult(MessageChannel.Sms, "+447700900002", null, SendStatus.Unknown, code: "Timeout"));

            Assert.Equal(2, run.TakeReady().Count);
            Assert.Equal(1, run.Unsuccessful);
        }

        [Fact]
        public void CompleteCountsWhatIsLeft()
        {
            var dispatcher = new RecordingDispatcher();
            var run = new SendRun(dispatcher, new MessageChecks(_ => Fine, (_, _) => Fine));
            run.Send(1, Message(), new Recipient("+447700900001"), null);
            run.Send(2, Message(), new Recipient("+447700900002"), null);

            var rest = run.Complete().ToList();

            Assert.Equal(2, rest.Count);
            Assert.Equal(2, run.Completed);
            Assert.Equal(0, run.Unsuccessful);
        }
    }
}
