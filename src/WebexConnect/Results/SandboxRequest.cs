using System;
using System.Text;

namespace WebexConnect.Results
{
    /// <summary>One request the sandbox received, as Get-ConnectSandboxRequest lists it. Holds no credentials.</summary>
    public sealed class SandboxRequest
    {
        internal SandboxRequest(long number, DateTimeOffset receivedAt, string? channel, int destinationCount,
            int statusCode, string? code, string? messageId, byte[] utf8Body, string? fault, string method)
        {
            Method = method;
            Number = number;
            ReceivedAt = receivedAt;
            Channel = channel;
            DestinationCount = destinationCount;
            StatusCode = statusCode;
            Code = code;
            MessageId = messageId;
            _utf8Body = utf8Body;
            Fault = fault;
        }

        /// <summary>1-based order of arrival.</summary>
        public long Number { get; }

        /// <summary>
        /// The HTTP method: POST for a send, GET for a lookup (Get-ConnectMessage, Test-WebexConnect), which carries no body
        /// and no destinations. Before, a lookup was listed like a send of no destinations.
        /// </summary>
        public string Method { get; }

        /// <summary>When the sandbox received it.</summary>
        public DateTimeOffset ReceivedAt { get; }

        /// <summary>The channel in the body, if it could be read.</summary>
        public string? Channel { get; }

        /// <summary>The number of addresses across the "to" objects.</summary>
        public int DestinationCount { get; }

        /// <summary>The HTTP status the sandbox answered (0 when it dropped the connection).</summary>
        public int StatusCode { get; }

        /// <summary>The API code in an error body (e.g. 7041), if any.</summary>
        public string? Code { get; }

        /// <summary>The messageId of an accepted request; for a lookup (GET), the ID it asked about, whether known or not.</summary>
        public string? MessageId { get; }

        /// <summary>The JSON body as received.</summary>
        /// <remarks>Kept as the UTF-8 bytes that came in (half the memory of the text) and read into text when asked.</remarks>
        public string Body => Encoding.UTF8.GetString(_utf8Body);

        /// <summary>The size of the body as received, in bytes: what the sandbox counts against its bound on recorded bytes.</summary>
        internal int BodyBytes => _utf8Body.Length;

        private readonly byte[] _utf8Body;

        /// <summary>The fault the sandbox injected into this request, if any.</summary>
        public string? Fault { get; }

        /// <summary>True for a POST (a send); false for a lookup.</summary>
        private bool IsSend => string.Equals(Method, "POST", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// "Request 1: sms, 4 destinations, 201" ("Request 2: GET, 404" for a lookup), as every other output type reads in a string ("$request", a log line),
        /// rather than its type name.
        /// </summary>
        public override string ToString() =>
            $"Request {Number}: " + (IsSend ? $"{Channel ?? "no channel"}, {DestinationCount} {(DestinationCount == 1 ? "destination" : "destinations")}, " : Method + ", ") +
            (StatusCode == 0 ? "no answer" : StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)) +
            (Code is null || Code == StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) ? "" : " " + Code) +
            (Fault is null ? "" : " (" + Fault + ")");
    }
}
