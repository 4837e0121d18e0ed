namespace WebexConnect.Receipts
{
    /// <summary>
    /// What a delivery receipt says became of a message, mapped from the service's codes (API.md, "Webhooks").
    /// The receipt's Code and StatusText keep what the service sent, so nothing is lost in the mapping.
    /// </summary>
    public enum DeliveryStatus
    {
        /// <summary>A code and status text this module does not know; see Code and StatusText.</summary>
        Other = 0,

        /// <summary>7501: handed to the carrier or mail server (SMS SENT, legacy).</summary>
        Submitted,

        /// <summary>7500: delivered to the phone or mailbox.</summary>
        Delivered,

        /// <summary>7502: read (email opened, RCS read).</summary>
        Read,

        /// <summary>7528: a tracked link was clicked (Description = url|ip).</summary>
        Clicked,

        /// <summary>Not delivered: 7102 invalid address, 7523 invalid email, or a status of Failed.</summary>
        Failed,

        /// <summary>7520: the email bounced.</summary>
        Bounced,

        /// <summary>7521: the recipient marked the email as spam.</summary>
        Complaint,

        /// <summary>7522: the sender's email domain is not verified.</summary>
        NotVerified,

        /// <summary>7208: the message expired before it could be delivered.</summary>
        Expired,

        /// <summary>Wait-ConnectDelivery only: no receipt arrived before -Timeout, or none can be matched to the send.</summary>
        NoReceipt,

        /// <summary>
        /// Wait-ConnectDelivery only: this send had nothing accepted (Rejected, Failed, Invalid, or Skipped as JournalChanged:
        /// held back by -SkipChanged), so no receipt can come for it.
        /// </summary>
        NotSent,

        /// <summary>
        /// Wait-ConnectDelivery only: -Journal skipped the row because an earlier run sent (or scheduled) it, and no receipt
        /// the listener or -Receipt holds is for that message: its receipts went to that run's -NotifyUrl. MessageId is
        /// the earlier send's; Get-ConnectMessage looks it up.
        /// </summary>
        SentEarlier,

        /// <summary>
        /// Wait-ConnectDelivery only: the send was Scheduled for a time after the wait, and no receipt comes before then, so it
        /// was not waited for. Note says when; look for its receipt after that time, and do not send it again.
        /// </summary>
        Scheduled,
    }
}
