using System;
using System.Collections.Generic;
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
            try
            {
                using (var document = JsonDocument.Parse(new ReadOnlyMemory<byte>(utf8, start, utf8.Length - start), Options))
                    return Convert(document.RootElement);
            }
            catch (JsonException ex)
            {
                // Where, counted from 1, in words: the parser's own "LineNumber: 0 | BytePositionInLine: 1" counts from 0.
                throw new FormatException(Payload.RawJson.Describe(ex, System.Text.Encoding.UTF8.GetString(utf8, start, utf8.Length - start)), ex);
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is ArgumentException)
            {
                // Invalid UTF-8 in a string surfaces only when the string is read, as one of these.
                throw new FormatException("it is not valid UTF-8 (" + ex.Message + ")", ex);
            }
        }

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
                    return element.GetString();
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    return null;
                default:
                    return element.GetRawText();
            }
        }
    }
}
