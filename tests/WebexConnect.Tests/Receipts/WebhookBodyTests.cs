using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using WebexConnect.Engine.Receipts;
using WebexConnect.Receipts;
using Xunit;

namespace WebexConnect.Tests.Receipts
{
    public class WebhookBodyTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

        private static IReadOnlyList<DeliveryReceipt> Read(byte[] body, string? secret = null, string? signature = null) =>
            WebhookBody.Read(body, secret is null ? null : TestSecrets.Secure(secret), signature, JsonTree.Read, Now);

        /// <summary>The fixture's callbackData made "Café Zoë", in the encoding given.</summary>
        private static byte[] WithCafe(Encoding encoding) =>
            encoding.GetBytes(Encoding.UTF8.GetString(ReceiptFixtures.Bytes("sms-delivered.json")).Replace("invoice-42", "Caf\u00e9 Zo\u00eb"));

        /// <summary>Before: "not valid UTF-8", for a body its Content-Type labels ISO-8859-1 as API.md says the service may.</summary>
        [Theory]
        [InlineData("application/json; charset=iso-8859-1")]
        [InlineData("application/json;charset=\"ISO-8859-1\"")]
        public void ABodyThatIsNotUtf8IsDecodedByTheCharsetItsContentTypeNames(string contentType)
        {
            var receipt = Assert.Single(WebhookBody.Read(WithCafe(Encoding.GetEncoding("iso-8859-1")), null, null, JsonTree.Read, Now, contentType));

            Assert.Equal("Caf\u00e9 Zo\u00eb", receipt.CallbackData);
        }

        [Fact]
        public void AUtf8BodyLabelledIso88591StaysUtf8()
        {
            // The service labels UTF-8 bodies ISO-8859-1 too: decoded by the label, "Café" would read "CafÃ©".
            var receipt = Assert.Single(WebhookBody.Read(WithCafe(Encoding.UTF8), null, null, JsonTree.Read, Now, "application/json; charset=ISO-8859-1"));

            Assert.Equal("Caf\u00e9 Zo\u00eb", receipt.CallbackData);
        }

        [Fact]
        public void ABodyThatIsNotUtf8WithoutACharsetIsStillRefused()
        {
            var latin1 = WithCafe(Encoding.GetEncoding("iso-8859-1"));

            Assert.Contains("not valid UTF-8", Assert.Throws<ReceiptFormatException>(() => Read(latin1)).Message);
            Assert.Contains("not valid UTF-8", Assert.Throws<ReceiptFormatException>(() =>
                WebhookBody.Read(latin1, null, null, JsonTree.Read, Now, "application/json; charset=utf-8")).Message);
        }

        /// <summary>
        /// Before: refused, the listener answering 400 "not valid UTF-8" for a valid UTF-8 body whose callbackData held
        /// half an emoji escaped ("\\ud83d" alone); the service does not resend it, so the receipt was lost.
        /// </summary>
        [Theory]
        [InlineData("Sale \\ud83d", "Sale \uFFFD")]
        [InlineData("\\ude00 end", "\uFFFD end")]
        [InlineData("\\ud83d\\ud83d\\ude00\\n\\u00e9\\\"", "\uFFFD\ud83d\ude00\n\u00e9\"")]
        public void AnEscapedHalfSurrogatePairIsReadAsTheReplacementCharacter_AndTheRestOfTheReceiptKept(string escaped, string expected)
        {
            var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(ReceiptFixtures.Bytes("sms-delivered.json")).Replace("invoice-42", escaped));

            var receipt = Assert.Single(Read(body));

