using System;
using System.Globalization;
using WebexConnect.Results;

namespace WebexConnect.Sending
{
    /// <summary>
    /// The Messaging API refused this session as a whole, remembered on it (<see cref="ConnectSession.RefusedAt"/>): its credential
    /// (401/403, for a JWT session even with a fresh token; ErrorId AuthenticationFailed), its service as inactive (7007,
    /// ServiceInactive) or this computer's IP address as not on the tenant's allow-list (7010, SourceIpNotAllowed). A script that
    /// calls a send command once a row (foreach ($r in Import-Csv c.csv) { Send-ConnectSms -To $r.Phone ... }) made one refused
    /// request a call: a 2,000-row loop sent the tenant 2,000 refused requests, which may lock or flag its key, and printed the
    /// long error 2,000 times. Now the calls after the first refused one make no request for <see cref="Held"/>: each row is
    /// Failed, not sent, and each call ends with a short error under the refusal's own ErrorId, saying what was refused and what
    /// to do. A new Connect-WebexConnect is a new session; a Test-WebexConnect the service answers clears or renews the mark;
    /// after <see cref="Held"/> the next call asks the service again, so a tenant put right in Webex Connect (a service enabled
    /// again, an address added to the allow-list) is not refused by this computer for ever.
    /// </summary>
    internal sealed class CredentialRefusal
    {
        /// <summary>How long after the refusal the session makes no request: then the next call asks again (one request).</summary>
        public static readonly TimeSpan Held = TimeSpan.FromMinutes(5);

        /// <param name="at">When the service's refusal came.</param>
        /// <param name="answer">The answer as the error named it ("HTTP 401 code 7001: Unauthorized"), never a credential.</param>
        /// <param name="errorId">The first refusal's ErrorId: AuthenticationFailed, ServiceInactive or SourceIpNotAllowed.</param>
        public CredentialRefusal(DateTimeOffset at, string answer, string errorId = "AuthenticationFailed")
        {
            At = at;
            Answer = answer;
            ErrorId = errorId;
        }

        /// <summary>When the service's refusal came.</summary>
        public DateTimeOffset At { get; }

        /// <summary>The service's answer, as the first error named it.</summary>
        public string Answer { get; }

        /// <summary>The first refusal's ErrorId, which each later call's error keeps: a script's catch or log sees one cause.</summary>
        public string ErrorId { get; }

        /// <summary>
        /// Whether the mark still holds at <paramref name="now"/>. A clock set back before the refusal holds it too: "refused in
        /// the future" is no reason to ask again.
        /// </summary>
        public bool HoldsAt(DateTimeOffset now) => now - At < Held;

        /// <summary>"21:55:03 UTC": the day is the session's; a scheduled task's log is read beside other UTC lines.</summary>
        public string When => At.ToUniversalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

        /// <summary>
        /// The failure that ends a later send call at once: its rows Failed, not sent, each with <see cref="RowReason"/>, and the
        /// call's one terminating error in two lines, where the first refusal's named the answer and what to check.
        /// </summary>
        public SessionFailureException Failure(ConnectAuthMode mode) =>
            new SessionFailureException(ErrorId, Short("Not sent", mode))
            {
                RowReason = RowReason(mode),
            };

        /// <summary>The Reason of each row of a call the mark ended before it sent anything.</summary>
        public string RowReason(ConnectAuthMode mode) => ErrorId switch
        {
            "ServiceInactive" =>
                "Not sent: the service answered at " + When + " that it is inactive (" + Answer + "), so no request was made. Safe to " +
                "send again once the service is activated in Webex Connect.",
            "SourceIpNotAllowed" =>
                "Not sent: the service refused this computer's IP address at " + When + " (" + Answer + "), so no request was made. " +
                "Safe to send again once this computer's public IP address is on the service's allow-list in Webex Connect.",
            _ =>
                "Not sent: the service refused this session's " + Credential(mode) + " at " + When + " (" + Answer + "), so no request " +
                "was made. Safe to send again once Connect-WebexConnect has a working " + Credential(mode) + ".",
        };

        /// <summary>The error of a Get-ConnectMessage the mark ended before it asked anything.</summary>
        public string LookupMessage(ConnectAuthMode mode) => Short("Not looked up", mode);

        // Two lines of an 80-column console's error view: the first refusal's error said the answer and what to check. The
        // service and the allow-list are put right in Webex Connect, not here: Test-WebexConnect then asks again at once.
        private string Short(string what, ConnectAuthMode mode) => ErrorId switch
        {
            "ServiceInactive" =>
                what + ": the service said at " + When + " it is inactive; no request was made. Activate it in Webex Connect, then " +
                "run Test-WebexConnect.",
            "SourceIpNotAllowed" =>
                what + ": the service refused this computer's IP at " + When + "; no request was made. Add its public IP to the " +
                "allow-list in Webex Connect.",
            _ =>
                what + ": the service refused this session's " + (mode == ConnectAuthMode.Jwt ? "tokens" : "service key") + " at " + When +
                "; no request was made. Run Connect-WebexConnect with a working " + (mode == ConnectAuthMode.Jwt ? "secret." : "key."),
        };

        private static string Credential(ConnectAuthMode mode) => mode == ConnectAuthMode.Jwt ? "service ID and secret" : "service key";
    }
}
