using System.Collections.Generic;
using System.IO;

namespace WebexConnect.Receipts
{
    /// <summary>One body of a webhook log file, with the lines it was read from.</summary>
    internal sealed class WebhookLogBody
    {
        public WebhookLogBody(string? text, WebhookSource first, WebhookSource last)
        {
            Text = text;
            First = first;
            Last = last;
        }

        /// <summary>The body's JSON text; null when the file ended inside it (see <see cref="Unclosed"/>).</summary>
        public string? Text { get; }

        /// <summary>The file and line the body starts on.</summary>
        public WebhookSource First { get; }

        /// <summary>The file and line the body ends on.</summary>
        public WebhookSource Last { get; }

        /// <summary>True when the file ended before the body's brackets closed.</summary>
        public bool Unclosed => Text is null;
    }

    /// <summary>
    /// A saved file of many webhook bodies, one after another (a web server's log: one body a line, or indented bodies one
    /// after another), split into its bodies the way lines piped through Get-Content are (<see cref="WebhookLines"/>).
    /// </summary>
    /// <remarks>
    /// Before, Get-ChildItem receipts.log | ConvertFrom-ConnectWebhook read such a file as one body and refused it whole as
    /// "not JSON (line 2 ...)": not one of its receipts was read, and the error did not say the file holds several bodies.
    /// Only a file that does not read as one body comes here, so a file that is one (its bytes, signature checked) is read
    /// as before.
    /// </remarks>
    internal static class WebhookLog
    {
        /// <summary>The bodies in <paramref name="file"/>; null when it does not hold two or more (then it is one broken body).</summary>
        // ReadLines decodes by the byte order mark (UTF-8, UTF-16, UTF-32), as the whole-file read does.
        public static IReadOnlyList<WebhookLogBody>? BodiesIn(FileInfo file) => BodiesIn(File.ReadLines(file.FullName), file.FullName);

        /// <summary>
        /// The bodies in the text of such a log, read whole (Get-Content -Raw); null when it does not hold two or more. Their
        /// errors name <paramref name="path"/>, the file the text came from, or only their lines when it is not known (empty).
        /// </summary>
        public static IReadOnlyList<WebhookLogBody>? BodiesIn(string text, string path) => BodiesIn(LinesOf(text), path);

        private static IReadOnlyList<WebhookLogBody>? BodiesIn(IEnumerable<string> lines, string path)
        {
            var bodies = new List<WebhookLogBody>();
            var held = new WebhookLines();
            long number = 0, first = 0;
            foreach (var line in lines)
            {
                number++;
                if (held.HeldLines == 0)
                {
                    // Blank lines between bodies (a log that leaves one after each) are no body.
                    if (string.IsNullOrWhiteSpace(line)) continue;
                    first = number;
                }
                var body = held.Add(line, number, out _);
                if (body != null) bodies.Add(new WebhookLogBody(body, WebhookSource.At(path, first), WebhookSource.At(path, number)));
            }
            if (held.HeldLines > 0) bodies.Add(new WebhookLogBody(null, WebhookSource.At(path, first), WebhookSource.At(path, number)));
            return bodies.Count > 1 ? bodies : null;
        }

        private static IEnumerable<string> LinesOf(string text)
        {
            using var reader = new StringReader(text);
            for (var line = reader.ReadLine(); line != null; line = reader.ReadLine()) yield return line;
        }
    }
}
