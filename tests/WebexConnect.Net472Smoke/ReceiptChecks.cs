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
            report.Run("sandbox-receipts-to-listener", () =>
            {
                // Start-ConnectReceiptListener + Wait-ConnectDelivery: the TcpListener server on .NET Framework, fed by the
                // sandbox's receipt poster over a real loopback socket, joined back to the send results.
                using (var listener = engine.StartReceiptListener(new ReceiptListenerOptions()))
                using (var session = engine.Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox, Tps = 500, SandboxFailureRate = 0.3 }))
                {
                    var message = new WebexConnect.Messages.SmsMessage { From = "ACME", Text = "Hi", NotifyUrl = listener.Url.ToString() };
                    var results = Runs.Send(session, message, Runs.People(40));
                    var join = new DeliveryJoin(listener.Receipts);
                    foreach (var result in results) join.Add(result);
                    var waited = System.Diagnostics.Stopwatch.StartNew();
                    while (join.Waiting > 0 && waited.Elapsed < TimeSpan.FromSeconds(30))
                    {
                        System.Threading.Thread.Sleep(50);
                        join.Pull();
                    }
                    var delivered = join.TakeReady(all: true);
                    var failed = delivered.Count(d => d.Status == DeliveryStatus.Failed);
                    var ok = delivered.Count == 40 && delivered.All(d => !d.TimedOut) && failed > 0
                        && delivered.Count(d => d.Status == DeliveryStatus.Delivered) == 40 - failed
                        && delivered.Select(d => d.SendResult).SequenceEqual(results);
                    return (ok, "40 SMS with a loopback notifyUrl: " + (40 - failed) + " Delivered, " + failed + " Failed, " +
                        delivered.Count(d => d.TimedOut) + " without a receipt, in " + waited.ElapsedMilliseconds + " ms; listener received " +
                        listener.Receipts.Received + ", refused " + listener.Refused);
                }
            });

            report.Run("sandbox-message-lookup", () =>
            {
                // Get-ConnectMessage and Test-WebexConnect: GET /v2/messages/{id} through the net472 engine, read by the module.
                using (var session = engine.Open(new ConnectionSettings { AuthMode = ConnectAuthMode.Sandbox, Tps = 100 }))
                {
                    var sent = Runs.Send(session, SmokeSamples.Sms, Runs.People(3)).First();
                    var known = LookupReading.ToMessage(sent.MessageId!, session.LookUpMessage(sent.MessageId!, System.Threading.CancellationToken.None), DateTimeOffset.Now);
                    var test = LookupReading.ToTest(session.LookUpMessage("webexconnect-test-" + Guid.NewGuid().ToString("N"), System.Threading.CancellationToken.None),
                        new Uri("https://sandbox.invalid/"), ConnectAuthMode.Sandbox, DateTimeOffset.Now);
                    var ok = known.Found && known.MessageId == sent.MessageId && known.Status == "Delivered" && known.To == sent.Destination
                        && test.Status == WebexConnect.Results.ConnectionTestStatus.Accepted && test.StatusCode == 404;
                    return (ok, "lookup of a sent message: Found=" + known.Found + " " + known.Status + " to " + known.To +
                        "; lookup of a made-up ID: " + test.Status + " " + test.StatusCode);
                }
            });

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
