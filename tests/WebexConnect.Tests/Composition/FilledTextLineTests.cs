using System.Collections.Generic;
using WebexConnect.Composition;
using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    public class FilledTextLineTests
    {
        private static Recipient Row(string name) =>
            new Recipient("ann@example.com", null, new Dictionary<string, string> { ["Name"] = name, ["Title"] = "" });

        [Fact]
        public void A_personalised_row_is_its_filled_subject_and_text_start_cut_to_fit_80_columns_after_What_if()
        {
            var email = new EmailMessage { Subject = "Hi $(Name)", Text = "Dear $(Name),\r\n\r\nyour appointment is tomorrow at 10:00. Please bring your card." };

            var lines = new FilledTextLine(new SentTexts()).For(email, Row("Ann Smith"), 7);

            var line = Assert.Single(lines);
            Assert.Equal("Row 7: subject 'Hi Ann Smith', text 'Dear Ann Smith, your appointment…'", line);
            Assert.Equal(FilledTextLine.Width, line.Length);
        }

        [Fact]
        public void A_text_that_fits_is_whole_without_a_cut_mark_and_its_double_spaces_stay()
        {
            // An empty $(Title) leaves two spaces: what the admin checks for is shown, not tidied away.
            var email = new EmailMessage { Subject = "Hi", Text = "Dear $(Title) $(Name)" };

            Assert.Equal(new[] { "Row 1: subject 'Hi', text 'Dear  Ann'" }, new FilledTextLine(new SentTexts()).For(email, Row("Ann"), 1));
        }

        [Fact]
        public void A_long_subject_is_shown_whole_and_the_text_start_gets_a_line_of_its_own()
        {
            var email = new EmailMessage
            {
                Subject = "Your appointment reminder for next week, $(Name), from the Riverside clinic",
                Text = "Dear $(Name), your appointment is tomorrow at 10:00 in room 4, on the second floor.",
            };

            var lines = new FilledTextLine(new SentTexts()).For(email, Row("Bob Jones"), 2);

            Assert.Equal(new[]
            {
                "Row 2: subject 'Your appointment reminder for next week, Bob Jones, from the Riverside clinic'",
                "Row 2: text 'Dear Bob Jones, your appointment is tomorrow at 10:00 in…'",
            }, lines);
            Assert.True(lines[1].Length <= FilledTextLine.Width);
        }

        [Fact]
        public void An_email_without_variables_says_nothing_and_a_template_says_once_that_the_service_fills_it()
        {
            var line = new FilledTextLine(new SentTexts());
            Assert.Empty(line.For(new EmailMessage { Subject = "Hi", Text = "Dear all" }, Row("Ann"), 1));

            var template = new EmailMessage { Template = new MessageTemplate { Id = "welcome-1" } };
            Assert.Equal("Template 'welcome-1' is filled in by the service, with each row's values: its subject and text are not known before it sends them.",
                Assert.Single(line.For(template, Row("Ann"), 1)));
            Assert.Empty(line.For(template, Row("Bob"), 2));
        }

        [Fact]
        public void An_html_email_shows_its_html_start_and_an_emoji_is_never_split()
        {
            var email = new EmailMessage { Subject = "Hi $(Name)", Html = "<p>Dear $(Name)</p>" };
            Assert.Equal(new[] { "Row 1: subject 'Hi Ann', HTML '<p>Dear Ann</p>'" }, new FilledTextLine(new SentTexts()).For(email, Row("Ann"), 1));

            var cut = FilledTextLine.Quoted("abcdefg\U0001F600xyz", 11);
            Assert.Equal("'abcdefg…'", cut);
            Assert.Equal("'a\\u001Bb'", FilledTextLine.Quoted("a\u001Bb", 40));
            Assert.DoesNotContain(FilledTextLine.Quoted("x\u202Eevil", 40), c => c == '\u202E');
        }
        [Fact]
        public void A_personalised_sms_row_is_its_filled_text_start_and_its_parts_and_encoding_as_Measure_ConnectSms_counts_them()
        {
            var sms = new SmsMessage { Text = "Dear $(Name), your appointment is tomorrow at 10:00. Reply STOP to opt out." };

            var line = Assert.Single(new FilledTextLine(new SentTexts()).For(sms, Row("Ann Smith"), 1));

            Assert.Equal("Row 1: text 'Dear Ann Smith, your appointment is tomor…' (1 part, Text)", line);
            Assert.Equal(FilledTextLine.Width, line.Length);
        }

        [Fact]
        public void A_name_outside_GSM_7_shows_its_row_as_Unicode_and_a_long_text_its_parts()
        {
            var line = new FilledTextLine(new SentTexts());
            var sms = new SmsMessage { Text = "Hi $(Name), see you" };
            Assert.Equal(new[] { "Row 2: text 'Hi \u0141ukasz, see you' (1 part, Unicode)" }, line.For(sms, Row("\u0141ukasz"), 2));
            Assert.Equal(new[] { "Row 3: text 'Hi Ann, see you' (1 part, Text)" }, line.For(sms, Row("Ann"), 3));

            var longText = new SmsMessage { Text = "Dear $(Name), " + new string('x', 200) };
            var cut = Assert.Single(line.For(longText, Row("Ann"), 4));
            Assert.EndsWith("…' (2 parts, Text)", cut);
            Assert.Equal(FilledTextLine.Width, cut.Length);
        }

        [Fact]
        public void An_sms_without_variables_or_of_a_template_says_nothing()
        {
            var line = new FilledTextLine(new SentTexts());
            Assert.Empty(line.For(new SmsMessage { Text = "Dear customer" }, Row("Ann"), 1));
            Assert.Empty(line.For(new SmsMessage { Template = new MessageTemplate { Id = "t-1" } }, Row("Ann"), 1));
        }

        [Fact]
        public void A_personalised_rcs_text_is_its_filled_text_and_a_card_says_nothing()
        {
            var line = new FilledTextLine(new SentTexts());
            Assert.Equal(new[] { "Row 5: text 'Hi Bob Jones, see you at 10:00'" },
                line.For(new RcsMessage { Text = "Hi $(Name), see you at 10:00" }, Row("Bob Jones"), 5));
            Assert.Empty(line.For(new RcsMessage { Text = "Hi all" }, Row("Bob"), 6));
            Assert.Empty(line.For(new RcsMessage { ContentType = RcsContentType.Standalone, Card = new RcsCard { Title = "Hi $(Name)" } }, Row("Bob"), 7));
        }

        [Fact]
        public void A_personalised_sms_fallback_is_its_filled_text_with_its_parts_and_encoding_beside_the_rcs_text_within_the_width()
        {
            // Before: the line showed the RCS text alone, and a card's row nothing, though a number without RCS gets the fallback.
            var line = new FilledTextLine(new SentTexts());
            Assert.Equal(new[] { "Row 2: fallback 'Hi Bob Jones' (1 part, Text)" },
                line.For(new RcsMessage { Text = "Hi", SmsFallback = true, FallbackSenderId = "ACME", FallbackText = "Hi $(Name)" }, Row("Bob Jones"), 2));
            // A name outside GSM-7 makes the row's fallback Unicode, as Measure-ConnectSms counts it.
            Assert.Equal(new[] { "Row 3: fallback 'Hi Zoë Łukasz' (1 part, Unicode)" },
                line.For(new RcsMessage { ContentType = RcsContentType.Standalone, Card = new RcsCard { Title = "Hi $(Name)" }, SmsFallback = true, FallbackText = "Hi $(Name)" },
                    Row("Zoë Łukasz"), 3));

            var long_ = "Hi $(Name), your parcel arrives tomorrow between 10:00 and 12:00.";
            // Two long texts: the fallback would keep too little beside the RCS text, so it gets a line of its own.
            var both = line.For(new RcsMessage { Text = long_, SmsFallback = true, FallbackText = long_ }, Row("Ann Smith"), 4);
            Assert.Equal(new[]
            {
                "Row 4: text 'Hi Ann Smith, your parcel arrives tomorrow between 10:00…'",
                "Row 4: fallback 'Hi Ann Smith, your parcel arrives tom…' (1 part, Text)",
            }, both);
            Assert.All(both, l => Assert.True(l.Length <= FilledTextLine.Width));
            // A short RCS text leaves the fallback the rest of the line.
            var shortText = Assert.Single(line.For(new RcsMessage { Text = "Hi $(Name)", SmsFallback = true, FallbackText = long_ }, Row("Ann"), 5));
            Assert.Equal("Row 5: text 'Hi Ann', fallback 'Hi Ann, your parcel ar…' (1 part, Text)", shortText);
            Assert.True(shortText.Length <= FilledTextLine.Width);
        }

        [Fact]
        public void A_fallback_without_a_variable_or_without_SmsFallback_adds_nothing()
        {
            var line = new FilledTextLine(new SentTexts());
            Assert.Equal(new[] { "Row 1: text 'Hi Bob'" },
                line.For(new RcsMessage { Text = "Hi $(Name)", SmsFallback = true, FallbackText = "Hi there" }, Row("Bob"), 1));
            // No -SmsFallback: the fallback text is not sent (SmsTextOf), so not shown.
            Assert.Empty(line.For(new RcsMessage { Text = "Hi", FallbackText = "Hi $(Name)" }, Row("Bob"), 2));
        }
    }
}
