using System;

namespace WebexConnect.Sending
{
    /// <summary>
    /// A failure that makes every later record fail too (authentication after a token refresh, service
    /// inactive, source IP not allowed, a journal that cannot be written): the exception of the terminating
    /// error that ends a send command. Its ErrorId is the record's.
    /// </summary>
    /// <remarks>
    /// Public so that a script can catch it by type (catch [WebexConnect.Sending.SessionFailureException]), as
    /// $_.Exception.GetType() and Get-Error show it: while it was internal, such a catch ended the script with "Unable
    /// to find type" in place of the AuthenticationFailed it was written for.
    /// </remarks>
    public sealed class SessionFailureException : Exception
    {
        internal SessionFailureException(string errorId, string message, string? code = null, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Code = code;
        }

        /// <summary>Stable error ID, e.g. "AuthenticationFailed" (also the first part of the record's FullyQualifiedErrorId).</summary>
        public string ErrorId { get; }

        /// <summary>The API code or HTTP status behind it, if any.</summary>
        public string? Code { get; }

        /// <summary>
        /// Set by the transport when no request of the batch it stopped can have been accepted (a 401 on the
        /// first try, an intent the journal could not write): that batch's rows are then "not sent" rather
        /// than Unknown.
        /// </summary>
        internal bool BatchNeverAccepted { get; set; }

        /// <summary>
        /// The service answered the request with this failure (a refused credential, an inactive service, a blocked
        /// IP address): the request left and was refused. False for a failure of our own (the journal) before it left.
        /// </summary>
        internal bool RefusedByService { get; init; }

        /// <summary>
        /// The Messaging API's answer that refused the session as a whole ("HTTP 401 code 7001: Unauthorized"; 7007 service
        /// inactive; 7010 IP address not allowed), set by the transport only when the API itself refused it (for a JWT session,
        /// even with a fresh token): not for a proxy's 401 page, which never checked it. The session remembers it under this
        /// failure's ErrorId (<see cref="CredentialRefusal"/>). Null otherwise.
        /// </summary>
        internal string? SessionRefusedWith { get; init; }

        /// <summary>
        /// The Reason of each row a run this failure stopped before sending never sent, when it says more than
        /// "the run stopped (ErrorId)" (<see cref="CredentialRefusal.RowReason"/>); null for that.
        /// </summary>
        internal string? RowReason { get; init; }
    }
}
