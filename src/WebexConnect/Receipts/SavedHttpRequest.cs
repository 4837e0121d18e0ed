using System;
using System.Collections;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Receipts
{
    /// <summary>
    /// A webhook saved as the whole HTTP request it came in: the request line, the headers, a blank line, then the body. A
    /// request inspector's "raw" view, a proxy's capture or nc -l writes it so. Its body is the webhook, and its x-hub-signature
    /// and Content-Type headers are the ones the body came with.
    /// </summary>
    /// <remarks>
    /// Before, such a file was read as a log of one body a line: each header line got its own "not JSON" error (five for one
    /// file, 50,000 for a folder of 10,000), and with -Secret the body was refused as unsigned though its header was in the file.
    /// Tolerant where a saved copy differs from the wire (line ends of LF alone, a byte order mark, a line end an editor added
    /// after the body); the listener reads the wire itself, strictly, in the engine.
    /// </remarks>
    internal sealed class SavedHttpRequest
    {
        // "POST /receipts HTTP/1.1": a method, a target and the version, as a request line is written.
        private static readonly Regex RequestLine = new Regex(@"^[A-Z]+ \S+ HTTP/\d(\.\d)?$", RegexOptions.CultureInvariant);

        // A header's name is a token (RFC 9110, 5.6.2): no spaces, quotes or brackets.
        private static readonly Regex HeaderName = new Regex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$", RegexOptions.CultureInvariant);

        // A request head is a few hundred bytes; one line of a body is no request line past this.
        private const int MaxRequestLine = 8 * 1024;

        private SavedHttpRequest(string requestLine, Hashtable headers, byte[] body)
        {
            Line = requestLine;
            Headers = headers;
            Body = body;
        }

        /// <summary>The request line ("POST /receipts HTTP/1.1").</summary>
        public string Line { get; }

        /// <summary>The headers by name (without case), as -Headers takes them.</summary>
        public Hashtable Headers { get; }

        /// <summary>The body's bytes as they came: what x-hub-signature signs.</summary>
        public byte[] Body { get; }

        /// <summary>The request saved in <paramref name="bytes"/>; null when they do not start with a request line.</summary>
        /// <exception cref="ReceiptFormatException">It starts as a request but holds no body that can be read.</exception>
        public static SavedHttpRequest? Of(byte[] bytes)
        {
            if (!(FirstLine(bytes, bytes.Length, out var lineEnd) is string first)) return null;

            var headers = new Hashtable(StringComparer.OrdinalIgnoreCase);
            var at = lineEnd + 1;
            while (true)
            {
                var end = Array.IndexOf(bytes, (byte)'\n', at);
                if (end < 0)
                    throw new ReceiptFormatException($"It is an HTTP request saved with its headers ({InputEcho.Quote(first)}), but no blank line and body follow " +
                        "the headers: the body, which is the webhook, was not saved.");
                var line = Encoding.UTF8.GetString(bytes, at, end - at).TrimEnd('\r');
                at = end + 1;
                if (line.Length == 0) break;
                var colon = line.IndexOf(':');
                // A line without a name is no header: the body followed with no blank line before it ({"deliveryInfo... has a colon).
                if (colon <= 0 || !HeaderName.IsMatch(line.Substring(0, colon)))
                    throw new ReceiptFormatException($"It is an HTTP request saved with its headers ({InputEcho.Quote(first)}), but a line among them is no " +
                        $"header ({InputEcho.Quote(line)}): a blank line must part the headers from the body.");
                headers[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
            }
            return new SavedHttpRequest(first, headers, BodyFrom(bytes, at, first, headers));
        }

        /// <summary>True when <paramref name="bytes"/> start with a request line: <see cref="Of"/> reads them as a request.</summary>
        public static bool StartsOne(byte[] bytes) => FirstLine(bytes, bytes.Length, out _) != null;

        /// <summary>
        /// True when the file starts with a request line: read from its first bytes alone, for a line Get-Content piped from it
        /// (a long log is not read whole to tell).
        /// </summary>
        public static bool StartsOne(FileInfo file)
        {
            var head = new byte[MaxRequestLine + 3];
            int count;
            using (var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                count = 0;
                int read;
                while (count < head.Length && (read = stream.Read(head, count, head.Length - count)) > 0) count += read;
            }
            return FirstLine(head, count, out _) != null;
        }

        /// <summary>The request line the bytes start with (after a UTF-8 byte order mark), and where it ends; null for none.</summary>
        private static string? FirstLine(byte[] bytes, int count, out int lineEnd)
        {
            var start = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            lineEnd = Array.IndexOf(bytes, (byte)'\n', start, Math.Min(count - start, MaxRequestLine));
            if (lineEnd < 0) return null;
            var first = Encoding.ASCII.GetString(bytes, start, lineEnd - start).TrimEnd('\r');
            return RequestLine.IsMatch(first) ? first : null;
        }

        private static byte[] BodyFrom(byte[] bytes, int at, string first, Hashtable headers)
        {
            if (RequestHeaders.Value(headers, "Transfer-Encoding") is string encoding)
                throw new ReceiptFormatException($"It is an HTTP request saved with its headers ({InputEcho.Quote(first)}), and its body was saved as it " +
                    $"travelled, in chunks (Transfer-Encoding {InputEcho.Quote(encoding)}): save the body decoded (the inspector's body or " +
                    "'decoded' view), or the body alone.");
            var saved = bytes.Length - at;
            var length = saved;
            if (RequestHeaders.Value(headers, "Content-Length") is string text
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var declared))
            {
                if (declared > saved)
                    throw new ReceiptFormatException($"It is an HTTP request saved with its headers ({InputEcho.Quote(first)}), and it was cut short: its " +
                        $"Content-Length is {declared} bytes, and only {saved} follow the headers.");
                // Only line ends or spaces past the declared length (an editor's last line end) are left off; past it there is
                // more text when the body was saved again another way (indented): then all of it is the body, as saved.
                if (IsBlank(bytes, at + declared)) length = declared;
            }
            var body = new byte[length];
            Buffer.BlockCopy(bytes, at, body, 0, length);
            return body;
        }

        private static bool IsBlank(byte[] bytes, int from)
        {
            for (var i = from; i < bytes.Length; i++)
                if (bytes[i] != (byte)' ' && bytes[i] != (byte)'\t' && bytes[i] != (byte)'\r' && bytes[i] != (byte)'\n') return false;
            return true;
        }

    }
}
