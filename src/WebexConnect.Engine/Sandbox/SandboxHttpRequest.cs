using System;
using System.Collections.Generic;

namespace WebexConnect.Engine.Sandbox
{
    /// <summary>One HTTP request as the sandbox sees it, whatever carried it (in-process handler or Kestrel).</summary>
    internal sealed class SandboxHttpRequest
    {
        private static readonly IReadOnlyDictionary<string, string> NoHeaders =
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public SandboxHttpRequest(string method, string path, IDictionary<string, string>? headers, ReadOnlyMemory<byte> body)
        {
            Method = method ?? throw new ArgumentNullException(nameof(method));
            Path = path ?? throw new ArgumentNullException(nameof(path));
            Headers = ToCaseInsensitive(headers);
            Body = body;
        }

        public string Method { get; }

        /// <summary>The absolute path, without query string.</summary>
        public string Path { get; }

        /// <summary>Header values by name, case-insensitive. Read for auth only; never recorded.</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        /// <summary>
        /// The body as it came in. Whoever makes the request never writes to it afterwards (the client's payload is an
        /// array of its own, a loopback request's body too), so the server may keep it rather than copy it.
        /// </summary>
        public ReadOnlyMemory<byte> Body { get; }

        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

        private static IReadOnlyDictionary<string, string> ToCaseInsensitive(IDictionary<string, string>? headers)
        {
            if (headers == null || headers.Count == 0) return NoHeaders;
            // Callers on the hot path build the dictionary case-insensitive already: no copy then.
            if (headers is Dictionary<string, string> d && ReferenceEquals(d.Comparer, StringComparer.OrdinalIgnoreCase)) return d;
            return new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        }
    }
}
