using System;
using System.Collections.Generic;

namespace WebexConnect.Engine.Sandbox
{
    /// <summary>How the sandbox ends a request when it does not answer it.</summary>
    internal enum SandboxDrop
    {
        /// <summary>A normal HTTP response.</summary>
        None,

        /// <summary>Close the connection before reading the body: the request was never accepted.</summary>
        BeforeBody,

        /// <summary>Close the connection after processing the body: the request may have been accepted.</summary>
        AfterBody,
    }

    /// <summary>What the sandbox answers: a status, headers and body, or an instruction to drop the connection.</summary>
    internal sealed class SandboxResponse
    {
        public SandboxResponse(int statusCode, string? contentType, byte[] body, IReadOnlyDictionary<string, string> headers)
        {
            StatusCode = statusCode;
            ContentType = contentType;
            Body = body;
            Headers = headers;
            Drop = SandboxDrop.None;
        }

        private SandboxResponse(SandboxDrop drop)
        {
            Drop = drop;
            Body = Array.Empty<byte>();
            Headers = new Dictionary<string, string>();
        }

        public static SandboxResponse Dropped(SandboxDrop drop) => new SandboxResponse(drop);

        public int StatusCode { get; }

        /// <summary>The Content-Type header, or null when the body is empty.</summary>
        public string? ContentType { get; }

        public byte[] Body { get; }

        /// <summary>Response headers other than Content-Type (Retry-After, x-rate-limit-*).</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        public SandboxDrop Drop { get; }
    }
}
