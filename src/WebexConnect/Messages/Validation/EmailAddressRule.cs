using System.Collections.Generic;
using System.Globalization;

namespace WebexConnect.Messages.Validation
{
    /// <summary>
    /// A practical email address check (not full RFC 5322): one @, a local part and a dotted domain, no
    /// spaces, no display name (Send-ConnectEmail reads those off before, see AddressLine). It catches the mistakes
    /// spreadsheets really contain.
    /// </summary>
    internal static class EmailAddressRule
    {
        private const string Allowed = "use a bare address such as name@example.com";

        /// <summary>Null when the address looks valid, else the message that says what is wrong.</summary>
        internal static string? Check(string? address) => Check(address, null);

        /// <summary>Null when the address looks valid, else the message that says what is wrong.</summary>
        /// <param name="address">The address.</param>
        /// <param name="severalAdvice">
        /// What to do with a value that lists several good addresses, when the field is not a destination (-Cc, -ReplyTo):
        /// the destination's advice (rows, -To as a list) sent an admin who wrote -Cc 'a@x.com; b@x.com' to -To.
        /// </param>
        internal static string? Check(string? address, string? severalAdvice)
        {
            if (string.IsNullOrWhiteSpace(address)) return "the address is empty: " + Allowed;
            var value = address!;
            var reason = FindReason(value);
            if (reason is null) return null;
            if (ExchangeProxyReason(value) is string proxy) return $"{InputEcho.Quote(value)} is not an email address ({proxy}): {Allowed}";
            // "ann@example.com; bob@example.com" (an Outlook address line) in one cell: several good addresses. Looked for
            // only once the value is known bad (it has several @), so a good address is not split on every row.
            if (SeveralIn(value) is int count)
                return $"{InputEcho.Quote(value)} holds {count} addresses" + (severalAdvice is not null ? ", not one: " + severalAdvice : PhoneNumberRule.IsLines(value)
                    ? ", one a line, not one: " + PhoneNumberRule.LinesAdvice("email")
                    : !Composition.AddressLine.HasSeparator(value) ? ApartBySpaces(value)
                    : ", not one: give each its own row, or pass them as a list (-To 'ann@example.com', 'bob@example.com') to send the same email to all of them");
            if (value.IndexOf('<') >= 0 && Composition.AddressLine.One(value.Trim()).Address is var inner && inner != value.Trim())
            {
                // 'Ann <ann@example.com>' where the field takes no name (-UnsubscribeEmailAddress).
                if (FindReason(inner) is not string innerReason)
                    return $"{InputEcho.Quote(value)} is not an email address ({reason}): give the address alone, here {InputEcho.QuoteToWrite(inner)}";
                // 'Jane <jane@>': the name is read off where one may be given (AddressLine), so it is the address that is wrong.
                return $"{InputEcho.Quote(value)} is not an email address: the part between < and >, {InputEcho.Quote(inner)}, " +
                    $"is wrong ({(inner.Length == 0 ? "it is empty" : innerReason)}): correct that part";
            }
            if (UnpairedReason(value) is string unpaired) return $"{InputEcho.Quote(value)} is not an email address: {unpaired}";
            return $"{InputEcho.Quote(value)} is not an email address ({reason}): {Allowed}";
        }

        /// <summary>
        /// What is open in a display name's writing ('Jane &lt;jane@example.com', '"Doe, Jane &lt;jane@example.com&gt;'), or null:
        /// told "it has a display name: use a bare address", the admin was sent to strip names the cmdlets take.
        /// </summary>
        private static string? UnpairedReason(string value)
        {
            // A quote alone ('o"neil@example.com') is a character of the address, told as one; brackets are a name's writing.
            if (value.IndexOf('<') < 0 && value.IndexOf('>') < 0) return null;
            var quotes = 0;
            var open = 0;
            var close = 0;
            for (var i = 0; i < value.Length; i++)
            {
                if (value[i] == '\\' && quotes % 2 == 1) i++;
                else if (value[i] == '"') quotes++;
                else if (quotes % 2 == 0 && value[i] == '<') open++;
                else if (quotes % 2 == 0 && value[i] == '>') close++;
            }
            const string Written = "(a display name is written Jane Doe <jane@example.com>, or \"Doe, Jane\" <jane@example.com>)";
            if (quotes % 2 == 1) return "its \" has no closing \" " + Written;
            if (open != close) return open > close ? "its < has no closing > " + Written : "its > has no opening < " + Written;
            return null;
        }

