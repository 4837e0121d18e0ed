using System;
using System.Collections;
using System.Management.Automation;
using System.Security;
using WebexConnect.Receipts;
using WebexConnect.Sending;

namespace WebexConnect.Commands
{
    /// <summary>
    /// ConvertFrom-ConnectWebhook: reads delivery-receipt webhooks (a string, the raw bytes, or what
    /// ConvertFrom-Json or a web framework made of them) into DeliveryReceipt objects, and with -Secret
    /// refuses any whose x-hub-signature does not match. Needs no Connect-WebexConnect.
    /// </summary>
    [Cmdlet(VerbsData.ConvertFrom, "ConnectWebhook")]
    [OutputType(typeof(DeliveryReceipt))]
    public sealed class ConvertFromConnectWebhookCommand : PSCmdlet
    {
        /// <summary>The webhook body: JSON text, its bytes, a ConvertFrom-Json object, a hashtable, or a request object with RawBody/Body.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, HelpMessage = "The webhook body: JSON text, its bytes, or a ConvertFrom-Json object.")]
        [AllowNull]
        [AllowEmptyString]
        public object? InputObject { get; set; }

        /// <summary>The webhook secret: the x-hub-signature must be the body's HMAC-SHA256 with it.</summary>
        [Parameter]
        [ValidateNotNull]
        [SecureStringArgument("Secret", "WebexWebhookSecret")]
        public SecureString? Secret { get; set; }

        /// <summary>The x-hub-signature header's value.</summary>
        [Parameter]
        public string? Signature { get; set; }

        /// <summary>The request's headers (any dictionary); x-hub-signature is read from them when -Signature is not given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public IDictionary? Headers { get; set; }

        private readonly WebhookLines _lines = new WebhookLines();
        private long _inputs;
        private object? _lastInput;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            _inputs++;
            _lastInput = InputObject;
            var input = InputObject is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : InputObject;
            var joined = false;
            if (input is string line && MyInvocation.ExpectingInput)
            {
                input = _lines.Add(line, _inputs, out joined);
                if (input is null) return;
            }
            try
            {
                if (joined && Secret != null)
                    throw new WebhookSignatureException(WebhookSignatureProblem.RawBodyRequired,
                        "-Secret needs the body exactly as it arrived, and it came line by line (Get-Content without -Raw): " +
                        "the line ends it had are gone. Give the whole body, e.g. Get-Content -Raw, or its bytes.");
                var body = RequestBody(input);
                var receivedAt = DateTimeOffset.Now;
                var receipts = body switch
                {
                    byte[] bytes => WebhookBody.Read(bytes, Secret, Signature ?? WebhookSignature.FromHeaders(Headers), EngineLoader.Shared.ReadJson, receivedAt),
                    string text => WebhookBody.Read(WebhookBody.BytesOf(text), Secret, Signature ?? WebhookSignature.FromHeaders(Headers), EngineLoader.Shared.ReadJson, receivedAt),
                    _ => ReadParsed(body, receivedAt),
                };
                foreach (var receipt in receipts) WriteObject(receipt);
            }
            catch (ReceiptFormatException ex)
            {
                WriteError(new ErrorRecord(ex, "InvalidWebhookBody", ErrorCategory.InvalidData, InputObject));
            }
            catch (WebhookSignatureException ex) when (ex.Problem == WebhookSignatureProblem.Missing)
            {
                WriteError(new ErrorRecord(ex, "WebhookSignatureMissing", ErrorCategory.SecurityError, InputObject));
            }
            catch (WebhookSignatureException ex) when (ex.Problem == WebhookSignatureProblem.Invalid)
            {
                WriteError(new ErrorRecord(ex, "WebhookSignatureInvalid", ErrorCategory.SecurityError, InputObject));
            }
            catch (WebhookSignatureException ex)
            {
                WriteError(new ErrorRecord(ex, "WebhookRawBodyRequired", ErrorCategory.InvalidArgument, InputObject));
            }
            catch (ConnectionConfigurationException ex)
            {
                ThrowTerminatingError(ex.ToErrorRecord(null));
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (_lines.Describe(_inputs) is string unclosed)
                WriteError(new ErrorRecord(new ReceiptFormatException(unclosed), "InvalidWebhookBody", ErrorCategory.InvalidData, _lastInput));
        }

        private System.Collections.Generic.IReadOnlyList<DeliveryReceipt> ReadParsed(object? body, DateTimeOffset receivedAt)
        {
            // The bytes that were signed are gone once a framework or ConvertFrom-Json has parsed them.
            if (Secret != null)
                throw new WebhookSignatureException(WebhookSignatureProblem.RawBodyRequired,
                    "-Secret needs the body exactly as it arrived (the raw text or bytes), not an object made from it: " +
                    "parsing and writing JSON again changes the bytes the signature covers.");
            return ReceiptReader.Read(body, receivedAt, signatureVerified: false);
        }

        /// <summary>
        /// The body in an input: itself, or a web framework's request object's RawBody (Azure Functions) or Body.
        /// </summary>
        private static object? RequestBody(object? input)
        {
            switch (input)
            {
                case null: throw new ReceiptFormatException("The webhook body is empty.");
                case string _:
                case byte[] _:
                case IDictionary _:
                case IList _:
                    return input;
                case byte _:
                    throw new ReceiptFormatException("Got a single byte: PowerShell unrolls a piped byte array. Give the bytes with -InputObject $bytes, or pipe ,$bytes.");
            }
            var wrapped = PSObject.AsPSObject(input);
            if (wrapped.Properties["deliveryInfoNotification"] != null || wrapped.Properties["deliveryInfo"] != null) return input;
            foreach (var name in new[] { "RawBody", "Body" })
            {
                var property = wrapped.Properties[name];
                if (property == null) continue;
                var value = property.Value is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : property.Value;
                if (value != null) return value;
            }
            return input;
        }
    }
}
