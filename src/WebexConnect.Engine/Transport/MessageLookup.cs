using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WebexConnect.Engine.Auth;
using WebexConnect.Engine.Receipts;
using WebexConnect.Sending;

namespace WebexConnect.Engine.Transport
{
    /// <summary>
    /// GET /v2/messages/{messageId} (beta, API.md "Looking a message up") over the session's HttpClient and
    /// credential. A GET never sends a message, which is also why Test-WebexConnect uses it. A 401/403 made with
    /// a JWT is tried once more with a fresh token, as a send would be. A 429 is waited out and tried again (a GET is safe
    /// to repeat), at most <see cref="TriesAfter429"/> times. Never retried otherwise: one lookup is cheap to repeat by hand.
    /// </summary>
    /// <remarks>
    /// Why 429 is waited out: `Import-Csv results.csv | Get-ConnectMessage` looks up one ID after another. Before, a 429
    /// made that ID's lookup fail and the next one was asked at once, so a tenant over its rate got a failed lookup for
    /// every ID after the first 429, and more requests while it said to stop. Waiting what the service asks (Retry-After,
    /// else a second, at most <see cref="MaxWait"/>) paces the whole pipeline to it.
    /// The wait and the count of 429s in a row belong to the session, not to one ID: a 429 holds every lookup made
    /// through the session until the time the service asked for (the next ID of a pipeline, the next call of a foreach
    /// loop, a parallel runspace), and once the service has answered 429 <see cref="TriesAfter429"/> + 1 times in a row
    /// (a 429 that lasts), a lookup asks once, after the wait, and does not try again. Before, each ID had a retry budget of
    /// its own: a lasting 429 cost every ID of a night's results up to 30 s and four requests, and the next ID asked at once,
    /// while the service had just said to wait.
    /// Lookups draw nothing from the tenant's TPS ledger (the send path's RateGate): API.md budgets the TPS in destinations
    /// of POST /v2/messages and says nothing of the lookup counting against it, so a permit a lookup took would slow the
    /// tenant's sends, in every process sharing the ledger, on a guess. Lookups go one at a time, paced by the round trip and
    /// by the service's own word (429, Retry-After). Measured (session 39): 400 lookups one after another over loopback ran at
    /// about 2,000 a second, so a lookup costs its round trip: at a tenant's 20-100 ms, 10-50 a second, below the default
    /// 100 TPS, and a tenant that counts them says so with a 429, which holds them all.
    /// </remarks>
    internal sealed class MessageLookup
    {
        internal const int TriesAfter429 = 3;
        internal static readonly TimeSpan MaxWait = LookupReading.MaxWaitFor429;
        private static readonly TimeSpan WaitWithoutRetryAfter = TimeSpan.FromSeconds(1);

        private readonly HttpClient _client;
        private readonly IRequestCredential _credential;
        private readonly TimeSpan _timeout;
        private readonly Uri? _proxy;

        /// <param name="proxy">The proxy requests go through, when one does: a failure to reach it names it.</param>
        public MessageLookup(HttpClient client, IRequestCredential credential, TimeSpan timeout, Uri? proxy = null)
        {
            _proxy = proxy;
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _credential = credential ?? throw new ArgumentNullException(nameof(credential));
            _timeout = timeout;
        }

        public async Task<LookupAnswer> LookUpAsync(string messageId, CancellationToken cancellation)
        {
            if (string.IsNullOrWhiteSpace(messageId)) throw new ArgumentException("A message ID is required.", nameof(messageId));
            var path = new Uri("v2/messages/" + Uri.EscapeDataString(messageId.Trim()), UriKind.Relative);
            var started = Stopwatch.StartNew();
            // Held by an earlier lookup's 429: this one asks only when the service said it may.
            var held = await HoldAsync(cancellation).ConfigureAwait(false);
            var answer = await AskAsync(path, started, cancellation).ConfigureAwait(false);
            if ((answer.Answer.StatusCode == 401 || answer.Answer.StatusCode == 403) && _credential.Renew(answer.Used))
                answer = await AskAsync(path, started, cancellation).ConfigureAwait(false);
            var tries = 0;
            var waited = TimeSpan.Zero;
            for (; answer.Answer.StatusCode == 429 && !Lasting; tries++)
            {
                // Said as the service asked it (Retry-After, capped), which is what the hold waits out.
                waited += WaitFor(answer.RetryAfter);
                await HoldAsync(cancellation).ConfigureAwait(false);
                answer = await AskAsync(path, started, cancellation).ConfigureAwait(false);
            }
            var tooMany = tries + (answer.Answer.StatusCode == 429 ? 1 : 0);
            var result = tooMany == 0 ? answer.Answer : answer.Answer.After429s(tooMany, waited);
            return held > TimeSpan.Zero || (answer.Answer.StatusCode == 429 && Lasting) ? result.Throttled(held, InARow) : result;
        }

        // The session's 429 state, shared by every lookup made through it: until when the service asked to wait (on a clock
        // that never goes back), and how many 429s it answered in a row.
        private static readonly Stopwatch Clock = Stopwatch.StartNew();
        private readonly object _throttle = new object();
        private TimeSpan _heldUntil;
        private int _inARow;

