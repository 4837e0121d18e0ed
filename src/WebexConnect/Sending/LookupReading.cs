using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using WebexConnect.Results;

namespace WebexConnect.Sending
{
    /// <summary>A lookup the service did not answer usefully: the ErrorId, and whether every later lookup would fail too.</summary>
    internal sealed class LookupProblem
    {
        public LookupProblem(string errorId, ErrorCategory category, string message, bool stopsTheCommand)
        {
            ErrorId = errorId;
            Category = category;
            Message = message;
            StopsTheCommand = stopsTheCommand;
        }

        public string ErrorId { get; }
        public ErrorCategory Category { get; }
        public string Message { get; }
        public bool StopsTheCommand { get; }

        /// <param name="target">What the error is about.</param>
        /// <param name="where">Put before the message: the row it is about ("Row 7: "), or nothing.</param>
        public ErrorRecord ToErrorRecord(object? target, string where = "") =>
            new ErrorRecord(new InvalidOperationException(where + Message), ErrorId, Category, target);
    }

    /// <summary>
    /// What an answer to GET /v2/messages/{messageId} means, for Get-ConnectMessage (the message, or a problem)
    /// and for Test-WebexConnect (was the credential accepted). Plain C#, so every status is tested without a host.
    /// </summary>
    internal static class LookupReading
    {
        /// <summary>Null when the answer is a message (200) or "not known (yet)" (404); otherwise what went wrong.</summary>
        /// <param name="messageId">The ID looked up.</param>
        /// <param name="answer">The service's answer.</param>
        /// <param name="endpoint">The API root the lookup went to, named in a 401/403's advice.</param>
        /// <param name="mode">The session's credential: a JWT session's 401/403 names the clock too.</param>
        /// <param name="now">This computer's clock when the answer came.</param>
        public static LookupProblem? ProblemOf(string messageId, LookupAnswer answer, Uri? endpoint = null,
            ConnectAuthMode mode = ConnectAuthMode.ServiceKey, DateTimeOffset? now = null)
        {
            switch (answer.StatusCode)
            {
                case 200 when answer.IsWebPage:
                case 404 when answer.IsWebPage:
                case 401 when answer.IsWebPage:
                case 403 when answer.IsWebPage:
                    return new LookupProblem("MessageLookupFailed", ErrorCategory.InvalidResult,
                        $"Message {messageId} was not looked up: {WebPageAnswer.Describe(answer.StatusCode, endpoint)}.", stopsTheCommand: false);
                case 200 when !(answer.Body is IDictionary):
                    // Before: Found True with every field empty, as if the service knew the message and said nothing of it.
                    return new LookupProblem("MessageLookupFailed", ErrorCategory.InvalidResult,
                        $"Message {messageId} was not looked up: {NoMessageJson(endpoint)}. Check Connect-WebexConnect -BaseUri and the proxy, " +
                        "then look it up again; nothing was sent.", stopsTheCommand: false);
                case 200:
                case 404:
                    return null;
                case 0:
                    return new LookupProblem("MessageLookupFailed", answer.TimedOut ? ErrorCategory.OperationTimeout : ErrorCategory.ConnectionError,
                        $"Message {messageId} was not looked up: {answer.Failure}. {TryAgain}", stopsTheCommand: false);
                case 401:
                case 403:
                    return new LookupProblem("AuthenticationFailed", ErrorCategory.AuthenticationError,
                        $"The service refused the session's credentials ({answer.StatusCode}). " +
                        RefusedCredential.WhatToCheck(endpoint, mode == ConnectAuthMode.Jwt, now) + " Then connect again.",
                        stopsTheCommand: true);
                case 405:
                    return new LookupProblem("MessageLookupNotAvailable", ErrorCategory.NotEnabled,
                        "The service does not offer GET /v2/messages/{messageId} to this tenant (405). The vendor documents the lookup as beta, " +
                        "for select clients: use delivery receipts instead (Start-ConnectReceiptListener, ConvertFrom-ConnectWebhook).",
                        stopsTheCommand: true);
                case var refused when refused >= 400 && refused < 500 && refused != 408 && refused != 429:
                    // A 400 "Invalid parameter - messageId" refuses the ID itself: before, it said to look it up again later,
                    // which gives the same answer every time.
                    return new LookupProblem("MessageLookupFailed", ErrorCategory.InvalidArgument,
                        $"Message {messageId} was not looked up: the service refused the request with {refused}{ErrorText(answer.Body)}. " +
                        (IsMessageIdShaped(messageId)
                            ? "Asking again gets the same answer: check the ID against the MessageId of the send result it came from; nothing was sent."
                            : "The ID " + NotShapedAsAnId + "; nothing was sent."),
                        stopsTheCommand: false);
                case 429 when answer.InARow > answer.TooManyRequests:
                    // Asked once, after the wait an earlier lookup's 429 asked for: the 429 lasts, so it was not tried again.
                    return new LookupProblem("MessageLookupFailed", ErrorCategory.InvalidResult,
                        $"Message {messageId} was not looked up: the service answered 429{ErrorText(answer.Body)} again, " +
                        (answer.Held > TimeSpan.Zero ? $"after the {Seconds(answer.Held)} s it had asked to wait; " : "; ") +
                        $"{answer.InARow} answers in a row to this session's lookups were 429, so it was not asked again. {TryAgain}", stopsTheCommand: false);
                case 429 when answer.TooManyRequests > 1:
                    // Before, "the service answered 429 ... Look it up again later", as if it had been asked once: it had waited up
                    // to 30 s for that ID first, which is why the pipeline seemed to hang.
                    return new LookupProblem("MessageLookupFailed", ErrorCategory.InvalidResult,
                        $"Message {messageId} was not looked up: the service answered 429{ErrorText(answer.Body)} to all {answer.TooManyRequests} requests, " +
                        $"though the command waited {Seconds(answer.WaitedOut)} s in all between them, as long as the service asked (at most " +
                        $"{Seconds(MaxWaitFor429)} s a time). {TryAgain}", stopsTheCommand: false);
                default:
                    return new LookupProblem("MessageLookupFailed", ErrorCategory.InvalidResult,
                        $"Message {messageId} was not looked up: the service answered {answer.StatusCode}{ErrorText(answer.Body)}. {TryAgain}", stopsTheCommand: false);
            }
        }

