using System.Globalization;
using WebexConnect.Results;

namespace WebexConnect.Sending
{
    /// <summary>
    /// What Connect-WebexConnect -Verbose says about the session it opened: where requests go, how they
    /// authenticate and which limits apply. Built from the session's public view only, so it cannot name a
    /// key, a secret or a token.
    /// </summary>
    internal static class ConnectionDiagnostics
    {
        public static string Describe(ConnectSession session)
        {
            var timeout = session.RequestTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
            var tps = session.Tps is int given
                ? "TPS " + given.ToString(CultureInfo.InvariantCulture) + " (given)"
                : "TPS adopted from what the service announces";
            if (session.IsSandbox)
                return "Connected to the in-process sandbox: nothing leaves this machine; " + tps + "; request timeout " + timeout + ".";

            var where = session.BaseUri + (string.IsNullOrEmpty(session.Region) ? "" : " (region " + session.Region + ")");
            var auth = session.AuthMode == ConnectAuthMode.Jwt
                ? "HS256 JWTs for service ID " + session.ServiceId + ", renewed before they expire"
                : "the service key in the 'key' header";
            return "Connected to Webex Connect at " + where + ", authenticating with " + auth + "; " + tps + "; request timeout " + timeout + ".";
        }
    }
}
