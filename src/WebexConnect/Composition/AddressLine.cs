using System.Collections.Generic;
using System.Text;

namespace WebexConnect.Composition
{
    /// <summary>One address of an address line: the address itself, and the display name written before it, if any.</summary>
    internal readonly struct NamedAddress
    {
        public NamedAddress(string address, string? name)
            : this(address, name, address)
        {
        }

        public NamedAddress(string address, string? name, string written)
        {
            Address = address;
            Name = name;
            Written = written;
        }

        /// <summary>The address; for an entry that is not 'Name &lt;address&gt;', the entry as written, for the checks to name.</summary>
        public string Address { get; }

        /// <summary>The display name ('Jane Doe' of 'Jane Doe &lt;jane@contoso.com&gt;'), unquoted; null when none was written.</summary>
        public string? Name { get; }

        /// <summary>The entry as written, trimmed: 'Jane &lt;jane@&gt;' of the address 'jane@'.</summary>
        public string Written { get; }

        /// <summary>
        /// The address to send, when it is one; else the entry as written. 'Jane &lt;jane@&gt;' was refused as 'jane@', a
        /// value the admin never wrote and could not find in the file: the check now names the cell and the part that is
        /// wrong (EmailAddressRule). Asks the check only of an entry that had brackets around its address.
        /// </summary>
        public string ToSend =>
            ReferenceEquals(Address, Written) || Messages.Validation.EmailAddressRule.Check(Address) is null ? Address : Written;
    }

    /// <summary>
    /// Reads an address line as Outlook, Exchange and Active Directory exports write one: 'Jane Doe &lt;jane@contoso.com&gt;',
    /// '"Doe, Jane" &lt;jane@contoso.com&gt;', or several of those and bare addresses, separated by ';' or ',' (or one a line).
    /// The service's email fields take bare addresses, so the cmdlets send what is between the angle brackets. A separator
    /// inside quotes or angle brackets is the name's or the address's own: split there, '"Doe, Jane"' was two bad addresses.
    /// </summary>
    /// <remarks>Not a full RFC 5322 reader: no comments, no groups. What it cannot read is left whole, for EmailAddressRule to name.</remarks>
    internal static class AddressLine
    {
        // A value without any of these is one bare address (or one bad value): the usual cell, read without allocating.
        private static readonly char[] Special = { '<', '>', '"', ',', ';', '\r', '\n' };

        /// <summary>True when the value holds nothing to read: no display name, no quotes, no separator.</summary>
        public static bool IsPlain(string value) => value.IndexOfAny(Special) < 0;

        /// <summary>True when the value has a separator between addresses: ';', ',' or a line break (a space is none).</summary>
        public static bool HasSeparator(string value) => value.IndexOfAny(CopyAddresses.Separators) >= 0;

        /// <summary>The entries of the value, in order, empty ones left out (an empty cell, a trailing ';').</summary>
        public static List<NamedAddress> Read(string value)
        {
            var entries = new List<NamedAddress>(2);
            var start = 0;
            var quoted = false;
            var angled = false;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                // An unclosed quote or bracket runs to the end: the rest is one entry, for the checks to name.
                if (quoted)
                {
                    if (c == '\\') i++;
                    else if (c == '"') quoted = false;
                }
                else if (c == '"' && !angled) quoted = true;
                else if (c == '<') angled = true;
                else if (c == '>') angled = false;
                else if (!angled && (c == ';' || c == ',' || c == '\r' || c == '\n'))
                {
                    if (c == ',' && IsNameComma(value, start, i)) continue;
                    AddEntry(value, start, i, entries);
                    start = i + 1;
                }
            }
            AddEntry(value, start, value.Length, entries);
            return entries;
        }

        /// <summary>
        /// True for the comma of an unquoted 'Doe, Jane &lt;jane@contoso.com&gt;', as Outlook copies a line of names
        /// ('Doe, Jane &lt;jane@contoso.com&gt;; Roe, Rick &lt;rick@contoso.com&gt;'): the entry so far has no address of its own
        /// and a bracketed one follows before the next ';' or line. Before, 'Doe' was an entry by itself, and the row Invalid.
        /// </summary>
        private static bool IsNameComma(string value, int start, int comma)
        {
            if (value.IndexOf('@', start, comma - start) >= 0 || value.IndexOf('<', start, comma - start) >= 0) return false;
            var end = value.IndexOfAny(EntryEnds, comma + 1);
            var open = value.IndexOf('<', comma + 1, (end < 0 ? value.Length : end) - comma - 1);
            return open >= 0 && value.IndexOf('@', comma + 1, open - comma - 1) < 0;
        }

