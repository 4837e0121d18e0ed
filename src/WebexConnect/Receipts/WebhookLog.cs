using System;
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
            var anyBody = false;
            foreach (var line in lines)
            {
                number++;
                if (held.HeldLines == 0)
                {
                    // Blank lines between bodies (a log that leaves one after each) are no body.
                    if (string.IsNullOrWhiteSpace(line)) continue;
                    first = number;
                    anyBody |= StartsBody(line);
                }
                var body = held.Add(line, number, out _);
                if (body != null) bodies.Add(new WebhookLogBody(body, WebhookSource.At(path, first), WebhookSource.At(path, number)));
            }
            if (held.HeldLines > 0) bodies.Add(new WebhookLogBody(null, WebhookSource.At(path, first), WebhookSource.At(path, number)));
            // Lines of which none starts a body are no log of bodies (see LinesWithoutBody): read as one broken body, one error.
            return bodies.Count > 1 && anyBody ? bodies : null;
        }

        /// <summary>
        /// How many lines with text <paramref name="file"/> has when there are two or more and none of them starts a JSON object
        /// or list, as every webhook body does: a script, a CSV or notes kept in the folder of saved webhooks, not a log of
        /// bodies. 0 otherwise. Before, such a file was read as a log of as many bodies as it has lines, and each line got its
        /// own "not JSON" error: twelve errors for one wrong file in Get-ChildItem ./webhooks | ConvertFrom-ConnectWebhook.
        /// </summary>
        public static int LinesWithoutBody(FileInfo file) => LinesWithoutBody(File.ReadLines(file.FullName));

        /// <summary>The same for a file's text read whole (Get-Content -Raw) or any text of several lines.</summary>
        public static int LinesWithoutBody(string text) => LinesWithoutBody(LinesOf(text));

        /// <summary>
        /// The InvalidWebhookBody message for such a file (<paramref name="path"/>; empty for a text from no file): one error for
        /// all of it. A CSV a web server logged the webhooks to is read row by row with Import-Csv, not as a file: said so.
        /// </summary>
        public static string NoBody(int lines, string path) =>
            $"None of its {lines} lines starts a JSON object ({{) or list ([), as a webhook body does: it holds no webhook, and none of it was read. " +
            (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                ? $"A CSV of logged webhooks is read by its rows, each with its Body column: Import-Csv '{path.Replace("'", "''")}' | ConvertFrom-ConnectWebhook."
                : "Give the files the web server saved the webhooks in (Get-ChildItem ./webhooks -Filter *.json).");

        private static int LinesWithoutBody(IEnumerable<string> lines)
        {
            var count = 0;
            foreach (var line in lines)
            {
                if (StartsBody(line)) return 0;
                if (!string.IsNullOrWhiteSpace(line)) count++;
            }
            return count > 1 ? count : 0;
        }

        /// <summary>True for a line whose first character (after blanks and a byte order mark) is "{" or "[".</summary>
        private static bool StartsBody(string line)
        {
            var i = 0;
            while (i < line.Length && (char.IsWhiteSpace(line[i]) || line[i] == '\uFEFF')) i++;
            return i < line.Length && (line[i] == '{' || line[i] == '[');
        }

        private static IEnumerable<string> LinesOf(string text)
        {
            using var reader = new StringReader(text);
            for (var line = reader.ReadLine(); line != null; line = reader.ReadLine()) yield return line;
        }
    }
}
