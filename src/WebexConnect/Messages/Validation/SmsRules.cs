using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Messages.Sms;

namespace WebexConnect.Messages.Validation
{
    /// <summary>The rules of an SMS: text or template, length, encoding, sender and link options.</summary>
    internal static class SmsRules
    {
        // Counted in UTF-16 code units (an emoji counts 2): the stricter reading of "4000 characters", so a
        // text we accept is never refused by the API with 7107.
        internal const int MaxTextCharacters = 4000;

        // GSM 03.38 has line feed and carriage return in its basic set and form feed (a page break) among its
        // extension characters: an SMS may carry them. Tab is neither, and nothing else below U+0020 is.
        private const string GsmControls = "\n\r\f";

        internal static void Check(SmsMessage message, ProblemList problems)
        {
            if (message.From.StartsWith("+", StringComparison.Ordinal))
                problems.Add("From", $"{InputEcho.Quote(message.From)} starts with +: write a long code as digits only (e.g. 447700900123)");
            else if (SenderIdRule.CheckSms(message.From) is string senderProblem)
                problems.Add("From", senderProblem);

            var hasText = !string.IsNullOrEmpty(message.Text);
            if (message.Template is not null)
            {
                if (hasText) problems.Add("Text", "Text and a template were both given: use one of them, not both");
            }
            else if (!hasText)
            {
                problems.Add("Text", "Text is required (or give a template)");
            }

            if (hasText && string.IsNullOrWhiteSpace(message.Text))
                problems.Add("Text", CommonRules.OnlyWhiteSpace("Text", "the message text"));

            if (hasText)
            {
                var text = message.Text!;
                if (text.Length > MaxTextCharacters)
                    problems.Add("Text", CommonRules.TooLong(text.Length, MaxTextCharacters));
                if (message.Encoding == SmsEncoding.Text)
                {
                    var nonGsm = SmsCalculator.Measure(text, SmsEncoding.Text).UnicodeCharacters;
                    if (nonGsm.Count > 0)
                        problems.Add("Text",
                            $"Text encoding (GSM-7) cannot carry {NamedCharacters(nonGsm)}: " +
                            "use Encoding Auto or Unicode, or replace those characters");
                }
            }

            CommonRules.CheckCharacters(message.Text, "Text", problems, allowedControls: GsmControls);
            CommonRules.CheckLine(message.Domain, "Domain", problems);
            CommonRules.CheckLine(message.Tag1, "Tag1", problems);
            CommonRules.CheckLine(message.Tag2, "Tag2", problems);

            if (message.ShortenLinks == true && string.IsNullOrWhiteSpace(message.Domain))
                problems.Add("Domain", "ShortenLinks needs the short-link Domain configured for the tenant");
        }

        /// <summary>The first few characters, quoted so invisible ones show, and how many more: one readable line.</summary>
        private static string NamedCharacters(IReadOnlyList<string> characters)
        {
            const int Shown = 10;
            var named = string.Join(" ", characters.Take(Shown).Select(InputEcho.Quote));
            return characters.Count <= Shown ? named : $"{named} and {characters.Count - Shown} more";
        }
    }
}
