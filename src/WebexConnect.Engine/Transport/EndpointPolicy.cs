using System;
using WebexConnect.Sending;

namespace WebexConnect.Engine.Transport
{
    /// <summary>
    /// Which endpoints credentials may be sent to: HTTPS anywhere; plain HTTP only to this machine
    /// (a local sandbox or test server), because the key or JWT travels in a header.
    /// </summary>
    internal static class EndpointPolicy
    {
        /// <summary>Why the URI is refused, or null when it is allowed.</summary>
        public static string? Problem(Uri? baseUri)
        {
            if (baseUri is null) return "The base URL is empty.";
            if (!baseUri.IsAbsoluteUri) return "The base URL '" + baseUri + "' is not absolute: give it as https://host/.";
            if (baseUri.Scheme == Uri.UriSchemeHttps) return null;
            if (baseUri.Scheme == Uri.UriSchemeHttp)
            {
                return LoopbackHost.IsLoopback(baseUri)
                    ? null
                    : "Refusing plain http:// to '" + baseUri.Host + "': the service key or token would travel unencrypted. " +
                      "Use https://, or http:// only for a server on this machine (localhost, 127.0.0.1, ::1).";
            }

            return "The base URL '" + baseUri + "' must use https://.";
        }

        /// <exception cref="ArgumentException">The URI is not allowed; the message says why.</exception>
        public static void EnsureAllowed(Uri? baseUri)
        {
            var problem = Problem(baseUri);
            if (problem is not null) throw new ArgumentException(problem, nameof(baseUri));
        }
    }
}
