using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace WebexConnect.Engine.Receipts
{
    /// <summary>
    /// Reads JSON into a plain tree the module can walk without System.Text.Json: objects become case-insensitive
    /// Dictionary&lt;string, object?&gt;, arrays List&lt;object?&gt;, every scalar its raw text (a number keeps its
    /// digits, true/false their words), null stays null. The module's ReceiptReader reads receipts from it.
    /// </summary>
    internal static class JsonTree
    {
        private static readonly JsonDocumentOptions Options = new JsonDocumentOptions
        {
            AllowTrailingCommas = false,
            CommentHandling = JsonCommentHandling.Disallow,
            MaxDepth = 32,
        };

        /// <exception cref="FormatException">The bytes are not one JSON value; the message says where.</exception>
        public static object? Read(byte[] utf8)
        {
            if (utf8 is null) throw new ArgumentNullException(nameof(utf8));
            var start = utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0;
            // Checked whole and first: the parser finds invalid UTF-8 in a string only when the string is read, as the
            // same exception as an escaped half surrogate pair, which is valid UTF-8 and read below.
            try
            {
                StrictUtf8.GetCharCount(utf8, start, utf8.Length - start);
            }
            catch (DecoderFallbackException ex)
            {
                throw new FormatException("it is not valid UTF-8 (" + ex.Message + ")", ex);
            }
            try
            {
                using (var document = JsonDocument.Parse(new ReadOnlyMemory<byte>(utf8, start, utf8.Length - start), Options))
                    return Convert(document.RootElement);
            }
            catch (JsonException ex)
            {
                // Where, counted from 1, in words: the parser's own "LineNumber: 0 | BytePositionInLine: 1" counts from 0.
                throw new FormatException(Payload.RawJson.Describe(ex, Encoding.UTF8.GetString(utf8, start, utf8.Length - start)), ex);
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is ArgumentException)
            {
                // Only a member name can get here now: a string value with half a pair is read by LenientString.
                throw new FormatException("a member name holds half a UTF-16 surrogate pair (" + ex.Message + ")", ex);
            }
        }

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private static object? Convert(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (var property in element.EnumerateObject())
                        if (!fields.ContainsKey(property.Name)) fields[property.Name] = Convert(property.Value);
                    return fields;
                case JsonValueKind.Array:
                    var items = new List<object?>(element.GetArrayLength());
                    foreach (var item in element.EnumerateArray()) items.Add(Convert(item));
                    return items;
                case JsonValueKind.String:
                    try
                    {
                        return element.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        // "\ud83d" alone: a sender cut an emoji in half. The service does not resend a refused receipt,
                        // so the text is kept with U+FFFD for the half, as a decoder does for a bad byte.
                        return LenientString(element.GetRawText());
                    }
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    return null;
                default:
                    return element.GetRawText();
            }
        }

        /// <summary>The value of a JSON string literal (quotes included), each unpaired surrogate made U+FFFD.</summary>
        private static string LenientString(string literal)
        {
            var text = new StringBuilder(literal.Length);
            for (var i = 1; i < literal.Length - 1; i++)
            {
                var c = literal[i];
                if (c != '\\') { text.Append(c); continue; }
                c = literal[++i];
                switch (c)
                {
                    case 'b': text.Append('\b'); break;
                    case 'f': text.Append('\f'); break;
                    case 'n': text.Append('\n'); break;
                    case 'r': text.Append('\r'); break;
                    case 't': text.Append('\t'); break;
                    case 'u':
                        text.Append((char)int.Parse(literal.Substring(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i += 4;
                        break;
                    default: text.Append(c); break; // \" \\ \/
                }
            }
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
                else if (char.IsSurrogate(text[i])) text[i] = '\uFFFD';
            }
            return text.ToString();
        }
    }
}
