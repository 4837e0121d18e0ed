using WebexConnect.Messages.Validation;

namespace WebexConnect.Receipts
{
    /// <summary>
    /// A webhook file's name given where its body goes: ConvertFrom-ConnectWebhook 'C:\hooks\log.txt', as Get-Content and
    /// Import-Csv take a path. Before, the name was read as JSON and refused as "not JSON", which did not say that the
    /// command reads what it is given, never a file it names.
    /// </summary>
    /// <remarks>
    /// One line with no JSON bracket, and a path (C:\, \\server, ./, ~/, or / on Linux and macOS: no JSON starts so) or one
    /// word ending with a log's extension: "receipts.json". A body that is not JSON and not a name keeps its "not JSON".
    /// </remarks>
    internal static class WebhookFileName
    {
        private static readonly string[] Extensions = { ".json", ".txt", ".log", ".jsonl", ".ndjson", ".csv" };
        private static readonly char[] NotInName = { '\r', '\n', '{', '}', '[', ']' };

        /// <summary>The file <paramref name="text"/> names instead of holding a body, or null.</summary>
        public static string? Of(string text)
        {
            var value = text.Trim().Trim('"', '\'').Trim();
            if (value.Length == 0 || value.IndexOfAny(NotInName) >= 0) return null;
            if (UrlRule.IsFilePath(value) || value.StartsWith("/", System.StringComparison.Ordinal)) return value;
            foreach (var c in value)
                if (char.IsWhiteSpace(c)) return null;
            foreach (var extension in Extensions)
                if (value.EndsWith(extension, System.StringComparison.OrdinalIgnoreCase) && value.Length > extension.Length) return value;
            return null;
        }

        /// <summary>
        /// What to do instead, for the name <see cref="Of"/> found; for a <paramref name="folder"/>, the files in it (Get-Item of a
        /// folder gives the error for a folder).
        /// </summary>
        public static string Problem(string file, bool folder = false)
        {
            var quoted = "'" + InputEcho.Visible(file).Replace("'", "''") + "'";
            if (folder)
                return $"{InputEcho.Quote(file)} is the name of a folder, not a webhook body: ConvertFrom-ConnectWebhook reads the bodies it is " +
                    $"given, not the files a name points to. Give the files in it: Get-ChildItem {quoted} -File | ConvertFrom-ConnectWebhook " +
                    "(each one body, or a log of many, each read).";
            return $"{InputEcho.Quote(file)} is the name of a file, not a webhook body: ConvertFrom-ConnectWebhook reads the body it is given, " +
                $"not a file it names. Give the file itself: Get-Item {quoted} | ConvertFrom-ConnectWebhook (one body, or a log of many, " +
                $"each read), or its text: Get-Content {quoted} -Raw | ConvertFrom-ConnectWebhook.";
        }
    }
}