        /// <summary>429s answered in a row to this session's lookups, whichever ID they were for; 0 after any other answer.</summary>
        internal int InARow
        {
            get { lock (_throttle) return _inARow; }
        }

        /// <summary>True once the 429s in a row are more than one lookup's tries: the service is not letting up.</summary>
        private bool Lasting => InARow > TriesAfter429;

        /// <summary>One request; a 429 holds every later one (this lookup's next try, the next lookup) for as long as it asks.</summary>
        private async Task<(LookupAnswer Answer, object? Used, TimeSpan? RetryAfter)> AskAsync(Uri path, Stopwatch started, CancellationToken cancellation)
        {
            var answer = await OnceAsync(path, started, cancellation).ConfigureAwait(false);
            lock (_throttle)
            {
                if (answer.Answer.StatusCode != 429)
                {
                    // A failure to connect says nothing of the rate: it neither ends the run of 429s nor adds to it.
                    if (answer.Answer.StatusCode != 0) _inARow = 0;
                    return answer;
                }
                _inARow++;
                var until = Clock.Elapsed + WaitFor(answer.RetryAfter);
                if (until > _heldUntil) _heldUntil = until;
            }
            return answer;
        }

        /// <summary>What a 429 asks to wait: its Retry-After, at most <see cref="MaxWait"/>; a second without one.</summary>
        private static TimeSpan WaitFor(TimeSpan? retryAfter) =>
            retryAfter is { } asked ? (asked < MaxWait ? asked : MaxWait) : WaitWithoutRetryAfter;

        /// <summary>Waits until the time the last 429 asked for, if it is still to come; returns how long it waited.</summary>
        private async Task<TimeSpan> HoldAsync(CancellationToken cancellation)
        {
            TimeSpan left;
            lock (_throttle) left = _heldUntil - Clock.Elapsed;
            if (left <= TimeSpan.Zero) return TimeSpan.Zero;
            await Task.Delay(left, cancellation).ConfigureAwait(false);
            return left;
        }

        private async Task<(LookupAnswer Answer, object? Used, TimeSpan? RetryAfter)> OnceAsync(Uri path, Stopwatch started, CancellationToken cancellation)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            var used = _credential.Apply(request);
            using var perAttempt = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            perAttempt.CancelAfter(_timeout);
            try
            {
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, perAttempt.Token).ConfigureAwait(false);
                var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                var contentType = response.Content.Headers.ContentType;
                var text = ApiResponse.Decode(bytes, contentType?.CharSet);
                var webPage = ApiResponse.IsWebPageBody(contentType?.MediaType, text);
                var retryAfter = response.Headers.RetryAfter;
                var wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date && date > DateTimeOffset.UtcNow ? date - DateTimeOffset.UtcNow : (TimeSpan?)null);
                return (LookupAnswer.Answered((int)response.StatusCode, ReadBody(text), started.Elapsed, webPage), used, wait);
            }
            catch (OperationCanceledException ex) when (!cancellation.IsCancellationRequested && !perAttempt.IsCancellationRequested && BatchTransport.IsConnectTimeout(ex))
            {
                // Never connected: filed as a connection failure (ConnectionError), as a refusal is, not as a slow service.
                return (LookupAnswer.NoAnswer(BatchTransport.WhereItFailed(ex, _client.BaseAddress, _proxy) +
                    BatchTransport.ConnectTimedOut(ConnectHttpClientFactory.ConnectTimeout), started.Elapsed), used, null);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                return (LookupAnswer.NoAnswer("no answer within " + _timeout.TotalSeconds + " s", started.Elapsed, timedOut: true), used, null);
            }
            catch (InvalidDataException ex)
            {
                // A body labelled gzip or deflate (by a proxy or gateway) that is not: the decompression's exception is no
                // HttpRequestException, and before, it ended Get-ConnectMessage with "The archive entry was compressed
                // using an unsupported compression method" and nothing about the answer.
                return (LookupAnswer.NoAnswer("the answer could not be read: its body is not the gzip or deflate its Content-Encoding names (" +
                    Reason(ex) + ")", started.Elapsed), used, null);
            }
            catch (HttpRequestException ex)
            {
                var what = BatchTransport.WhereItFailed(ex, _client.BaseAddress, _proxy)
                    ?? (BatchTransport.IsConnectFailure(ex) ? "could not reach the service: " : "the connection closed before the answer came: ");
                return (LookupAnswer.NoAnswer(what + Reason(ex), started.Elapsed), used, null);
            }
        }

        /// <summary>
        /// The exception's message and its innermost one's, without their closing periods: the failure ends a
        /// sentence of Get-ConnectMessage's ("... was not looked up: {failure}.").
        /// </summary>
        internal static string Reason(Exception ex)
        {
            var reason = ex.Message.TrimEnd('.', ' ');
            return CredentialsInUrls.Hidden(BatchTransport.CauseNotSaid(ex) is string cause ? reason + "; " + cause.TrimEnd('.', ' ') : reason);
        }

        /// <summary>The body as a JSON tree; null when it is empty or not JSON (a proxy's HTML page, say).</summary>
        private static object? ReadBody(string text)
        {
            if (text.Length == 0) return null;
            try
            {
                return JsonTree.Read(Encoding.UTF8.GetBytes(text));
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
