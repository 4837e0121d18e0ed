using System;

namespace WebexConnect.Sending
{
    /// <summary>
    /// A failure that makes every later record fail too (authentication after a token refresh, service
    /// inactive, source IP not allowed, circuit open): the cmdlet turns it into a terminating error.
    /// </summary>
    internal sealed class SessionFailureException : Exception
    {
        public SessionFailureException(string errorId, string message, string? code = null, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Code = code;
        }

        /// <summary>Stable error ID, e.g. "AuthenticationFailed".</summary>
        public string ErrorId { get; }

        /// <summary>The API code or HTTP status behind it, if any.</summary>
        public string? Code { get; }

        /// <summary>
        /// Set by the transport when no request of the batch it stopped can have been accepted (a 401 on the
        /// first try, an intent the journal could not write): that batch's rows are then "not sent" rather
        /// than Unknown.
        /// </summary>
        public bool BatchNeverAccepted { get; set; }

        /// <summary>
        /// The service answered the request with this failure (a refused credential, an inactive service, a blocked
        /// IP address): the request left and was refused. False for a failure of our own (the journal) before it left.
        /// </summary>
        public bool RefusedByService { get; init; }
    }
}
