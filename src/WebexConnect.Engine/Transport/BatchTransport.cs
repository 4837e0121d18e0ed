using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using WebexConnect.Engine.Auth;
using WebexConnect.Engine.Diagnostics;
using WebexConnect.Engine.Dispatch;
using WebexConnect.Messages;
using WebexConnect.Results;
using WebexConnect.Sending;

namespace WebexConnect.Engine.Transport
{
    /// <summary>
    /// Sends batches to POST v2/messages over the session's HttpClient. A batch is retried only where a
    /// retry cannot duplicate a message; a 400 about a destination is bisected so only the bad recipients
    /// are rejected; every HTTP attempt first passes the session's rate gate. Thread-safe: the dispatcher
    /// may send several batches at once.
    /// </summary>
    /// <remarks>
    /// Outcomes: 2xx → Queued (Scheduled with SendAt). 429, 7020, 503, 7006 (not with a 500) and failures before the body was
    /// handed to the connection are retried with capped exponential backoff and jitter (Retry-After wins,
    /// capped); when attempts run out → Failed, safe to send again. A timeout or lost connection after the
    /// body was written, and 500/502/504 → Unknown, not resent (unless ResendAmbiguous). 4xx with a
    /// destination code (7041, 7004 naming an address or a destination field) → bisected; any other 4xx →
    /// Rejected once. 401/403 (7001/7002) → one token renewal in a JWT session, then SessionFailureException
    /// "AuthenticationFailed"; 7007 → "ServiceInactive"; 7010 → "SourceIpNotAllowed"; the proxy refusing the tunnel → "ProxyRefused"; a
    /// request that could not connect after its attempts, before any request of the run got an answer → "ServiceUnreachable". Cancellation while
    /// waiting throws; cancellation of a request whose body was written → Unknown. Attempts are counted per
    /// destination, across retries and bisection. <see cref="TransportOptions.AttemptObserver"/> hears of
    /// each attempt after its gate wait, right before the request is handed to the HttpClient, and of each
    /// attempt that was certainly not accepted, before any backoff or bisection.
    /// </remarks>
    internal sealed class BatchTransport : IBatchTransport
    {
        private static readonly Uri MessagesPath = new Uri("v2/messages", UriKind.Relative);

        private readonly HttpClient _client;
        private readonly IRequestCredential _credential;
        private readonly IRateGate _gate;
        private readonly IPayloadSource _payload;
        private readonly TransportOptions _options;
        private readonly TimeProvider _clock;
        private readonly ResiliencePipeline<AttemptResult> _retry;
        private readonly FailureCircuit _circuit;
        private readonly TransportDiagnostics _tell;
        // The run's accounting of what its requests are doing, for the line on what limited its pace; null without a sink.
        private readonly PaceMeter? _pace;
        private int _adoptedTps;

        /// <summary>The service accepted a request of this run: a later 401 is a credential revoked since, not a wrong one.</summary>
        private bool _accepted;

        /// <summary>
        /// Some request of this run got an HTTP answer, whatever it was: until then, a batch that could not connect after all
        /// its attempts shows the service out of reach, and the run stops (<see cref="Unreachable"/>) rather than wait out the
        /// circuit's rounds batch after batch.
        /// </summary>
        private bool _answered;

        public BatchTransport(HttpClient client, IRequestCredential credential, IRateGate gate, IPayloadSource payload,
            TransportOptions? options = null, TimeProvider? clock = null, DiagnosticSink? diagnostics = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _credential = credential ?? throw new ArgumentNullException(nameof(credential));
            _gate = gate ?? throw new ArgumentNullException(nameof(gate));
            _payload = payload ?? throw new ArgumentNullException(nameof(payload));
            _options = options ?? new TransportOptions();
            _options.Validate();
            _clock = clock ?? TimeProvider.System;
            _circuit = new FailureCircuit(_options.CircuitThreshold, _options.CircuitBreak, _clock);
            _tell = new TransportDiagnostics(diagnostics, _options.MaxAttempts);
            _pace = diagnostics?.Pace;
            _retry = BuildRetry(_options, _clock, _tell);
            _tell.Endpoint(client.BaseAddress, MessagesPath);
        }

        /// <summary>True while batches fail fast after repeated failures (see <see cref="FailureCircuit"/>).</summary>
        public bool CircuitOpen => _circuit.IsOpen;

