using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using WebexConnect.Messages;

namespace WebexConnect.Engine.Transport
{
    /// <summary>
    /// Decides whether a 400 is about a destination (so splitting the request isolates the bad one) or
    /// about the shared part (so every half would fail the same way and one rejection says it all).
    /// </summary>
    internal static class DestinationCodes
    {
        /// <summary>The number is not +E.164.</summary>
        public const string NotE164 = "7041";

        public const string InvalidParameter = "7004";

        // Field names that live in a destination object; "Invalid parameter - msisdn" names no value.
        private static readonly Regex DestinationField = new Regex(
            @"\b(msisdn|email|correlationid|gtrid)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static bool NamesDestination(string? code, string? message, IReadOnlyList<Recipient> recipients)
        {
            if (code == NotE164) return true;
            if (code != InvalidParameter || string.IsNullOrEmpty(message)) return false;
            if (DestinationField.IsMatch(message)) return true;
            foreach (var recipient in recipients)
            {
                foreach (var address in recipient.Addresses)
                {
                    if (!string.IsNullOrEmpty(address) && message!.IndexOf(address, StringComparison.OrdinalIgnoreCase) >= 0) return true;
                }
            }

            return false;
        }
    }
}