        /// <summary>
        /// 'ann@example.com bob@example.com' (a cell typed by hand, or a list joined with spaces): told "give each its own row,
        /// or pass them as a list", the admin who wrote one cell was not told that ';' between them was all it lacked. The value
        /// as it would work is shown.
        /// </summary>
        private static string ApartBySpaces(string value) =>
            " apart by spaces, which do not separate addresses: write ';' or ',' between them, here " +
            InputEcho.QuoteToWrite(string.Join("; ", Composition.AddressLine.ApartBySpaces(value) ?? new List<string> { value })) +
            ", to send the same email to each of them, or give each its own row";

        /// <summary>
        /// How many good addresses the value lists, or null: separated as an address line ('"Doe, Jane" &lt;jane@example.com&gt;;
        /// bob@example.com', see AddressLine), or by spaces alone, with or without display names.
        /// </summary>
        private static int? SeveralIn(string value)
        {
            if (!Composition.AddressLine.IsPlain(value))
            {
                var entries = Composition.AddressLine.Read(value);
                if (entries.Count > 1 && entries.TrueForAll(entry => FindReason(entry.Address) is null)) return entries.Count;
            }
            // 'Jane Doe <jane@example.com> bob@example.com': names and addresses apart by spaces alone.
            if (!Composition.AddressLine.HasSeparator(value) && Composition.AddressLine.ApartBySpaces(value) is { Count: > 1 } apart &&
                apart.TrueForAll(entry => FindReason(Composition.AddressLine.One(entry).Address) is null))
                return apart.Count;
            return PhoneNumberRule.SeveralIn(value, a => a.IndexOf('@') > 0 && FindReason(a) is null);
        }

        /// <summary>
        /// Why an Exchange proxy address is not an address, and which one to give, or null when the value is none: a
        /// cell of Get-Mailbox's EmailAddresses ("SMTP:ann@example.com", "smtp:" for a secondary address; exported as
        /// the whole list, joined with ';'). The colon was told as "a character that needs quoting", and the list as
        /// "more than one @", which did not point at the prefix, nor at the column that holds the address. Asked only
        /// of a value already known bad, so a good address costs nothing more.
        /// </summary>
        private static string? ExchangeProxyReason(string value)
        {
            const string Prefix = "smtp:";
            var entries = value.Split(new[] { ';', ',', ' ', '\t', '\r', '\n' }, System.StringSplitOptions.RemoveEmptyEntries);
            string? primary = null, first = null;
            foreach (var entry in entries)
            {
                if (!entry.StartsWith(Prefix, System.StringComparison.OrdinalIgnoreCase) || FindReason(entry.Substring(Prefix.Length)) is not null) continue;
                first ??= entry.Substring(Prefix.Length);
                // Exchange writes the primary address's prefix in capitals, every other one in lower case.
                if (primary is null && entry.StartsWith("SMTP:", System.StringComparison.Ordinal)) primary = entry.Substring(Prefix.Length);
            }
            if (first is null) return null;
            if (entries.Length == 1)
                return "it is an Exchange proxy address: leave out its " + entries[0].Substring(0, Prefix.Length) + ", here " + InputEcho.Quote(first);
            return "it is a mailbox's list of proxy addresses (Exchange's EmailAddresses): give its primary address, here " +
                InputEcho.Quote(primary ?? first) + ", which the PrimarySmtpAddress column holds";
        }