        public async Task<BatchOutcome> SendAsync(OutgoingBatch batch, CancellationToken cancellationToken)
        {
            if (batch is null) throw new ArgumentNullException(nameof(batch));
            // Stopped before anything was tried: the batch certainly never left, which the dispatcher must hear to report
            // its rows as not sent rather than Unknown (a batch handed over just before a failure can start after it).
            if (cancellationToken.IsCancellationRequested)
                throw new BatchNeverSentException(new OperationCanceledException(cancellationToken));

            var outcomes = new DestinationOutcome?[batch.Recipients.Count];
            if (outcomes.Length == 0) return new BatchOutcome(Array.Empty<DestinationOutcome>());
            if (!_circuit.TryPass(out var stopped, out var circuitTicket))
            {
                _tell.FailedFast(batch);
                Fill(outcomes, 0, outcomes.Length, SendStatus.Failed, "CircuitOpen", stopped!.TrimEnd('.') + ". Safe to send again.", 0);
                return new BatchOutcome(outcomes!);
            }

            var run = new RunState();
            try
            {
                await SendPartAsync(batch, batch.Recipients, 0, 0, outcomes, run, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && Array.Exists(outcomes, o => o is not null))
            {
                // Part of the batch already reached the service: report it, and the rest as never sent.
                for (var i = 0; i < outcomes.Length; i++)
                {
                    outcomes[i] ??= new DestinationOutcome
                    {
                        Status = SendStatus.Failed,
                        Code = "Cancelled",
                        Reason = "Not sent: the run was cancelled before this request. Safe to send again.",
                    };
                }
            }
            catch (OperationCanceledException cancelled) when (!run.MayHaveBeenAccepted && !(cancelled is BatchNeverSentException))
            {
                _circuit.Abandon();
                throw new BatchNeverSentException(cancelled);
            }
            catch (SessionFailureException failure) when (!run.MayHaveBeenAccepted)
            {
                _circuit.Abandon();
                failure.BatchNeverAccepted = true;
                throw;
            }
            catch (SessionFailureException failure)
            {
                // Part of the batch was (or may have been) accepted: what is known of each recipient goes with the failure.
                _circuit.Abandon();
                throw new BatchStoppedException(failure, outcomes, run.Fates(outcomes, failure.RefusedByService));
            }
            catch
            {
                _circuit.Abandon();
                throw;
            }

            // A cancelled run says nothing about the service's health.
            if (cancellationToken.IsCancellationRequested) _circuit.Abandon();
            else
            {
                var wasOpen = _circuit.IsOpen;
                RecordForCircuit(outcomes!, circuitTicket, run.LastFailure);
                _tell.CircuitChanged(wasOpen, _circuit.IsOpen, _options);
            }

            var last = run.LastResponse;
            return new BatchOutcome(outcomes!)
            {
                AnnouncedTpsLimit = last?.RateLimitLimit,
                RateLimitRemaining = last?.RateLimitRemaining,
                QuotaHeaders = last?.QuotaHeaders ?? new Dictionary<string, string>(),
            };
        }

        /// <summary>Sends recipients[start..start+count) as one request; bisects on a destination 400.</summary>
        private async Task SendPartAsync(OutgoingBatch batch, IReadOnlyList<Recipient> part, int start, int priorAttempts,
            DestinationOutcome?[] outcomes, RunState run, CancellationToken cancellationToken)
        {
            var request = part.Count == batch.Recipients.Count ? batch : new OutgoingBatch(batch.Shape, part, batch.Number);
            run.Sending(start, part.Count);
            var tried = _clock.GetLocalNow();
            var (result, attempts) = await ExchangeAsync(request, run, cancellationToken).ConfigureAwait(false);
            var total = priorAttempts + attempts;

            switch (result.Kind)
            {
                case AttemptKind.Accepted:
                    var response = result.Response!;
                    // One outcome for the whole request (it is the same for each of its recipients, and never changed).
                    var accepted = new DestinationOutcome
                    {
                        Status = batch.Shape.Message.SendAt is null ? SendStatus.Queued : SendStatus.Scheduled,
                        MessageId = response.MessageId,
                        Attempts = total,
                        SubmittedAt = response.RequestTimestamp ?? _clock.GetLocalNow(),
                    };
                    for (var i = 0; i < part.Count; i++) outcomes[start + i] = accepted;
                    return;

                case AttemptKind.DestinationRejected when part.Count > 1:
                    var half = part.Count / 2;
                    _tell.Bisecting(batch, result, half, part.Count - half);
                    await SendPartAsync(batch, Slice(part, 0, half), start, total, outcomes, run, cancellationToken).ConfigureAwait(false);
                    await SendPartAsync(batch, Slice(part, half, part.Count - half), start + half, total, outcomes, run, cancellationToken).ConfigureAwait(false);
                    return;

                case AttemptKind.Rejected when result.Code == "7009" && _gate.MaxBatchSize < request.DestinationCount:
                    // Too many destinations for the tenant, refused whole (nothing was taken in): the gate has
                    // lowered itself, so resend the same recipients in requests of the new size.
                    _tell.Splitting(batch, result, _gate.MaxBatchSize);
                    await SendInPiecesAsync(batch, part, start, total, outcomes, run, cancellationToken).ConfigureAwait(false);
                    return;

                case AttemptKind.Oversized when result.FitsNow is int fits:
                    // Part of a budget shared with other processes is free: that part goes now, the rest after it.
                    _tell.SendingWhatFits(batch, result);
                    await SendInPiecesAsync(batch, part, start, total, outcomes, run, cancellationToken, firstPiece: fits).ConfigureAwait(false);
                    return;

                case AttemptKind.Oversized when part.Count == 1 && result.TpsInForce is int tps:
                    // One destination object (one row's -To list) larger than the TPS: it cannot be split into requests that
                    // fit, and resent whole it was sent back again, for ever: the command waited without end or a word.
                    Fill(outcomes, start, 1, SendStatus.Failed, TooManyDestinationsCode, TooManyForOneRequest(part[0].Addresses.Count, tps), total);
                    return;

                case AttemptKind.Oversized:
                    // The gate's limit fell below this request's size while it waited (after a 429 of its own or of
                    // another request, once Retry-After has passed): nothing left, so resend it in requests that fit.
                    _tell.Resizing(batch, result, _gate.MaxBatchSize);
                    await SendInPiecesAsync(batch, part, start, total, outcomes, run, cancellationToken).ConfigureAwait(false);
                    return;

                case AttemptKind.DestinationRejected:
                case AttemptKind.Rejected:
                case AttemptKind.Expired:
                    // A web page's refusal is not the service's (AttemptResult.WebPage says whose it may be).
                    Fill(outcomes, start, part.Count, SendStatus.Rejected, result.Code,
                        (result.Response?.IsWebPage == true ? "Not accepted: " : "Rejected by the service: ") + result.What + ".", total);
                    return;

                case AttemptKind.Transient when NeverReached(result):
                    throw Unreachable(result, attempts);

                case AttemptKind.Transient:
                    run.LastFailure = result.What;
                    Fill(outcomes, start, part.Count, SendStatus.Failed, result.Code,
                        "Not sent: " + result.What + " (" + Count(attempts) + "). Safe to send again.", total);
                    return;

                case AttemptKind.Interrupted:
                    run.LastFailure = result.What;
                    Fill(outcomes, start, part.Count, SendStatus.Unknown, result.Code,
                        "The run was cancelled while the request was in flight: it may or may not have been accepted. " + CheckBeforeSendingAgain,
                        total, tried);
                    return;

                default:
                    run.LastFailure = result.What;
                    var resent = _options.ResendAmbiguous && attempts > 1
                        ? " It was resent (-ResendUnknown), " + Count(attempts) + " in all, and may have been accepted more than once."
                        : " It was not resent, to avoid a duplicate.";
                    Fill(outcomes, start, part.Count, SendStatus.Unknown, result.Code,
                        "The request may or may not have been accepted (" + result.What + ")." + resent + " " + CheckBeforeSendingAgain,
                        total, tried);
                    return;
            }
        }

        /// <summary>
        /// How to learn whether an Unknown row went, and what the journal does with it. "Check delivery reports" alone left an
        /// admin whose run timed out asking where, and whether a re-run would send the row a second time.
        /// </summary>
        private string CheckBeforeSendingAgain =>
            "Check " + RerunAdvice.WhereToCheck + " before sending it again: " + RerunAdvice.MaybeSent(_options.Journaled);

        /// <summary>Sends recipients in requests of at most the gate's batch size, each on its own.</summary>
        private async Task SendInPiecesAsync(OutgoingBatch batch, IReadOnlyList<Recipient> part, int start, int priorAttempts,
            DestinationOutcome?[] outcomes, RunState run, CancellationToken cancellationToken, int? firstPiece = null)
        {
            var offset = 0;
            while (offset < part.Count)
            {
                var size = offset == 0 && firstPiece is int first ? Math.Min(first, _gate.MaxBatchSize) : _gate.MaxBatchSize;
                var count = RequestPieces.CountThatFit(part, offset, size);

                await SendPartAsync(batch, Slice(part, offset, count), start + offset, priorAttempts, outcomes, run, cancellationToken).ConfigureAwait(false);
                offset += count;
            }
        }

        /// <summary>One request, with its safe retries and at most one credential renewal.</summary>
        private async Task<(AttemptResult Result, int Attempts)> ExchangeAsync(OutgoingBatch request, RunState run, CancellationToken cancellationToken)
        {
            var body = _payload.Body(request);
            var attempts = 0;
            var tries = 0;
            var renewed = false;
            while (true)
            {
                AttemptResult result;
                // The context carries the batch to the retry callback, which says why and how long it waits.
                var context = ResilienceContextPool.Shared.Get(cancellationToken);
                _pace?.EnterExchange();
                try
                {
                    context.Properties.Set(TransportDiagnostics.BatchKey, request);
                    result = await _retry.ExecuteAsync(async ctx =>
                    {
                        // Outside an attempt, inside the exchange: the request waits to be resent (the pace line's "retries").
                        _pace?.EnterAttempt(again: tries++ > 0);
                        try
                        {
                            var attempt = await AttemptAsync(request, body, run, ctx.CancellationToken).ConfigureAwait(false);
                            // Sent back by the gate for its size: it never left, so it is no attempt.
                            if (attempt.Kind == AttemptKind.Oversized) return attempt;
                            attempts++;
                            if (CertainlyNotAccepted(attempt.Kind)) _options.AttemptObserver?.NotAccepted(request.Recipients);
                            else run.MayHaveReached();
                            return attempt;
                        }
                        finally
                        {
                            _pace?.LeaveAttempt();
                        }
                    }, context).ConfigureAwait(false);
                }
                finally
                {
                    _pace?.LeaveExchange();
                    ResilienceContextPool.Shared.Return(context);
                }

                switch (result.Kind)
                {
                    case AttemptKind.Unauthorized when !renewed && _credential.Renew(result.CredentialUsed):
                    case AttemptKind.Expired when !renewed && _credential.Renew(result.CredentialUsed):
                        renewed = true;
                        _tell.Renewing(request, result);
                        continue;
                    case AttemptKind.Unauthorized when result.Response?.IsWebPage == true:
                        // The API's 401 has an empty body: a 401/403 page is a proxy's or firewall's, which the key cannot fix.
                        throw new SessionFailureException("AuthenticationFailed",
                            "The request was refused, but not by the Messaging API: " + WebPageAnswer.Describe((int)result.Response.Status, _client.BaseAddress) +
                            ". The credentials were not checked.", result.Code) { RefusedByService = true };
                    case AttemptKind.Unauthorized:
                        throw new SessionFailureException("AuthenticationFailed",
                            "The service refused the credentials (" + result.What + ")" + (renewed ? " even with a fresh token" : "") + ". " +
                            (Volatile.Read(ref _accepted)
                                ? RefusedCredential.AfterAccepting(_credential is JwtCredential, _options.Journaled)
                                : RefusedCredential.WhatToCheck(_client.BaseAddress, _credential is JwtCredential, _clock.GetUtcNow())),
                            result.Code) { RefusedByService = true, SessionRefusedWith = result.What };
                    case AttemptKind.SessionFatal when result.Code == "7007":
                        throw new SessionFailureException("ServiceInactive",
                            "The service is inactive (" + result.What + "). Activate it in Webex Connect before sending.", result.Code)
                            { RefusedByService = true, SessionRefusedWith = result.What };
                    case AttemptKind.ProxyRefused:
                        throw new SessionFailureException("ProxyRefused",
                            "The proxy between this computer and " + _client.BaseAddress?.Host + " refused to open a connection to it (" + result.What +
                            "). Nothing was sent. Check the proxy's address, user name and password (HTTPS_PROXY or ALL_PROXY, or the system proxy; " +
                            ProxyVariablesReadOnce + "), " +
                            "and that it lets this computer reach " + _client.BaseAddress?.Host + " on port " + _client.BaseAddress?.Port + ".", result.Code);
                    case AttemptKind.SessionFatal:
                        throw new SessionFailureException("SourceIpNotAllowed",
                            "The service does not accept requests from this machine's IP address (" + result.What +
                            "). Add the address to the service's allowed IPs in Webex Connect.", result.Code)
                            { RefusedByService = true, SessionRefusedWith = result.What };
                }

                return (result, attempts);
            }
        }

        private async Task<AttemptResult> AttemptAsync(OutgoingBatch request, ReadOnlyMemory<byte> body, RunState run, CancellationToken cancellationToken)
        {
            var waitStarted = _clock.GetTimestamp();
            RatePermit permit;
            _pace?.EnterGate();
            try
            {
                permit = await _gate.WaitAsync(request.DestinationCount, cancellationToken).ConfigureAwait(false) ?? RatePermit.None;
            }
            catch (OversizedRequestException oversized)
            {
                return oversized.FitsNow is int fits ? AttemptResult.PartlyFits(fits) : AttemptResult.Oversized(oversized.Tps);
            }
            finally
            {
                _pace?.LeaveGate();
            }

            var sendStarted = _clock.GetTimestamp();
            _tell.GateWaited(request, _clock.GetElapsedTime(waitStarted, sendStarted));
            using var content = new JsonBodyContent(body, permit.Leaving);
            var answering = false;
            try
            {
                // Last, after the gate and any backoff: a request still waiting has not left, whatever happens to the process.
                cancellationToken.ThrowIfCancellationRequested();
                _options.AttemptObserver?.BeforeAttempt(request.Recipients);

                using var message = new HttpRequestMessage(HttpMethod.Post, MessagesPath);
                message.Content = content;
                var used = _credential.Apply(message);
                using var perAttempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                perAttempt.CancelAfter(_options.RequestTimeout);
                try
                {
                    _pace?.EnterAnswer();
                    answering = true;
                    // Headers first: ApiResponse reads at most MaxBodyBytes of the body, so a huge answer cannot fill memory.
                    using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, perAttempt.Token).ConfigureAwait(false);
                    permit.Heard();
                    Volatile.Write(ref _answered, true);
                    var parsed = await ApiResponse.ReadAsync(response, _clock.GetUtcNow(), perAttempt.Token).ConfigureAwait(false);
                    // The service's own time of arrival tells the gate how long these destinations count.
                    permit.Answered(parsed.RequestTimestamp, parsed.IsSuccess);
                    if (parsed.IsSuccess) Volatile.Write(ref _accepted, true);
                    run.LastResponse = parsed;
                    AdoptAnnounced(parsed);
                    var result = AttemptResult.From(parsed, request.Recipients);
                    if (RefusedForRate(parsed, result)) _gate.Refused(permit, result.Code ?? "429");
                    result.CredentialUsed = used;
                    _tell.Answered(request, result, _clock.GetElapsedTime(sendStarted));
                    return result;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Stopped after the observer recorded the request as leaving (the journal's intent) but before one byte
                    // of its body left: the service cannot have it, so the observer hears so, the rows count as not sent, and
                    // a re-run with the journal sends them instead of reporting them Unknown. A body that started to leave,
                    // however far it got, is Unknown here too, as the journal keeps it: before, one stopped part-way was
                    // counted "not sent" by the stop's warning while the journal's re-run reported it Unknown.
                    if (content.WithholdIfNotStarted())
                    {
                        _options.AttemptObserver?.NotAccepted(request.Recipients);
                        throw;
                    }
                    return _tell.Answered(request, AttemptResult.Interrupted(), _clock.GetElapsedTime(sendStarted));
                }
                catch (OperationCanceledException ex) when (!perAttempt.IsCancellationRequested && !content.BodyWritten && IsConnectTimeout(ex))
                {
                    // The handler's ConnectTimeout, not -TimeoutSec: before, this read "could not connect and send within 30 s".
                    return _tell.Answered(request, AttemptResult.Transient(ConnectionFailedCode,
                        ConnectFailureOpening(ex, _client.BaseAddress, _options.Proxy) + ConnectTimedOut(_options.ConnectTimeout)), _clock.GetElapsedTime(sendStarted));
                }
                catch (OperationCanceledException)
                {
                    var limit = Seconds(_options.RequestTimeout);
                    return _tell.Answered(request, content.BodyWritten
                        ? AttemptResult.Ambiguous("Timeout", "no response within " + limit + ", the -TimeoutSec of Connect-WebexConnect")
                        : AttemptResult.Transient("Timeout", "could not connect and send within " + limit), _clock.GetElapsedTime(sendStarted));
                }
                catch (HttpRequestException ex)
                {
                    // Only whether the body left decides: a socket error that names a connect-phase cause
                    // (HostUnreachable, NetworkDown...) can still strike after the body was written, when the
                    // service may already have accepted it, and a retry then would send the message twice.
                    if (!content.BodyWritten && IsProxyRefusal(ex))
                        return _tell.Answered(request, AttemptResult.ProxyRefused(Describe(ex)), _clock.GetElapsedTime(sendStarted));
                    return _tell.Answered(request, !content.BodyWritten
                        ? AttemptResult.Transient(ConnectionFailedCode, ConnectFailureOpening(ex, _client.BaseAddress, _options.Proxy) + Describe(ex))
                        : AttemptResult.Ambiguous("ConnectionLost", "the connection failed after the request was sent: " + Describe(ex)),
                        _clock.GetElapsedTime(sendStarted));
                }
            }
            finally
            {
                // Whatever happened: a request whose body left may have been counted; one whose body did not, was not.
                if (content.BodyWritten) permit.Answered(null);
                else permit.NotSent();
                if (answering) _pace?.LeaveAnswer(_clock.GetElapsedTime(sendStarted));
            }
        }

        /// <summary>
        /// A request that used up its attempts without ever reaching a server (refused, a host name that does not resolve, a
        /// proxy out of reach, a failed TLS handshake, no connection within the timeout), in a run that no request of has
        /// reached: nothing of it left, and every later batch would meet the same.
        /// </summary>
        private bool NeverReached(AttemptResult result) =>
            (result.Code is ConnectionFailedCode or "Timeout") && !Volatile.Read(ref _answered);

        /// <summary>The Code of an attempt that failed before its body was handed to the connection.</summary>
        internal const string ConnectionFailedCode = "ConnectionFailed";

        /// <summary>The run's stop when no request of it could reach the service: its rows are not sent, and safe to send again.</summary>
        private static SessionFailureException Unreachable(AttemptResult result, int attempts) =>
            new SessionFailureException("ServiceUnreachable",
                "The service could not be reached (" + Count(attempts) + "): " + result.What + ". The run stopped: its rows were not sent " +
                "and are safe to send again. Once the service can be reached, run the same command again (with -Journal, only the rows " +
                "it did not send go).", result.Code);

        /// <summary>Refused for the rate (429/7020) or for too many destinations at once (7009): the gate may adapt.</summary>
        private static bool RefusedForRate(ApiResponse response, AttemptResult result) =>
            (int)response.Status == 429 || result.Code is "7020" or "7009";

        private void AdoptAnnounced(ApiResponse response)
        {
            if (response.RateLimitLimit is not { } tps || tps <= 0) return;
            if (Interlocked.Exchange(ref _adoptedTps, tps) == tps) return;
            var before = (_gate as RateGate)?.Tps;
            _gate.AdoptAnnouncedLimit(tps);
            _tell.Announced(tps, before, (_gate as RateGate)?.Tps);
        }

        /// <param name="lastFailure">What the batch's last failed request met ("HTTP 502"): the circuit quotes it, not a row's advice.</param>
        private void RecordForCircuit(DestinationOutcome[] outcomes, long circuitTicket, string? lastFailure)
        {
            foreach (var outcome in outcomes)
            {
                if (outcome.Status is not (SendStatus.Failed or SendStatus.Unknown))
                {
                    _circuit.Record(serviceAnswered: true, null);
                    return;
                }
            }

            if (outcomes.Length > 0) _circuit.Record(serviceAnswered: false, lastFailure ?? outcomes[0].Code, circuitTicket);
        }

        /// <summary>
        /// How a failure before the request left begins its sentence. A host name that does not resolve is mostly a
        /// -BaseUri typo or a region that does not exist, so it says what to check, not only the resolver's words.
        /// </summary>
        /// <param name="proxy">The proxy requests go through, when one does (<see cref="ConnectHttpClientFactory.ProxyFor"/>).</param>
        internal static string ConnectFailureOpening(Exception ex, Uri? endpoint, Uri? proxy = null) =>
            WhereItFailed(ex, endpoint, proxy) ?? (IsConnectFailure(ex) ? "could not connect: " : "the connection failed before the request was sent: ");

        /// <summary>
        /// .NET reads the proxy variables once per process, at its first web request: one set or changed afterwards in the
        /// same PowerShell (often just after this very message) changes nothing, and the admin is left thinking it is wrong.
        /// </summary>
        internal const string ProxyVariablesReadOnce =
            "PowerShell reads these variables once, at its first web request: set them, then start a new PowerShell";

        /// <summary>
        /// The start of a sentence that says what to check, for a failure whose words alone do not: the proxy could not be
        /// reached (its "Connection refused (10.0.0.5:3128)" names an address the admin never gave the module), the API's
        /// host name did not resolve, or the API's host could not be connected to. Null for any other failure.
        /// </summary>
        internal static string? WhereItFailed(Exception ex, Uri? endpoint, Uri? proxy)
        {
            // Through a proxy, the connection and the name lookup are the proxy's: the API's host is the proxy's to reach. A
            // proxy that answered the tunnel request was reached (IsProxyRefusal), and its own words say what it refused.
            if (proxy is not null && (IsNameResolutionFailure(ex) || IsConnectFailure(ex)) && !IsProxyRefusal(ex))
                return "could not reach the proxy " + proxy.Scheme + "://" + proxy.Authority + " that this computer's proxy setting names " +
                    "(HTTPS_PROXY or ALL_PROXY, or the system's); check that it runs, or list the API's host in NO_PROXY to go direct " +
                    "(" + ProxyVariablesReadOnce + "): ";
            if (IsNameResolutionFailure(ex) && endpoint is not null)
                return "could not find the host " + endpoint.Host + " (check Connect-WebexConnect -BaseUri or -Region, and this computer's DNS and network): ";
            // Refused or unreachable on the way to the API itself: a network that is down, a firewall, or a -BaseUri with the
            // wrong host or port. Before, "could not connect: Connection refused (192.0.2.1:443)" said nothing of what to check.
            if (proxy is null && endpoint is not null && IsConnectFailure(ex))
                return "could not connect to " + endpoint.Host + " (check this computer's network and firewall, and Connect-WebexConnect -BaseUri or -Region): ";
            // Connected, and the TLS handshake failed: a -BaseUri port that speaks plain HTTP, a certificate this computer does not
            // trust, or a proxy or firewall that inspects TLS. .NET's "The SSL connection could not be established" names none.
            if (endpoint is not null && IsSecureConnectionFailure(ex))
                return "could not set up a secure (TLS) connection with " + endpoint.Host + ":" + endpoint.Port.ToString(CultureInfo.InvariantCulture) +
                    " (check that Connect-WebexConnect -BaseUri is the API's https:// address, this computer's trusted certificates, " +
                    "and any proxy or firewall that inspects TLS): ";
            return null;
        }

        /// <summary>The TLS handshake failed: .NET 8 says so directly; .NET Framework through an AuthenticationException or its web exception.</summary>
        internal static bool IsSecureConnectionFailure(Exception ex)
        {
#if NET8_0_OR_GREATER
            if (ex is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }) return true;
#endif
            for (var inner = ex; inner is not null; inner = inner.InnerException)
            {
                if (inner is System.Security.Authentication.AuthenticationException) return true;
                if (inner is WebException { Status: WebExceptionStatus.SecureChannelFailure or WebExceptionStatus.TrustFailure }) return true;
            }

            return false;
        }

