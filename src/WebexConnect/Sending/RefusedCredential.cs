using System;

namespace WebexConnect.Sending
{
    /// <summary>
    /// What to check when the service answers 401 or 403, in the same words from the send cmdlets and
    /// Test-WebexConnect. It names where the request went: a key that is right for one region's tenant is
    /// refused by the others, and a scheduled task connecting with no -Region goes to us.
    /// </summary>
    internal static class RefusedCredential
    {
        /// <param name="endpoint">The API root the refused request went to.</param>
        public static string WhatToCheck(Uri? endpoint) =>
            "Check the service key (or the service ID and secret)" +
            (endpoint is null
                ? "."
                : $", and that it belongs to the tenant at {endpoint}: a key from another region's tenant is refused there (give -Region or set WEBEXCONNECT_REGION).");
    }
}
