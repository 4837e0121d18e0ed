using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace WebexConnect.Messages.Validation
{
    /// <summary>
    /// The E.164 rule the API enforces (error 7041): "+", then the country code and the number, at most 15
    /// digits in all, the first 1-9. E.164 sets no minimum beyond a country code with a number after it
    /// (some territories have 4-digit numbers: +683 4002 is 7 digits in all), so neither does this rule. A
    /// number that breaks it is reported with what is wrong, never rewritten: guessing a country code sends
    /// to a stranger.
    /// </summary>
    internal static class PhoneNumberRule
    {
        private const string Example = "+447700900123";
        private const string Shape = "use + and up to 15 digits, no spaces";
        private const string UkCountryCode = "44";

        /// <summary>A country code and at least one digit after it.</summary>
        internal const int MinDigits = 2;

        /// <summary>
        /// Fewer digits than this, and no +, is too short to be a number written another way (nationally, with 00, without the +):
        /// the shortest numbers in use have 4 digits after the country code (+683 4002).
        /// </summary>
        private const int MinNumberDigits = 4;

        /// <summary>The most digits a number written for calls within its country has after its 0 (a UK number has 10).</summary>
        private const int MaxNationalDigits = 10;
        internal const int MaxDigits = 15;

        /// <summary>Null when the number is valid, else the message that says what is wrong.</summary>
        internal static string? Check(string? number) => IsPlainE164(number) ? null : WhatIsWrong(number);

        // A method of its own: the lambdas' capture below made a closure on entry, for every row's good number too.
        private static string? WhatIsWrong(string? number)
        {
            if (string.IsNullOrWhiteSpace(number))
                return "the number is empty: " + Shape + " (e.g. " + Example + ")";

            var value = number!;
            // An email address in a number column (or an Email column piped to Send-ConnectSms): the list of what is
            // wrong with it as a number (letters, separators, no digits...) would not say what happened.
            if (value.IndexOf('@') > 0 && EmailAddressRule.Check(value) is null)
                return $"{InputEcho.Quote(value)} is not an E.164 number but an email address: {Shape} (e.g. {Example}), " +
                    "or send it email with Send-ConnectEmail";

            // "+447700900001, +447700900002" in one cell: several numbers, each of them good.
            if (SeveralIn(value, IsPlainE164) is int count)
                return $"{InputEcho.Quote(value)} holds {count} numbers, " + (IsLines(value)
                    ? "one a line, not one: " + LinesAdvice("message")
                    : "not one: give each its own row, or pass them as a list (-To '+447700900001', '+447700900002') to send the same message to all of them");

            // Excel shows a long number column as 4.47701E+11 and saves it so in a CSV: the digits past the
            // mantissa are gone, so no number can be suggested, only where to fix it.
            if (IsScientificNotation(value.Trim()))
                return $"{InputEcho.Quote(value)} is not an E.164 number but a number in scientific notation, as Excel saves a " +
                    "long number (digits may be lost): format the column as Text in Excel, write the numbers with + and up to " +
                    $"15 digits (e.g. {Example}), and save the CSV again";

            var reasons = new List<string>();
            // "tel:+44..." as a web page's link, Teams or an Outlook contact export gives it: the scheme, not letters in the number.
            var hasScheme = StartsWithTelScheme(value);
            if (hasScheme)
            {
                reasons.Add("it starts with tel:");
                value = value.Substring(value.IndexOf(':') + 1);
            }
            // "'+447700900123" and "="+447700900123"": the marks a spreadsheet keeps a number as text with, written into the
            // cell by an export (HR and CRM systems put ' before a cell that starts with + so that no spreadsheet runs it as
            // a formula) or typed by hand. Before: "it contains other characters ('''), the + is missing" for a number whose
            // + is there, and the generic example: now the mark is named, and the number without it is the example.
            if (TextMark(value) is (string mark, string remainder))
            {
                reasons.Add(mark);
                value = remainder;
            }
            // "447700900001.0": a number column written out as decimals (a script's or a database's export of a column with
            // an empty cell). The ".0" is no part of the number: before, its 0 was taken for a digit, and the example the
            // error gave, +4477009000010, was another number.
            var decimals = DecimalsLength(value);
            if (decimals > 0)
            {
                reasons.Add("it ends in " + value.Substring(value.Length - decimals) + " as a decimal number");
                value = value.Substring(0, value.Length - decimals);
            }
            if (value.Any(char.IsWhiteSpace)) reasons.Add("it contains spaces");
            if (value.Any(IsSeparator)) reasons.Add("it contains separators");
            var hasLetters = value.Any(char.IsLetter);
            if (hasLetters) reasons.Add("it contains letters");
            // Directional marks (U+200E, U+202A-E), zero-width spaces and BOMs come with numbers copied from Outlook, phone
            // apps and web pages: they print as nothing, so they are named by code point, and the digits can still be shown.
            var invisible = value.Where(c => InputEcho.IsInvisible(c) && !char.IsWhiteSpace(c)).Distinct().ToList();
            if (invisible.Count > 0) reasons.Add("it contains invisible characters (" + Named(invisible) + ")");
            var others = value.Where(c => !char.IsWhiteSpace(c) && !char.IsLetterOrDigit(c) && c != '+' && c != FullWidthPlus
                && !IsSeparator(c) && !invisible.Contains(c)).Distinct().ToList();
            var hasOtherCharacters = others.Count > 0;
            if (hasOtherCharacters) reasons.Add("it contains other characters (" + Named(others) + ")");
            // The full-width + of an East Asian keyboard is plainly the +, named as such the way full-width digits are (before,
            // "other characters ('＋')", as if it were a stray symbol): it does not stop the guess below.
            if (value.IndexOf(FullWidthPlus) >= 0) reasons.Add("its + is the full-width " + InputEcho.Quote(FullWidthPlus.ToString()) + ", not the plain ASCII +");
            // Full-width or other-script digits (pasted from some spreadsheets) look like digits but are not
            // the ones the API takes; counting only 0-9 would report "0 digits" for a number the user can see.
            var hasOtherDigits = value.Any(c => char.IsDigit(c) && !IsAsciiDigit(c));
            if (hasOtherDigits) reasons.Add("its digits are not plain ASCII digits (0-9)");

            // "+44 (0)7700 900123": the (0) is the national trunk prefix, never dialled from abroad.
            var withoutTrunk = value.Replace("(0)", "");
            if (withoutTrunk.Length != value.Length) reasons.Add("the (0) must be left out");

            // What the number starts with once the characters that print as nothing are passed over: "\u200E+44..." has its +.
            var trimmed = new string(value.SkipWhile(c => char.IsWhiteSpace(c) || InputEcho.IsInvisible(c)).ToArray());
            // Every digit as its 0-9 value: full-width or Arabic-Indic digits count as the digits the admin sees.
            var digits = new string(withoutTrunk.Where(char.IsDigit).Select(AsAsciiDigit).ToArray());
            var countryDigits = digits;
            var plusMissing = false;
            var national = false;
            var hasPlus = trimmed.StartsWith("+", System.StringComparison.Ordinal) || (trimmed.Length > 0 && trimmed[0] == FullWidthPlus);
            // "0", "1", "00", "12": a cell that holds a count, a flag or a code, not a number written another way. Advice for a
            // national or an international number ("+44 for a UK number", "+12 if the number starts with its country code") misled.
            var tooShort = !hasPlus && digits.Length < MinNumberDigits;
            if (!hasPlus && !tooShort)
            {
                if (digits.StartsWith("00", System.StringComparison.Ordinal))
                {
                    reasons.Add("it starts with 00 instead of +");
                    countryDigits = digits.Substring(2);
                }
                else if (digits.StartsWith("0", System.StringComparison.Ordinal))
                {
                    // "07700 900001": the national way of writing it, the 0 being the trunk prefix, not part of a country code.
                    // Before, it was told "the + is missing, the country code starts with 0", and the admin put a + before the 0.
                    reasons.Add("it is written for calls within its country, with a 0 in front");
                    national = true;
                }
                else
                {
                    reasons.Add("the + is missing");
                    plusMissing = true;
                }
            }
            else if (value.Count(c => c == '+' || c == FullWidthPlus) > 1)
            {
                reasons.Add("it has more than one +");
            }

            // "+0770 900001": a national number with a + put before its 0. The 0 is the trunk prefix, no country code's digit.
            // Not "+0447700900123", whose digits after the 0 are too many for a national number: a country code, a stray 0 before it.
            var plusBeforeTrunk = hasPlus && countryDigits.Length > MinDigits && countryDigits[0] == '0' && countryDigits[1] != '0' &&
                countryDigits.Length - 1 <= MaxNationalDigits;
            if (countryDigits.Length == 0) reasons.Add("it has no digits");
            else if (tooShort) reasons.Add($"it has {digits.Length} {(digits.Length == 1 ? "digit" : "digits")}, too few for a phone number");
            else if (countryDigits.Length < MinDigits) reasons.Add("it has 1 digit, a country code with no number after it");
            else if (countryDigits.Length > MaxDigits) reasons.Add($"it has {countryDigits.Length} digits, more than {MaxDigits}");
            else if (plusBeforeTrunk) reasons.Add("a country code cannot start with 0");
            else if (countryDigits[0] == '0' && !national) reasons.Add("the country code starts with 0");

            if (reasons.Count == 0) return null;

            // When only the layout is wrong and the digits alone would be valid, show them as the example:
            // that is very likely what the user meant, and they correct their data rather than have it
            // silently changed. A letter may be a mistyped digit (O for 0), so then no guess is shown. Digits of
            // another script (+٤٤٧..., ＋４４７... pasted from an Arabic or Japanese source) are shown in 0-9, which
            // the admin can copy; the number is still refused.
            var guessed = !tooShort && !hasLetters && !hasOtherCharacters && countryDigits.Length >= MinDigits && countryDigits.Length <= MaxDigits && countryDigits[0] != '0';
            var suggestion = guessed ? "+" + countryDigits : Example;
            // Without a + (or 00) nothing says the digits start with a country code: "(555) 010-0002" is a US number written
            // the national way, and "+5550100002" alone would send it to Brazil (+55). Say on what condition the guess holds.
            if (guessed && plusMissing) suggestion += " if the number starts with its country code; if not, put the country code after the +";
            // The country is not in the number: show the UK's code, as the generic example does, and say where any code goes.
            if ((national || plusBeforeTrunk) && !hasLetters && !hasOtherCharacters && countryDigits.Length - 1 + UkCountryCode.Length <= MaxDigits)
                suggestion = "+" + UkCountryCode + countryDigits.Substring(1) + " for a UK number: + and the country code in place of the 0";
            var problem = $"{InputEcho.Quote(number!)} is not an E.164 number ({string.Join(", ", reasons)}): {Shape} (e.g. {suggestion})";
            // Digits alone are what a number column gives (a database's bigint, Invoke-Sqlcmd's [long]; a spreadsheet's number):
            // it cannot hold the +, so fixing the data is not the admin's way out. Say how to add it as the rows are sent.
            return guessed && plusMissing && value.All(IsAsciiDigit) ? problem + ". " + NumberColumnAdvice : problem;
        }

        private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';

        /// <summary>
        /// How to send a column of numbers, which holds no +. Both forms were tried in pwsh: the script block is PowerShell's
        /// delay-bind of -To, run for each piped row.
        /// </summary>
        internal const string NumberColumnAdvice =
            "A column of numbers (a database's bigint, a spreadsheet's number) cannot hold the +: add it as the rows are sent, " +
            "-To { '+' + $_.Phone } when piping, -To ('+' + $r.Phone) in a loop";

        /// <summary>A decimal digit of any script as its 0-9 character ('٣' and '３' as '3').</summary>
        private static char AsAsciiDigit(char c) => (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c));

        /// <summary>U+FF0B, the + of an East Asian keyboard: named as a full-width +, not as a missing + or a stray character.</summary>
        private const char FullWidthPlus = '\uFF0B';

        /// <summary>- ( ) . / and the dashes a word processor or a phone app writes (en and em dash, non-breaking hyphen, minus).</summary>
        private static bool IsSeparator(char c) =>
            "-()./".IndexOf(c) >= 0 || c == '\u2212' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation;

        /// <summary>"tel:" (any case), after any characters that print as nothing.</summary>
        private static bool StartsWithTelScheme(string value)
        {
            var start = 0;
            while (start < value.Length && (char.IsWhiteSpace(value[start]) || InputEcho.IsInvisible(value[start]))) start++;
            return string.Compare(value, start, "tel:", 0, 4, System.StringComparison.OrdinalIgnoreCase) == 0;
        }

        /// <summary>
        /// What a spreadsheet's text mark at the start of <paramref name="value"/> is, and the value without it: an apostrophe
        /// ('+447700900123), or a formula that gives the number as text (="+447700900123", =+447700900123). Null when the
        /// value starts with neither.
        /// </summary>
        private static (string Mark, string Remainder)? TextMark(string value)
        {
            var start = 0;
            while (start < value.Length && (char.IsWhiteSpace(value[start]) || InputEcho.IsInvisible(value[start]))) start++;
            if (start >= value.Length || (value[start] != '\'' && value[start] != '=')) return null;
            var rest = value.Substring(start + 1);
            if (value[start] == '\'')
                return ("it starts with the ' that a spreadsheet marks text with", rest);
            var inner = rest.Trim();
            if (inner.Length >= 2 && inner[0] == '"' && inner[inner.Length - 1] == '"')
                return ("it is wrapped in the spreadsheet formula =\"...\"", inner.Substring(1, inner.Length - 2));
            return ("it starts with = as a spreadsheet formula does", rest);
        }

        /// <summary>"'\u200E', '\u202C'": each character quoted, written as \uXXXX when it prints as nothing or as a space.</summary>
        private static string Named(IEnumerable<char> characters) =>
            string.Join(", ", characters.Select(c => InputEcho.Quote(c.ToString())));

        /// <summary>
        /// How many values <paramref name="value"/> holds when it is a list of valid ones separated by commas, semicolons
        /// or white space (what a spreadsheet cell or an Outlook address line looks like); null when it is not.
        /// </summary>
        internal static int? SeveralIn(string value, Func<string, bool> isValid)
        {
            var parts = value.Split(new[] { ',', ';', ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries);
            return parts.Length >= 2 && parts.All(isValid) ? parts.Length : null;
        }

        /// <summary>
        /// Values one a line: a whole file read as one string (Get-Content -Raw, [IO.File]::ReadAllText) and piped as one row.
        /// Before, its line breaks were told as spaces and its values as one number of 24 digits.
        /// </summary>
        internal static bool IsLines(string value) => value.IndexOf('\n') >= 0;

        internal static string LinesAdvice(string what) =>
            "read the file with Get-Content without -Raw, which gives one row a line, or pass them as a list (-To (Get-Content <file>)) " +
            $"to send the same {what} to all of them";

        /// <summary>
        /// The length of the ".0" (or ".00"...) that ends <paramref name="value"/> when the rest is digits after an optional +,
        /// as a number column exported as decimals writes it; 0 otherwise ("0612.34" keeps its digits, "06.12.34.56.00" its dots).
        /// </summary>
        private static int DecimalsLength(string value)
        {
            var dot = value.LastIndexOf('.');
            var start = value.StartsWith("+", System.StringComparison.Ordinal) ? 1 : 0;
            if (dot <= start || dot == value.Length - 1) return 0;
            for (var i = dot + 1; i < value.Length; i++)
                if (value[i] != '0') return 0;
            for (var i = start; i < dot; i++)
                if (!IsAsciiDigit(value[i])) return 0;
            return value.Length - dot;
        }

        /// <summary>"4.47701E+11", "+4.47700900123E+11": a digit, optional decimals, E+ and an exponent.</summary>
        private static bool IsScientificNotation(string value)
        {
            var i = value.StartsWith("+", System.StringComparison.Ordinal) ? 1 : 0;
            if (i >= value.Length || !IsAsciiDigit(value[i++])) return false;
            if (i < value.Length && (value[i] == '.' || value[i] == ','))
            {
                i++;
                while (i < value.Length && IsAsciiDigit(value[i])) i++;
            }
            // "E+" and at least one digit, to the end.
            if (i + 2 >= value.Length || (value[i] != 'E' && value[i] != 'e') || value[i + 1] != '+') return false;
            for (i += 2; i < value.Length; i++)
                if (!IsAsciiDigit(value[i])) return false;
            return true;
        }

        /// <summary>
        /// "+" and 2-15 ASCII digits, the first 1-9: what nearly every row holds, recognised without the
        /// allocations the full diagnosis below makes (it runs for every destination of a run).
        /// </summary>
        private static bool IsPlainE164(string? number)
        {
            if (number is null || number.Length < MinDigits + 1 || number.Length > MaxDigits + 1 || number[0] != '+' || number[1] == '0') return false;
            for (var i = 1; i < number.Length; i++)
            {
                if (!IsAsciiDigit(number[i])) return false;
            }
            return true;
        }
    }
}
