using System;
using System.Collections.Generic;
using System.Linq;

namespace WebexConnect.Messages
{
    /// <summary>The requestedReceipts values each channel accepts, in the exact casing the API wants.</summary>
    public static class ReceiptTypes
    {
        /// <summary>SMS receipts (SENT is the legacy name of SUBMITTED).</summary>
        public static IReadOnlyList<string> Sms { get; } = new[] { "SUBMITTED", "DELIVERED", "FAILED", "CLICKED", "SENT" };

        /// <summary>Email receipts.</summary>
        public static IReadOnlyList<string> Email { get; } = new[] { "submitted", "delivered", "read", "clicked", "bounced", "complaint", "not verified", "invalid", "failed" };

        /// <summary>RCS receipts.</summary>
        public static IReadOnlyList<string> Rcs { get; } = new[] { "Sent", "Delivered", "Read", "Failed", "Clicked" };

        /// <summary>The accepted values for a channel; empty for a channel whose receipts no document lists.</summary>
        public static IReadOnlyList<string> For(MessageChannel channel) => channel switch
        {
            MessageChannel.Sms => Sms,
            MessageChannel.Email => Email,
            MessageChannel.Rcs => Rcs,
            _ => Array.Empty<string>(),
        };

        /// <summary>
        /// The channel's own spelling of a receipt name given in any casing ("delivered" → "DELIVERED" for SMS),
        /// or null when the channel has no such receipt. A channel without a documented list takes any
        /// non-blank name as given: the service decides.
        /// </summary>
        public static string? Normalize(MessageChannel channel, string value)
        {
            var known = For(channel);
            if (known.Count == 0) return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            return known.FirstOrDefault(r => string.Equals(r, value?.Trim(), StringComparison.OrdinalIgnoreCase));
        }
    }
}
