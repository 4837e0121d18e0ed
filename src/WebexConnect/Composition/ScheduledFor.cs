using System;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// What -WhatIf and -Confirm add to a target that has a -SendAt: ", scheduled for 2026-12-08 00:00:00Z (2026-12-08
    /// 09:00:00 on this computer, UTC+09:00)". Before, nothing before the send said when it would go or in which zone the
    /// time was read: an admin in Tokyo who wrote '09:00' for customers in London (00:00 there) could not see it. And when
    /// it expires, with an expiry.
    /// </summary>
    internal static class ScheduledFor
    {
        /// <summary>The words for <paramref name="sendAt"/>, or "" when the message goes at once (no -SendAt, or one the run overtook).</summary>
        public static string Said(DateTimeOffset? sendAt) =>
            sendAt is DateTimeOffset at ? ", scheduled for " + CommonRules.FormatWithLocal(at, TimeZoneInfo.Local) : "";

        /// <summary>
        /// ", expires 2026-12-08 09:00:00Z (...)" or ", valid for 48h", "" for a message without an expiry: the rows of an
        /// ExpireAt or Validity column each have their own, and go in requests of their own.
        /// </summary>
        public static string Expiry(Messages.ConnectMessage message) =>
            message.ExpireAt is DateTimeOffset at ? ", expires " + CommonRules.FormatWithLocal(at, TimeZoneInfo.Local)
            : message.Validity is TimeSpan validity ? ", valid for " + ValidityText.Written(validity) : "";

        /// <summary>
        /// "for 2026-12-08 00:00:00Z (...)" after "Scheduled", for a send result that knows its time; for one that does not (a
        /// row of a results file), the words that say where the time came from.
        /// </summary>
        public static string When(DateTimeOffset? sendAt) =>
            sendAt is DateTimeOffset at
                ? "for " + CommonRules.FormatWithLocal(at, TimeZoneInfo.Local)
                : "for the time its -SendAt, or its row's SendAt cell, gave";
    }
}
