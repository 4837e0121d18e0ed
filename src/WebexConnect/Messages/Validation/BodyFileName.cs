using System;

namespace WebexConnect.Messages.Validation
{
    /// <summary>
    /// A message body that is the name of a file instead of what the file holds: -Html ./news.html or -Text .\reminder.txt
    /// with Get-Content forgotten, a CSV cell templates/ann.html, or Explorer's Copy as path, "C:\Mail\news.html" with its
    /// quotes. The path is text like any other, so it went out as the whole email or SMS to every row.
    /// </summary>
    /// <remarks>
    /// One line, no tag, ending with a body file's extension, and either a path (C:\, \\server, ./, ~/) or one word:
    /// "\o/ Hooray!" and "See news.html" stay text, and so does a link alone, with or without its https://. Checked for
    /// every row whose message has its own text (a Text column), so it makes nothing for the usual text.
    /// </remarks>
    internal static class BodyFileName
    {
        // The extensions of a file that holds a message's body: what an admin names when the body was meant to be read from it.
        private static readonly string[] Extensions = { ".html", ".htm", ".txt", ".eml", ".mht", ".mhtml", ".md" };
        private static readonly char[] NotInOneLineName = { '\r', '\n', '<', '>' };
        private static readonly char[] NotInPath = { '*', '?', '|' };

        /// <summary>
        /// Adds the problem of a body that is a file's name to <paramref name="problems"/>, under <paramref name="field"/>:
        /// <paramref name="what"/> is what <paramref name="body"/> should have been ("the email's HTML", "the SMS text"),
        /// <paramref name="sentAs"/> what each recipient would get the name as ("the email", "the SMS").
        /// </summary>
        internal static void Check(string? body, string field, string what, string sentAs, ProblemList problems)
        {
            if (Problem(body, field, what, sentAs) is string problem) problems.Add(field, problem);
        }

        /// <summary>What is wrong with a body that is the name of a file, or null when it is not one.</summary>
        internal static string? Problem(string? body, string field, string what, string sentAs) =>
            Of(body) is string file
                ? $"{InputEcho.Quote(file)} is the name of a file, not {what}: every recipient would get the name as " +
                  $"{sentAs}. Give what the file holds, e.g. -{field} (Get-Content -Raw '{InputEcho.Visible(file).Replace("'", "''")}')"
                : null;

        /// <summary>The file a body names instead of holding, or null.</summary>
        internal static string? Of(string? body)
        {
            if (body is null || !EndsWithBodyExtension(body)) return null;
            var value = body.Trim().Trim('"').Trim();
            // A link alone is a message of its own; a tag or a line break is a body already.
            if (value.Length == 0 || value.IndexOfAny(NotInOneLineName) >= 0 || value.Contains("://")) return null;
            var oneWord = true;
            foreach (var c in value) oneWord &= !char.IsWhiteSpace(c);
            // A link written without https:// (as SMS texts write it, to save characters) is a link all the same.
            if (oneWord && StartsWithHostName(value)) return null;
            return oneWord || (UrlRule.IsFilePath(value) && IsPathName(value)) ? value : null;
        }

        /// <summary>
        /// "www.example.com/offer.html", "shop.example.co.uk/sale.htm": a host name (labels joined by dots, the last of
        /// letters only) before the first slash. A folder is not one: "templates/ann.html", "./ann.html", "~/ann.html".
        /// </summary>
        private static bool StartsWithHostName(string value)
        {
            var slash = value.IndexOf('/');
            if (slash <= 0) return false;
            var lastDot = value.LastIndexOf('.', slash - 1);
            if (lastDot <= 0 || lastDot >= slash - 2 || value[0] == '.') return false;
            for (var i = 0; i < slash; i++)
            {
                var c = value[i];
                if (!(char.IsLetterOrDigit(c) || c == '-' || c == '.') || (i > lastDot && !char.IsLetter(c))) return false;
            }
            return true;
        }

        /// <summary>The quick test first, with nothing made: the body, its closing quote and spaces aside, ends with an extension.</summary>
        private static bool EndsWithBodyExtension(string body)
        {
            var end = body.Length;
            while (end > 0 && (char.IsWhiteSpace(body[end - 1]) || body[end - 1] == '"')) end--;
            foreach (var extension in Extensions)
            {
                if (end >= extension.Length && string.Compare(body, end - extension.Length, extension, 0, extension.Length, StringComparison.OrdinalIgnoreCase) == 0)
                    return true;
            }
            return false;
        }

        /// <summary>No character a Windows path cannot hold (a colon only after a drive letter): "\o/ Done: notes.txt" is a sentence.</summary>
        private static bool IsPathName(string value) =>
            value.IndexOfAny(NotInPath) < 0 && value.IndexOf(':', 2) < 0;
    }
}
