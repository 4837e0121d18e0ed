using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using WebexConnect.Messages;
using WebexConnect.Messages.Sms;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// Warns, once per run, when an SMS text goes out as Unicode, in more parts, only because of the characters a word
    /// processor puts in place of plain ones: Word's ’ “ ” – … and no-break space, a web page's zero-width space. An admin
    /// who writes the text in Word and pastes it in a script sends every row as Unicode, 70 characters a part instead
    /// of 160: a 100-character reminder is billed twice. Before, only each result's Parts said so, after the run. The same
    /// for an RCS message's SMS fallback, which has no -Encoding: it goes out as the service finds best.
    /// </summary>
    /// <remarks>
    /// Said only when every character that forces Unicode has a plain GSM-7 stand-in and the text with them would need
    /// fewer parts: a Polish name, an emoji or a short text whose cost would not change are not warned about. Looks at
    /// the text as written (its $(name) variables unfilled), once per text. -Encoding Unicode (sending as written on
    /// purpose) is never warned about; -Encoding Text refuses such a text anyway.
    /// </remarks>
    internal sealed class TypographicCharacters
    {
        /// <summary>The typographic characters and what GSM-7 writes instead ("" for one that prints as nothing).</summary>
        private static readonly Dictionary<string, string> PlainStandIns = new Dictionary<string, string>
        {
            ["\u2018"] = "'", ["\u2019"] = "'", ["\u201A"] = "'", ["\u201B"] = "'", ["\u2032"] = "'",
            ["\u201C"] = "\"", ["\u201D"] = "\"", ["\u201E"] = "\"", ["\u201F"] = "\"", ["\u2033"] = "\"",
            ["\u2010"] = "-", ["\u2011"] = "-", ["\u2012"] = "-", ["\u2013"] = "-", ["\u2014"] = "-", ["\u2015"] = "-", ["\u2212"] = "-",
            ["\u2026"] = "...",
            ["\u00A0"] = " ", ["\u202F"] = " ", ["\u2007"] = " ", ["\u2009"] = " ", ["\u200A"] = " ", ["\u2002"] = " ", ["\u2003"] = " ",
            ["\u200B"] = "", ["\u2060"] = "", ["\uFEFF"] = "", ["\u00AD"] = "",
        };

        private static readonly char[] Typographic = PlainStandIns.Keys.Select(k => k[0]).ToArray();

        private bool _warned;
        private string? _checkedText;

        /// <summary>The warning for row <paramref name="row"/>, or null (nothing to say, or already said this run).</summary>
        public string? WarningFor(ConnectMessage message, long row)
        {
            if (_warned || SmsTextOf.Of(message) is not { Encoding: SmsEncoding.Auto } sms || ReferenceEquals(sms.Text, _checkedText)) return null;
            var text = sms.Text;
            _checkedText = text;
            // A Text column gives each row its own text: the usual one, without any of them, costs one scan and nothing made.
            if (text.IndexOfAny(Typographic) < 0) return null;

            var written = SmsCalculator.Measure(text);
            if (written.Encoding != SmsEncoding.Unicode || !written.UnicodeCharacters.All(PlainStandIns.ContainsKey)) return null;
            var plain = SmsCalculator.Measure(Plain(text));
            if (plain.Encoding != SmsEncoding.Text || plain.Parts >= written.Parts) return null;

            _warned = true;
            var replacements = string.Join(", ", written.UnicodeCharacters.Select(c => "'" + InputEcho.Character(c) + "' with " + Named(PlainStandIns[c])));
            return "Row " + row.ToString(CultureInfo.InvariantCulture) + ": the " + sms.Name + " goes out as Unicode, " + Counted.Of(written.Parts, "part") +
                " an SMS as written, only because of typographic characters from a word processor or a web page. Replace " +
                replacements + " and it is GSM-7, " + Counted.Of(plain.Parts, "part") +
                // The parenthesis closes the sentence before it: "1 part. (with ...)." read as a stray fragment.
                (sms.HasEncodingParameter ? ". Give -Encoding Unicode to send it as written without this warning" : "") +
                " (with -WarningAction Stop the command stops here instead, before this row).";
        }

        /// <summary>A stand-in by name: "with '''" read as three quotes, "with ' '" as a typo.</summary>
        private static string Named(string plain) => plain switch
        {
            "" => "nothing",
            " " => "a space",
            "'" => "an apostrophe (')",
            "\"" => "a straight quote (\")",
            "-" => "a hyphen (-)",
            _ => "'" + plain + "'",
        };

        private static string Plain(string text)
        {
            var plain = new StringBuilder(text.Length + 8);
            foreach (var c in text)
            {
                if (Array.IndexOf(Typographic, c) >= 0) plain.Append(PlainStandIns[c.ToString()]);
                else plain.Append(c);
            }
            return plain.ToString();
        }
    }
}
