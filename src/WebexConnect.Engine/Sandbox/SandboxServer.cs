using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Results;

namespace WebexConnect.Engine.Sandbox
{
    /// <summary>A request that has arrived: its number, time and the fault it drew. Taken before the body is read.</summary>
    internal sealed class SandboxArrival
    {
        public SandboxArrival(long number, DateTimeOffset receivedAt, SandboxFault? fault)
        {
            Number = number;
            ReceivedAt = receivedAt;
            Fault = fault;
        }

        public long Number { get; }
        public DateTimeOffset ReceivedAt { get; }
        public SandboxFault? Fault { get; }

        /// <summary>True when the connection must be closed before the body is read.</summary>
        public bool DropsBeforeBody => Fault != null && Fault.Kind == SandboxFaultKind.DropBeforeBody;
    }

    /// <summary>
    /// A simulator of the Messaging API v2 (POST /v2/messages), independent of any HTTP stack: the in-process
    /// SandboxHandler and a Kestrel loopback host both feed it requests. It enforces the API's rules, the TPS in
    /// a strict one-second window, injects scripted or random faults, and records what it accepted.
    /// Thread-safe; the hot path takes one short lock (the TPS window) and otherwise uses concurrent collections.
    /// </summary>
    internal sealed class SandboxServer : IDisposable
    {
        private const string MessagesPath = "/v2/messages";
        private static readonly byte[] NoBody = Array.Empty<byte>();

        private readonly SandboxOptions _options;
        private readonly SandboxAuthenticator _authenticator;
        private readonly SandboxRateWindow? _window;
        private readonly ConcurrentQueue<SandboxRequest> _requests = new ConcurrentQueue<SandboxRequest>();
        private readonly SandboxReceiptPoster _poster = new SandboxReceiptPoster();
        private readonly Random _jitter = new Random();
        private readonly string _jsonContentType;
        private readonly long _anchorTicks = Stopwatch.GetTimestamp();
        private readonly DateTimeOffset _anchorTime;
        private long _arrivals;

        public SandboxServer(SandboxOptions? options = null)
        {
            _options = options ?? new SandboxOptions();
            _anchorTime = _options.UtcNow();
            _authenticator = new SandboxAuthenticator(_options);
            _window = _options.Tps > 0 ? new SandboxRateWindow(_options.Tps) : null;
            _jsonContentType = _options.LabelResponsesIso88591 ? "application/json; charset=ISO-8859-1" : "application/json; charset=utf-8";
            Faults = new SandboxFaults(_options);
            AcceptedDestinations = new SandboxAcceptedDestinations();
            ReceiptLog = new SandboxReceipts(_options);
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
            if (fault != null && fault.Kind == SandboxFaultKind.DropBeforeBody)
            {
                Record(arrival, request, null, 0, 0, null, null, includeBody: false);
                return SandboxResponse.Dropped(SandboxDrop.BeforeBody);
            }

            SandboxResponse response;
            if (fault != null && fault.Kind == SandboxFaultKind.Status)
            {
                response = FaultResponse(fault);
                Record(arrival, request, null, 0, response.StatusCode, fault.Code, null, includeBody: true);
            }
            else
            {
                // DropAfterBody and Delay let the request through first: it may be ACCEPTED though the client never hears so.
                response = Process(request, arrival);
                if (fault != null && fault.Kind == SandboxFaultKind.DropAfterBody) return SandboxResponse.Dropped(SandboxDrop.AfterBody);
                if (fault != null && fault.Kind == SandboxFaultKind.Delay)
                    await Task.Delay(fault.DelayBy, cancellationToken).ConfigureAwait(false);
            }

            await SimulateLatencyAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }

        private SandboxResponse Process(SandboxHttpRequest request, SandboxArrival arrival)
        {
            // A dropped answer is recorded as status 0: the client never saw one.
            var dropsAfter = arrival.Fault != null && arrival.Fault.Kind == SandboxFaultKind.DropAfterBody;
            SandboxResponse response;
            if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase) || !IsMessagesPath(request.Path))
            {
                response = Empty(404, RateHeaders(Remaining()));
                Record(arrival, request, null, 0, dropsAfter ? 0 : 404, null, null, includeBody: true);
                return response;
            }

            if (!_authenticator.IsAuthorized(request))
            {
                // The service answers a bad key or token with 401 and an EMPTY body.
                response = Empty(401, RateHeaders(Remaining()));
                Record(arrival, request, null, 0, dropsAfter ? 0 : 401, null, null, includeBody: true);
                return response;
            }

