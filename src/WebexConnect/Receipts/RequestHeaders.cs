using System;
using System.Collections;

namespace WebexConnect.Receipts
{
    /// <summary>A header of a web framework's request headers (any IDictionary), as ConvertFrom-ConnectWebhook -Headers gives them.</summary>
    internal static class RequestHeaders
    {
        /// <summary>The header's value, its name matched without case; the first value when the framework gives a list; null when absent.</summary>
        public static string? Value(IDictionary? headers, string name)
        {
            if (headers is null) return null;
            foreach (DictionaryEntry entry in headers)
            {
                if (!string.Equals(entry.Key?.ToString(), name, StringComparison.OrdinalIgnoreCase)) continue;
                var value = entry.Value is System.Management.Automation.PSObject ps ? ps.BaseObject : entry.Value;
                // Some frameworks give each header as a list of values.
                if (value is IEnumerable values && !(value is string))
                    foreach (var item in values) return item?.ToString();
                return value?.ToString();
            }
            return null;
        }
    }
}
