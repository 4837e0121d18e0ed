using System;

namespace WebexConnect.Results
{
    /// <summary>What Test-WebexConnect learned from the service about the session's credential.</summary>
    public enum ConnectionTestStatus
    {
        /// <summary>The service answered the authenticated lookup with 200 or 404: it accepted the credential.</summary>
        Accepted,

        /// <summary>The service answered 401 or 403 (after a fresh token for a JWT): it refused the credential.</summary>
        Refused,

        /// <summary>The service answered something else (405: the lookup is not enabled for the tenant; 429; 5xx): the credential is neither proven good nor bad.</summary>
        Inconclusive,

        /// <summary>No answer: no connection, a TLS or proxy failure, or a timeout.</summary>
        Unreachable,
    }

    /// <summary>The outcome of Test-WebexConnect: one per run.</summary>
    public sealed class ConnectionTest
    {
        internal ConnectionTest(ConnectionTestStatus status, Uri endpoint, string authentication, int? statusCode, string detail,
            TimeSpan elapsed, DateTimeOffset testedAt)
        {
            Status = status;
            Endpoint = endpoint;
            Authentication = authentication;
            StatusCode = statusCode;
            Detail = detail;
            Elapsed = elapsed;
            TestedAt = testedAt;
        }

        /// <summary>Accepted, Refused, Inconclusive or Unreachable.</summary>
        public ConnectionTestStatus Status { get; }

        /// <summary>True only when the service accepted the credential.</summary>
        public bool IsAccepted => Status == ConnectionTestStatus.Accepted;

        /// <summary>The base URI that was asked.</summary>
        public Uri Endpoint { get; }

        /// <summary>ServiceKey, Jwt or Sandbox.</summary>
        public string Authentication { get; }

        /// <summary>The HTTP status the service answered; null when it did not answer.</summary>
        public int? StatusCode { get; }

        /// <summary>What the answer proves, in words.</summary>
        public string Detail { get; }

        /// <summary>How long the request took.</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>When the test ran.</summary>
        public DateTimeOffset TestedAt { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Status} {Endpoint}";
    }
}