        /// <summary>One clause, no closing period: a 200 whose body is not the JSON object the API answers a lookup with.</summary>
        private static string NoMessageJson(Uri? endpoint) =>
            $"{(endpoint is null ? "the address" : endpoint.ToString())} answered 200 without the Messaging API's JSON (its body is empty or " +
            "not a JSON object): a proxy or gateway may have answered for the service";

        /// <summary>What to say of an ID that <see cref="IsMessageIdShaped"/> refuses, after "The ID", "and it".</summary>
        internal const string NotShapedAsAnId = "is not shaped like the IDs the service gives (a UUID of 36 characters, such as " +
            "6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d11): check it for a typo or a cut-off copy";

        /// <summary>The longest wait for one 429 (the engine's MessageLookup.MaxWait), as the error of a 429 that lasted says it.</summary>
        internal static readonly TimeSpan MaxWaitFor429 = TimeSpan.FromSeconds(10);

        /// <summary>Seconds as the lookup's messages say them: 3, 2.5.</summary>
        internal static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);

        /// <summary>
        /// -Verbose's line for a lookup that waited out 429s; null when it waited for none. Before, the pipeline stood still for
        /// up to 30 s an ID without a word.
        /// </summary>
        public static string? WaitsOf(string messageId, LookupAnswer answer) =>
            // A lookup asked once into a 429 that lasts waited none of its own: its error says so.
            answer.TooManyRequests == 0 || (answer.InARow > answer.TooManyRequests && answer.WaitedOut == TimeSpan.Zero) ? null :
            $"Message {messageId}: the service answered 429 (too many requests) " +
            (answer.TooManyRequests == 1 ? "once" : answer.TooManyRequests.ToString(CultureInfo.InvariantCulture) + " times") +
            $"; waited {Seconds(answer.WaitedOut)} s in all, as long as it asked.";

        /// <summary>
        /// The error of an ID a command did not ask for, after the service answered its lookups 429 for longer than one lookup's
        /// tries: asking each of the IDs left, each with waits of its own, cost a night's results file up to 30 s an ID.
        /// </summary>
        /// <param name="messageId">The ID not asked for.</param>
        /// <param name="inARow">How many 429s in a row the service had answered.</param>
        /// <param name="lastId">The ID whose lookup got the last of them.</param>
        /// <param name="lastRow">That lookup's row, when it was for a piped row.</param>
        public static LookupProblem NotAsked(string messageId, int inARow, string lastId, long? lastRow) =>
            new LookupProblem("MessageLookupFailed", ErrorCategory.InvalidResult,
                $"Message {messageId} was not looked up: the service kept answering 429 (too many requests), {inARow} times in a row " +
                $"(the last for message {lastId}{(lastRow is long row && row > 0 ? $", row {row.ToString(CultureInfo.InvariantCulture)}" : "")}), " +
                $"so this command asked nothing more. {TryAgain}", stopsTheCommand: false);

