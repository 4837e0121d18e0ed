using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Results;

namespace WebexConnect.Engine.Sandbox
{
    /// <summary>
    /// A simulator of the Messaging API v2 (POST /v2/messages), independent of any HTTP stack: the in-process
    /// SandboxHandler and a Kestrel loopback host both feed it requests. It enforces the API's rules, the TPS in
    /// a strict one-second window, injects scripted or random faults, and records what it accepted.
    /// Thread-safe; the hot path takes one short lock (the TPS window) and otherwise uses concurrent collections.
    /// </summary>
    internal sealed class SandboxServer : IDisposable
    {
        private const string MessagesPath = "/v2/messages";

        private readonly SandboxOptions _options;
        private readonly SandboxAuthenticator _authenticator;
        private readonly SandboxRateWindow? _window;
        private readonly ConcurrentQueue<SandboxRequest> _requests = new ConcurrentQueue<SandboxRequest>();
        private readonly SandboxReceiptPoster _poster = new SandboxReceiptPoster();
        private readonly Random _jitter = new Random();
        private readonly SandboxAnswers _answers;
        private readonly SandboxMessageLog _lookups;
        private readonly SandboxDeliveryFate _fate;
        private readonly long _anchorTicks = Stopwatch.GetTimestamp();
        private readonly DateTimeOffset _anchorTime;
        private long _arrivals;
        private long _recordedBytes;

        /// <summary>What a recorded request costs beside its body's text: the SandboxRequest and its small strings.</summary>
        internal const int RecordOverheadBytes = 256;

        public SandboxServer(SandboxOptions? options = null)
        {
            _options = options ?? new SandboxOptions();
            _anchorTime = _options.UtcNow();
            _authenticator = new SandboxAuthenticator(_options);
            _window = _options.Tps > 0 ? new SandboxRateWindow(_options.Tps) : null;
            _answers = new SandboxAnswers(_options.LabelResponsesIso88591);
            Faults = new SandboxFaults(_options);
            AcceptedDestinations = new SandboxAcceptedDestinations();
            ReceiptLog = new SandboxReceipts(_options);
            _lookups = new SandboxMessageLog(_options.LookupCapacity);
            _fate = new SandboxDeliveryFate(_options);
        }

        public SandboxOptions Options => _options;

        /// <summary>Faults for upcoming requests: Faults.Enqueue(SandboxFault.Status(503)).</summary>
        public SandboxFaults Faults { get; }

        /// <summary>How many times each address+correlationId was accepted.</summary>
        public SandboxAcceptedDestinations AcceptedDestinations { get; }

        internal SandboxReceipts ReceiptLog { get; }

        /// <summary>Every request received, in order of arrival (empty when RecordRequests is off).</summary>
        public IReadOnlyList<SandboxRequest> Requests
        {
            get
            {
                var requests = _requests.ToArray();
                Array.Sort(requests, (a, b) => a.Number.CompareTo(b.Number));
                return requests;
            }
        }

        /// <summary>The delivery-receipt webhooks of every accepted destination (needs RecordReceipts).</summary>
        public IReadOnlyList<string> Receipts => ReceiptLog.All();

        /// <summary>Completes when the receipts posted to loopback notifyUrls so far have been delivered.</summary>
        public Task WhenReceiptsPostedAsync() => _poster.WhenIdleAsync();

        /// <summary>Forgets recorded requests, acceptances, receipts and pending faults (not the TPS window).</summary>
        public void Reset()
        {
            while (_requests.TryDequeue(out _)) { }
            AcceptedDestinations.Clear();
            ReceiptLog.Clear();
            _lookups.Clear();
            Faults.Clear();
        }

        /// <summary>Registers a request as it arrives, before its body is read, and draws its fault.</summary>
        public SandboxArrival Arrive() =>
            new SandboxArrival(Interlocked.Increment(ref _arrivals), _options.UtcNow(), Faults.Next());

        public Task<SandboxResponse> HandleAsync(SandboxHttpRequest request, CancellationToken cancellationToken) =>
            HandleAsync(request, Arrive(), cancellationToken);

        public async Task<SandboxResponse> HandleAsync(SandboxHttpRequest request, SandboxArrival arrival, CancellationToken cancellationToken)
        {
            var fault = arrival.Fault;
            var kind = fault?.Kind;
            if (kind == SandboxFaultKind.DropBeforeBody)
            {
                Record(arrival, request, new Outcome(SandboxResponse.Dropped(SandboxDrop.BeforeBody), arrival.ReceivedAt), includeBody: false);
                return SandboxResponse.Dropped(SandboxDrop.BeforeBody);
            }

            // DropAfterBody and Delay let the request through first: it may be ACCEPTED though the client never hears so.
            var outcome = kind == SandboxFaultKind.Status
                ? new Outcome(_answers.ForFault(fault!, RateHeaders(Remaining())), arrival.ReceivedAt) { Code = fault!.Code }
                : Process(request, arrival);
            if (kind == SandboxFaultKind.DropAfterBody) outcome.Response = SandboxResponse.Dropped(SandboxDrop.AfterBody);
            Record(arrival, request, outcome, includeBody: true);

            if (kind == SandboxFaultKind.Delay) await Task.Delay(fault!.DelayBy, cancellationToken).ConfigureAwait(false);
            if (outcome.Response.Drop == SandboxDrop.None) await SimulateLatencyAsync(cancellationToken).ConfigureAwait(false);
            return outcome.Response;
        }