        /// <summary>
        /// The handler gave up setting up the connection (<see cref="ConnectHttpClientFactory.ConnectTimeout"/>): nothing answered,
        /// neither a refusal nor a handshake. .NET 8 says so as a cancellation whose cause is a TimeoutException; the
        /// request's own timeout and a stop are cancellations without one.
        /// </summary>
        internal static bool IsConnectTimeout(Exception ex) => ex is OperationCanceledException && ex.InnerException is TimeoutException;

        /// <summary>What a connect timeout met, in the words of an admin's network: no refusal came, only silence.</summary>
        internal static string ConnectTimedOut(TimeSpan limit) =>
            "no answer within " + Seconds(limit) + " to setting up a connection (nothing refused it: a wrong address, " +
            "or a firewall that drops the packets)";

        /// <summary>The host name did not resolve (DNS): .NET 8 says so directly; .NET Framework through its socket or web exception.</summary>
        internal static bool IsNameResolutionFailure(Exception ex)
        {
#if NET8_0_OR_GREATER
            if (ex is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }) return true;
#endif
            for (var inner = ex; inner is not null; inner = inner.InnerException)
            {
                if (inner is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData }) return true;
                if (inner is WebException { Status: WebExceptionStatus.NameResolutionFailure }) return true;
            }

