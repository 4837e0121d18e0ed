using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace WebexConnect.Tests.BadInput
{
    /// <summary>
    /// Expands the {{...}} tokens of the corpus files, so a 10,000-character value or a NUL can be written
    /// in a file a person can read. The tokens are described in Fixtures/BadInput/README.md.
    /// </summary>
    internal static class CorpusValue
    {
        private static readonly Regex Token = new Regex(@"\{\{(?<body>.*?)\}\}(?!\})", RegexOptions.Singleline | RegexOptions.CultureInvariant);
        private static readonly Regex Relative = new Regex(@"^now(?<sign>[+-])(?:(?<d>\d+)d)?(?:(?<h>\d+)h)?(?:(?<m>\d+)m)?$", RegexOptions.CultureInvariant);

        /// <summary>The value with its tokens expanded; null for {{null}} (a missing value, not an empty one).</summary>
        internal static string? Expand(string? raw, DateTimeOffset now)
        {
            if (raw is null || raw == "{{null}}") return null;
            return Token.Replace(raw, m => ExpandToken(m.Groups["body"].Value, now));
        }

        private static string ExpandToken(string body, DateTimeOffset now)
        {
            if (body.StartsWith("U+", StringComparison.Ordinal)) return CodePoint(body);
            if (body.StartsWith("rep:", StringComparison.Ordinal))
            {
                var colon = body.IndexOf(':', 4);
                var count = int.Parse(body.Substring(4, colon - 4), CultureInfo.InvariantCulture);
                var unit = body.Substring(colon + 1);
                if (unit.StartsWith("U+", StringComparison.Ordinal)) unit = CodePoint(unit);
                var text = new StringBuilder(unit.Length * count);
                for (var i = 0; i < count; i++) text.Append(unit);
                return text.ToString();
            }
            var relative = Relative.Match(body);
            if (relative.Success)
            {
                var offset = TimeSpan.FromDays(Number(relative, "d")) + TimeSpan.FromHours(Number(relative, "h")) + TimeSpan.FromMinutes(Number(relative, "m"));
                var time = relative.Groups["sign"].Value == "+" ? now + offset : now - offset;
                return time.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
            }
            throw new FormatException("unknown corpus token {{" + body + "}}");
        }

        // Lone surrogates (U+D800) are wanted too, so this does not go through char.ConvertFromUtf32.
        private static string CodePoint(string token)
        {
            var value = int.Parse(token.Substring(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return value >= 0xD800 && value <= 0xDFFF ? ((char)value).ToString() : char.ConvertFromUtf32(value);
        }

        private static int Number(Match match, string group) =>
            match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
    }
}
