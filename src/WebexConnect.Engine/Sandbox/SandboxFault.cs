using System;
using System.Globalization;

namespace WebexConnect.Engine.Sandbox
{
    internal enum SandboxFaultKind
    {
        /// <summary>Answer with a status and (for 400/429/5xx) a body, without accepting the message.</summary>
        Status,

        /// <summary>Drop the connection before reading the body: nothing is accepted.</summary>
        DropBeforeBody,

        /// <summary>Process the request normally (it may be ACCEPTED), then drop the connection without answering.</summary>
        DropAfterBody,

        /// <summary>Process the request normally (it may be ACCEPTED), then hold the answer back for a while.</summary>
        Delay,
    }

    /// <summary>A misbehaviour the sandbox applies to one upcoming request, to exercise the client's retry rules.</summary>
    internal sealed class SandboxFault
    {
        private SandboxFault(SandboxFaultKind kind, int statusCode, string? retryAfter, string? code, string? message, TimeSpan delay)
        {
            Kind = kind;
            StatusCode = statusCode;
            RetryAfter = retryAfter;
            Code = code;
            Message = message;
            DelayBy = delay;
        }

        public SandboxFaultKind Kind { get; }
        public int StatusCode { get; }

        /// <summary>The Retry-After header value, verbatim (seconds or an HTTP date).</summary>
        public string? RetryAfter { get; }

        public string? Code { get; }
        public string? Message { get; }
        public TimeSpan DelayBy { get; }

        public static SandboxFault DropBeforeBody { get; } =
            new SandboxFault(SandboxFaultKind.DropBeforeBody, 0, null, null, null, TimeSpan.Zero);

        public static SandboxFault DropAfterBody { get; } =
            new SandboxFault(SandboxFaultKind.DropAfterBody, 0, null, null, null, TimeSpan.Zero);

        /// <summary>An error status; 429 gets the 7020 body, 500/503 the 7006 body, 502/504 a gateway's HTML page.</summary>
        public static SandboxFault Status(int statusCode, string? retryAfter = null) =>
            new SandboxFault(SandboxFaultKind.Status, statusCode, retryAfter, null, null, TimeSpan.Zero);

        /// <summary>An error status whose Retry-After is an HTTP date (RFC 1123).</summary>
        public static SandboxFault Status(int statusCode, DateTimeOffset retryAt) =>
            Status(statusCode, retryAt.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture));

        /// <summary>An error status with an API error body {"code","message"}, e.g. Status(400, "7004", "Invalid parameter - from").</summary>
        public static SandboxFault Status(int statusCode, string code, string message) =>
            new SandboxFault(SandboxFaultKind.Status, statusCode, null, code, message, TimeSpan.Zero);

        public static SandboxFault Delay(TimeSpan delay) =>
            new SandboxFault(SandboxFaultKind.Delay, 0, null, null, null, delay);

        /// <summary>
        /// How the fault is named in the recorded request (SandboxRequest.Fault): short enough for the default table's
        /// Fault column at 80 characters ("Status 400 7041", "Delay 0.25 s").
        /// </summary>
        public override string ToString()
        {
            switch (Kind)
            {
                case SandboxFaultKind.Status: return Code == null ? "Status " + StatusCode.ToString(CultureInfo.InvariantCulture)
                                                                  : "Status " + StatusCode.ToString(CultureInfo.InvariantCulture) + " " + Code;
                case SandboxFaultKind.Delay: return "Delay " + DelayBy.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
                default: return Kind.ToString();
            }
        }
    }
}
