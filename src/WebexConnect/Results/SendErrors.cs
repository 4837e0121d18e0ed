using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using WebexConnect.Composition;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Results
{
    /// <summary>
    /// The exception inside the ErrorRecord written for a result that is not a success; its
    /// <see cref="Result"/> is the same object written to the output (so $err.Exception.Result works).
    /// </summary>
    public sealed class ConnectSendException : Exception
    {
        internal ConnectSendException(string message, SendResult result) : base(message)
        {
            Result = result;
        }

        /// <summary>The result this error reports.</summary>
        public SendResult Result { get; }
    }

    /// <summary>
    /// The stable ErrorId and the ErrorCategory for each kind of unsuccessful result. Scripts match on
    /// these IDs ($err.FullyQualifiedErrorId), so an ID never changes once released.
    /// </summary>
    internal static class SendErrors
    {
        private static readonly Dictionary<string, (string Id, ErrorCategory Category)> Rejections =
            new Dictionary<string, (string, ErrorCategory)>(StringComparer.OrdinalIgnoreCase)
            {
                ["7000"] = ("InvalidRequestBody", ErrorCategory.InvalidData),
                ["7001"] = ("AuthenticationFailed", ErrorCategory.AuthenticationError),
                ["7002"] = ("AuthenticationFailed", ErrorCategory.AuthenticationError),
                ["401"] = ("AuthenticationFailed", ErrorCategory.AuthenticationError),
                ["403"] = ("AuthenticationFailed", ErrorCategory.AuthenticationError),
                ["7003"] = ("MissingParameter", ErrorCategory.InvalidArgument),
                ["7004"] = ("InvalidParameter", ErrorCategory.InvalidArgument),
                ["7005"] = ("RequestExpired", ErrorCategory.InvalidOperation),
                ["7019"] = ("RequestExpired", ErrorCategory.InvalidOperation),
                ["7007"] = ("ServiceInactive", ErrorCategory.ResourceUnavailable),
                ["7008"] = ("InactiveProfile", ErrorCategory.ResourceUnavailable),
                ["7009"] = ("TooManyDestinations", ErrorCategory.LimitsExceeded),
                ["7010"] = ("SourceIpNotAllowed", ErrorCategory.PermissionDenied),
                ["7041"] = ("InvalidDestination", ErrorCategory.InvalidArgument),
                ["7104"] = ("InvalidAppId", ErrorCategory.InvalidArgument),
                ["7107"] = ("SmsTooLong", ErrorCategory.LimitsExceeded),
                ["7108"] = ("InvalidTemplate", ErrorCategory.ObjectNotFound),
            };

        private static readonly Dictionary<string, (string Id, ErrorCategory Category)> Failures =
            new Dictionary<string, (string, ErrorCategory)>(StringComparer.OrdinalIgnoreCase)
            {
                ["429"] = ("RateLimited", ErrorCategory.LimitsExceeded),
                ["7020"] = ("RateLimited", ErrorCategory.LimitsExceeded),
                ["503"] = ("ServiceUnavailable", ErrorCategory.ResourceUnavailable),
                ["7006"] = ("ServiceUnavailable", ErrorCategory.ResourceUnavailable),
                ["TooManyDestinations"] = ("TooManyDestinations", ErrorCategory.LimitsExceeded),
                ["Cancelled"] = ("SendCancelled", ErrorCategory.OperationStopped),
                ["Canceled"] = ("SendCancelled", ErrorCategory.OperationStopped),
            };

        /// <summary>The Code of results that failed our own validation.</summary>
        public const string InvalidInputCode = "InvalidInput";

        /// <summary>Whether an ErrorId is an Unknown result's: the row may have been sent, and a journal keeps it from going again.</summary>
        public static bool IsOutcomeUnknown(string errorId) => errorId == Classify(SendStatus.Unknown, null).Id;

        /// <summary>
        /// Whether a row's ErrorId says it was not sent because of the service or the way to it (no connection, the circuit
        /// open, 503, rate limits after the retries), not because of anything in the row: sent as it is once the service answers.
        /// </summary>
        public static bool IsServiceNotReached(string errorId) => errorId is "SendFailed" or "ServiceUnavailable" or "RateLimited";

        /// <summary>
        /// Whether a result also goes to the error stream: every status but the successes, Queued, Scheduled and
        /// Skipped. Skipped is what a resumed run (-Journal) is for; as an error it would stop a re-run with
        /// -ErrorAction Stop at its first row already sent.
        /// </summary>
        public static bool IsError(SendResult result) => !result.IsSuccess;

        /// <summary>
        /// The Code of a result a run gave a row when a failure stopped it (the row was read but its request
        /// never left, or its outcome cannot be known). Such results write no error of their own: the
        /// terminating error that follows them says why, and with -ErrorAction Stop a first "SendFailed" would
        /// hide it.
        /// </summary>
        public const string RunStoppedCode = "RunStopped";

        /// <summary>
        /// The Reason of a row whose request never left because <paramref name="stoppedBy"/> (an ErrorId) stopped the run: read
        /// before the failure and still waiting, or read after it while the input was read to its end.
        /// </summary>
        public static string NotSentAfterStop(string stoppedBy) =>
            "Not sent: the run stopped (" + stoppedBy + ") before this row's request left. Safe to send again.";

        /// <summary>Whether a result also writes its own non-terminating error.</summary>
        public static bool WritesError(SendResult result) => IsError(result) && result.Code != RunStoppedCode;

        public static string ErrorIdFor(SendResult result) => Classify(result.Status, result.Code).Id;

        public static ErrorCategory CategoryFor(SendResult result) => Classify(result.Status, result.Code).Category;

        public static (string Id, ErrorCategory Category) Classify(SendStatus status, string? code)
        {
            code ??= "";
            switch (status)
            {
                case SendStatus.Invalid:
                    // A one-row call's own value the command line gave (-Text '') keeps the ErrorId its stop had, now as its row's error.
                    return code.Length == 0 || code == InvalidInputCode ? ("InvalidInput", ErrorCategory.InvalidData) : (code, ErrorCategory.InvalidArgument);
                case SendStatus.Rejected:
                    if (Rejections.TryGetValue(code, out var rejection)) return rejection;
                    if (IsContactPolicyCode(code)) return ("ContactPolicyBlocked", ErrorCategory.PermissionDenied);
                    return ("SendRejected", ErrorCategory.InvalidOperation);
                case SendStatus.Failed:
                    return Failures.TryGetValue(code, out var failure) ? failure : ("SendFailed", ErrorCategory.ConnectionError);
                case SendStatus.Unknown:
                    return ("OutcomeUnknown", code.IndexOf("timeout", StringComparison.OrdinalIgnoreCase) >= 0
                        ? ErrorCategory.OperationTimeout
                        : ErrorCategory.ConnectionError);
                case SendStatus.Skipped:
                    return ("SendSkipped", ErrorCategory.ResourceExists);
                default:
                    throw new ArgumentOutOfRangeException(nameof(status), status, "a successful result has no error");
            }
        }

        /// <summary>The category of a session failure's ErrorId (what makes every later record fail too).</summary>
        public static ErrorCategory CategoryForSessionFailure(string errorId) => errorId switch
        {
            "AuthenticationFailed" => ErrorCategory.AuthenticationError,
            "SourceIpNotAllowed" or "IpNotAllowed" => ErrorCategory.PermissionDenied,
            "ServiceInactive" => ErrorCategory.ResourceUnavailable,
            "NotConnected" => ErrorCategory.ConnectionError,
            "ProxyRefused" => ErrorCategory.ConnectionError,
            "JournalInUse" => ErrorCategory.ResourceBusy,
            "JournalUnreadable" => ErrorCategory.ReadError,
            "JournalWriteFailed" => ErrorCategory.WriteError,
            "JournalReadOnly" => ErrorCategory.WriteError,
            "JournalAccessDenied" => ErrorCategory.PermissionDenied,
            "JournalFolderMissing" => ErrorCategory.ObjectNotFound,
            // A rehearsal's journal given to the real service (or the other way round) is the wrong -Journal for this
            // session; nothing went over the network, so it is not the ConnectionError of the default below.
            "JournalPathInvalid" or "JournalIsDirectory" or "JournalIsDevice" or "JournalIsPipe" or "JournalIsLink"
                or "JournalSandboxMismatch" => ErrorCategory.InvalidArgument,
            _ => ErrorCategory.ConnectionError,
        };

        /// <summary>
        /// The TargetObject of a session failure: the journal's full path for a journal error (the file to look
        /// at), else the session (its BaseUri, AuthMode and ServiceId say which tenant and credential were refused).
        /// </summary>
        public static object? TargetForSessionFailure(string errorId, object? session, string? journalPath) =>
            errorId.StartsWith("Journal", StringComparison.Ordinal) && journalPath != null ? journalPath : session;

        /// <summary>
        /// The error message: the input row, what happened, the destination and why, e.g.
        /// "Row 7: Rejected (7041) +447700900001: Invalid MSISDN" or "Row 2: Invalid 07700 900002: To: ...". An Invalid
        /// result's reason begins with its row too (it stands alone in a report): that is not said twice. A result made
        /// outside a send command (Row 0) names no row.
        /// </summary>
        /// <param name="result">The unsuccessful result.</param>
        /// <param name="sameReasonAsRow">
        /// An earlier row whose error gave this very reason (SameReasonRows), or 0: the reason is then not said again, only that
        /// row. Its result keeps the whole reason.
        /// </param>
        public static string MessageFor(SendResult result, long sameReasonAsRow = 0)
        {
            var code = string.IsNullOrEmpty(result.Code) || result.Code == InvalidInputCode ? "" : $" ({result.Code})";
            var row = result.Row <= 0 ? "" : RowErrorText.Prefix(result.Row);
            var reason = sameReasonAsRow > 0 ? SameReasonAs(sameReasonAsRow) : ReasonWithoutRow(result);
            return $"{row}{result.Status}{code}{DestinationForMessage(result.Destination)}{(reason.Length == 0 ? "" : ": " + reason)}";
        }

        /// <summary>"same reason as row 1": short enough for one line of a log 80 columns wide.</summary>
        internal static string SameReasonAs(long row) => "same reason as row " + row.ToString(CultureInfo.InvariantCulture) + ".";

        /// <summary>
        /// Where the result's reason starts once its own "Row 7: " is left out (an Invalid result's reason begins with its row,
        /// to stand alone in a report): 0 for a reason that does not begin with it.
        /// </summary>
        internal static int ReasonStart(SendResult result)
        {
            var reason = result.Reason;
            if (reason is null || result.Row <= 0 || !reason.StartsWith("Row ", StringComparison.Ordinal)) return 0;
            var prefix = RowErrorText.Prefix(result.Row);
            return reason.StartsWith(prefix, StringComparison.Ordinal) ? prefix.Length : 0;
        }

        private static string ReasonWithoutRow(SendResult result)
        {
            var reason = result.Reason ?? "";
            var start = ReasonStart(result);
            return start == 0 ? reason : reason.Substring(start);
        }

        /// <summary>
        /// " +447700900001", or nothing for a row without a destination (its reason says so). The destination is raw
        /// input: a newline in it would split the error in a log, and a 10,000-digit "number" would bury the reason.
        /// </summary>
        private static string DestinationForMessage(string? destination)
        {
            if (string.IsNullOrEmpty(destination)) return "";
            return " " + (destination!.Length <= InputEcho.MaxQuotedCharacters ? InputEcho.Visible(destination) : InputEcho.Quote(destination));
        }

        private static bool IsContactPolicyCode(string code) =>
            code.Length == 4 && int.TryParse(code, out var n) && n >= 9000 && n <= 9010;
    }
}
