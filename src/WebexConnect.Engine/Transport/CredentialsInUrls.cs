using System.Text.RegularExpressions;

namespace WebexConnect.Engine.Transport
{
    /// <summary>
    /// Hides the user name and password of any URL in a network error's text. The one source is the proxy: HTTPS_PROXY
    /// and ALL_PROXY take http://user:password@proxy:3128, and .NET quotes that URL whole in its errors ("The proxy
    /// tunnel request to proxy 'http://user:password@proxy:3128/' failed with status code '407'"), which would reach a
    /// row's Reason (and so the results CSV), the verbose stream and Test-WebexConnect's error.
    /// </summary>
    internal static class CredentialsInUrls
    {
        // scheme://userinfo@ : the userinfo runs to the first '@' with no '/', space or quote before it (RFC 3986 3.2.1).
        private static readonly Regex UserInfo = new Regex(@"(?<scheme>\b[A-Za-z][A-Za-z0-9+.\-]*://)[^/\s'""@]+@", RegexOptions.CultureInvariant);

        /// <summary>The text with "***" in place of each URL's user name and password; the text itself when it has none.</summary>
        public static string Hidden(string text) => text.IndexOf('@') < 0 ? text : UserInfo.Replace(text, "${scheme}***@");
    }
}