        private Outcome Process(SandboxHttpRequest request, SandboxArrival arrival)
        {
            if (string.Equals(request.Method, "GET", StringComparison.OrdinalIgnoreCase) && LookupId(request.Path) is string lookupId)
                return LookUp(request, lookupId, arrival);
            if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase) || !IsMessagesPath(request.Path))
                return new Outcome(_answers.Empty(404, RateHeaders(Remaining())), arrival.ReceivedAt);

            // The service answers a bad key or token with 401 and an EMPTY body.
            if (!_authenticator.IsAuthorized(request))
                return new Outcome(_answers.Empty(401, RateHeaders(Remaining())), arrival.ReceivedAt);

            var now = _options.UtcNow();
            var message = SandboxMessageReader.Read(request.Body, _options.Tps, now, out var rejection, out var channel, out var addressCount);
            if (message == null)
                return new Outcome(_answers.Error(400, rejection!.Code, rejection.Message, RateHeaders(Remaining())), arrival.ReceivedAt)
                    { Channel = channel, Destinations = addressCount, Code = rejection.Code };

            var destinations = message.Destinations.Count;
            var remaining = 0;
            var admittedAt = 0L;
            if (_window != null && !_window.TryAdmit(destinations, out remaining, out var retryAfter, out admittedAt))
            {
                var headers = RateHeaders(remaining);
                headers["Retry-After"] = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return new Outcome(_answers.Error(429, "7020", "TPS exceeded", headers), arrival.ReceivedAt)
                    { Channel = channel, Destinations = destinations, Code = "7020" };
            }

