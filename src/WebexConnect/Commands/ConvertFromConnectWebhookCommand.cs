using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
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
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public object? InputObject { get; set; }

        /// <summary>The webhook secret: the x-hub-signature must be the body's HMAC-SHA256 (or HMAC-SHA512) with it.</summary>
        [Parameter]
        [ValidateNotNull]
        [SecureStringArgument("Secret", "WebexWebhookSecret")]
        [ValidateWebhookSecret]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public SecureString? Secret { get; set; }

        /// <summary>The x-hub-signature header's value.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? Signature { get; set; }

        /// <summary>The request's headers (any dictionary); x-hub-signature is read from them when -Signature is not given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public IDictionary? Headers { get; set; }

        private readonly WebhookLines _lines = new WebhookLines();
        private long _inputs;
        private object? _lastInput;
        private WebhookSource? _heldFrom;
        private WebhookSource? _lastSource;
        private string? _refusedLog;
        private string? _fileWithoutBody;
        private string? _savedRequestFile;
        private bool _readSavedRequest;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var source = WebhookSource.Of(InputObject);
            var input = InputObject is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : InputObject;
            var joined = false;
            var from = source;
            if (input is string line && MyInvocation.ExpectingInput)
            {
                // A file that ended inside a body (a web server stopped mid-write) lets its lines go here, with an error
                // naming it, so the next file's lines are read on their own instead of being swallowed with them.
                if (_lines.HeldLines > 0 && !WebhookSource.SameFile(_heldFrom, source)) WriteUnclosed(_lines.Abandon(_inputs));
                _inputs++;
                if (IsSavedRequestLine(source))
                {
                    // Its lines are its head and its body: read once, whole, at its first line, as the file piped whole is.
                    if (source!.Line != 1) return;
                    _lastInput = InputObject;
                    input = new FileInfo(source.Path);
                    from = WebhookSource.Of(input);
                }
                else
                {
                    if (IsFileWithoutBody(source)) return;
                    if (Secret != null && IsRefusedLog(source)) return;
                    _lastInput = InputObject;
                    if (_lines.HeldLines == 0) _heldFrom = source;
                    _lastSource = source;
                    input = _lines.Add(line, _inputs, out joined);
                    if (input is null) return;
                    if (joined) from = _heldFrom;
                }
            }
            else
            {
                _inputs++;
                _lastInput = InputObject;
            }
            // Errors name the file (and line) the body came from, when it came from one: in a folder of saved webhooks
            // "not JSON" alone does not say which to look at.
            var named = WebhookSource.Prefix(from, joined ? source : null);
            // A piped row of a CSV a web server logged (Import-Csv webhooks.csv), or a list of request objects: the row and its
            // column. Before, "not JSON" for row 212 of 5,000 did not say which.
            if (named.Length == 0 && MyInvocation.ExpectingInput && BodyColumn(input) is string column) named = $"Row {_inputs}: {column}: ";
            try
            {
                // No body has a name's shape (it has brackets): said before -Secret's check, which would ask for a signature.
                if (input is string given && WebhookFileName.Of(given) is string file)
                    throw new ReceiptFormatException((named.Length == 0 && MyInvocation.ExpectingInput ? $"Input {_inputs}: " : "") +
                        WebhookFileName.Problem(file, IsFolder(file)));
                IReadOnlyList<DeliveryReceipt> receipts;
                try
                {
                    receipts = Read(input, joined);
                }
                catch (Exception ex) when ((ex is ReceiptFormatException || ex is WebhookSignatureException) && !joined && !_readSavedRequest &&
                    LinesWithoutBody(input) is var lines && lines > 0)
                {
                    // A script or a CSV among the saved webhooks: one error for it, with or without -Secret, not one a line.
                    throw new ReceiptFormatException(WebhookLog.NoBody(lines, (input as FileInfo)?.FullName ?? from?.Path ?? ""));
                }
                catch (ReceiptFormatException) when (Secret is null && !_readSavedRequest && input is FileInfo log && WebhookLog.BodiesIn(log) is { } bodies)
                {
                    // Not one body: a log of many, one after another. Each is read, and a broken one named by its line.
                    WriteLog(bodies, log.LastWriteTimeUtc);
                    return;
                }
                catch (ReceiptFormatException) when (Secret is null && !_readSavedRequest && input is string text && WebhookLog.BodiesIn(text, from?.Path ?? "") is { } bodies)
                {
                    // The same log read whole as text (Get-Content -Raw): before, it was refused as "not JSON", though its lines,
                    // piped one by one, were read.
                    WriteLog(bodies, DateTimeOffset.Now);
                    return;
                }
                catch (Exception ex) when ((ex is ReceiptFormatException || ex is WebhookSignatureException) && Secret != null && !_readSavedRequest &&
                    LogIn(input) is { } bodies)
                {
                    throw LogNotVerifiable(bodies.Count, input is FileInfo ? "file" : "text");
                }
                foreach (var receipt in receipts) WriteObject(receipt);
            }
            catch (ReceiptFormatException ex)
            {
                WriteError(new ErrorRecord(Named(ex, named), "InvalidWebhookBody", ErrorCategory.InvalidData, InputObject));
            }
            catch (WebhookSignatureException ex) when (ex.Problem == WebhookSignatureProblem.Missing)
            {
                WriteError(new ErrorRecord(Named(ex, named), "WebhookSignatureMissing", ErrorCategory.SecurityError, InputObject));
            }
            catch (WebhookSignatureException ex) when (ex.Problem == WebhookSignatureProblem.Invalid)
            {
                WriteError(new ErrorRecord(Named(ex, named), "WebhookSignatureInvalid", ErrorCategory.SecurityError, InputObject));
            }
            catch (WebhookSignatureException ex)
            {
                WriteError(new ErrorRecord(Named(ex, named), "WebhookRawBodyRequired", ErrorCategory.InvalidArgument, InputObject));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(ex, "WebhookFileUnreadable", ErrorCategory.ReadError, InputObject));
            }
            catch (ConnectionConfigurationException ex)
            {
                ThrowTerminatingError(ex.ToErrorRecord(null));
            }
        }

        /// <summary>The receipts of one input: a saved file's bytes, a joined body, text, bytes or a parsed object.</summary>
        private IReadOnlyList<DeliveryReceipt> Read(object? input, bool joined)
        {
            var receivedAt = DateTimeOffset.Now;
            _readSavedRequest = false;
            if (input is FileSystemInfo file)
            {
                input = FileBody(file);
                // A web server saved it when it came: that, not today, is when it was received. ReceiptAt falls back
                // to it, and a day and month that could be either way round are read by it (see ReceiptTimestamp).
                receivedAt = file.LastWriteTimeUtc;
            }
            if (joined && Secret != null)
                throw new WebhookSignatureException(WebhookSignatureProblem.RawBodyRequired,
                    "-Secret needs the body exactly as it arrived, and it came line by line (Get-Content without -Raw): " +
                    "the line ends it had are gone. Give the whole body, e.g. Get-Content -Raw, or its bytes.");
            var body = RequestBody(input);
            if (!(body is byte[] || body is string)) return ReadParsed(body, receivedAt);
            var raw = body as byte[] ?? WebhookBody.BytesOf((string)body!);
            var signature = Signature ?? WebhookSignature.FromHeaders(Headers);
            // Bytes as they came: their Content-Type's charset reads a body that is not UTF-8 (the listener's rule). Text is decoded already.
            var contentType = body is byte[] ? RequestHeaders.Value(Headers, "Content-Type") : null;
            _readSavedRequest = SavedHttpRequest.StartsOne(raw);
            if (_readSavedRequest && SavedHttpRequest.Of(raw) is { } saved)
            {
                // The request's own headers are the ones its body came with; -Signature and -Headers, when given, still win.
                raw = saved.Body;
                signature ??= WebhookSignature.FromHeaders(saved.Headers);
                contentType ??= RequestHeaders.Value(saved.Headers, "Content-Type");
            }
            return WebhookBody.Read(raw, Secret, signature, EngineLoader.Shared.ReadJson, receivedAt, contentType);
        }

        /// <summary>
        /// True for a line Get-Content read from a file that is an HTTP request saved with its headers (SavedHttpRequest): the
        /// file is read whole at its first line, and its other lines are not read. Before, each header line got its own "not JSON".
        /// </summary>
        private bool IsSavedRequestLine(WebhookSource? source)
        {
            if (source is null || source.Line <= 0) return false;
            // Line 1 decides afresh, so the same file read again in one pipeline is read again.
            if (source.Line != 1) return string.Equals(_savedRequestFile, source.Path, StringComparison.Ordinal);
            _savedRequestFile = FromFile(source.Path, SavedHttpRequest.StartsOne, false) ? source.Path : null;
            return _savedRequestFile != null;
        }

        /// <summary>
        /// True for a line of a log of many bodies read with Get-Content and -Secret: said once for the file, at its first line,
        /// as for the log piped whole (Get-ChildItem), and its lines are not read. Before, each line was refused on its own
        /// as having no x-hub-signature header: a night's log of 5,000 receipts gave 5,000 errors asking for a header.
        /// </summary>
        private bool IsRefusedLog(WebhookSource? source)
        {
            if (source is null || source.Line <= 0) return false;
            if (string.Equals(_refusedLog, source.Path, StringComparison.Ordinal)) return true;
            if (source.Line != 1 || !(LogBodies(source.Path) is { } bodies)) return false;
            _refusedLog = source.Path;
            WriteError(new ErrorRecord(Named(LogNotVerifiable(bodies.Count), WebhookSource.Prefix(WebhookSource.At(source.Path, 0))),
                "WebhookRawBodyRequired", ErrorCategory.InvalidArgument, InputObject));
            return true;
        }

        /// <summary>
        /// True for a line of a file that holds no webhook body (WebhookLog.LinesWithoutBody), read with Get-Content: said once
        /// for the file, at its first line, as for the file piped whole, and its lines are not read. Before, each line got its
        /// own "not JSON" error (with -Secret, its own "no x-hub-signature header").
        /// </summary>
        private bool IsFileWithoutBody(WebhookSource? source)
        {
            if (source is null || source.Line <= 0) return false;
            // Line 1 decides afresh, so the same file read again in one pipeline gets its error again.
            if (source.Line != 1) return string.Equals(_fileWithoutBody, source.Path, StringComparison.Ordinal);
            _fileWithoutBody = null;
            var lines = FromFile(source.Path, WebhookLog.LinesWithoutBody, 0);
            if (lines == 0) return false;
            _fileWithoutBody = source.Path;
            WriteError(new ErrorRecord(new ReceiptFormatException(WebhookSource.Prefix(WebhookSource.At(source.Path, 0)) + WebhookLog.NoBody(lines, source.Path)),
                "InvalidWebhookBody", ErrorCategory.InvalidData, InputObject));
            return true;
        }

        /// <summary>The lines of a file or a text given whole that holds no webhook body (WebhookLog.LinesWithoutBody); 0 for anything else.</summary>
        private static int LinesWithoutBody(object? input) => input switch
        {
            FileInfo file => WebhookLog.LinesWithoutBody(file),
            string text => WebhookLog.LinesWithoutBody(text),
            _ => 0,
        };

        /// <summary>
        /// The bodies of the file a Get-Content line came from, when it is a log of many; null for one body, and for a path that
        /// is no file to read (another provider's item, a file in use): its lines are then read as before.
        /// </summary>
        private static IReadOnlyList<WebhookLogBody>? LogBodies(string path) => FromFile(path, WebhookLog.BodiesIn, null);

        /// <summary><paramref name="read"/> of the file at <paramref name="path"/>; <paramref name="none"/> when it is no file to read.</summary>
        private static T FromFile<T>(string path, Func<FileInfo, T> read, T none)
        {
            try
            {
                var file = new FileInfo(path);
                return file.Exists ? read(file) : none;
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is IOException || ex is UnauthorizedAccessException)
            {
                return none;
            }
        }

        /// <summary>The bodies of a log of many given whole, as a file or as its text; null for anything else.</summary>
        private IReadOnlyList<WebhookLogBody>? LogIn(object? input) => input switch
        {
            FileInfo log => WebhookLog.BodiesIn(log),
            string text => WebhookLog.BodiesIn(text, WebhookSource.Of(InputObject)?.Path ?? ""),
            _ => null,
        };

        /// <summary>
        /// -Secret on a log of many bodies: a signature covers one body's bytes, as it came with its x-hub-signature header, and a
        /// log keeps no header. Before, the log was refused as "has no x-hub-signature header" (or as a signature that does not
        /// match), which sent the admin looking for a header the file could never have.
        /// </summary>
        /// <param name="bodies">How many bodies the log holds.</param>
        /// <param name="what">"file", or "text" for a log given as text that names no file.</param>
        private static WebhookSignatureException LogNotVerifiable(int bodies, string what = "file") =>
            new WebhookSignatureException(WebhookSignatureProblem.RawBodyRequired,
                $"The {what} is a log of {bodies} webhook bodies, one after another, and -Secret checks one body against the x-hub-signature " +
                "header it came with: a log keeps no header, so no body in it can be checked, and none was read. Check signatures where the " +
                "webhooks arrive (Start-ConnectReceiptListener -Secret, or ConvertFrom-ConnectWebhook -Secret -Headers in your web endpoint) " +
                "and log only what passed; read this log without -Secret (its receipts then say SignatureVerified False).");

        /// <summary>The receipts of each body of a webhook log file; a body that is not one gets its error, naming its lines.</summary>
        private void WriteLog(IReadOnlyList<WebhookLogBody> bodies, DateTimeOffset receivedAt)
        {
            foreach (var body in bodies)
            {
                var named = WebhookSource.Prefix(body.First, body.Last);
                try
                {
                    if (body.Text is null)
                        throw new ReceiptFormatException("The file ends inside a webhook body: its brackets never close (the web server stopped while writing it?).");
                    foreach (var receipt in WebhookBody.Read(WebhookBody.BytesOf(body.Text), null, null, EngineLoader.Shared.ReadJson, receivedAt))
                        WriteObject(receipt);
                }
                catch (ReceiptFormatException ex)
                {
                    WriteError(new ErrorRecord(Named(ex, named), "InvalidWebhookBody", ErrorCategory.InvalidData, InputObject));
                }
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing() => WriteUnclosed(_lines.Describe(_inputs));

        /// <summary>The error for lines that never closed their body, naming their file and lines when they came from one.</summary>
        private void WriteUnclosed(string? unclosed)
        {
            if (unclosed is null) return;
            WriteError(new ErrorRecord(new ReceiptFormatException(WebhookSource.Prefix(_heldFrom, _lastSource) + unclosed),
                "InvalidWebhookBody", ErrorCategory.InvalidData, _lastInput));
        }

        private static ReceiptFormatException Named(ReceiptFormatException ex, string named) =>
            named.Length == 0 ? ex : new ReceiptFormatException(named + ex.Message, ex.InnerException);

        private static WebhookSignatureException Named(WebhookSignatureException ex, string named) =>
            named.Length == 0 ? ex : new WebhookSignatureException(ex.Problem, named + ex.Message);

        /// <summary>
        /// A saved webhook piped as a file (Get-ChildItem | ConvertFrom-ConnectWebhook): its bytes, as they were written,
        /// so -Secret can check them too. Before, a FileInfo was "not a JSON object (it is a FileInfo)".
        /// </summary>
        /// <summary>
        /// Whether <paramref name="path"/> names a folder, from PowerShell's current location (not the process's): a folder of
        /// saved webhooks named as text ('./hooks' | ConvertFrom-ConnectWebhook) was told to pipe Get-Item './hooks', which
        /// only gave the error for a folder next.
        /// </summary>
        private bool IsFolder(string path)
        {
            try
            {
                return Directory.Exists(SessionState.Path.GetUnresolvedProviderPathFromPSPath(path));
            }
            catch (Exception ex) when (ex is RuntimeException || ex is ArgumentException || ex is NotSupportedException || ex is IOException)
            {
                return false;   // not a path PowerShell can resolve: said as a file's name, as before
            }
        }

        private static byte[] FileBody(FileSystemInfo file)
        {
            if (!(file is FileInfo data))
                throw new ReceiptFormatException("It is a folder, not a webhook file: pipe the files in it, e.g. Get-ChildItem '" + file.FullName + "' -File.");
            if (data.Exists && data.Length > WebhookBody.MaxBytes)
                throw new ReceiptFormatException($"The file is {data.Length} bytes; a receipt body is at most {WebhookBody.MaxBytes}.");
            return File.ReadAllBytes(data.FullName);
        }

        private IReadOnlyList<DeliveryReceipt> ReadParsed(object? body, DateTimeOffset receivedAt)
        {
            if (IsReceiptAlready(body))
                throw new ReceiptFormatException("It is a delivery receipt already (a row of receipts kept with Export-Csv: " +
                    "Destination, Status, MessageId), not a webhook body: there is nothing to convert. " +
                    "Use it as it is: Wait-ConnectDelivery -Receipt (Import-Csv <file>) takes such rows.");
            // The bytes that were signed are gone once a framework or ConvertFrom-Json has parsed them.
            if (Secret != null)
                throw new WebhookSignatureException(WebhookSignatureProblem.RawBodyRequired,
                    "-Secret needs the body exactly as it arrived (the raw text or bytes), not an object made from it: " +
                    "parsing and writing JSON again changes the bytes the signature covers.");
            return ReceiptReader.Read(body, receivedAt, signatureVerified: false);
        }

        /// <summary>
        /// A row of receipts read back from Export-Csv (or ConvertFrom-Json of saved receipts), given where a webhook body goes.
        /// Before, it was refused as having "no deliveryInfoNotification", which sent the admin looking for the webhook the row
        /// had come from. A DeliveryReceipt object itself is said so by ReceiptReader.
        /// </summary>
        private static bool IsReceiptAlready(object? body)
        {
            var value = body is PSObject wrapped ? wrapped.BaseObject : body;
            if (value is null || value is IDictionary || value is IList || value is DeliveryReceipt || value is string || value is ValueType) return false;
            var row = PSObject.AsPSObject(body);
            return row.Properties["deliveryInfoNotification"] is null && row.Properties["deliveryInfo"] is null
                && DeliveryReceiptRow.Read(body, out _) is not null;
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
            if (!(BodyColumn(input) is string column)) return input;
            var value = PSObject.AsPSObject(input).Properties[column].Value;
            return value is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : value;
        }

        /// <summary>
        /// The property of a request object (or a logged CSV row) that holds the body: RawBody, else Body, whichever has a value;
        /// null for a receipt itself, and for any object with neither.
        /// </summary>
        private static string? BodyColumn(object? input)
        {
            if (input is null || input is string || input is byte[] || input is IDictionary || input is IList || input is FileSystemInfo) return null;
            var wrapped = PSObject.AsPSObject(input);
            if (wrapped.Properties["deliveryInfoNotification"] != null || wrapped.Properties["deliveryInfo"] != null) return null;
            foreach (var name in new[] { "RawBody", "Body" })
                if (wrapped.Properties[name]?.Value != null) return name;
            return null;
        }
    }
}
