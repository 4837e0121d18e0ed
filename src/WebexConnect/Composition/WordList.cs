using System.Collections.Generic;
using System.Linq;

namespace WebexConnect.Composition
{
    /// <summary>
    /// Items joined as a sentence lists them: "A", "A or B", "A, B or C". Messages name several parameters, columns or
    /// cards this way; one place words it, so every message lists them alike (no comma before the last word).
    /// </summary>
    internal static class WordList
    {
        /// <summary>"-Text", "-Text or -Html", "-Subject, -Text or -Html": any one of them would do.</summary>
        public static string Or(IReadOnlyList<string> items) => Join(items, " or ");

        /// <summary>"-From", "-From and -To", "-From, -To and -Text": all of them.</summary>
        public static string And(IReadOnlyList<string> items) => Join(items, " and ");

        private static string Join(IReadOnlyList<string> items, string lastSeparator) =>
            items.Count <= 1 ? string.Concat(items)
            : string.Join(", ", items.Take(items.Count - 1)) + lastSeparator + items[items.Count - 1];
    }
}
