using WebexConnect.Messages;
using WebexConnect.Receipts;

namespace WebexConnect.Commands
{
    /// <summary>
    /// A DeliveryResult's Note, which Wait-ConnectDelivery's DeliveryReceiptMissing error repeats: why a row ended at Submitted
    /// without waiting for more, why an email's receipt may never come, that a Scheduled send gets none before its time, or what
    /// to do about a failed delivery (<see cref="FailureAdvice"/>).
    /// The service documents the receipts after Submitted
    /// (Delivered, Bounced, Read ...) for an email app that sends through AWS SES only; one that sends through SMTP gets
    /// Submitted alone (API.md seeds: "For email via SMTP, only submitted receipt is applicable"), and a tenant has one route
    /// or the other, which -EmailRoute says when the results do not.
    /// </summary>
    internal sealed class DeliveryNote
    {
        /// <summary>The -EmailRoute value of an email app that sends through SMTP.</summary>
        internal const string Smtp = "Smtp";

        /// <summary>The -EmailRoute value of an email app that sends through Amazon SES.</summary>
        internal const string AwsSes = "AwsSes";

        // After "an" or "An": the sentence starts with it or not.
        private const string SmtpSendsSubmittedAlone =
            "email app that sends through SMTP gets no receipt after Submitted (the service sends Delivered, Bounced and the others " +
            "only for email sent through AWS SES)";

        private const string BounceAsReport = "a bounce comes back to the sender's mailbox as a non-delivery report";

        private const string SayTheRoute =
            " For such an app, wait with -EmailRoute Smtp, or send with -RequestedReceipt submitted: Wait-ConnectDelivery then takes " +
            "Submitted as the last receipt and does not wait for more.";

        private readonly string? _route;

        /// <param name="route">-EmailRoute: Smtp, AwsSes, or null when not given (the route is not known).</param>
        public DeliveryNote(string? route) => _route = route;

        /// <summary>Whether the tenant's email app is said to send through SMTP: an email is then done at its Submitted receipt.</summary>
        public bool SmtpEmail => string.Equals(_route, Smtp, System.StringComparison.OrdinalIgnoreCase);

        private bool RouteKnown => _route != null;

        /// <summary>The note for <paramref name="result"/>; null when none fits.</summary>
        public string? For(DeliveryResult result)
        {
            var note = Alone(result);
            if (result.SharesReceiptsWith != 0)
                note = Joined(note, $"Row {result.SharesReceiptsWith} sent to the same address in this request, and no CorrelationId " +
                    (result.SharerWrittenFirst
                        // Its rows came apart (among another request's rows): the earlier one left before this row came.
                        ? $"tells their receipts apart: this row shows the latest; row {result.SharesReceiptsWith} was written before this " +
                            "row came, with the receipt it had then and without this note."
                        : "tells their receipts apart: both rows show the latest.") +
                    " Give each row a CorrelationId of its own.");
            // Before, a result piped twice read as two rows of one request to the same number, the row naming itself as the other.
            if (result.GivenBefore)
                note = Joined(note, $"Row {result.Row}'s send result was given to Wait-ConnectDelivery more than once: this is the same " +
                    "message again, reported each time it is given, not another send.");
            return note;
        }

        private static string Joined(string? note, string more) => note is null ? more : note + " " + more;

        /// <summary>The note of a row that shares its receipts with no other.</summary>
        private string? Alone(DeliveryResult result)
        {
            if (FailureAdvice.For(result.Status, result.Receipt) is string advice) return advice;
            if (result.Status == DeliveryStatus.Scheduled) return NotWaitedFor(result.SendResult);
            var note = OfTheRoute(result);
            // A row not waited for (no receipt can come at all) has its note alone; one that waited, a Scheduled one's time first.
            if (result.Status != DeliveryStatus.NoReceipt || result.SendStatus != Results.SendStatus.Scheduled || !result.TimedOut) return note;
            return note is null ? Scheduled(result.SendResult) : Scheduled(result.SendResult) + " " + note;
        }

        /// <summary>What the send's -RequestedReceipt and the email route say of a row's last receipt; null when nothing.</summary>
        private string? OfTheRoute(DeliveryResult result)
        {
            var asked = result.SendResult.AskedReceipts;
            var email = result.SendResult.Channel == MessageChannel.Email;
            if (result.Status == DeliveryStatus.Submitted && !result.TimedOut)
            {
                if (asked == ReceiptFilter.SubmittedOnly)
                    return "Submitted is the last receipt: the send's -RequestedReceipt asked for none after it.";
                if (email && SmtpEmail)
                    return $"Submitted is the last receipt (-EmailRoute Smtp): an {SmtpSendsSubmittedAlone}, and {BounceAsReport}.";
            }
            if (!email) return null;
            if (result.Status == DeliveryStatus.NoReceipt && asked == ReceiptFilter.Nothing)
                return "The send's -RequestedReceipt asked only for read or clicked receipts, which never come for a text email (one without " +
                    "HTML): no receipt comes, so it was not waited for. Give the email HTML, or ask for submitted or delivered too.";
            if (result.Status == DeliveryStatus.NoReceipt && asked == ReceiptFilter.NoSubmitted && SmtpEmail)
                return $"The send's -RequestedReceipt left out submitted, and an {SmtpSendsSubmittedAlone} (-EmailRoute Smtp): none comes, " +
                    "so it was not waited for. Send with -RequestedReceipt submitted to have the Submitted receipt.";
            if (RouteKnown || !result.TimedOut) return null;
            // Left at Submitted: the app may be an SMTP one. (A send that asked for Submitted alone is not here: its Submitted
            // receipt is the last one, and the row is not timed out.)
            if (result.Status == DeliveryStatus.Submitted)
                return $"An {SmtpSendsSubmittedAlone}: for such an app Submitted is the last receipt, and {BounceAsReport}." + SayTheRoute;
            // Nothing at all, and the send did not ask for Submitted: an SMTP app sends nothing else, so nothing comes. Before, the
            // error said only "no delivery receipt", and the run's warning asked whether the sends gave -NotifyUrl.
            if (result.Status == DeliveryStatus.NoReceipt && asked == ReceiptFilter.NoSubmitted)
                return $"The send's -RequestedReceipt left out submitted, and an {SmtpSendsSubmittedAlone}: for such an app no receipt comes at all." + SayTheRoute;
            return null;
        }

        /// <summary>
        /// A Scheduled send before its time: no receipt comes before then. Before, only the row's error said so, and the report's
        /// Export-Csv showed NoReceipt with an empty Note, which read the next morning as a message lost, to be sent again.
        /// </summary>
        private static string Scheduled(Results.SendResult sent) =>
            $"The send was Scheduled {Composition.ScheduledFor.When(sent.ScheduledFor)}: it is neither delivered nor failed, and no receipt " +
            "comes before that time. Do not send it again; look for its receipt after that time.";

        /// <summary>
        /// A Scheduled send whose time comes after the wait, written at once (DeliveryStatus.Scheduled). Before, it held the run
        /// for the whole -Timeout, and its error said both "It may still arrive" and that none comes before its time.
        /// </summary>
        private static string NotWaitedFor(Results.SendResult sent) =>
            $"The send was Scheduled {Composition.ScheduledFor.When(sent.ScheduledFor)}: it was not waited for, as no receipt comes " +
            "before that time. Do not send it again; wait for it after that time.";
    }
}
