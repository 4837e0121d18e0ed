using System;
using System.Collections.Generic;

namespace WebexConnect.Receipts
{
    /// <summary>
    /// The one place receipt codes and status words become a <see cref="DeliveryStatus"/> (API.md, "Webhooks").
    /// The code wins; the status word is read only when the code is missing or not one of the documented ones.
    /// </summary>
    internal static class DeliveryStatuses
    {
        private static readonly Dictionary<string, DeliveryStatus> ByCode = new Dictionary<string, DeliveryStatus>(StringComparer.Ordinal)
        {
            ["7501"] = DeliveryStatus.Submitted,
            ["7500"] = DeliveryStatus.Delivered,
            ["7502"] = DeliveryStatus.Read,
            ["7528"] = DeliveryStatus.Clicked,
            ["7520"] = DeliveryStatus.Bounced,
            ["7521"] = DeliveryStatus.Complaint,
            ["7522"] = DeliveryStatus.NotVerified,
            ["7523"] = DeliveryStatus.Failed,
            ["7102"] = DeliveryStatus.Failed,
            ["7208"] = DeliveryStatus.Expired,
        };

        // The receipt words of requestedReceipts (SMS upper case, email lower case, RCS capitalised) and the
        // deliveryStatus words seen in receipts; compared without case.
        private static readonly Dictionary<string, DeliveryStatus> ByWord = new Dictionary<string, DeliveryStatus>(StringComparer.OrdinalIgnoreCase)
        {
            ["submitted"] = DeliveryStatus.Submitted,
            ["sent"] = DeliveryStatus.Submitted,
            ["delivered"] = DeliveryStatus.Delivered,
            ["read"] = DeliveryStatus.Read,
            ["clicked"] = DeliveryStatus.Clicked,
            ["failed"] = DeliveryStatus.Failed,
            ["undelivered"] = DeliveryStatus.Failed,
            ["invalid"] = DeliveryStatus.Failed,
            ["bounced"] = DeliveryStatus.Bounced,
            ["bounce"] = DeliveryStatus.Bounced,
            ["complaint"] = DeliveryStatus.Complaint,
            ["not verified"] = DeliveryStatus.NotVerified,
            ["expired"] = DeliveryStatus.Expired,
        };

        public static DeliveryStatus From(string? code, string? word)
        {
            if (code != null && ByCode.TryGetValue(code.Trim(), out var byCode)) return byCode;
            if (word != null && ByWord.TryGetValue(word.Trim(), out var byWord)) return byWord;
            return DeliveryStatus.Other;
        }

        /// <summary>Submitted and Other may be followed by more news; the rest end the story.</summary>
        public static bool IsFinal(DeliveryStatus status) =>
            status != DeliveryStatus.Submitted && status != DeliveryStatus.Other && status != DeliveryStatus.NoReceipt;

        /// <summary>The statuses that mean the message did not reach the person (a Complaint did reach them).</summary>
        public static bool IsFailure(DeliveryStatus status) =>
            status == DeliveryStatus.Failed || status == DeliveryStatus.Bounced
            || status == DeliveryStatus.NotVerified || status == DeliveryStatus.Expired;
    }
}