            Assert.Equal(expected, receipt.CallbackData);
            Assert.Equal(DeliveryStatus.Delivered, receipt.Status);
            Assert.Equal("6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d11", receipt.MessageId);
        }

        [Fact]
        public void TheDocumentedShapeGivesEveryFieldAndMapsTheCode()
        {
            var receipt = Assert.Single(Read(ReceiptFixtures.Bytes("sms-delivered.json")));

            Assert.Equal(DeliveryStatus.Delivered, receipt.Status);
            Assert.Equal("7500", receipt.Code);
            Assert.Equal("Delivered", receipt.StatusText);
            Assert.Equal("Delivered", receipt.Description);
            Assert.Equal("sms", receipt.Channel);
            Assert.Equal("447700900001", receipt.Destination);
            Assert.Equal("MSISDN", receipt.DestinationType);
            Assert.Equal(new DateTimeOffset(2026, 12, 3, 10, 15, 30, 250, TimeSpan.Zero), receipt.Timestamp);
            Assert.Equal("6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d11", receipt.MessageId);
            Assert.Equal("6f1c2a9e-0d8b-4a57-9a43-2b1f0e5c7d11_1", receipt.TransactionId);
            Assert.Equal("row-1", receipt.CorrelationId);
            Assert.Equal("invoice-42", receipt.CallbackData);
            Assert.Equal("EE", receipt.Carrier);
            Assert.Equal("1", receipt.MessageCount);
            Assert.Equal(Now, receipt.ReceivedAt);
            Assert.False(receipt.SignatureVerified);
            Assert.True(receipt.IsFinal);
        }

        [Fact]
        public void TheOtherCasingsAndANumericCodeAreReadToo()
        {
            // description (lower case), messageid (lower case), correlationId (camel case), code as a JSON number.
            var receipt = Assert.Single(Read(ReceiptFixtures.Bytes("email-clicked.json")));

            Assert.Equal(DeliveryStatus.Clicked, receipt.Status);
            Assert.Equal("7528", receipt.Code);
            Assert.Equal("https://acme.example/offer|203.0.113.5", receipt.Description);
            Assert.Equal("a2d4e6f8-1111-2222-3333-444455556666", receipt.MessageId);
            Assert.Equal("campaign-7", receipt.CorrelationId);
            Assert.Null(receipt.CallbackData);
            Assert.Equal(new DateTimeOffset(2026, 12, 3, 11, 2, 0, TimeSpan.FromHours(1)), receipt.Timestamp);
        }

        [Fact]
        public void AnUnknownCodeIsKeptAsItCameWithStatusOther()
        {
            var receipt = Assert.Single(Read(ReceiptFixtures.Bytes("unknown-code.json")));

            Assert.Equal(DeliveryStatus.Other, receipt.Status);
            Assert.Equal("7999", receipt.Code);
            Assert.Equal("Throttled", receipt.StatusText);
            Assert.Equal("Held by carrier", receipt.Description);
            Assert.Null(receipt.CorrelationId);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764756930), receipt.Timestamp);
            Assert.False(receipt.IsFinal);
        }

        [Theory]
        // Received 2026-12-03 12:00 UTC. Before, the invariant culture read every d/m/y date month-first: day-first
        // dates gave the month and day swapped (days 1 to 12) or no time at all (13 to 31), and dotted ones became May.
        [InlineData("03/12/2026 10:15:30", "2026-12-03T10:15:30Z")]
        [InlineData("12/03/2026 10:15:30", "2026-12-03T10:15:30Z")]
        [InlineData("28/11/2026 09:00:00", "2026-11-28T09:00:00Z")]
        [InlineData("11/28/2026 09:00:00", "2026-11-28T09:00:00Z")]
        [InlineData("03.12.2026 10:15:30", "2026-12-03T10:15:30Z")]
        [InlineData("03-12-2026 10:15:30 +01:00", "2026-12-03T10:15:30+01:00")]
        [InlineData("2026-12-03 10:15:30", "2026-12-03T10:15:30Z")]
        [InlineData("2026-12-03T10:15:30.250+05:30", "2026-12-03T10:15:30.250+05:30")]
        public void ADateWithTheDayAndMonthAsNumbersIsReadInTheOrderTheServiceWroteIt(string timeStamp, string expected)
        {
            var body = "{\"deliveryInfoNotification\":{\"deliveryInfo\":{\"timeStamp\":\"" + timeStamp +
                "\",\"code\":\"7500\",\"destination\":\"447700900001\"},\"transid\":\"m-1\"}}";

            var receipt = Assert.Single(Read(Encoding.UTF8.GetBytes(body)));

            Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), receipt.Timestamp);
            Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, receipt.Timestamp!.Value.Offset);
        }

        [Theory]
        // Before: a number over the milliseconds' range (a service or relay writing microseconds or nanoseconds) threw
        // ArgumentOutOfRangeException out of the reader: ConvertFrom-ConnectWebhook failed the whole body with "Valid values
        // are between ...", and the listener dropped the connection unanswered, so every receipt in that body was lost.
        [InlineData("1764757330", "2025-12-03T10:22:10Z")]
        [InlineData("1764757330250", "2025-12-03T10:22:10.250Z")]
        [InlineData("1764757330250123", "2025-12-03T10:22:10.250Z")]
        [InlineData("1764757330250123456", "2025-12-03T10:22:10.250Z")]
        // Before: a fraction (seconds as Python's time.time() writes them) made the receipt's time unread.
        [InlineData("1764757330.25", "2025-12-03T10:22:10.250Z")]
        [InlineData("1764757330250.5", "2025-12-03T10:22:10.250Z")]
        public void AUnixTimeInSecondsMillisecondsMicrosecondsOrNanosecondsIsRead(string timeStamp, string expected)
        {
            var body = "{\"deliveryInfoNotification\":{\"deliveryInfo\":{\"timeStamp\":\"" + timeStamp +
                "\",\"code\":\"7500\",\"destination\":\"447700900001\"},\"transid\":\"m-1\"}}";

            var receipt = Assert.Single(Read(Encoding.UTF8.GetBytes(body)));

            Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), receipt.Timestamp);
        }

        [Theory]
        // Before: zero, a time the sender left unset, was 1 January 1970 in the report. A number past the last date a
        // DateTimeOffset holds stays no timestamp now that fractions and longer numbers are read.
        [InlineData("0")]
        [InlineData("0.0")]
        [InlineData("99999999999999999999999")]
        public void AUnixTimeOfZeroOrPastTheLastDateIsNoTimestampAndTheReceiptIsKept(string timeStamp)
        {
            var body = "{\"deliveryInfoNotification\":{\"deliveryInfo\":{\"timeStamp\":\"" + timeStamp +
                "\",\"code\":\"7500\",\"destination\":\"447700900001\"},\"transid\":\"m-1\"}}";

            var receipt = Assert.Single(Read(Encoding.UTF8.GetBytes(body)));

            Assert.Null(receipt.Timestamp);
            Assert.Equal("447700900001", receipt.Destination);
        }

        [Fact]
        public void ADateWrittenInDigitsThatAreNotAsciiIsNoTimestampAndTheReceiptIsKept()
        {
            // Before: the date pattern's \d took Arabic-Indic digits (U+0660-U+0669), which int.Parse then refused: a
            // FormatException out of the reader, so the listener dropped the body unanswered and uncounted.
            var digits = "\u0660\u0665/\u0660\u0661/\u0662\u0660\u0662\u0666";
            var body = "{\"deliveryInfoNotification\":{\"deliveryInfo\":{\"timeStamp\":\"" + digits +
                "\",\"code\":\"7500\",\"destination\":\"447700900001\"},\"transid\":\"m-1\"}}";

            var receipt = Assert.Single(Read(Encoding.UTF8.GetBytes(body)));

            Assert.Null(receipt.Timestamp);
            Assert.Equal("447700900001", receipt.Destination);
        }

        [Theory]
        // Read long after it came (a saved file): 5 January or 1 May, nothing tells which; not guessed.
        [InlineData("01/05/2024 10:00:00")]
        [InlineData("05/01/2024 10:00:00")]
        public void AnAmbiguousDateFarFromTheReceiptsArrivalIsNotGuessed(string timeStamp)
        {
            var body = "{\"deliveryInfoNotification\":{\"deliveryInfo\":{\"timeStamp\":\"" + timeStamp +
                "\",\"code\":\"7500\",\"destination\":\"447700900001\"},\"transid\":\"m-1\"}}";

            var receipt = Assert.Single(Read(Encoding.UTF8.GetBytes(body)));

            Assert.Null(receipt.Timestamp);
            Assert.Equal(Now, receipt.ReceivedAt);
        }

        [Fact]
        public void AListOfNotificationsGivesOneReceiptEach()
        {
            var receipts = Read(ReceiptFixtures.Bytes("batch.json"));

            Assert.Equal(new[] { DeliveryStatus.Submitted, DeliveryStatus.Failed }, receipts.Select(r => r.Status));
            Assert.All(receipts, r => Assert.Equal("11111111-2222-3333-4444-555555555555", r.MessageId));
            Assert.Equal(new[] { "row-3", "row-4" }, receipts.Select(r => r.CorrelationId));
        }

        [Theory]
        [InlineData("7501", null, DeliveryStatus.Submitted)]
        [InlineData("7500", null, DeliveryStatus.Delivered)]
        [InlineData("7502", null, DeliveryStatus.Read)]
        [InlineData("7528", null, DeliveryStatus.Clicked)]
        [InlineData("7520", null, DeliveryStatus.Bounced)]
        [InlineData("7521", null, DeliveryStatus.Complaint)]
        [InlineData("7522", null, DeliveryStatus.NotVerified)]
        [InlineData("7523", null, DeliveryStatus.Failed)]
        [InlineData("7102", null, DeliveryStatus.Failed)]
        [InlineData("7208", null, DeliveryStatus.Expired)]
        [InlineData(null, "SENT", DeliveryStatus.Submitted)]
        [InlineData(null, "not verified", DeliveryStatus.NotVerified)]
        [InlineData("1234", "Failed", DeliveryStatus.Failed)]
        [InlineData("7500", "Failed", DeliveryStatus.Delivered)]
        [InlineData("1234", "Whatever", DeliveryStatus.Other)]
        public void TheDocumentedCodesMapAndTheCodeWinsOverTheWord(string? code, string? word, DeliveryStatus expected)
        {
            Assert.Equal(expected, DeliveryStatuses.From(code, word));
        }

        [Theory]
        [InlineData("abc_1", "abc")]
        [InlineData("abc_12", "abc")]
        [InlineData("abc", "abc")]
        [InlineData("abc_x1", "abc_x1")]
        [InlineData("abc_", "abc_")]
        [InlineData("_1", "_1")]
        public void ThePerDestinationSuffixOfTransidIsDropped(string transid, string messageId)
        {
            Assert.Equal(messageId, ReceiptReader.MessageIdOf(transid));
        }

        [Theory]
        [InlineData("", "empty")]
        [InlineData(" \r\n\t ", "empty: it has only spaces or line breaks")]
        [InlineData("{not json", "not JSON")]
        [InlineData("[]", "empty list")]
        [InlineData("\"text\"", "not a JSON object")]
        [InlineData("{\"deliveryInfoNotification\":{}}", "no deliveryInfoNotification.deliveryInfo")]
        [InlineData("{\"deliveryInfoNotification\":{\"deliveryInfo\":\"x\"}}", "deliveryInfo is not an object")]
        [InlineData("{\"deliveryInfoNotification\":{\"deliveryInfo\":{\"destination\":\"1\"}}}", "neither a code nor a deliveryStatus")]
        [InlineData("[{\"deliveryInfo\":{\"code\":\"7500\"}}, 5]", "Item 2 of the list")]
        public void AMalformedBodyIsAReceiptFormatExceptionThatSaysWhy(string body, string says)
        {
            var error = Assert.Throws<ReceiptFormatException>(() => Read(Encoding.UTF8.GetBytes(body)));

            Assert.Contains(says, error.Message);
        }

        [Fact]
        public void NotAReceiptSaysItIsNotADeliveryReceipt()
        {
            var error = Assert.Throws<ReceiptFormatException>(() => Read(ReceiptFixtures.Bytes("not-a-receipt.json")));

            Assert.Contains("not a delivery receipt", error.Message);
        }

        [Fact]
        public void ABodyOverTheLimitIsRefusedBeforeParsing()
        {
            var body = new byte[WebhookBody.MaxBytes + 1];

            Assert.Contains("at most", Assert.Throws<ReceiptFormatException>(() => Read(body)).Message);
        }

        /// <summary>Windows PowerShell 5.1's Out-File and > save UTF-16 with a byte order mark; before, such a body was "not JSON".</summary>
        [Fact]
        public void TextWithAUtf16OrUtf32ByteOrderMarkIsReadAsTheSameReceipt()
        {
            var utf8 = ReceiptFixtures.Bytes("sms-delivered.json");
            var text = Encoding.UTF8.GetString(utf8);
            var expected = Assert.Single(Read(utf8));

            foreach (var encoding in new Encoding[] { Encoding.Unicode, Encoding.BigEndianUnicode, Encoding.UTF32 })
            {
                var body = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
                var receipt = Assert.Single(Read(body));
                Assert.Equal((expected.Status, expected.CorrelationId, expected.MessageId), (receipt.Status, receipt.CorrelationId, receipt.MessageId));
            }
        }

        [Fact]
        public void AByteOrderMarkFollowedByBrokenTextIsAFormatErrorNotACrash()
        {
            var body = new byte[] { 0xFF, 0xFE, (byte)'{', 0, 0x00, 0xD8, (byte)'}', 0 };

            Assert.Contains("UTF-16", Assert.Throws<ReceiptFormatException>(() => Read(body)).Message);
        }

        [Fact]
        public void InvalidUtf8IsAFormatErrorNotACrash()
        {
            var body = new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' };

            Assert.Throws<ReceiptFormatException>(() => Read(body));
        }

        [Fact]
        public void ACorrectSignatureInEitherFormIsAcceptedAndMarked()
        {
            var body = ReceiptFixtures.Bytes("sms-delivered.json");
            var signature = WebhookSignature.Compute(body, TestSecrets.Secure("webhook-secret"));

            Assert.StartsWith("sha256=", signature);
            Assert.True(Assert.Single(Read(body, "webhook-secret", signature)).SignatureVerified);
            Assert.True(Assert.Single(Read(body, "webhook-secret", signature.Substring(7).ToUpperInvariant())).SignatureVerified);
        }

        [Fact]
        public void TheSignatureIsTheHmacSha256OfTheRawBytesWithTheSecretsUtf8Bytes()
        {
            var body = Encoding.UTF8.GetBytes("{}");
            using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes("clé"));
            var expected = "sha256=" + string.Concat(hmac.ComputeHash(body).Select(b => b.ToString("x2")));

            Assert.Equal(expected, WebhookSignature.Compute(body, TestSecrets.Secure("clé")));
        }

        [Theory]
        [InlineData(null, WebhookSignatureProblem.Missing)]
        [InlineData("", WebhookSignatureProblem.Missing)]
        [InlineData("sha256=00", WebhookSignatureProblem.Invalid)]
        [InlineData("not hex at all", WebhookSignatureProblem.Invalid)]
        public void AMissingOrWrongSignatureIsRefusedBeforeTheBodyIsRead(string? signature, WebhookSignatureProblem problem)
        {
            // Not JSON at all: the refusal must come from the signature, before parsing.
            var error = Assert.Throws<WebhookSignatureException>(() => Read(Encoding.UTF8.GetBytes("{oops"), "webhook-secret", signature));

            Assert.Equal(problem, error.Problem);
            Assert.DoesNotContain("webhook-secret", error.Message);
        }

        [Fact]
        public void ASignatureForOtherBytesOrAnotherSecretIsRefused()
        {
            var body = ReceiptFixtures.Bytes("sms-delivered.json");
            var changed = (byte[])body.Clone();
            changed[changed.Length - 5] ^= 1;
            var signature = WebhookSignature.Compute(body, TestSecrets.Secure("webhook-secret"));

            Assert.Throws<WebhookSignatureException>(() => Read(changed, "webhook-secret", signature));
            Assert.Throws<WebhookSignatureException>(() => Read(body, "another-secret", signature));
        }

        [Fact]
        public void TheSignatureHeaderIsFoundInAnyDictionaryWithoutCase()
        {
            var hashtable = new System.Collections.Hashtable { ["Content-Type"] = "application/json", ["X-Hub-Signature"] = "sha256=ab" };
            var multi = new Dictionary<string, string[]> { ["x-hub-signature"] = new[] { "sha256=cd" } };

            Assert.Equal("sha256=ab", WebhookSignature.FromHeaders(hashtable));
            Assert.Equal("sha256=cd", WebhookSignature.FromHeaders(multi));
            Assert.Null(WebhookSignature.FromHeaders(new System.Collections.Hashtable()));
        }
    }
}
