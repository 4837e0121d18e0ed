using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Messages;

namespace WebexConnect.Receipts
{
    /// <summary>
    /// An email's Cc and Bcc addresses, which the service sends receipts for under the message's transid as it does for the To
    /// address: the send result keeps them so Wait-ConnectDelivery can tell a copy's receipt from another row's, and put it on
    /// the row (<see cref="DeliveryResult.Copies"/>).
    /// </summary>
    internal static class EmailCopies
    {
        /// <summary>What joins the copies in <see cref="Describe"/>: one cell of Export-Csv.</summary>
        private const string Separator = "; ";

        /// <summary>
        /// The Cc then Bcc addresses of <paramref name="message"/>; empty for other channels. One list per message, which its
        /// rows share, rather than one a row.
        /// </summary>
        public static IReadOnlyList<string> Of(ConnectMessage message) =>
            message is EmailMessage email ? email.Copies : Array.Empty<string>();

        /// <summary>"boss@example.com; audit@example.com": a send result's <see cref="Results.SendResult.Copies"/>; null without copies.</summary>
        public static string? Written(IReadOnlyList<string> copies) => copies.Count == 0 ? null : string.Join(Separator, copies);

        /// <summary>
        /// The addresses of a Copies cell of a results file: a send result's ("a@x; b@x", <see cref="Written"/>) or a delivery
        /// result's ("a@x: Bounced (7520); b@x: NoReceipt", <see cref="Describe"/>), so either file is waited for again with its
        /// copies. Empty for an empty or missing cell.
        /// </summary>
        public static IReadOnlyList<string> Read(string? cell)
        {
            if (string.IsNullOrWhiteSpace(cell)) return Array.Empty<string>();
            return cell!.Split(new[] { Separator.Trim() }, StringSplitOptions.RemoveEmptyEntries)
                .Select(part => part.Trim())
                .Select(part => part.IndexOf(": ", StringComparison.Ordinal) is var colon && colon >= 0 ? part.Substring(0, colon) : part)
                .Where(address => address.Length > 0)
                .ToArray();
        }

        /// <summary>
        /// "boss@example.com: Bounced (7520); audit@example.com: Delivered (7500)": each copy with what its best receipt said,
        /// NoReceipt for one that got none. Null for a result without copies.
        /// </summary>
        /// <param name="copies">The addresses, in the send's order.</param>
        /// <param name="receiptOf">The best receipt of an address, or null.</param>
        /// <param name="matched">
        /// False when the send's message ID is not known (an Unknown send whose own receipt never came): no copy's receipt could
        /// be looked for, and each copy says so instead of NoReceipt, which read as looked for and not found.
        /// </param>
        public static string? Describe(IReadOnlyList<string> copies, Func<string, DeliveryReceipt?> receiptOf, bool matched = true)
        {
            if (copies.Count == 0) return null;
            return string.Join(Separator, copies.Select(address => address + ": " + (receiptOf(address) is DeliveryReceipt receipt
                ? receipt.Status + (string.IsNullOrEmpty(receipt.Code) ? "" : " (" + receipt.Code + ")")
                : matched ? DeliveryStatus.NoReceipt.ToString() : NotMatched)));
        }

        /// <summary>A copy of an Unknown send whose message ID no receipt named: its receipts cannot be told from another message's.</summary>
        internal const string NotMatched = "not known (no message ID)";
    }
}
