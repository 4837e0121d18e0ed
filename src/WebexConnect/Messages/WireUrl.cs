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
    /// written (/ ? # &amp; = : @ and the other reserved characters, $(name) too, and the service's own &lt;&lt;name&gt;&gt; placeholders,
    /// see <see cref="PlaceholderLength"/>), and a %XX already there is sent as it is,
    /// never as %25XX: a cell written either way is the same URL, in the same request. Only a '%' not followed by two hex
    /// digits, which no URL holds either, is sent as %25.
    /// One place for every URL field, so no field can be forgotten, and what the admin sees is what is sent.
    /// </remarks>
    internal static class WireUrl
    {
        /// <summary>The URL as sent; the same string when nothing in it needs a change (every usual URL), and null for null.</summary>
        /// <param name="url">The URL as given.</param>
        public static string? Of(string? url) => Of(url, keepPlaceholders: true);

        /// <summary>
        /// The URL as the version before this one sent it, a &lt;&lt;name&gt;&gt; placeholder encoded with the rest (%3C%3Cname%3E%3E): the
        /// journal that version wrote names the send so. The same string when nothing in it needs a change, and null for null.
        /// </summary>
        /// <param name="url">The URL as given.</param>
        public static string? WithPlaceholdersEncoded(string? url) => Of(url, keepPlaceholders: false);

        /// <summary>True when the URL holds a &lt;&lt;name&gt;&gt; placeholder, which <see cref="WithPlaceholdersEncoded"/> writes otherwise.</summary>
        /// <param name="url">The URL as given.</param>
        public static bool HasPlaceholder(string? url)
        {
            if (url is null) return false;
            for (var at = url.IndexOf("<<", StringComparison.Ordinal); at >= 0; at = url.IndexOf("<<", at + 1, StringComparison.Ordinal))
                if (PlaceholderLength(url, at) > 0) return true;
            return false;
        }

        /// <summary>
        /// The URL with each %XX (or UTF-8 run of them) that stands for a character no URL holds, the ones <see cref="Of(string)"/> encodes
        /// (a space, " &lt; &gt; \ ^ ` { | }, a control or non-ASCII character), written as that character; every other escape
        /// (%2F, %25, %41...) stays, since it may mean something else written plain. <see cref="Of(string)"/> sends the result as the very
        /// URL it was given ('a%20b.png' and 'a b.png' are one URL), unless the escapes spell a &lt;&lt;name&gt;&gt;, which it sends as
        /// written. The same string when it has no such escape, and null for null.
        /// </summary>
        /// <param name="url">The URL as given.</param>
        public static string? Unescaped(string? url)
        {
            if (url is null || url.IndexOf('%') < 0) return url;
            StringBuilder? plain = null;
            var copied = 0;
            for (var i = 0; i < url.Length; i++)
            {
                if (url[i] != '%' || !IsEscape(url, i)) continue;
                var length = EscapedCharacter(url, i, out var character);
                if (length == 0) continue;
                plain ??= new StringBuilder(url.Length);
                plain.Append(url, copied, i - copied).Append(character);
                i += length - 1;
                copied = i + 1;
            }
            return plain is null ? url : plain.Append(url, copied, url.Length - copied).ToString();
        }

        /// <summary>
        /// The length of the escapes at <paramref name="at"/> that make one character no URL holds, which is put in
        /// <paramref name="character"/>; 0 when they make a URL's own character or no valid UTF-8.
        /// </summary>
        private static int EscapedCharacter(string url, int at, out string character)
        {
            character = "";
            var lead = HexByte(url, at);
            var count = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
            if (count == 0 || at + 3 * count > url.Length) return 0;
            if (count == 1)
            {
                if (IsUrlCharacter((char)lead)) return 0;
                character = ((char)lead).ToString();
                return 3;
            }
            var bytes = new byte[count];
            for (var k = 0; k < count; k++)
            {
                var next = at + 3 * k;
                if (url[next] != '%' || !IsEscape(url, next)) return 0;
                bytes[k] = (byte)HexByte(url, next);
            }
            try
            {
                character = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                return 0;
            }
            return 3 * count;
        }

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

        private static int HexByte(string url, int at) => int.Parse(url.Substring(at + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

        private static string? Of(string? url, bool keepPlaceholders)
        {
            if (string.IsNullOrEmpty(url) || IsSentAsItIs(url!, keepPlaceholders)) return url;
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
                if (keepPlaceholders && PlaceholderLength(trimmed, i) is var placeholder && placeholder > 0)
                {
                    sent.Append(trimmed, i, placeholder);
                    i += placeholder - 1;
                    continue;
                }
                var c = trimmed[i];
                if (IsUrlCharacter(c) && (c != '%' || IsEscape(trimmed, i))) sent.Append(c);
                else i = AppendEncoded(sent, trimmed, i);
            }
            return sent.ToString();
        }

        /// <summary>True when every character may stand in a URL as it is: no white space, no other character to encode.</summary>
        private static bool IsSentAsItIs(string url, bool keepPlaceholders)
        {
            for (var i = 0; i < url.Length; i++)
            {
                if (keepPlaceholders && PlaceholderLength(url, i) is var placeholder && placeholder > 0)
                {
                    i += placeholder - 1;
                    continue;
                }
                var c = url[i];
                if (!IsUrlCharacter(c) || (c == '%' && !IsEscape(url, i))) return false;
            }
            return true;
        }

        /// <summary>
        /// The length of the &lt;&lt;name&gt;&gt; placeholder at <paramref name="at"/> (a name of letters, digits, '_', '-' and '.'), else 0.
        /// </summary>
        /// <remarks>
        /// The service fills these in itself: its own email example gives listUnsubscribeUrl as
        /// 'https://www.domain.tld/&lt;&lt;topic_id&gt;&gt;/&lt;&lt;sender_id&gt;&gt;/unsubscribe'. Encoded, as the version before this one sent
        /// it, the service got %3C%3Ctopic_id%3E%3E, which it does not know as a placeholder, and the link went out unfilled.
        /// </remarks>
        private static int PlaceholderLength(string url, int at)
        {
            if (url[at] != '<' || at + 1 >= url.Length || url[at + 1] != '<') return 0;
            var end = at + 2;
            while (end < url.Length && IsNameCharacter(url[end])) end++;
            return end > at + 2 && end + 1 < url.Length && url[end] == '>' && url[end + 1] == '>' ? end + 2 - at : 0;
        }

        private static bool IsNameCharacter(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';

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
