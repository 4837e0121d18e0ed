using WebexConnect.Messages;

namespace WebexConnect.Receipts
{
    /// <summary>Reads a message's requestedReceipts as a <see cref="ReceiptFilter"/>.</summary>
    internal static class ReceiptFilters
    {
        /// <summary>
        /// The filter of <paramref name="message"/>'s requestedReceipts. Each word is read as a receipt would be
        /// (<see cref="DeliveryStatuses"/>: SMS SENT is Submitted too); a word not known counts as a receipt after Submitted.
        /// Read and clicked receipts never come for a text email (API.md), so asking for them there asks for nothing later.
        /// </summary>
        public static ReceiptFilter Of(ConnectMessage message)
        {
            var receipts = message.RequestedReceipts;
            bool submitted = false, asked = false, later = false;
            // An index, not foreach: this runs for every row's result, and an interface's enumerator is an allocation.
            for (var i = 0; i < receipts.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(receipts[i])) continue;
                asked = true;
                var status = DeliveryStatuses.From(null, receipts[i]);
                if (status == DeliveryStatus.Submitted) submitted = true;
                else if (!NeverComes(message, status)) later = true;
            }
            if (!asked) return ReceiptFilter.Any;
            if (!submitted) return ReceiptFilter.NoSubmitted;
            return later ? ReceiptFilter.Any : ReceiptFilter.SubmittedOnly;
        }

        private static bool NeverComes(ConnectMessage message, DeliveryStatus status) =>
            (status == DeliveryStatus.Read || status == DeliveryStatus.Clicked)
            && message is EmailMessage { Template: null } email && string.IsNullOrEmpty(email.Html);
    }
}
