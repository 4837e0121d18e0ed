using System;
using System.Collections.Generic;

namespace WebexConnect.Receipts
{
    /// <summary>
    /// What to do about a delivery that failed, by the service's receipt code (API.md, "Webhooks"), else by its status: a
    /// report said "Failed (7102): Invalid address" and left the admin to guess whether to fix the address, send again, or
    /// ask the tenant's administrator. A complaint is no failure, but it too says what to do next.
    /// </summary>
    internal static class FailureAdvice
    {
        private const string InvalidAddress = "The number or address is not valid or cannot be reached: correct it in the source before sending again.";
        private const string InvalidEmail = "The email address is not valid: correct it in the source before sending again.";
        private const string Bounced = "The mail server refused it (no such mailbox, or the mailbox is full): check the address before sending again.";
        private const string Complaint = "The recipient marked it as spam: send them no more of these.";
        private const string NotVerified = "The sender's email domain is not verified: every email from it fails until the tenant verifies it.";
        private const string Expired = "It expired before it could be delivered (the phone was off or out of reach): send it again if it still matters, with a longer -Validity.";

        private static readonly Dictionary<string, string> ByCode = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["7102"] = InvalidAddress,
            ["7523"] = InvalidEmail,
            ["7520"] = Bounced,
            ["7521"] = Complaint,
            ["7522"] = NotVerified,
            ["7208"] = Expired,
        };

        /// <summary>
        /// The advice for a row whose delivery <paramref name="status"/> came from <paramref name="receipt"/>; null for a
        /// status that needs none (Delivered, Read ...) and for a Failed with a code the documents do not name.
        /// </summary>
        public static string? For(DeliveryStatus status, DeliveryReceipt? receipt)
        {
            if (!DeliveryStatuses.IsFailure(status) && status != DeliveryStatus.Complaint) return null;
            if (receipt?.Code is string code && ByCode.TryGetValue(code.Trim(), out var advice)) return advice;
            switch (status)
            {
                case DeliveryStatus.Bounced: return Bounced;
                case DeliveryStatus.Complaint: return Complaint;
                case DeliveryStatus.NotVerified: return NotVerified;
                case DeliveryStatus.Expired: return Expired;
                default: return null;
            }
        }
    }
}
