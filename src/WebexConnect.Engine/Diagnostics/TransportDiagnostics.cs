using System;
using System.Globalization;
using Polly;
using WebexConnect.Engine.Payload;
using WebexConnect.Engine.Transport;
using WebexConnect.Messages;

namespace WebexConnect.Engine.Diagnostics
{
    /// <summary>
    /// The batch transport's lines for -Verbose, -Debug and warnings: every HTTP attempt and how it ended,
    /// each wait and why, token renewals, bisection, limits adopted and the circuit. Worded from what the
    /// transport already reports (status, API code, the service's message), never from a header, so no
    /// credential can reach it. With no sink, every call does nothing.
    /// </summary>
    internal sealed class TransportDiagnostics
    {
        /// <summary>Carries the batch to Polly's retry callback.</summary>
        public static readonly ResiliencePropertyKey<OutgoingBatch> BatchKey = new ResiliencePropertyKey<OutgoingBatch>("WebexConnect.Batch");

        // Below this, a wait is the gate's own overhead, not the TPS budget holding a batch back.
        private static readonly TimeSpan MinimumWaitWorthTelling = TimeSpan.FromMilliseconds(5);

        private readonly DiagnosticSink? _sink;
        private readonly int _maxAttempts;

        public TransportDiagnostics(DiagnosticSink? sink, int maxAttempts)
        {
            _sink = sink;
            _maxAttempts = maxAttempts;
        }

        /// <summary>
        /// Where this run's requests go, once: what an admin who wrote Invoke-RestMethod calls before looks for first.
        /// The base address never holds a credential (Connect-WebexConnect refuses user information in -BaseUri).
        /// </summary>
        public void Endpoint(Uri? baseAddress, Uri path)
        {
            if (_sink is null || baseAddress is null) return;
            _sink.Debug("Requests go to POST " + new Uri(baseAddress, path).AbsoluteUri + "; -PayloadOnly shows a request's body without sending it.");
        }

        /// <summary>One HTTP attempt ended; returns <paramref name="result"/> so callers can report and return at once.</summary>
        public AttemptResult Answered(OutgoingBatch request, AttemptResult result, TimeSpan took)
        {
            if (_sink is null) return result;
            if (result.Kind == AttemptKind.Accepted && result.Response is { } response)
            {
                // Accepted by its status code alone: the rows are Queued without a MessageId, and this line is where the admin learns why.
                var id = !string.IsNullOrEmpty(response.MessageId) ? ", messageId " + response.MessageId
                    : response.BodyCut ? ", but the answer broke off before its messageId (the rows are Queued without one)" : "";
                _sink.Verbose(Head(request) + " sent, HTTP " + ((int)response.Status).ToString(CultureInfo.InvariantCulture) +
                              " in " + RunDiagnostics.Duration(took) + id + ".");
            }
            else
            {
                _sink.Verbose(Head(request) + ": " + result.What + " (" + RunDiagnostics.Duration(took) + ").");
            }

            return result;
        }

        public void GateWaited(OutgoingBatch request, TimeSpan waited)
        {
            if (_sink is null || waited < MinimumWaitWorthTelling) return;
            _sink.Debug("Batch " + RunDiagnostics.Number(request.Number) + ": waited " + RunDiagnostics.Duration(waited) +
                        " for the TPS budget before sending " + RunDiagnostics.Plural(request.DestinationCount, "destination") + ".");
        }

        /// <summary>Polly is about to wait before attempt <paramref name="retryNumber"/> + 2.</summary>
        public void Retrying(ResilienceContext context, AttemptResult? result, int retryNumber, TimeSpan delay)
        {
            if (_sink is null) return;
            var batch = context.Properties.TryGetValue(BatchKey, out var b) ? "Batch " + RunDiagnostics.Number(b.Number) + ": " : "";
            var why = result?.What ?? "the attempt failed";
            var asked = result?.Response?.RetryAfter;
            // A Retry-After beyond the longest the module waits (an hour, when a quota ran out) is cut short: saying only
            // "(Retry-After)" made the service seem to ask for the shorter wait, and the row then failed sooner than asked.
            var source = asked is null ? "backoff"
                : asked.Value > delay + TimeSpan.FromSeconds(1) ? "Retry-After asked for " + RunDiagnostics.Duration(asked.Value) + ", the most this waits"
                : "Retry-After";
            _sink.Verbose(batch + why + "; waiting " + RunDiagnostics.Duration(delay) + " (" + source + ") before attempt " +
                          RunDiagnostics.Number(retryNumber + 2) + " of " + RunDiagnostics.Number(_maxAttempts) + ".");
        }

