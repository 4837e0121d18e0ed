using System;
using System.Collections.Generic;
using WebexConnect.Messages;

namespace WebexConnect.Receipts
{
    /// <summary>Reads a message's requestedReceipts as a <see cref="ReceiptFilter"/>, and as the text a send result shows of them.</summary>
    internal static class ReceiptFilters
    {
        /// <summary>What joins the receipts in <see cref="Text"/>: one cell of Export-Csv, as a result's several addresses are.</summary>
        private const string Separator = Recipient.AddressSeparator;

        private static volatile LastText? _last;

        /// <summary>
        /// The filter of <paramref name="message"/>'s requestedReceipts. Each word is read as a receipt would be
        /// (<see cref="DeliveryStatuses"/>: SMS SENT is Submitted too); a word not known counts as a receipt after Submitted.
        /// Read and clicked receipts never come for a text email (API.md), so asking for them there asks for nothing later.
        /// </summary>
        public static ReceiptFilter Of(ConnectMessage message) => Of(message.RequestedReceipts, TextEmail(message));

        /// <summary>
        /// The filter of a results file's RequestedReceipts cell (<see cref="Text"/>). The file does not say whether an email was
        /// text, so read and clicked count as receipts that can come. Before, the column did not exist and every row of a
        /// results file read as asking for every receipt: Import-Csv results.csv | Wait-ConnectDelivery waited the whole
        /// -Timeout for rows sent with -RequestedReceipt submitted.
        /// </summary>
        public static ReceiptFilter Of(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return ReceiptFilter.Any;
            var words = text!.Split(',');
            // A receipt the text marks as one that never comes (NeverForTextEmail) was asked of a text email.
            var textEmail = false;
            for (var i = 0; i < words.Length; i++)
            {
                var at = words[i].IndexOf(NeverForTextEmail, StringComparison.OrdinalIgnoreCase);
                if (at < 0) continue;
                words[i] = words[i].Substring(0, at);
                textEmail = true;
            }
            return Of(words, textEmail);
        }

        /// <summary>
        /// Put after read and clicked in the text of a text email's receipts: they never come for it (API.md). The results file
        /// keeps no other sign of a text email, so before, Import-Csv results.csv | Wait-ConnectDelivery waited the whole
        /// -Timeout for a text email sent with -RequestedReceipt read, which the send's own results were not waited for.
        /// </summary>
        internal const string NeverForTextEmail = " (never for a text email)";

        /// <summary>
        /// <paramref name="message"/>'s requestedReceipts as one text ("submitted, read"), as the service was asked; null for none.
        /// A CSV cell holds it, where an array would be written "System.String[]". Rows of a run share their message's list, so
        /// the text of the last list asked for is kept: no new string a row.
        /// </summary>
        /// <remarks>
        /// For a text email, read and clicked are written with <see cref="NeverForTextEmail"/> after them ("submitted, read (never
        /// for a text email)"), so that the file read back knows they never come. The rows of one message may be text emails or
        /// not (a row's own Html column), so the kept text is the last list's for the one or the other.
        /// </remarks>
        public static string? Text(ConnectMessage message)
        {
            var receipts = message.RequestedReceipts;
            if (receipts.Count == 0) return null;
            var textEmail = TextEmail(message);
            var last = _last;
            if (last != null && ReferenceEquals(last.Receipts, receipts) && last.TextEmail == textEmail) return last.Text;
            var text = textEmail ? string.Join(Separator, Marked(receipts)) : string.Join(Separator, receipts);
            _last = new LastText(receipts, textEmail, text);
            return text;
        }

        /// <summary>A text email's receipts, read and clicked marked as never coming.</summary>
        private static IEnumerable<string> Marked(IReadOnlyList<string> receipts)
        {
            foreach (var receipt in receipts)
            {
                var status = DeliveryStatuses.From(null, receipt);
                yield return status == DeliveryStatus.Read || status == DeliveryStatus.Clicked ? receipt + NeverForTextEmail : receipt;
            }
        }

        private static ReceiptFilter Of(IReadOnlyList<string> receipts, bool textEmail)
        {
            bool submitted = false, asked = false, later = false;
            // An index, not foreach: this runs for every row's result, and an interface's enumerator is an allocation.
            for (var i = 0; i < receipts.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(receipts[i])) continue;
                asked = true;
                var status = DeliveryStatuses.From(null, receipts[i]);
                if (status == DeliveryStatus.Submitted) submitted = true;
                else if (!(textEmail && (status == DeliveryStatus.Read || status == DeliveryStatus.Clicked))) later = true;
            }
            if (!asked) return ReceiptFilter.Any;
            if (!submitted) return later ? ReceiptFilter.NoSubmitted : ReceiptFilter.Nothing;
            return later ? ReceiptFilter.Any : ReceiptFilter.SubmittedOnly;
        }

        private static bool TextEmail(ConnectMessage message) =>
            message is EmailMessage { Template: null } email && string.IsNullOrEmpty(email.Html);

        private sealed class LastText
        {
            public LastText(IReadOnlyList<string> receipts, bool textEmail, string text)
            {
                Receipts = receipts;
                TextEmail = textEmail;
                Text = text;
            }

            public IReadOnlyList<string> Receipts { get; }
            public bool TextEmail { get; }
            public string Text { get; }
        }
    }
}
