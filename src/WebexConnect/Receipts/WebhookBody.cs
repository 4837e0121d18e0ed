using System;
using System.Collections.Generic;
using System.Security;
using System.Text;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Receipts
{
    /// <summary>
    /// One webhook as it arrived: the raw bytes, checked against the secret when there is one, then read into
    /// receipts. Shared by ConvertFrom-ConnectWebhook and the receipt listener so both refuse the same bodies.
    /// </summary>
    internal static class WebhookBody
    {
        /// <summary>The most a receipt body may be: a receipt is well under 2 KB; 1 MB leaves room for a list of them.</summary>
        public const int MaxBytes = 1024 * 1024;

        /// <param name="body">The body's bytes as they came.</param>
        /// <param name="secret">The webhook secret the body must be signed with; null: signatures are not checked.</param>
        /// <param name="signature">The x-hub-signature header, if any.</param>
        /// <param name="readJson">The engine's JSON reader (UTF-8 bytes in).</param>
        /// <param name="receivedAt">When the body came.</param>
        /// <param name="contentType">The Content-Type header, if any: its charset decodes a body that is not UTF-8.</param>
        /// <exception cref="WebhookSignatureException">A secret was given and the signature is missing or wrong.</exception>
        /// <exception cref="ReceiptFormatException">The body is not a delivery receipt.</exception>
        public static IReadOnlyList<DeliveryReceipt> Read(byte[] body, SecureString? secret, string? signature,
            Func<byte[], object?> readJson, DateTimeOffset receivedAt, string? contentType = null)
        {
            if (body is null) throw new ArgumentNullException(nameof(body));
            if (readJson is null) throw new ArgumentNullException(nameof(readJson));
            var verified = false;
            if (secret != null)
            {
                if (string.IsNullOrWhiteSpace(signature))
                    throw new WebhookSignatureException(WebhookSignatureProblem.Missing,
                        "The webhook has no " + WebhookSignature.HeaderName + " header, and -Secret says it must be signed. It was not read.");
                if (!WebhookSignature.Matches(body, secret, signature))
                    throw new WebhookSignatureException(WebhookSignatureProblem.Invalid,
                        "The webhook's " + WebhookSignature.HeaderName + " does not match the body signed with -Secret. It was not read: " +
                        (Utf16Or32(body) is null
                            ? "it was changed on the way, was not sent by Webex Connect, or the secret is not the webhook's."
                            : "it is UTF-16 or UTF-32 text, so it was saved again in another encoding (Windows PowerShell's Out-File and > write UTF-16), " +
                              "and the service signed its UTF-8 bytes. Save the body's bytes as they came, e.g. Set-Content -AsByteStream or [IO.File]::WriteAllBytes."));
                verified = true;
            }
            body = AsUtf8(body);
            if (body.Length == 0) throw new ReceiptFormatException("The webhook body is empty.");
            if (Array.TrueForAll(body, b => b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\n'))
                throw new ReceiptFormatException("The webhook body is empty: it has only spaces or line breaks.");
            if (body.Length > MaxBytes) throw new ReceiptFormatException($"The webhook body is {body.Length} bytes; a receipt body is at most {MaxBytes}.");
            body = ByLabel(body, contentType);
            object? tree;
            try
            {
                tree = readJson(body);
            }
            catch (FormatException ex)
            {
                // Say what a body must be: 'nope' | ConvertFrom-ConnectWebhook said only what the parser expected next.
                // One line: the parser quotes the token it stopped at, line break included ('not json\n'), which split the error.
                throw new ReceiptFormatException("The webhook body is not JSON (" + InputEcho.OneLine(ex.Message.TrimEnd('.')) + "). A delivery receipt is the JSON " +
                    "object Webex Connect posts to the NotifyUrl: give its text, its bytes, a ConvertFrom-Json object of it or the file it was saved in.", ex);
            }
            return ReceiptReader.Read(tree, receivedAt, verified);
        }

        /// <summary>
        /// The body as UTF-8, which the JSON reader takes: text with a UTF-16 or UTF-32 byte order mark is decoded first.
        /// Windows PowerShell 5.1 saves text as UTF-16 (Out-File, >, Set-Content -Encoding Unicode): a folder of webhooks
        /// a 5.1 script saved was refused file by file as "'0xFF' is an invalid start of a value".
        /// </summary>
        private static byte[] AsUtf8(byte[] body)
        {
            if (!(Utf16Or32(body) is Encoding encoding)) return body;
            var mark = encoding.GetPreamble().Length;
            try
            {
                return Encoding.UTF8.GetBytes(encoding.GetString(body, mark, body.Length - mark));
            }
            catch (DecoderFallbackException ex)
            {
                var name = encoding.WebName.ToUpperInvariant();
                throw new ReceiptFormatException("The webhook body starts with a " + name + " byte order mark but is not " + name + " text: " + ex.Message, ex);
            }
        }

        /// <summary>
        /// A body that is not UTF-8, decoded by the charset its Content-Type names. API.md: the service may label bodies
        /// ISO-8859-1; a receipt whose callbackData or address held an 'é' in that charset was refused with "400 not valid
        /// UTF-8", and the service does not send a refused receipt again. Bytes that are UTF-8 stay as they are, whatever
        /// the label says: the same service labels UTF-8 bodies ISO-8859-1 too, and decoding those by the label would turn
        /// every 'é' into 'Ã©'.
        /// </summary>
        private static byte[] ByLabel(byte[] body, string? contentType)
        {
            if (!(Charset(contentType) is string charset) || IsUtf8(body)) return body;
            Encoding labelled;
            try
            {
                labelled = Encoding.GetEncoding(charset);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException)
            {
                return body; // a charset this runtime does not know: read as UTF-8, and refused as such
            }
            return labelled.CodePage == Encoding.UTF8.CodePage ? body : Encoding.UTF8.GetBytes(labelled.GetString(body));
        }

        /// <summary>The charset parameter of a Content-Type header ("application/json; charset=ISO-8859-1"), or null.</summary>
        internal static string? Charset(string? contentType)
        {
            if (string.IsNullOrEmpty(contentType)) return null;
            foreach (var parameter in contentType!.Split(';'))
            {
                var equals = parameter.IndexOf('=');
                if (equals < 0 || !string.Equals(parameter.Substring(0, equals).Trim(), "charset", StringComparison.OrdinalIgnoreCase)) continue;
                var value = parameter.Substring(equals + 1).Trim().Trim('"').Trim();
                return value.Length == 0 ? null : value;
            }
            return null;
        }

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private static bool IsUtf8(byte[] body)
        {
            try
            {
                StrictUtf8.GetCharCount(body);
                return true;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }

        /// <summary>The encoding a UTF-16 or UTF-32 byte order mark names (throwing on invalid text); null for any other body.</summary>
        private static Encoding? Utf16Or32(byte[] body)
        {
            if (StartsWith(body, 0xFF, 0xFE, 0x00, 0x00)) return new UTF32Encoding(bigEndian: false, byteOrderMark: true, throwOnInvalidCharacters: true);
            if (StartsWith(body, 0x00, 0x00, 0xFE, 0xFF)) return new UTF32Encoding(bigEndian: true, byteOrderMark: true, throwOnInvalidCharacters: true);
            if (StartsWith(body, 0xFF, 0xFE)) return new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true);
            if (StartsWith(body, 0xFE, 0xFF)) return new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true);
            return null;
        }

        private static bool StartsWith(byte[] body, params byte[] mark)
        {
            if (body.Length < mark.Length) return false;
            for (var i = 0; i < mark.Length; i++)
                if (body[i] != mark[i]) return false;
            return true;
        }

        /// <summary>The bytes a string body stands for (UTF-8, as the service sends it).</summary>
        public static byte[] BytesOf(string body) => Encoding.UTF8.GetBytes(body);
    }
}