        private static readonly char[] EntryEnds = { ';', '\r', '\n' };

        private static void AddEntry(string value, int start, int end, List<NamedAddress> entries)
        {
            var entry = value.Substring(start, end - start).Trim();
            if (entry.Length > 0) entries.Add(One(entry));
        }

        /// <summary>
        /// The one address of an entry written 'Name &lt;address&gt;' or '&lt;address&gt;' (nothing but spaces after the '&gt;',
        /// one pair of brackets outside the quotes), with its name; any other entry as it is, without a name.
        /// </summary>
        public static NamedAddress One(string entry)
        {
            var open = OutsideQuotes(entry, '<');
            var close = entry.LastIndexOf('>');
            if (open < 0 || close < open || entry.Substring(close + 1).Trim().Length > 0
                || entry.IndexOf('<', open + 1) >= 0 || entry.IndexOf('>', open + 1) != close)
                return new NamedAddress(entry, null);
            var name = Unquoted(entry.Substring(0, open).Trim());
            return new NamedAddress(entry.Substring(open + 1, close - open - 1).Trim(), name.Length == 0 ? null : name, entry);
        }

        /// <summary>
        /// The entries, as written, of a value whose entries are apart by spaces alone ('ann@example.com bob@example.com',
        /// 'Jane Doe &lt;jane@example.com&gt; bob@example.com'), for the check to show them separated as they would work; null
        /// when the value is not so: words without an address after them, an address after name words, an open quote.
        /// Asked only of a value already known bad.
        /// </summary>
        public static List<string>? ApartBySpaces(string value)
        {
            var entries = new List<string>(2);
            var entry = -1;
            var quoted = false;
            var angled = false;
            var token = -1;
            for (var i = 0; i <= value.Length; i++)
            {
                var c = i < value.Length ? value[i] : ' ';
                if (quoted)
                {
                    if (c == '\\') i++;
                    else if (c == '"') quoted = false;
                    if (i < value.Length) continue;
                    return null;
                }
                if (!angled && char.IsWhiteSpace(c))
                {
                    if (token < 0) continue;
                    // A word ends: '<address>' ends a named entry, a bare address is an entry by itself, other words are a name's.
                    var word = value.Substring(token, i - token);
                    if (entry < 0) entry = token;
                    if (word.EndsWith(">", System.StringComparison.Ordinal) && word.IndexOf('<') >= 0 || word.IndexOf('@') >= 0)
                    {
                        if (word.IndexOf('<') < 0 && entry != token) return null;
                        entries.Add(value.Substring(entry, i - entry));
                        entry = -1;
                    }
                    token = -1;
                    continue;
                }
                if (token < 0) token = i;
                if (c == '"') quoted = true;
                else if (c == '<') angled = true;
                else if (c == '>') angled = false;
            }
            return entry < 0 && !angled ? entries : null;
        }

        /// <summary>The index of the first <paramref name="wanted"/> outside double quotes, or -1.</summary>
        private static int OutsideQuotes(string text, char wanted)
        {
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                if (quoted && text[i] == '\\') i++;
                else if (text[i] == '"') quoted = !quoted;
                else if (!quoted && text[i] == wanted) return i;
            }
            return -1;
        }

        /// <summary>'"Doe, Jane"' as Doe, Jane: the quotes and a backslash's escape are the writing's, not the name's.</summary>
        private static string Unquoted(string name)
        {
            if (name.Length < 2 || name[0] != '"' || name[name.Length - 1] != '"') return name;
            var unquoted = new StringBuilder(name.Length);
            for (var i = 1; i < name.Length - 1; i++)
            {
                if (name[i] == '\\' && i + 1 < name.Length - 1) i++;
                unquoted.Append(name[i]);
            }
            return unquoted.ToString().Trim();
        }
    }
}