            var messageId = Guid.NewGuid().ToString();
            Accept(messageId, message, now);
            // An accepted request is recorded at the instant the TPS window counted it, so that
            // "no one-second window of ReceivedAt holds more than Tps destinations" is exactly checkable.
            var receivedAt = _window != null ? ToWallClock(admittedAt) : arrival.ReceivedAt;
            // Its requestTimestamp is that instant too: a client may time its TPS budget by it (Dispatch/ArrivalEstimator.cs).
            return new Outcome(_answers.Created(_window != null ? receivedAt : now, messageId, message.CorrelationId, RateHeaders(remaining)), receivedAt)
                { Channel = channel, Destinations = destinations, MessageId = messageId };
        }

        /// <summary>
        /// GET /v2/messages/{messageId} (beta): 401 for bad credentials, 200 for a message it accepted that has gone out, else 404.
        /// A scheduled message is 404 until its sendAt, "not known (yet)" as API.md reads the service's 404: before, a message
        /// scheduled for tomorrow looked up at once said Delivered, which the service never says of a message it has not sent.
        /// </summary>
        private Outcome LookUp(SandboxHttpRequest request, string messageId, SandboxArrival arrival)
        {
            // Every answer records the ID asked about: Get-ConnectSandboxRequest showed an empty MessageId for a 404, so a
            // rehearsal's log could not say which lookup the service did not know.
            if (!_authenticator.IsAuthorized(request))
                return new Outcome(_answers.Empty(401, RateHeaders(Remaining())), arrival.ReceivedAt) { MessageId = messageId };
            if (!_lookups.TryGet(messageId, out var message, out var acceptedAt) || message.GoesOutAt(acceptedAt) > _options.UtcNow())
                return new Outcome(_answers.Error(404, "404", "Message not found", RateHeaders(Remaining())), arrival.ReceivedAt)
                    { Code = "404", MessageId = messageId };
            var status = message.Destinations.Count > 0 ? _fate.Final(message.Channel, message.Destinations[0].Address).Status : "Delivered";
            return new Outcome(_answers.Message(messageId, message, acceptedAt, status, RateHeaders(Remaining())), arrival.ReceivedAt)
                { Channel = message.Channel, MessageId = messageId };
        }

        /// <summary>The {messageId} of /v2/messages/{messageId}; null for any other path.</summary>
        private static string? LookupId(string path)
        {
            if (!path.StartsWith(MessagesPath + "/", StringComparison.OrdinalIgnoreCase)) return null;
            var id = Uri.UnescapeDataString(path.Substring(MessagesPath.Length + 1).TrimEnd('/'));
            return id.Length == 0 || id.IndexOf('/') >= 0 ? null : id;
        }

        private void Accept(string messageId, SandboxMessage message, DateTimeOffset now)
        {
            _lookups.Add(messageId, message, now);
            if (_options.CountAcceptedDestinations) AcceptedDestinations.Add(message.Destinations);
            if (_options.RecordReceipts) ReceiptLog.Add(messageId, message, now);
            if (_options.PostReceiptsToLoopback && SandboxReceiptPoster.IsLoopbackUrl(message.NotifyUrl))
                // A scheduled message is not delivered before its sendAt, so neither is its receipt: a rehearsal of a send
                // for tomorrow said Delivered at once, which the service never does.
                _poster.Post(message.NotifyUrl!, ReceiptLog.For(messageId, message, now), message.GoesOutAt(now) - now);
        }

        private static bool IsMessagesPath(string path) =>
            string.Equals(path, MessagesPath, StringComparison.OrdinalIgnoreCase)
            || string.Equals(path, MessagesPath + "/", StringComparison.OrdinalIgnoreCase);

        private int Remaining() => _window?.Remaining() ?? 0;

        private Dictionary<string, string> RateHeaders(int remaining)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (_window != null)
            {
                headers["x-rate-limit-limit"] = _window.Limit.ToString(CultureInfo.InvariantCulture);
                headers["x-rate-limit-remaining"] = Math.Max(0, remaining).ToString(CultureInfo.InvariantCulture);
            }
            return headers;
        }

        private void Record(SandboxArrival arrival, SandboxHttpRequest request, Outcome outcome, bool includeBody)
        {
            if (!_options.RecordRequests) return;
            var body = includeBody && _options.RecordBodies ? Kept(request.Body) : Array.Empty<byte>();
            // A dropped answer is recorded as status 0: the client never saw one.
            var status = outcome.Response.Drop == SandboxDrop.None ? outcome.Response.StatusCode : 0;
            _requests.Enqueue(new SandboxRequest(arrival.Number, outcome.ReceivedAt, outcome.Channel, outcome.Destinations, status,
                outcome.Code, outcome.MessageId, body, arrival.Fault?.ToString(), request.Method.ToUpperInvariant()));
            Interlocked.Add(ref _recordedBytes, RecordOverheadBytes + body.Length);
            var maxCount = _options.MaxRecordedRequests ?? int.MaxValue;
            var maxBytes = _options.MaxRecordedBytes ?? long.MaxValue;
            // The newest request always stays, however large: Get-ConnectSandboxRequest shows at least the last one.
            while ((_requests.Count > maxCount || Interlocked.Read(ref _recordedBytes) > maxBytes) && _requests.Count > 1
                && _requests.TryDequeue(out var oldest))
                Interlocked.Add(ref _recordedBytes, -(RecordOverheadBytes + oldest.BodyBytes));
        }

        /// <summary>The body's own array when it is one whole array (nobody writes to it again), else a copy.</summary>
        private static byte[] Kept(ReadOnlyMemory<byte> body) =>
            MemoryMarshal.TryGetArray(body, out var whole) && whole.Offset == 0 && whole.Count == whole.Array!.Length ? whole.Array : body.ToArray();

        // An exact floor of elapsed * 10^7 / Frequency (split to avoid overflow): it keeps the order of instants,
        // and two instants less than a second apart on the wall clock were less than a second apart in the window.
        private DateTimeOffset ToWallClock(long stopwatchTicks)
        {
            var elapsed = stopwatchTicks - _anchorTicks;
            var seconds = elapsed / Stopwatch.Frequency;
            var rest = elapsed % Stopwatch.Frequency;
            return _anchorTime.AddTicks(seconds * TimeSpan.TicksPerSecond + rest * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
        }

        private Task SimulateLatencyAsync(CancellationToken cancellationToken)
        {
            var delay = _options.Latency;
            if (_options.LatencyJitter > TimeSpan.Zero)
            {
                double share;
                lock (_jitter) share = _jitter.NextDouble();
                delay += TimeSpan.FromTicks((long)(_options.LatencyJitter.Ticks * share));
            }
            return delay > TimeSpan.Zero ? Task.Delay(delay, cancellationToken) : Task.CompletedTask;
        }

        public void Dispose() => _poster.Dispose();

        /// <summary>What became of one request: the answer and what the recording says about it.</summary>
        private sealed class Outcome
        {
            public Outcome(SandboxResponse response, DateTimeOffset receivedAt)
            {
                Response = response;
                ReceivedAt = receivedAt;
            }

            public SandboxResponse Response { get; set; }
            public DateTimeOffset ReceivedAt { get; }
            public string? Channel { get; set; }
            public int Destinations { get; set; }
            public string? Code { get; set; }
            public string? MessageId { get; set; }
        }
    }
}
