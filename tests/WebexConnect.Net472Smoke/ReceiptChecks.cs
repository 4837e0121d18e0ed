using System;
using System.Linq;
using System.Text;
using WebexConnect.Receipts;
using WebexConnect.Sending;

namespace WebexConnect.Net472Smoke
{
    /// <summary>
    /// ConvertFrom-ConnectWebhook's path on .NET Framework: the engine's System.Text.Json reads the body into a
    /// plain tree, the module maps it and checks the x-hub-signature with the BCL's HMACSHA256.
    /// </summary>
    internal static class ReceiptChecks
    {
        private const string Body =
            "{\"deliveryInfoNotification\":{\"deliveryInfo\":{\"timeStamp\":\"2026-12-03T10:15:30.250Z\",\"Description\":\"Delivered\"," +
            "\"code\":\"7500\",\"deliveryChannel\":\"sms\",\"destination\":\"447700900001\",\"deliveryStatus\":\"Delivered\"}," +
            "\"transid\":\"6f1c2a9e_1\",\"callbackData\":\"cb\",\"correlationid\":\"row-1\"}}";

        public static void Run(Report report, IConnectEngine engine)
        {
            report.Run("webhook-receipt-signed", () =>
            {
                var bytes = Encoding.UTF8.GetBytes(Body);
                var secret = Runs.Secure("webhook-secret");
                var signature = WebhookSignature.Compute(bytes, secret);
                var receipt = WebhookBody.Read(bytes, secret, signature, engine.ReadJson, DateTimeOffset.UtcNow).Single();
                var problems = "";
                if (receipt.Status != DeliveryStatus.Delivered || receipt.Code != "7500") problems += " status " + receipt.Status + "/" + receipt.Code + ";";
                if (receipt.MessageId != "6f1c2a9e" || receipt.CorrelationId != "row-1") problems += " ids " + receipt.MessageId + "/" + receipt.CorrelationId + ";";
                if (receipt.Timestamp != new DateTimeOffset(2026, 12, 3, 10, 15, 30, 250, TimeSpan.Zero)) problems += " timestamp " + receipt.Timestamp + ";";
                if (!receipt.SignatureVerified) problems += " not marked verified;";
                try
                {
                    WebhookBody.Read(bytes, Runs.Secure("other"), signature, engine.ReadJson, DateTimeOffset.UtcNow);
                    problems += " a signature made with another secret was accepted;";
                }
                catch (WebhookSignatureException ex) when (ex.Problem == WebhookSignatureProblem.Invalid)
                {
                }
                try
                {
                    WebhookBody.Read(Encoding.UTF8.GetBytes("{oops"), null, null, engine.ReadJson, DateTimeOffset.UtcNow);
                    problems += " a body that is not JSON was read;";
                }
                catch (ReceiptFormatException)
                {
                }
                return problems.Length == 0
                    ? (true, "Delivered 7500 read with both casings, transid suffix dropped, sha256 signature verified; another secret and bad JSON refused")
                    : (false, problems.Trim());
            });
        }
    }
}
