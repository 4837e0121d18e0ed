using WebexConnect.Messages;
using WebexConnect.Receipts;

namespace WebexConnect.Commands
{
    /// <summary>
    /// What Wait-ConnectDelivery adds to the DeliveryReceiptMissing error of an email: the service documents the receipts after
    /// Submitted (Delivered, Bounced, Read ...) for an email app that sends through AWS SES only; one that sends through SMTP
    /// gets Submitted alone (API.md seeds: "For email via SMTP, only submitted receipt is applicable").
    /// </summary>
    internal static class EmailReceiptNote
    {
        private const string SmtpSendsSubmittedAlone =
            "An email app that sends through SMTP gets no receipt after Submitted (the service sends Delivered, Bounced and the others " +
            "only for email sent through AWS SES)";

        private const string AskForSubmitted =
            " For such an app, send with -RequestedReceipt submitted: Wait-ConnectDelivery then takes Submitted as the last receipt and does not wait for more.";

        /// <summary>The note for <paramref name="result"/>, with a leading space; empty when none fits.</summary>
        public static string For(DeliveryResult result)
        {
            if (result.SendResult.Channel != MessageChannel.Email) return "";
            // Left at Submitted: the app may be an SMTP one. (A send that asked for Submitted alone is not here: its Submitted
            // receipt is the last one, and the row is not timed out.)
            if (result.Status == DeliveryStatus.Submitted)
                return " " + SmtpSendsSubmittedAlone + ": for such an app Submitted is the last receipt, and a bounce comes back to the " +
                    "sender's mailbox as a non-delivery report." + AskForSubmitted;
            // Nothing at all, and the send did not ask for Submitted: an SMTP app sends nothing else, so nothing comes. Before, the
            // error said only "no delivery receipt", and the run's warning asked whether the sends gave -NotifyUrl.
            if (result.Status == DeliveryStatus.NoReceipt && result.SendResult.AskedReceipts == ReceiptFilter.NoSubmitted)
                return " The send's -RequestedReceipt left out submitted, and " + SmtpSendsSubmittedAlone + ": for such an app no receipt " +
                    "comes at all." + AskForSubmitted;
            return "";
        }
    }
}
