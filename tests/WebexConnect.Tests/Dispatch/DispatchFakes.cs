using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine.Dispatch;
using WebexConnect.Engine.Payload;
using WebexConnect.Engine.Transport;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Tests.Dispatch
{
    /// <summary>Shapes as production computes them; a batch's text read back from its message.</summary>
    internal static class TestShapes
    {
        public static MessageShape Of(ConnectMessage message) => MessageShape.Of(message);

        public static string TextOf(OutgoingBatch batch) => ((SmsMessage)batch.Shape.Message).Text ?? "";
    }

    /// <summary>A gate that never waits, for tests about batching and order rather than rate.</summary>
    internal sealed class OpenGate : IRateGate, IRateProbe
    {
        private readonly int? _tps;

        public OpenGate(int maxBatchSize, int? tps = null)
        {
            MaxBatchSize = maxBatchSize;
            _tps = tps;
        }

        public int MaxBatchSize { get; set; }

        public int Tps => _tps ?? MaxBatchSize * 10;

        /// <summary>What the dispatcher is told is worth having out; by default, no bound but its slots.</summary>
        public int RequestsAhead { get; set; } = int.MaxValue;

        public bool WouldAllowNow(int destinations) => true;

        public ValueTask<RatePermit> WaitAsync(int destinations, CancellationToken cancellationToken) => new ValueTask<RatePermit>(RatePermit.None);

        public void AdoptAnnouncedLimit(int tps) => MaxBatchSize = Math.Min(1000, tps);

        public void Refused(RatePermit permit, string code)
        {
        }
    }

    /// <summary>
    /// Records every batch with the time it started (after the gate, as the real transport does) and
    /// answers Queued for each recipient, after an optional delay or a test-controlled release.
    /// </summary>
    internal sealed class FakeTransport : IBatchTransport
    {
        private readonly IRateGate? _gate;
        private readonly Func<TimeSpan> _clock;
        private int _active;
        private int _maxActive;
        private long _atGate;
        private int _callsAtGate;

        public FakeTransport(IRateGate? gate = null, Func<TimeSpan>? clock = null)
        {
            _gate = gate;
            var started = System.Diagnostics.Stopwatch.StartNew();
            _clock = clock ?? (() => started.Elapsed);
        }

        public TimeSpan Delay { get; set; }

        /// <summary>When set, each batch waits for the task it returns before answering.</summary>
        public Func<OutgoingBatch, Task>? Hold { get; set; }

        /// <summary>When set and returning an exception, the batch throws it instead of answering.</summary>
        public Func<OutgoingBatch, Exception?>? Fail { get; set; }

        public ConcurrentQueue<(OutgoingBatch Batch, TimeSpan StartedAt)> Sent { get; } = new ConcurrentQueue<(OutgoingBatch, TimeSpan)>();

        public int Active => Volatile.Read(ref _active);

        public int MaxActive => Volatile.Read(ref _maxActive);

        public int Calls;

        /// <summary>Destinations of calls that are inside the gate's WaitAsync (queued or just let go).</summary>
        public long DestinationsAtGate => Interlocked.Read(ref _atGate);

        /// <summary>Calls inside the gate's WaitAsync; equal to <see cref="Active"/> when every call waits there.</summary>
        public int CallsAtGate => Volatile.Read(ref _callsAtGate);

        public List<OutgoingBatch> Batches => Sent.Select(s => s.Batch).OrderBy(b => b.Number).ToList();

        public async Task<BatchOutcome> SendAsync(OutgoingBatch batch, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            var active = Interlocked.Increment(ref _active);
            int seen;
            while (active > (seen = Volatile.Read(ref _maxActive)) && Interlocked.CompareExchange(ref _maxActive, active, seen) != seen)
            {
            }

            RatePermit? permit = null;
            try
            {
                if (_gate is not null)
                {
                    Interlocked.Increment(ref _callsAtGate);
                    Interlocked.Add(ref _atGate, batch.DestinationCount);
                    try
                    {
                        permit = await _gate.WaitAsync(batch.DestinationCount, cancellationToken).ConfigureAwait(false);
                    }
                    catch
                    {
                        Interlocked.Add(ref _atGate, -batch.DestinationCount);
                        Interlocked.Decrement(ref _callsAtGate);
                        throw;
                    }

                    // Record the start before leaving the gate's count, so a test clock cannot move in between.
                    Sent.Enqueue((batch, _clock()));
                    Interlocked.Add(ref _atGate, -batch.DestinationCount);
                    Interlocked.Decrement(ref _callsAtGate);
                }
                else
                {
                    Sent.Enqueue((batch, _clock()));
                }

                if (Delay > TimeSpan.Zero) await Task.Delay(Delay, cancellationToken).ConfigureAwait(false);
                if (Hold is not null) await Hold(batch).WaitAsync(cancellationToken).ConfigureAwait(false);
                var failure = Fail?.Invoke(batch);
                if (failure is not null) throw failure;

                var at = DateTimeOffset.UtcNow;
                return new BatchOutcome(batch.Recipients
                    .Select(r => new DestinationOutcome { Status = SendStatus.Queued, MessageId = "msg-" + batch.Number, Attempts = 1, SubmittedAt = at })
                    .ToList());
            }
            finally
            {
                // As the real transport does: the answer starts the second these destinations count for.
                permit?.Answered(null);
                Interlocked.Decrement(ref _active);
            }
        }
    }

    internal static class Items
    {
        public static readonly SmsMessage Hello = new SmsMessage { From = "Acme", Text = "Hello $(name)" };

        /// <summary>Personalised rows: one number each, with its own substitution and correlation ID.</summary>
        public static DispatchItem Person(int row, SmsMessage? message = null) =>
            new DispatchItem(message ?? Hello,
                new Recipient(Number(row), "row-" + row, new Dictionary<string, string> { ["name"] = "Person " + row }),
                inputObject: row) { Parts = 1 };

        public static string Number(int row) => "+4477009" + row.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

        public static SendResult Invalid(int row) =>
            new SendResult(MessageChannel.Sms, "not-a-number-" + row, null, SendStatus.Invalid, code: "InvalidDestination",
                reason: "To: not E.164", inputObject: row);

        public static DispatchOptions Options(int maxConcurrent = 8) => new DispatchOptions { MaxConcurrentRequests = maxConcurrent };

        public static DispatcherTuning NoLinger => new DispatcherTuning(linger: TimeSpan.FromHours(1));

        /// <summary>
        /// After Add or Complete rethrew a failure that stopped the run: what TakeReady had not handed over yet, as the
        /// cmdlet takes it (SendRun.TakeFinishedAfterFailure), until nothing is left and the failure comes again.
        /// </summary>
        public static void TakeFinishedAfterFailure(IDispatcher dispatcher, List<SendResult> results)
        {
            while (true)
            {
                try
                {
                    var more = dispatcher.TakeReady();
                    if (more.Count == 0) return;
                    results.AddRange(more);
                }
                catch (SessionFailureException)
                {
                    return;
                }
            }
        }
    }
}