        /// <summary>
        /// The one warning of a command that stops asking after a 429 that lasts (said once, not once an ID): what happened and what
        /// to do with the IDs left.
        /// </summary>
        public static string StoppedAsking(int inARow, string lastId) =>
            $"The service answered 429 (too many requests) {inARow} times in a row, the last for message {lastId}: the IDs after it " +
            "are not asked in this run, each with an error (MessageLookupFailed) instead of waits of its own. Look them up again later: " +
            "Get-ConnectMessage -ErrorVariable err, then $err.TargetObject | Get-ConnectMessage.";

        /// <summary>-Verbose's line, once a command, for a lookup held by the session's 429 wait before it asked.</summary>
        public static string HeldBy429(string messageId, LookupAnswer answer) =>
            $"Message {messageId}: waited {Seconds(answer.Held)} s before asking: the service had answered an earlier lookup " +
            "through this session 429 (too many requests) and asked to wait that long. Every lookup of the session waits for it.";

        /// <summary>What to do after a lookup that got no answer, or a 5xx: "not looked up" alone left the admin to guess.</summary>
        private const string TryAgain = "Look it up again later; nothing was sent, and the message's delivery does not depend on it.";

        /// <summary>The message of a 200 answer, or a not-found SentMessage for a 404.</summary>
        /// <param name="messageId">The ID looked up.</param>
        /// <param name="answer">The service's answer.</param>
        /// <param name="lookedUpAt">When this computer asked.</param>
        /// <param name="scheduledFor">For a 404 of a send that was Scheduled for a time still to come: that time.</param>
        /// <param name="sentTo">For a 404: the destination of the send result looked up, which the service does not tell.</param>
        public static SentMessage ToMessage(string messageId, LookupAnswer answer, DateTimeOffset lookedUpAt, DateTimeOffset? scheduledFor = null,
            string? sentTo = null)
        {
            var fields = Fields(answer.Body);
            if (answer.StatusCode != 200)
                return new SentMessage(messageId, false, null, null, null, sentTo, null, null, null, null, null, null, fields, lookedUpAt) { ScheduledFor = scheduledFor };
            return new SentMessage(Text(fields, "messageId") ?? messageId, true, Text(fields, "status"), Text(fields, "channel"), Text(fields, "from"),
                Text(fields, "to"), Text(fields, "correlationId"), Text(fields, "callbackData"), Time(Text(fields, "requestTimestamp")),
                int.TryParse(Text(fields, "numSegments"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var segments) ? segments : (int?)null,
                Text(fields, "direction"), Text(fields, "notifyUrl"), fields, lookedUpAt) { RequestedReceipts = Words(fields, "requestedReceipts") };
        }

        /// <summary>
        /// True when the answer names a destination (its to) that is none of the piped send result's addresses. The destinations
        /// of one request share its message ID, and the service's answer names one of them: piped the row of a user whose SMS
        /// failed, the lookup showed another number's Delivered as if it were that user's.
        /// </summary>
        /// <param name="message">The service's answer.</param>
        /// <param name="sentTo">The Destination of the piped send result (several addresses joined); null for an ID given by itself.</param>
        public static bool NamesAnotherDestination(SentMessage message, string? sentTo)
        {
            if (!message.Found || string.IsNullOrWhiteSpace(message.To) || string.IsNullOrWhiteSpace(sentTo)) return false;
            var named = Receipts.DeliveryJoin.Normalize(message.To);
            foreach (var address in sentTo!.Split(new[] { Messages.Recipient.AddressSeparator }, StringSplitOptions.RemoveEmptyEntries))
                if (Receipts.DeliveryJoin.Normalize(address) == named) return false;
            return true;
        }

        /// <summary>
        /// The full address a lookup asks (the API root and the escaped ID; no credential is in it), as -Verbose says it for
        /// Get-ConnectMessage and Test-WebexConnect alike. Before, Get-ConnectMessage said only "GET v2/messages/&lt;id&gt;",
        /// which did not tell the admin which tenant or proxy was asked.
        /// </summary>
        public static Uri RequestUri(Uri baseUri, string messageId) => new Uri(baseUri, "v2/messages/" + Uri.EscapeDataString(messageId));

        /// <summary>
        /// True for an ID shaped as the service gives them: a UUID (API.md), with the per-destination _n suffix webhooks carry.
        /// A 404 for any other ID is most likely a typo or a copy cut short, which Found False alone did not say.
        /// </summary>
        /// <param name="messageId">The ID looked up, trimmed.</param>
        public static bool IsMessageIdShaped(string messageId)
        {
            var underscore = messageId.IndexOf('_');
            var uuid = underscore < 0 ? messageId : messageId.Substring(0, underscore);
            if (underscore >= 0 && (underscore == messageId.Length - 1 || !IsDigits(messageId.Substring(underscore + 1)))) return false;
            return uuid.Length == 36 && Guid.TryParseExact(uuid, "D", out _);
        }

        private static bool IsDigits(string text)
        {
            foreach (var c in text) if (c < '0' || c > '9') return false;
            return true;
        }

        /// <summary>Test-WebexConnect's reading: 200/404 accepted (unreachable when a web page), 401/403 refused, no answer unreachable, anything else inconclusive.</summary>
        public static ConnectionTest ToTest(LookupAnswer answer, Uri endpoint, ConnectAuthMode mode, DateTimeOffset testedAt)
        {
            ConnectionTestStatus status;
            string detail;
            switch (answer.StatusCode)
            {
                case 200 when answer.IsWebPage:
                case 404 when answer.IsWebPage:
                case 401 when answer.IsWebPage:
                case 403 when answer.IsWebPage:
                    // A web site answers a GET of any path, 404 or its home page, and never checks the credential; a proxy's
                    // or firewall's 401/403 page refuses the request before the service sees it, so the key is not to blame.
                    status = ConnectionTestStatus.Unreachable;
                    detail = $"The service was not reached: {WebPageAnswer.Describe(answer.StatusCode, endpoint)}. The credential was not checked. Nothing was sent.";
                    break;
                case 200 when !(answer.Body is IDictionary):
                    // The API answers a lookup with a JSON object; anything else at 200 may be a gateway's, which never
                    // checked the key. Before, this said Accepted.
                    status = ConnectionTestStatus.Inconclusive;
                    detail = $"The credential was not proven: {NoMessageJson(endpoint)}. " +
                        "Check Connect-WebexConnect -BaseUri and the proxy. Nothing was sent.";
                    break;
                case 200:
                case 404:
                    status = ConnectionTestStatus.Accepted;
                    detail = $"The service answered an authenticated lookup of a made-up message ID with {answer.StatusCode}, not 401/403: it accepts the credential. Nothing was sent.";
                    break;
                case 401:
                case 403:
                    status = ConnectionTestStatus.Refused;
                    detail = $"The service answered {answer.StatusCode}: it refuses the credential{(mode == ConnectAuthMode.Jwt ? ", even with a fresh token" : string.Empty)}. " +
                        RefusedCredential.WhatToCheck(endpoint, mode == ConnectAuthMode.Jwt, testedAt) + " Nothing was sent.";
                    break;
                case 0:
                    status = ConnectionTestStatus.Unreachable;
                    detail = $"No answer from {endpoint}: {answer.Failure}. Nothing was sent.";
                    break;
                case 405:
                    status = ConnectionTestStatus.Inconclusive;
                    detail = "The service answered 405: the message lookup is not enabled for this tenant (the vendor documents it as beta), so the credential could not be checked without sending. Nothing was sent.";
                    break;
                default:
                    status = ConnectionTestStatus.Inconclusive;
                    detail = $"The service answered {answer.StatusCode}{ErrorText(answer.Body)}: that proves neither a good nor a bad credential. Nothing was sent.";
                    break;
            }
            return new ConnectionTest(status, endpoint, mode.ToString(), answer.StatusCode == 0 ? (int?)null : answer.StatusCode, detail, answer.Elapsed, testedAt);
        }

        private static string ErrorText(object? body)
        {
            var fields = Fields(body);
            var code = Text(fields, "code");
            var message = Text(fields, "message");
            if (code is null && message is null) return string.Empty;
            return " (" + string.Join(": ", new[] { code, message }.WhereNotNull()) + ")";
        }

        private static IEnumerable<string> WhereNotNull(this IEnumerable<string?> items)
        {
            foreach (var item in items) if (item != null) yield return item;
        }

        private static IReadOnlyDictionary<string, object?> Fields(object? body)
        {
            var fields = new SentMessageFields();
            if (body is IDictionary dictionary)
                foreach (DictionaryEntry entry in dictionary)
                    if (entry.Key is string key) fields[key] = entry.Value;
            return fields;
        }

        private static string? Text(IReadOnlyDictionary<string, object?> fields, string name) =>
            fields.TryGetValue(name, out var value) && value is string text && text.Length > 0 ? text : null;

        /// <summary>A list field's words joined as a send result joins its requested receipts; a text field as it came; null when empty.</summary>
        private static string? Words(IReadOnlyDictionary<string, object?> fields, string name)
        {
            if (!fields.TryGetValue(name, out var value) || value is null) return null;
            if (value is string text) return text.Length > 0 ? text : null;
            if (!(value is IEnumerable list)) return null;
            var words = new List<string>();
            foreach (var word in list) if (word is string w && w.Length > 0) words.Add(w);
            return words.Count == 0 ? null : string.Join(Messages.Recipient.AddressSeparator, words);
        }

        private static DateTimeOffset? Time(string? text) =>
            text != null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : (DateTimeOffset?)null;
    }
}
