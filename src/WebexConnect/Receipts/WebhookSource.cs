using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;

namespace WebexConnect.Receipts
{
    /// <summary>
    /// The file a piped webhook body came from, to name it in errors and to keep one file's lines apart from the next
    /// file's: a FileInfo (Get-ChildItem), or a line Get-Content read, which carries PSPath and ReadCount (its line number).
    /// </summary>
    /// <remarks>
    /// Before, a folder of saved webhooks piped through Get-Content gave errors that named only the input's number
    /// across all the files ("inputs 17 to 22"), and a file that ended inside its body (a web server stopped mid-write)
    /// held on to the next file's lines, whose receipts were lost with it.
    /// </remarks>
    internal sealed class WebhookSource
    {
        private WebhookSource(string path, long line)
        {
            Path = path;
            Line = line;
        }

        /// <summary>The file's path, as the file system writes it.</summary>
        public string Path { get; }

        /// <summary>The line number Get-Content gave (1-based); 0 for a whole file.</summary>
        public long Line { get; }

        /// <summary>A line of a file read whole (<see cref="WebhookLog"/>): named in errors as Get-Content's lines are.</summary>
        public static WebhookSource At(string path, long line) => new WebhookSource(path, line);

        /// <summary>Where the input came from; null when nothing says (a string, bytes, an object).</summary>
        public static WebhookSource? Of(object? input)
        {
            if (input is null) return null;
            var wrapped = input as PSObject;
            if ((wrapped?.BaseObject ?? input) is FileSystemInfo file) return new WebhookSource(file.FullName, 0);
            if (wrapped is null || !(wrapped.BaseObject is string)) return null;
            if (!(wrapped.Properties["PSPath"]?.Value is string psPath) || psPath.Length == 0) return null;
            var separator = psPath.IndexOf("::", StringComparison.Ordinal);
            var path = separator >= 0 ? psPath.Substring(separator + 2) : psPath;
            var line = wrapped.Properties["ReadCount"]?.Value is object count && long.TryParse(
                Convert.ToString(count, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            return new WebhookSource(path, line);
        }

        /// <summary>Whether two inputs came from the same file (both from none counts as the same).</summary>
        public static bool SameFile(WebhookSource? a, WebhookSource? b) =>
            a is null || b is null ? a is null && b is null : string.Equals(a.Path, b.Path, StringComparison.Ordinal);

        /// <summary>
        /// "path: ", "path, line 3: " or "path, lines 3 to 9: " to put before a message; "Line 3: " for a line of a text that came
        /// from no file (an empty path); empty without a source.
        /// </summary>
        public static string Prefix(WebhookSource? first, WebhookSource? last = null)
        {
            if (first is null) return string.Empty;
            if (first.Line <= 0) return first.Path + ": ";
            var lines = last is null || last.Line <= first.Line || !SameFile(first, last)
                ? string.Format(CultureInfo.InvariantCulture, "line {0}: ", first.Line)
                : string.Format(CultureInfo.InvariantCulture, "lines {0} to {1}: ", first.Line, last.Line);
            return first.Path.Length == 0 ? "L" + lines.Substring(1) : first.Path + ", " + lines;
        }
    }
}
