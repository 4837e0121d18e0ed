using System;
using System.Globalization;

namespace WebexConnect.Sending
{
    /// <summary>
    /// What to check when the service answers 401 or 403, in the same words from the send cmdlets and
    /// Test-WebexConnect. It names where the request went: a key that is right for one region's tenant is
    /// refused by the others, and a scheduled task connecting with no -Region goes to us. For a JWT session it
    /// names the clock too: every token's iat comes from this computer's clock, so a clock ahead of the service's
    /// (iat in its future) or an hour behind (the token already too old) makes a right ID and secret refused.
    /// </summary>
    internal static class RefusedCredential
    {
        /// <param name="endpoint">The API root the refused request went to.</param>
        /// <param name="jwt">The session signs JWTs (a Service ID and secret), rather than sending a service key.</param>
        /// <param name="now">This computer's clock when the answer came, shown for a JWT session so the admin can compare it.</param>
        public static string WhatToCheck(Uri? endpoint, bool jwt = false, DateTimeOffset? now = null) =>
            (jwt ? "Check the service ID and secret" : "Check the service key") +
            (endpoint is null
                ? "."
                : $", and that {(jwt ? "they belong" : "it belongs")} to the tenant at {endpoint}: a {(jwt ? "service" : "key")} from another region's tenant is refused there (give -Region or set WEBEXCONNECT_REGION).") +
            (jwt
                ? " Check also this computer's clock" +
                  (now is DateTimeOffset time ? " (it read " + time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC)" : "") +
                  ": each token's issue time (iat) comes from it, and the service refuses a token issued in its future or more than 60 minutes before its own time."
                : "");

        /// <summary>
        /// What to do when the service refuses a credential it accepted for earlier requests: a key revoked or regenerated
        /// mid-run, a secret regenerated under a JWT session. The region and the clock cannot be to blame then (the same
        /// requests went there with the same clock), and the advice to check them sent admins the wrong way.
        /// </summary>
        /// <param name="jwt">The session signs JWTs (a Service ID and secret), rather than sending a service key.</param>
        /// <param name="journaled">The run keeps a -Journal: only then does running the same command again skip the rows it sent.</param>
        public static string AfterAccepting(bool jwt, bool journaled) =>
            (jwt
                ? "It accepted this service's tokens for earlier requests: the service secret was regenerated in Webex Connect, or the service disabled. " +
                  "Run Connect-WebexConnect again with the service ID and its current secret"
                : "It accepted this key for earlier requests: the key was revoked or regenerated in Webex Connect, or the service disabled. " +
                  "Run Connect-WebexConnect again with the service's current key") +
            " (Test-WebexConnect checks it without sending), then " + RerunAdvice.NotSent(journaled);
    }
}
