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

        private static readonly string TextRequired = CommonRules.Missing("the SMS has no text", "-Text or a Text column");

        // GSM 03.38 has line feed and carriage return in its basic set and form feed (a page break) among its
        // extension characters: an SMS may carry them. Tab is neither, and nothing else below U+0020 is.
        private const string GsmControls = "\n\r\f";

        internal static void Check(SmsMessage message, ProblemList problems)
        {
            if (SenderIdRule.CheckSms(message.From) is string senderProblem)
                problems.Add("From", senderProblem);

            var hasText = !string.IsNullOrEmpty(message.Text);
            if (message.Template is not null)
            {
                if (hasText) problems.Add("Text", "Text and a template were both given: use one of them, not both");
            }
            else if (!hasText)
            {
                problems.Add("Text", TextRequired);
            }

            if (hasText)
            {
                CheckText(message.Text!, message.Encoding, problems);
                BodyFileName.Check(message.Text, "Text", "the SMS text", "the SMS", problems);
            }

            CommonRules.CheckLine(message.Domain, "Domain", problems);
            CommonRules.CheckLine(message.Tag1, "Tag1", problems);
            CommonRules.CheckLine(message.Tag2, "Tag2", problems);

            if (message.ShortenLinks == true && string.IsNullOrWhiteSpace(message.Domain))
                problems.Add("Domain", "-ShortenLinks needs -LinkDomain: the short-link domain configured for the tenant");
        }

        /// <summary>
        /// Every rule of an SMS text as it will be sent: length, what the encoding can carry, broken characters.
        /// One place for Send-ConnectSms (the shared text, and each recipient's text after substitution) and
        /// Measure-ConnectSms, so both refuse the same texts with the same words. A recipient's own text gives
        /// " after substitution" as <c>after</c>: its length is not what the admin typed.
        /// </summary>
        internal static void CheckText(string text, SmsEncoding encoding, ProblemList problems, string field = "Text", string after = "")
        {
            if (string.IsNullOrWhiteSpace(text))
                CommonRules.AddOnlyWhiteSpace(problems, field, field, "the message text");
            if (text.Length > MaxTextCharacters)
                problems.Add(field, CommonRules.TooLong(text, MaxTextCharacters, after));
            if (encoding == SmsEncoding.Text)
            {
                var nonGsm = SmsCalculator.Measure(text, SmsEncoding.Text).UnicodeCharacters;
                if (nonGsm.Count > 0)
                    problems.Add(field,
                        $"Text encoding (GSM-7) cannot carry {NamedCharacters(nonGsm)}: " +
                        "use Encoding Auto or Unicode, or replace those characters");
            }
            CommonRules.CheckCharacters(text, field, problems, allowedControls: GsmControls);
        }

        /// <summary>The problems Send-ConnectSms would report for this text alone (Measure-ConnectSms's Reason).</summary>
        internal static IReadOnlyList<ValidationProblem> TextProblems(string? text, SmsEncoding encoding)
        {
            var problems = new ProblemList();
            if (string.IsNullOrEmpty(text)) problems.Add("Text", TextRequired);
            else CheckText(text!, encoding, problems);
            return problems.ToList();
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
