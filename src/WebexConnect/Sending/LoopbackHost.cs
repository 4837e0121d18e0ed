using System;
using System.Net;

namespace WebexConnect.Sending
{
    /// <summary>
    /// Decides whether a host is this machine, the only place plain http:// is allowed (a local sandbox or
    /// test server). Lives in the module so the cmdlets refuse an insecure endpoint without loading the engine.
    /// </summary>
    /// <remarks>The one copy of this rule: the engine's EndpointPolicy calls it too.</remarks>
    internal static class LoopbackHost
    {
        /// <summary>True for "localhost", 127.0.0.0/8, ::1 and IPv4-mapped 127.x addresses.</summary>
        public static bool IsLoopback(Uri uri)
        {
            if (uri is null) throw new ArgumentNullException(nameof(uri));
            // HostNameType avoids a DNS lookup: a name that merely resolves to 127.0.0.1 is not trusted.
            if (uri.HostNameType == UriHostNameType.Dns)
                return string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase);
            var host = uri.Host.Trim('[', ']');
            return IPAddress.TryParse(host, out var address) && IsLoopback(address);
        }

        private static bool IsLoopback(IPAddress address)
        {
            if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
            return IPAddress.IsLoopback(address);
        }
    }
}
