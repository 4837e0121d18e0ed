using System;

namespace WebexConnect.Sending
{
    /// <summary>
    /// What a web page where the Messaging API's JSON belongs means, said the same way by Test-WebexConnect,
    /// Get-ConnectMessage and a send stopped by a 401/403 page: the address is a web site's (a wrong -BaseUri), or a
    /// proxy or firewall answered for the service. The API never answers with HTML (its 401 has an empty body).
    /// </summary>
    internal static class WebPageAnswer
    {
        /// <summary>One clause, no closing period: "{endpoint} answered {status} with a web page, ... and the proxy".</summary>
        public static string Describe(int statusCode, Uri? endpoint) =>
            $"{(endpoint is null ? "the address" : endpoint.ToString())} answered {statusCode} with a web page, not the Messaging API's JSON: " +
            "it is a web site's address, or a proxy or firewall answered for the service. Check Connect-WebexConnect -BaseUri (the API's root, " +
            "such as https://api.eu.webexconnect.io/) or use -Region, and the proxy";
    }
}
