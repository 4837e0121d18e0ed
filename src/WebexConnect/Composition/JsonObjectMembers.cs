using System;
using System.Collections.Generic;

namespace WebexConnect.Composition
{
    /// <summary>
    /// The top-level members of a JSON object, each name with its value's JSON text, in their order: what
    /// -AdditionalProperty '{"appid":"my-app","cc":[...]}' sends beside the request's own members. Reads the engine's
    /// normalised JSON (IConnectEngine.NormalizeJson: valid, one line), so it only has to find where each member ends.
    /// </summary>
    internal static class JsonObjectMembers
    {
        /// <summary>The members of <paramref name="json"/>, a normalised JSON object ({...}).</summary>
        /// <param name="json">The object's normalised JSON.</param>
        /// <param name="readString">The engine's JSON reader, for a name written with escapes ("x\"y"): one reader of JSON.</param>
        public static IReadOnlyList<KeyValuePair<string, string>> Of(string json, Func<string, string> readString)
        {
            var members = new List<KeyValuePair<string, string>>();
            var at = SkipSpace(json, 1);
            while (at < json.Length && json[at] == '"')
            {
                var nameEnd = StringEnd(json, at);
                var name = json.Substring(at + 1, nameEnd - at - 1);
                if (name.IndexOf('\\') >= 0) name = readString(json.Substring(at, nameEnd - at + 1));
                var valueStart = SkipSpace(json, SkipSpace(json, nameEnd + 1) + 1); // past the ':'
                var valueEnd = ValueEnd(json, valueStart);
                members.Add(new KeyValuePair<string, string>(name, json.Substring(valueStart, valueEnd - valueStart).TrimEnd()));
                at = SkipSpace(json, valueEnd);
                if (at < json.Length && json[at] == ',') at = SkipSpace(json, at + 1);
            }
            return members;
        }

        private static int SkipSpace(string json, int at)
        {
            while (at < json.Length && char.IsWhiteSpace(json[at])) at++;
            return at;
        }

        /// <summary>The index of the quote that closes the string opened at <paramref name="start"/>.</summary>
        private static int StringEnd(string json, int start)
        {
            for (var i = start + 1; i < json.Length; i++)
            {
                if (json[i] == '\\') i++;
                else if (json[i] == '"') return i;
            }
            throw new FormatException("The JSON text ends inside a string.");
        }

        /// <summary>Where the value that starts at <paramref name="start"/> ends: at the ',' or '}' after it, outside any nesting.</summary>
        private static int ValueEnd(string json, int start)
        {
            var depth = 0;
            for (var i = start; i < json.Length; i++)
            {
                switch (json[i])
                {
                    case '"': i = StringEnd(json, i); break;
                    case '{': case '[': depth++; break;
                    case '}': case ']':
                        if (depth-- == 0) return i;
                        break;
                    case ',':
                        if (depth == 0) return i;
                        break;
                }
            }
            return json.Length;
        }
    }
}