        // Read in place, by index: every row's address passes through here, and a good one (the usual case) now costs no
        // allocation. Before, its parts were cut out as strings and split, and each check walked them with a LINQ enumerator:
        // 536 bytes for ann.o'neil+news@mail.example.co.uk. The checks and their order are as they were.
        private static string? FindReason(string value)
        {
            if (value.IndexOf('<') >= 0 || value.IndexOf('>') >= 0) return "it has a display name or angle brackets";
            // A link copied from a web page or a signature ("mailto:ann@example.com"): the colon was told as "a character
            // that needs quoting", which did not point at the link's scheme in front.
            if (value.StartsWith("mailto:", System.StringComparison.OrdinalIgnoreCase) && FindReason(value.Substring(7)) is null)
                return "it starts with mailto:, the link's scheme: leave it out, here " + InputEcho.Quote(value.Substring(7));
            // "'ann@example.com": the apostrophe a spreadsheet marks text with, written into the cell by an export that guards
            // its cells against formulas, or typed. An apostrophe is a legal character of a local part (o'neil@), so before,
            // the row was Queued to 'ann@example.com, a mailbox no one has. Read by index: a good address allocates nothing.
            if (value.Length > 1 && value[0] == '\'' && value[value.Length - 1] != '\'' && FindReason(value.Substring(1)) is null)
                return "it starts with the ' that a spreadsheet marks text with: leave it out, here " + InputEcho.Quote(value.Substring(1));
            // ="ann@example.com": the formula that keeps a value as text. It was "a character that needs quoting".
            if (value.Length > 3 && value[0] == '=' && value[1] == '"' && value[value.Length - 1] == '"' && FindReason(value.Substring(2, value.Length - 3)) is null)
                return "it is wrapped in the spreadsheet formula =\"...\": leave that out, here " + InputEcho.Quote(value.Substring(2, value.Length - 3));
            if (HasWhiteSpace(value)) return "it contains spaces";
            if (InputEcho.LoneSurrogatePosition(value) > 0) return "it contains a broken character (an unpaired UTF-16 surrogate)";
            if (value.Length > 254) return "it is longer than 254 characters";
            var at = value.IndexOf('@');
            // A phone number in an address column (or a Phone column piped to Send-ConnectEmail): say what it is.
            if (at < 0) return PhoneNumberRule.Check(value) is null ? "the @ is missing: it is a phone number; Send-ConnectSms sends to numbers" : "the @ is missing";
            if (value.IndexOf('@', at + 1) >= 0) return "it has more than one @";

            // The part before the @ is value[0, at); the domain is value[at + 1, end).
            if (at == 0) return "nothing before the @";
            if (at > 64) return "the part before the @ is longer than 64 characters";
            if (value[0] == '.' || value[at - 1] == '.' || value.IndexOf("..", 0, at, System.StringComparison.Ordinal) >= 0)
                return "the part before the @ has a misplaced dot";
            if (value.IndexOfAny(NeedQuoting, 0, at) >= 0) return "the part before the @ has a character that needs quoting";
            // A zero-width space or a BOM pasted from a web page or a spreadsheet: the address looks right in
            // every console and log, but is not the one the person has (the domain's own check refuses them).
            var invisible = IndexOfInvisible(value, at);
            if (invisible >= 0)
                return "the part before the @ contains an invisible or control character, U+" +
                    ((int)value[invisible]).ToString("X4", CultureInfo.InvariantCulture) + " at position " +
                    (invisible + 1).ToString(CultureInfo.InvariantCulture);
            var domain = at + 1;
            if (domain == value.Length) return "nothing after the @";

            if (value.IndexOf('.', domain) < 0) return "the domain has no dot";
            // Every label is looked at for an empty one before any is looked at for its characters, as the checks always were.
            for (var label = domain; ; )
            {
                var dot = value.IndexOf('.', label);
                if ((dot < 0 ? value.Length : dot) == label) return "the domain has a misplaced dot";
                if (dot < 0) break;
                label = dot + 1;
            }
            var topLevel = domain;
            for (var label = domain; ; )
            {
                var dot = value.IndexOf('.', label);
                var end = dot < 0 ? value.Length : dot;
                if (!IsDomainLabel(value, label, end)) return "the domain has an invalid character or label";
                if (dot < 0) break;
                label = topLevel = dot + 1;
            }
            if (value.Length - topLevel < 2 || AllDigits(value, topLevel)) return "the domain does not end with a top-level domain";
            return null;
        }

        private static readonly char[] NeedQuoting = "(),:;[]\\\"".ToCharArray();

        private static bool HasWhiteSpace(string text)
        {
            for (var i = 0; i < text.Length; i++)
                if (char.IsWhiteSpace(text[i])) return true;
            return false;
        }

        /// <summary>value[start, end) is at most 63 letters, digits and hyphens, neither first nor last a hyphen.</summary>
        private static bool IsDomainLabel(string value, int start, int end)
        {
            if (end - start > 63 || value[start] == '-' || value[end - 1] == '-') return false;
            for (var i = start; i < end; i++)
                if (!char.IsLetterOrDigit(value[i]) && value[i] != '-') return false;
            return true;
        }

        private static bool AllDigits(string value, int start)
        {
            for (var i = start; i < value.Length; i++)
                if (!char.IsDigit(value[i])) return false;
            return true;
        }

        /// <summary>The first invisible character of text[0, end), or -1.</summary>
        private static int IndexOfInvisible(string text, int end)
        {
            for (var i = 0; i < end; i++)
            {
                // A whole surrogate pair is one visible character (an emoji); only a lone half counts as invisible.
                if (char.IsHighSurrogate(text[i]) && i + 1 < end && char.IsLowSurrogate(text[i + 1])) i++;
                else if (InputEcho.IsInvisible(text[i])) return i;
            }
            return -1;
        }
    }
}
