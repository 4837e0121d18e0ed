namespace WebexConnect.Receipts
{
    /// <summary>
    /// What a send's requestedReceipts (-RequestedReceipt; API.md: it filters the webhooks) lets the service post, as far as
    /// Wait-ConnectDelivery needs to know: whether Submitted is the last receipt that can come, or whether Submitted itself
    /// was left out. Kept on each SendResult in one byte; a row of a results file gives it back from its RequestedReceipts column.
    /// </summary>
    internal enum ReceiptFilter : byte
    {
        /// <summary>No filter (every receipt the channel and the app send), or one with Submitted and a receipt after it.</summary>
        Any = 0,

        /// <summary>Submitted, and no receipt that can come after it: Submitted is the last receipt, whatever the email app.</summary>
        SubmittedOnly,

        /// <summary>Receipts after Submitted only: an email app that sends through SMTP, which sends Submitted alone, sends none.</summary>
        NoSubmitted,

        /// <summary>
        /// Only receipts that never come for the message: read or clicked for a text email (API.md). Nothing is posted, whatever
        /// the app, so nothing is waited for.
        /// </summary>
        Nothing,
    }
}
