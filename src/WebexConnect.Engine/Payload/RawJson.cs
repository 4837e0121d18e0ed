using System;
using System.Text;
using System.Text.Json;

namespace WebexConnect.Engine.Payload
{
    /// <summary>
    /// JSON the caller wrote (Send-ConnectMessage's content, options and other members), written into a body
    /// through the same writer as every typed field: the same escaping and no whitespace, so the bytes of a
    /// raw SMS, email or RCS equal the typed cmdlet's, and two spellings of one content batch together.
    /// Values pass through unchanged: strings (with their $(name) variables), numbers as written, key order.
    /// </summary>
    internal static class RawJson
    {
        private static readonly JsonDocumentOptions Strict = new JsonDocumentOptions { MaxDepth = 64 };

        /// <summary>Writes <paramref name="json"/> as the next value of <paramref name="writer"/>.</summary>
        public static void WriteValue(Utf8JsonWriter writer, string json)
        {
            using (var document = JsonDocument.Parse(json, Strict))
                document.RootElement.WriteTo(writer);
        }

        /// <summary>
        /// The compact form of <paramref name="json"/> as a body carries it; a FormatException naming the line
        /// and position when it is not one valid JSON value.
        /// </summary>
        public static string Normalize(string json)
        {
            if (json is null) throw new ArgumentNullException(nameof(json));
            try
            {
                var buffer = new PayloadBuffer(json.Length + 16);
                using (var writer = new Utf8JsonWriter(buffer, WireFormat.Compact))
                    WriteValue(writer, json);
                return Encoding.UTF8.GetString(buffer.ToArray());
            }
            catch (JsonException e)
            {
                throw new FormatException(Describe(e, json), e);
            }
            catch (Exception e) when (e is ArgumentException || e is InvalidOperationException)
            {
                // A string escape that is half of a surrogate pair ("\ud83d") cannot be written as UTF-8.
                throw new FormatException(e.Message, e);
            }
        }

        /// <summary>
        /// "line 3, position 7: ..." (1-based) without the exception's own path and byte offsets. Also for a webhook
        /// body (JsonTree): "LineNumber: 0 | BytePositionInLine: 1" counted from 0 reads as a line before the first.
        /// </summary>
        internal static string Describe(JsonException e, string json)
        {
            var text = e.Message;
            var cut = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) text = text.Substring(0, cut);
            // Advice for programmers: an admin has no reader options to change. Hint says what to change in the JSON instead.
            text = text.Replace(" which is not supported in this mode", "").Replace(" Change the reader options.", "");
            // "'nope' is an invalid JSON literal. Expected the literal 'null'.": the parser's guess from the first letter.
            var guess = text.IndexOf(" Expected the literal '", StringComparison.Ordinal);
            if (guess > 0) text = text.Substring(0, guess);
            var hint = Hint(json, text);
            // "'0xE2' is an invalid start of a value": the first byte of a typographic quote in UTF-8, which no admin reads as one.
            if (json.IndexOfAny(TypographicQuotes) >= 0 && text.StartsWith("'0x", StringComparison.Ordinal) && text.IndexOf('\'', 1) is var end && end > 0)
                text = "A typographic quote" + text.Substring(end + 1);
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            return $"line {line}, position {position}: {text.Trim()}{hint}";
        }

        /// <summary>Typographic quotes, as a web page or a word processor writes them (the vendor's contactPolicy sample has them).</summary>
        private static readonly char[] TypographicQuotes = { '\u201c', '\u201d', '\u201e', '\u2033' };

        /// <summary>
        /// What to change, for the ways JSON copied from the vendor's pages (or typed in PowerShell's own quotes) breaks,
        /// whose System.Text.Json messages name a byte ('0xE2') or a mode; empty for any other problem.
        /// </summary>
        private static string Hint(string json, string problem)
        {
            if (json.IndexOfAny(TypographicQuotes) >= 0)
                return " It has typographic quotes (\u201c \u201d) where JSON needs straight ones (\"): retype them, or copy the example from a plain-text view.";
            if (problem.IndexOf("trailing comma", StringComparison.Ordinal) >= 0)
                return " Remove the comma after the last member.";
            if (problem.StartsWith("'/' is an invalid", StringComparison.Ordinal))
                return " JSON has no comments: remove the // comments that the vendor's examples carry.";
            if (problem.StartsWith("''' is an invalid", StringComparison.Ordinal))
                return " JSON needs double quotes (\") around names and text, not single quotes.";
            // The parser ran out of text inside a string, an object or a list: a webhook file a web server was still writing,
            // a copy cut at a line. Its own words ("reached end of data", "an open JSON object or array") read as a fault in
            // what is there, and sent the admin looking through the receipt for a bracket to fix.
            if (problem.IndexOf("end of data", StringComparison.Ordinal) >= 0 || problem.IndexOf("should be closed", StringComparison.Ordinal) >= 0)
                return " It ends before its brackets close: its end is missing, as when a file is read before it was written whole.";
            return "";
        }
    }
}