        public void Renewing(OutgoingBatch request, AttemptResult result) =>
            _sink?.Verbose("Batch " + RunDiagnostics.Number(request.Number) + ": the service refused the credentials (" + result.What +
                           "); renewing the token and trying once more.");

        public void Bisecting(OutgoingBatch batch, AttemptResult result, int first, int second) =>
            _sink?.Verbose("Batch " + RunDiagnostics.Number(batch.Number) + ": the service refused a destination (" + result.What +
                           "); splitting " + RunDiagnostics.Plural(first + second, "destination") + " into " + RunDiagnostics.Number(first) +
                           " and " + RunDiagnostics.Number(second) + " to find it.");

        public void Splitting(OutgoingBatch batch, AttemptResult result, int size) =>
            _sink?.Verbose("Batch " + RunDiagnostics.Number(batch.Number) + ": the service refused it whole for its size (" + result.What +
                           "); resending its destinations in requests of at most " + RunDiagnostics.Number(size) + ".");

        public void Resizing(OutgoingBatch batch, AttemptResult result, int size) =>
            _sink?.Verbose("Batch " + RunDiagnostics.Number(batch.Number) + ": " + result.What + "; sending its destinations in requests of at most " +
                           RunDiagnostics.Number(size) + ".");

        public void SendingWhatFits(OutgoingBatch batch, AttemptResult result) =>
            _sink?.Debug("Batch " + RunDiagnostics.Number(batch.Number) + ": " + result.What + "; sending those first, the rest after them.");

        public void FailedFast(OutgoingBatch batch) =>
            _sink?.Debug("Batch " + RunDiagnostics.Number(batch.Number) + ": not sent, the circuit is open; its " +
                         RunDiagnostics.Plural(batch.DestinationCount, "destination") + " are Failed, safe to send again.");

        public void CircuitChanged(bool wasOpen, bool isOpen, TransportOptions options)
        {
            if (_sink is null || wasOpen == isOpen) return;
            if (!isOpen)
            {
                _sink.Verbose("The service answers again: the circuit is closed and sending resumes.");
                return;
            }

            // Two lines of a log 80 columns wide: what happened and what it means for the rows. The cause is each row's error's
            // to say (the first one whole); quoted here, with its advice, it made the warning four lines long.
            _sink.Warning(RunDiagnostics.Number(options.CircuitThreshold) + " batches in a row failed: for " + RunDiagnostics.Duration(options.CircuitBreak) +
                          " the batches after them are not sent (CircuitOpen: safe to send again), then one tries again.");
        }

        /// <summary>The service announced its TPS; <paramref name="before"/>/<paramref name="after"/> are the gate's, when known.</summary>
        public void Announced(int tps, int? before, int? after)
        {
            if (_sink is null || before == tps) return;
            var announced = RunDiagnostics.Number(tps);
            if (before is null || after is null)
                _sink.Verbose("TPS: the service announces " + announced + " (x-rate-limit-limit).");
            else if (after == tps)
                _sink.Verbose("TPS: adopted " + announced + " announced by the service (was " + RunDiagnostics.Number(before.Value) + ").");
            else
                _sink.Debug("TPS: the service announces " + announced + "; keeping " + RunDiagnostics.Number(after.Value) + " given with -Tps.");
        }

        private static string Head(OutgoingBatch request) =>
            "Batch " + RunDiagnostics.Number(request.Number) + ": " + RunDiagnostics.Number(request.DestinationCount) + " " +
            ChannelNames.Label(WireFormat.Channel(request.Shape.Message)) + (request.DestinationCount == 1 ? " destination" : " destinations");
    }
}