            var now = _options.UtcNow();
            var message = SandboxMessageReader.Read(request.Body, _options.Tps, now, out var rejection, out var channel);
            if (message == null)
            {
                response = Error(400, rejection!.Code, rejection.Message, RateHeaders(Remaining()));
                Record(arrival, request, channel, 0, dropsAfter ? 0 : 400, rejection.Code, null, includeBody: true);
                return response;
            }

            var destinations = message.Destinations.Count;
            var remaining = 0;
            var admittedAt = 0L;
            if (_window != null && !_window.TryAdmit(destinations, out remaining, out var retryAfter, out admittedAt))
            {
                var headers = RateHeaders(remaining);
                headers["Retry-After"] = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                response = Error(429, "7020", "TPS exceeded", headers);
                Record(arrival, request, channel, destinations, dropsAfter ? 0 : 429, "7020", null, includeBody: true);
                return response;
            }

            var messageId = Guid.NewGuid().ToString();
            Accept(messageId, message, now);
            response = new SandboxResponse(201, _jsonContentType, SuccessBody(now, messageId, message.CorrelationId), RateHeaders(remaining));
            // An accepted request is recorded at the instant the TPS window counted it, so that
            // "no one-second window of ReceivedAt holds more than Tps destinations" is exactly checkable.
            var receivedAt = _window != null ? ToWallClock(admittedAt) : arrival.ReceivedAt;
            Record(arrival, request, channel, destinations, dropsAfter ? 0 : 201, null, messageId, includeBody: true, receivedAt);
            return response;
        }

        private void Accept(string messageId, SandboxMessage message, DateTimeOffset now)
        {
            AcceptedDestinations.Add(message.Destinations);
            if (_options.RecordReceipts) ReceiptLog.Add(messageId, message, now);
            if (_options.PostReceiptsToLoopback && SandboxReceiptPoster.IsLoopbackUrl(message.NotifyUrl))
                _poster.Post(message.NotifyUrl!, ReceiptLog.For(messageId, message, now));
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

        private SandboxResponse FaultResponse(SandboxFault fault)
        {
            var headers = RateHeaders(Remaining());
            if (fault.RetryAfter != null) headers["Retry-After"] = fault.RetryAfter;
            if (fault.Code != null) return Error(fault.StatusCode, fault.Code, fault.Message ?? string.Empty, headers);
            switch (fault.StatusCode)
            {
                case 429: return Error(429, "7020", "TPS exceeded", headers);
                case 500:
                case 503: return Error(fault.StatusCode, "7006", "Internal error", headers);
                case 502:
                case 504:
                    // What a gateway in front of the service answers: HTML, not the API's JSON.
                    return new SandboxResponse(fault.StatusCode, "text/html", Encoding.ASCII.GetBytes(
                        "<html><body><h1>" + fault.StatusCode.ToString(CultureInfo.InvariantCulture) + " Gateway error</h1></body></html>"), headers);
                default: return Empty(fault.StatusCode, headers);
            }
        }

        private static SandboxResponse Empty(int status, Dictionary<string, string> headers) =>
            new SandboxResponse(status, null, NoBody, headers);

        private SandboxResponse Error(int status, string code, string message, Dictionary<string, string> headers) =>
            new SandboxResponse(status, _jsonContentType, Json(json =>
            {
                json.WriteString("code", code);
                json.WriteString("message", message);
            }), headers);

        private static byte[] SuccessBody(DateTimeOffset now, string messageId, string? correlationId) =>
            Json(json =>
            {
                json.WriteString("requestTimestamp", now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
                json.WriteString("messageId", messageId);
                json.WriteString("correlationId", correlationId ?? string.Empty);
                json.WriteString("status", "queued");
            });

        private static byte[] Json(Action<Utf8JsonWriter> writeProperties)
        {
            using (var buffer = new MemoryStream(128))
            {
                using (var json = new Utf8JsonWriter(buffer))
                {
                    json.WriteStartObject();
                    writeProperties(json);
                    json.WriteEndObject();
                }
                return buffer.ToArray();
            }
        }

        private void Record(SandboxArrival arrival, SandboxHttpRequest request, string? channel, int destinations,
            int status, string? code, string? messageId, bool includeBody, DateTimeOffset? receivedAt = null)
        {
            if (!_options.RecordRequests) return;
            var body = includeBody && _options.RecordBodies ? Encoding.UTF8.GetString(request.Body) : string.Empty;
            _requests.Enqueue(new SandboxRequest(arrival.Number, receivedAt ?? arrival.ReceivedAt, channel, destinations, status, code, messageId,
                body, arrival.Fault?.ToString()));
        }

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
    }
}