            return false;
        }

        /// <summary>
        /// Connect-phase failures, for the message only: whether a retry is safe is decided by
        /// <see cref="JsonBodyContent.BodyWritten"/>, never by the kind of error. .NET 8 says so directly; .NET Framework wraps
        /// a WebException or SocketException whose status tells the phase.
        /// </summary>
        internal static bool IsConnectFailure(Exception ex)
        {
            if (IsConnectTimeout(ex)) return true;
#if NET8_0_OR_GREATER
            if (ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError })
            {
                return true;
            }
#endif
            for (var inner = ex; inner is not null; inner = inner.InnerException)
            {
                if (inner is SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case SocketError.ConnectionRefused:
                        case SocketError.HostNotFound:
                        case SocketError.HostUnreachable:
                        case SocketError.NetworkUnreachable:
                        case SocketError.NetworkDown:
                        case SocketError.TryAgain:
                        case SocketError.NoData:
                        case SocketError.AddressNotAvailable:
                            return true;
                    }
                }

                if (inner is WebException web)
                {
                    switch (web.Status)
                    {
                        case WebExceptionStatus.ConnectFailure:
                        case WebExceptionStatus.NameResolutionFailure:
                        case WebExceptionStatus.ProxyNameResolutionFailure:
                            return true;
                    }
                }
            }

            return false;
        }

        private static ResiliencePipeline<AttemptResult> BuildRetry(TransportOptions options, TimeProvider clock, TransportDiagnostics tell)
        {
            var builder = new ResiliencePipelineBuilder<AttemptResult> { TimeProvider = clock };
            if (options.MaxAttempts > 1)
            {
                builder.AddRetry(new RetryStrategyOptions<AttemptResult>
                {
                    MaxRetryAttempts = options.MaxAttempts - 1,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.BaseBackoff,
                    MaxDelay = options.MaxBackoff,
                    ShouldHandle = args => new ValueTask<bool>(args.Outcome.Result is { } r && ShouldRetry(r, options)),
                    // The service's own Retry-After wins over our backoff, within reason.
                    DelayGenerator = args => new ValueTask<TimeSpan?>(
                        args.Outcome.Result?.Response?.RetryAfter is { } after
                            ? (after < options.MaxRetryAfter ? after : options.MaxRetryAfter)
                            : null),
                    OnRetry = args =>
                    {
                        tell.Retrying(args.Context, args.Outcome.Result, args.AttemptNumber, args.RetryDelay);
                        return default;
                    },
                });
            }

            return builder.Build();
        }

        /// <summary>An attempt the service refused, or that failed before its body was sent: nothing of it was accepted.</summary>
        private static bool CertainlyNotAccepted(AttemptKind kind) =>
            kind is not (AttemptKind.Accepted or AttemptKind.Ambiguous or AttemptKind.Interrupted);

        /// <summary>
        /// The proxy answered the tunnel request with a refusal (407, 403...): .NET 8 says so as ProxyTunnelError. An
        /// unreachable proxy is a ConnectionError, retried like any connection failure. .NET Framework does not tell
        /// this apart, so there it stays a retried connection failure.
        /// </summary>
        internal static bool IsProxyRefusal(Exception ex)
        {
#if NET8_0_OR_GREATER
            return ex is HttpRequestException { HttpRequestError: HttpRequestError.ProxyTunnelError };
#else
            return false;
#endif
        }

        private static bool ShouldRetry(AttemptResult result, TransportOptions options) =>
            result.Kind == AttemptKind.Transient || (result.Kind == AttemptKind.Ambiguous && options.ResendAmbiguous);

        /// <param name="tried">For Unknown: when its request first left. No receipt received before then can be for it, which
        /// keeps Wait-ConnectDelivery from taking an earlier send's receipt by the correlation ID the two share.</param>
        /// <summary>The Code of a row whose destinations are more than the TPS lets one request carry.</summary>
        internal const string TooManyDestinationsCode = "TooManyDestinations";

        internal static string TooManyForOneRequest(int destinations, int tps) =>
            "Not sent: the row has " + destinations.ToString(CultureInfo.InvariantCulture) + " destinations, more than the TPS in force (" +
            tps.ToString(CultureInfo.InvariantCulture) + ") lets one request carry, and the destinations of one row go in one request. " +
            "Give each its own row (... | ForEach-Object { [pscustomobject]@{ To = $_ } } | <the same command>), which go in as many " +
            "requests as they need, or connect with your tenant's -Tps if it is higher. Safe to send again.";

        private static void Fill(DestinationOutcome?[] outcomes, int start, int count, SendStatus status, string? code, string? reason, int attempts,
            DateTimeOffset? tried = null)
        {
            var outcome = new DestinationOutcome { Status = status, Code = code, Reason = reason, Attempts = attempts, SubmittedAt = tried };
            for (var i = start; i < start + count; i++) outcomes[i] = outcome;
        }

        private static IReadOnlyList<Recipient> Slice(IReadOnlyList<Recipient> list, int start, int count)
        {
            var slice = new Recipient[count];
            for (var i = 0; i < count; i++) slice[i] = list[start + i];
            return slice;
        }

        private static string Count(int attempts) => attempts == 1 ? "1 attempt" : attempts.ToString(CultureInfo.InvariantCulture) + " attempts";

        private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

        // The exception's own text: .NET's messages name the host and the socket error, never a header; a proxy's
        // URL they quote may carry its password (HTTPS_PROXY=http://user:password@...), which is hidden. Its closing
        // period goes: the sentences it is quoted in end with their own ("...ASCII characters.." before).
        private static string Describe(Exception ex) =>
            CredentialsInUrls.Hidden(CauseNotSaid(ex) is string cause ? ex.Message + " (" + cause + ")" : ex.Message).TrimEnd('.');

        /// <summary>
        /// The innermost exception's message, when the outer message does not already say it: .NET often repeats the cause
        /// there ("Connection refused (127.0.0.1:443)"), and a failure's text should say it once. Null when it is said.
        /// </summary>
        internal static string? CauseNotSaid(Exception ex)
        {
            var innermost = ex;
            while (innermost.InnerException is not null) innermost = innermost.InnerException;
            if (ReferenceEquals(innermost, ex)) return null;
            return ex.Message.IndexOf(innermost.Message.TrimEnd('.', ' '), StringComparison.Ordinal) >= 0 ? null : innermost.Message;
        }

        /// <summary>What one SendAsync learned along the way. Its requests go one at a time.</summary>
        private sealed class RunState
        {
            public ApiResponse? LastResponse;

            /// <summary>What the last request that failed met ("HTTP 502", "no response within 30 s").</summary>
            public string? LastFailure;

            private int _sendingStart;
            private int _sendingCount;
            private bool _sendingMayHaveReached;

            /// <summary>Some attempt of the batch was (or may have been) accepted: a later failure cannot call it never sent.</summary>
            public bool MayHaveBeenAccepted { get; private set; }

            /// <summary>The request for recipients [start, start+count) is about to be exchanged.</summary>
            public void Sending(int start, int count)
            {
                _sendingStart = start;
                _sendingCount = count;
                _sendingMayHaveReached = false;
            }

            /// <summary>An attempt of the request being exchanged was (or may have been) accepted.</summary>
            public void MayHaveReached()
            {
                MayHaveBeenAccepted = true;
                _sendingMayHaveReached = true;
            }

            /// <summary>
            /// After a failure that stopped the batch: how far each recipient's request got. Every request before the
            /// one being exchanged has its outcome, or was refused whole before it was split; the recipients after it
            /// were never sent; only the one being exchanged may have gone, or was refused with the failure itself.
            /// </summary>
            public StoppedFate[] Fates(DestinationOutcome?[] outcomes, bool refusedByService)
            {
                var fates = new StoppedFate[outcomes.Length];
                for (var i = 0; i < outcomes.Length; i++)
                {
                    var inFlight = i >= _sendingStart && i < _sendingStart + _sendingCount;
                    fates[i] = outcomes[i] is not null ? StoppedFate.Answered
                        : !inFlight ? StoppedFate.NeverLeft
                        : _sendingMayHaveReached ? StoppedFate.MayHaveGone
                        : refusedByService ? StoppedFate.Refused
                        : StoppedFate.NeverLeft;
                }

                return fates;
            }
        }
    }
}
