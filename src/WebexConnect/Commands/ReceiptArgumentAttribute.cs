using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using WebexConnect.Receipts;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Lets -Receipt take the rows of a receipts archive (Import-Csv receipts.csv, or ConvertFrom-Json of saved receipt
    /// objects) as well as DeliveryReceipt objects. A row that is not a receipt is refused by its number, with what it lacks.
    /// </summary>
    internal sealed class ReceiptArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is null || value is DeliveryReceipt || value is DeliveryReceipt[]) return inputData;
            // A single row, or a list of them; a string is one (unreadable) item, not a list of characters.
            var items = value is IEnumerable list && value is not string && value is not IDictionary ? list : new[] { inputData };
            var receipts = new List<DeliveryReceipt>();
            var number = 0;
            foreach (var item in items)
            {
                number++;
                receipts.Add(DeliveryReceiptRow.Read(item, out var problem) ?? throw new ArgumentTransformationMetadataException(
                    "Receipt " + number.ToString(CultureInfo.InvariantCulture) + " is not a delivery receipt: " + problem +
                    ". Give the receipts ConvertFrom-ConnectWebhook or the listener's GetReceipts() returned, or the rows of their " +
                    "Export-Csv (Import-Csv receipts.csv)."));
            }
            return receipts.ToArray();
        }
    }
}
