using System;

namespace WebexConnect.Messages.Validation
{
    /// <summary>URL checks shared by webhooks, attachments, media and suggestions.</summary>
    internal static class UrlRule
    {
        /// <summary>An absolute https URL; http only for a loopback host (a local test receiver).</summary>
        /// <remarks>The API wants HTTPS webhooks; http://localhost and http://127.0.0.1 are let through so a
        /// sandbox or a local receiver can be used in tests.</remarks>
        internal static string? CheckWebhook(string value)
        {
            if (NotWeb(value, out var uri) is string notWeb) return notWeb;
            if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
                return $"{InputEcho.Quote(value)} uses http: webhooks need https (http is accepted only for localhost/127.0.0.1 in tests)";
            return null;
        }

        /// <summary>An absolute https URL.</summary>
        internal static string? CheckHttps(string value)
        {
            if (NotWeb(value, out var uri) is string notWeb) return notWeb;
            if (uri.Scheme != Uri.UriSchemeHttps) return $"{InputEcho.Quote(value)} uses http: use https";
            return null;
        }

        /// <summary>An absolute http or https URL the service or the handset can fetch.</summary>
        internal static string? CheckWeb(string value) => NotWeb(value, out _);

        /// <summary>
        /// An RCS URL (a chip's link, a card's or message's media) with no $(name) variable in it. The service fills
        /// variables in text fields only (API.md), so 'https://shop.example.com/?c=$(Company)' reached every phone as
        /// written, a link to nothing, although Uri reads it as a good URL. Null when there is none.
        /// </summary>
        /// <param name="value">The URL.</param>
        /// <param name="perRow">How to give each row its own URL instead; default: build the card or suggestion per row.</param>
        internal static string? CheckNoVariable(string value, string? perRow = null)
        {
            if (value.IndexOf("$(", StringComparison.Ordinal) < 0) return null;
            foreach (var name in WebexConnect.Composition.PersonalisedText.VariablesIn(value))
                return $"{InputEcho.Quote(value)} holds $({name}), which would reach the phone as written: the service fills " +
                    "$(name) variables in text only, not in a URL. Give each row its own URL instead: " + (perRow ??
                    "make the card or chip from each row's cells in a script block, e.g. Import-Csv ... | Send-ConnectRcs ... " +
                    "-Suggestion { New-ConnectRcsSuggestion 'Buy' -Url $_.Link } (or -Card { New-ConnectRcsCard ... -MediaUrl $_.Image })");
            return null;
        }

        /// <summary>Null for an absolute http or https URL (then <paramref name="uri"/> is it), else what is wrong.</summary>
        private static string? NotWeb(string value, out Uri uri)
        {
            // On Linux and macOS "/images/a.png" parses as an absolute file: URI: it is a relative path all the same.
            if (!Uri.TryCreate(value, UriKind.Absolute, out uri!) || (uri.IsFile && !value.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
            {
                // -Attachment C:\Reports\terms.pdf: the admin means a file to attach, which the service cannot reach.
                if (IsFilePath(value))
                    return $"{InputEcho.Quote(value)} is a file path, not a URL: the service cannot read files on this computer; " +
                        "publish the file on a web server and use its https://host/path";
                return $"{InputEcho.Quote(value)} is not an absolute URL: use https://host/path";
            }
            // ftp:, tel:, mailto: and file: URLs are absolute too: say what is wrong with them.
            if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                return $"{InputEcho.Quote(value)} has the scheme {uri.Scheme}, which the service cannot fetch: use https://host/path";
            return null;
        }

        /// <summary>C:\x, C:/x, \\server\share, ./x, ..\x, ~/x: a path on a file system, not a web address ("/images/a.png" may be a site-relative URL).</summary>
        internal static bool IsFilePath(string value) =>
            (value.Length >= 3 && char.IsLetter(value[0]) && value[1] == ':' && (value[2] == '\\' || value[2] == '/')) ||
            value.StartsWith("\\", StringComparison.Ordinal) ||
            value.StartsWith("./", StringComparison.Ordinal) || value.StartsWith(".\\", StringComparison.Ordinal) ||
            value.StartsWith("../", StringComparison.Ordinal) || value.StartsWith("..\\", StringComparison.Ordinal) ||
            value.StartsWith("~/", StringComparison.Ordinal) || value.StartsWith("~\\", StringComparison.Ordinal);

        /// <summary>True when the URL's last path segment ends with ".ext" (the service types attachments by it).</summary>
        internal static bool EndsWithExtension(string value)
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)) return false;
            var path = uri.AbsolutePath;
            var segment = path.Substring(path.LastIndexOf('/') + 1);
            var dot = segment.LastIndexOf('.');
            if (dot <= 0 || dot == segment.Length - 1) return false;
            for (var i = dot + 1; i < segment.Length; i++)
                if (!char.IsLetterOrDigit(segment[i])) return false;
            return true;
        }
    }
}
