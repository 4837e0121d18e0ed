using System;
using System.Globalization;
using System.Management.Automation;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Results;
using static WebexConnect.Receipts.ReportColumns;

namespace WebexConnect.Receipts
{
    /// <summary>
    /// What Wait-ConnectDelivery waits for, from whatever was piped: a SendResult, a DeliveryResult (waited for again),
    /// or a row of either's Export-Csv, read by column name. The next day's report starts from results.csv, not from
    /// the objects of yesterday's session: before, PowerShell's binder refused every such row with "The input object
    /// cannot be bound to any parameters", and no row got a result.
    /// </summary>
    internal static class SendResultRow
    {
        /// <summary>
        /// The send result in <paramref name="input"/>; null with <paramref name="problem"/> saying why not. The rows of a file
        /// read with the wrong delimiter are told by <paramref name="misread"/>: in full once, then as the same reason.
        /// </summary>
        public static SendResult? Read(object? input, long inputNumber, MisreadDelimiterRows misread, out string? problem)
        {
            problem = null;
            var value = input is PSObject wrapped ? wrapped.BaseObject : input;
            switch (value)
            {
                case SendResult sent:
                    return sent;
                case DeliveryResult delivery:
                    // One address of a result for several: waited for again as that address alone, not all of them.
                    var earlier = delivery.SendResult;
                    return string.Equals(earlier.Destination, delivery.Destination, StringComparison.Ordinal) ? earlier : Copy(earlier, delivery.Destination, earlier.MessageId);
                case null:
                    problem = $"Input {inputNumber} is empty.";
                    return null;
            }

            var row = PSObject.AsPSObject(input);
            // An empty cell is a destination too: the result of a row whose address was empty (Invalid) is written with
            // Destination "", and Export-Csv keeps the column. Before, such a row was refused as having no Destination
            // column, so the report read back from results.csv had one row fewer than the send.
            var destination = Text(row, "Destination") ?? (row.Properties["Destination"] is null ? null : "");
            // A DeliveryResult row's Status is the delivery's; its SendStatus is the send's.
            var statusText = Text(row, "SendStatus") ?? Text(row, "Status");
            var number = Text(row, "Row");
            if (destination is null && misread.ReasonFor(InputRow.Read(row).Columns, inputNumber, "input", IsResultColumn) is string why)
            {
                problem = $"Input {inputNumber} is not read as a send result: {why}.";
                return null;
            }
            if (destination is null || statusText is null)
            {
                problem = $"Input {inputNumber}{(number is null ? "" : " (Row " + number + ")")} is not a send result: it has no " +
                    (destination is null ? "Destination" : "Status") + " column. Pipe the output of Send-ConnectSms, Send-ConnectEmail " +
                    "or Send-ConnectRcs, or the rows of its Export-Csv (Import-Csv results.csv).";
                return null;
            }
            // A number is what ConvertTo-Json writes for the status (Queued is 0): read it when it names one.
            if (!Enum.TryParse<SendStatus>(statusText, ignoreCase: true, out var status) || !Enum.IsDefined(typeof(SendStatus), status))
            {
                problem = $"Input {inputNumber}{(number is null ? "" : " (Row " + number + ")")}: its status '{statusText}' is not a send status " +
                    "(" + string.Join(", ", Enum.GetNames(typeof(SendStatus))) + ").";
                return null;
            }
            Enum.TryParse<MessageChannel>(Text(row, "Channel") ?? "", ignoreCase: true, out var channel);
            var requested = Text(row, "RequestedReceipts");
            return new SendResult(channel, destination, Text(row, "CorrelationId"), status, Text(row, "MessageId"),
                Text(row, "Code"), Text(row, "SendReason") ?? Text(row, "Reason"),
                submittedAt: Time(row, "SubmittedAt"),
                row: RowNumber(number, inputNumber), requestedReceipts: requested, scheduledFor: Time(row, "ScheduledFor"))
                { AskedReceipts = ReceiptFilters.Of(requested), CopyAddresses = EmailCopies.Read(Text(row, "Copies")) };
        }

        /// <summary>
        /// The input row <paramref name="input"/> names, as the result itself shows it: a send or delivery result's Row, or the
        /// Row column of either's Export-Csv; else <paramref name="inputNumber"/>, its position in the pipeline. A filtered
        /// list ($r | Where-Object Status -ne Queued) holds row 2 as its first item: its messages name row 2, not 1.
        /// </summary>
        public static long RowOf(object? input, long inputNumber)
        {
            var row = (input is PSObject wrapped ? wrapped.BaseObject : input) switch
            {
                SendResult sent => sent.Row,
                DeliveryResult delivery => delivery.Row,
                null => 0,
                _ => RowNumber(Text(PSObject.AsPSObject(input), "Row"), 0),
            };
            return row > 0 ? row : inputNumber;
        }

        private static long RowNumber(string? text, long otherwise) =>
            long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : otherwise;

        /// <summary>The columns Wait-ConnectDelivery reads a results file's rows by.</summary>
        private static bool IsResultColumn(string name) =>
            string.Equals(name, "Destination", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "Status", StringComparison.OrdinalIgnoreCase);

        private static SendResult Copy(SendResult result, string destination, string? messageId) =>
            new SendResult(result.Channel, destination, result.CorrelationId, result.Status, messageId, result.Code, result.Reason,
                result.Attempts, result.Batch, result.SubmittedAt, result.Parts, row: result.Row, requestedReceipts: result.RequestedReceipts,
                scheduledFor: result.ScheduledFor)
                { AskedReceipts = result.AskedReceipts, CopyAddresses = result.CopyAddresses };
    }
}
