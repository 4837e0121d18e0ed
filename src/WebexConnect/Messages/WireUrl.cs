using System;
using System.Globalization;
using System.Text;

namespace WebexConnect.Messages
{
    /// <summary>
    /// A URL as a payload carries it (a media file, a card's image, a chip's link, an attachment, an unsubscribe link, the
    /// receipts' notifyUrl), and as -WhatIf and -Confirm say it: without the white space at its ends, every character
    /// RFC 3986 does not allow in a URL percent-encoded (UTF-8), and an international host name in its ASCII form (punycode).
    /// </summary>
    /// <remarks>
    /// The service fetches the file later and says nothing when the fetch fails: 'https://cdn.example.com/boarding pass.pdf',
    /// '.../Größe.png' or '.../a|b.png' went out as written and reached the recipient as a missing file. The encoded form is
    /// what the admin meant, the file of that name, as a browser's address bar sends it. What has a meaning in a URL stays as
    /// written (/ ? # &amp; = : @ and the other reserved characters, $(name) too), and a %XX already there is sent as it is,
    /// never as %25XX: a cell written either way is the same URL, in the same request. Only a '%' not followed by two hex
    /// digits, which no URL holds either, is sent as %25.
    /// One place for every URL field, so no field can be forgotten, and what the admin sees is what is sent.
    /// </remarks>
    internal static class WireUrl
    {
        /// <summary>The URL as sent; the same string when nothing in it needs a change (every usual URL), and null for null.</summary>
        /// <param name="url">The URL as given.</param>
        public static string? Of(string? url)
        {
            if (string.IsNullOrEmpty(url) || IsSentAsItIs(url!)) return url;
            var trimmed = url!.Trim();
            var hostStart = HostStart(trimmed);
            var hostEnd = hostStart < 0 ? -1 : HostEnd(trimmed, hostStart);
            var sent = new StringBuilder(trimmed.Length + 16);
            for (var i = 0; i < trimmed.Length; i++)
            {
                if (i == hostStart && AsciiHost(trimmed.Substring(hostStart, hostEnd - hostStart)) is string host)
                {
                    sent.Append(host);
                    i = hostEnd - 1;
                    continue;
                }
                var c = trimmed[i];
                if (IsUrlCharacter(c) && (c != '%' || IsEscape(trimmed, i))) sent.Append(c);
                else i = AppendEncoded(sent, trimmed, i);
            }
            return sent.ToString();
        }

        /// <summary>True when every character may stand in a URL as it is: no white space, no other character to encode.</summary>
        private static bool IsSentAsItIs(string url)
        {
            for (var i = 0; i < url.Length; i++)
            {
                var c = url[i];
                if (!IsUrlCharacter(c) || (c == '%' && !IsEscape(url, i))) return false;
            }
            return true;
        }

        /// <summary>RFC 3986's unreserved and reserved characters, and '%': printable ASCII but for " &lt; &gt; \ ^ ` { | } and the space.</summary>
        private static bool IsUrlCharacter(char c) =>
            c > ' ' && c < '\u007F' && c != '"' && c != '<' && c != '>' && c != '\\' && c != '^' && c != '`' && c != '{' && c != '|' && c != '}';

        private static bool IsEscape(string url, int at) => at + 2 < url.Length && IsHex(url[at + 1]) && IsHex(url[at + 2]);

        private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');

        /// <summary>Appends the character at <paramref name="at"/> (both halves of a surrogate pair) as %XX of its UTF-8 bytes; returns the last index used.</summary>
        private static int AppendEncoded(StringBuilder sent, string url, int at)
        {
            var length = char.IsHighSurrogate(url[at]) && at + 1 < url.Length && char.IsLowSurrogate(url[at + 1]) ? 2 : 1;
            foreach (var b in Encoding.UTF8.GetBytes(url.Substring(at, length)))
                sent.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            return at + length - 1;
        }

        /// <summary>Where the host starts, after "scheme://" and any "user@"; -1 for a URL without an authority.</summary>
        private static int HostStart(string url)
        {
            var scheme = url.IndexOf("://", StringComparison.Ordinal);
            if (scheme <= 0) return -1;
            var start = scheme + 3;
            var end = AuthorityEnd(url, start);
            var at = url.LastIndexOf('@', end - 1, end - start);
            return at >= 0 ? at + 1 : start;
        }

        /// <summary>Where the host ends: at the port's ':', or where the authority does.</summary>
        private static int HostEnd(string url, int start)
        {
            var end = AuthorityEnd(url, start);
            var colon = url.IndexOf(':', start, end - start);
            return colon >= 0 ? colon : end;
        }

        // IndexOfAny takes an array: one for every call, rather than a new one each time.
        private static readonly char[] AuthorityEnders = { '/', '?', '#' };

        private static int AuthorityEnd(string url, int start)
        {
            var end = url.IndexOfAny(AuthorityEnders, start);
            return end < 0 ? url.Length : end;
        }

        /// <summary>
        /// An international host name ('例え.jp', 'bücher.example') in the ASCII form DNS knows ('xn--r8jz45g.jp'), as browsers send
        /// it; null for a host that is ASCII already or that is no valid name, whose characters are then encoded as the rest.
        /// </summary>
        private static string? AsciiHost(string host)
        {
            var ascii = true;
            foreach (var c in host) ascii &= c < '\u0080';
            if (ascii) return null;
            try
            {
                return new IdnMapping().GetAscii(host);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
    }
}
