using System;
using System.Management.Automation;
using static WebexConnect.Receipts.ReportColumns;

namespace WebexConnect.Receipts
{
    /// <summary>
    /// A delivery receipt from what an admin kept of one: the DeliveryReceipt itself, or a row of its Export-Csv (or of
    /// ConvertTo-Json, read back), by column name. Receipts the listener took during the night and archived with
    /// Export-Csv are what the next day's report joins with; before, Wait-ConnectDelivery -Receipt refused every
    /// such row with "Cannot convert ... PSCustomObject to type DeliveryReceipt".
    /// </summary>
    internal static class DeliveryReceiptRow
    {
        /// <summary>The receipt in <paramref name="input"/>; null with <paramref name="problem"/> saying why not.</summary>
        public static DeliveryReceipt? Read(object? input, out string? problem)
        {
            problem = null;
            switch (input is PSObject wrapped ? wrapped.BaseObject : input)
            {
                case DeliveryReceipt receipt:
                    return receipt;
                case null:
                    problem = "it is empty";
                    return null;
            }

            var row = PSObject.AsPSObject(input);
            var destination = Text(row, "Destination");
            var code = Text(row, "Code");
            var word = Text(row, "StatusText");
            var statusName = Text(row, "Status");
            if (destination is null || (code ?? word ?? statusName) is null)
            {
                problem = "it has no " + (destination is null ? "Destination" : "Code, StatusText or Status") + " column";
                return null;
            }

            var status = DeliveryStatuses.From(code, word);
            if (status == DeliveryStatus.Other && statusName is not null && Enum.TryParse<DeliveryStatus>(statusName, ignoreCase: true, out var named)
                && Enum.IsDefined(typeof(DeliveryStatus), named))
                status = named;
            var transid = Text(row, "TransactionId");
            return new DeliveryReceipt(status, code, word, Text(row, "Description"), Text(row, "Channel"), destination,
                Text(row, "DestinationType"), Time(row, "Timestamp"), Text(row, "MessageId") ?? ReceiptReader.MessageIdOf(transid), transid,
                Text(row, "CorrelationId"), Text(row, "CallbackData"), Text(row, "Carrier"), Text(row, "ServiceProvider"),
                Text(row, "AdditionalInfo"), Text(row, "MessageCount"),
                // Without its time of arrival a receipt is taken as just come: it may then answer for an Unknown row of any time.
                Time(row, "ReceivedAt") ?? DateTimeOffset.Now,
                string.Equals(Text(row, "SignatureVerified"), "True", StringComparison.OrdinalIgnoreCase))
            {
                // Taken as just come too, but not silently: the command that uses it says which and why (Wait-ConnectDelivery).
                UnreadReceivedAt = UnreadTime(row, "ReceivedAt"),
            };
        }
    }
}
