using System.Collections.Generic;
using WebexConnect.Composition;
using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    public class FilledEmailLineTests
    {
        private static Recipient Row(string name) =>
            new Recipient("ann@example.com", null, new Dictionary<string, string> { ["Name"] = name, ["Title"] = "" });

        [Fact]
        public void A_personalised_row_is_its_filled_subject_and_text_start_cut_to_fit_80_columns_after_What_if()
        {
            var email = new EmailMessage { Subject = "Hi $(Name)", Text = "Dear $(Name),\r\n\r\nyour appointment is tomorrow at 10:00. Please bring your card." };

            var lines = new FilledEmailLine(new SentTexts()).For(email, Row("Ann Smith"), 7);

            var line = Assert.Single(lines);
            Assert.Equal("Row 7: subject 'Hi Ann Smith', text 'Dear Ann Smith, your appointment…'", line);
            Assert.Equal(FilledEmailLine.Width, line.Length);
        }

        [Fact]
        public void A_text_that_fits_is_whole_without_a_cut_mark_and_its_double_spaces_stay()
        {
            // An empty $(Title) leaves two spaces: what the admin checks for is shown, not tidied away.
            var email = new EmailMessage { Subject = "Hi", Text = "Dear $(Title) $(Name)" };

            Assert.Equal(new[] { "Row 1: subject 'Hi', text 'Dear  Ann'" }, new FilledEmailLine(new SentTexts()).For(email, Row("Ann"), 1));
        }

        [Fact]
        public void A_long_subject_is_shown_whole_and_the_text_start_gets_a_line_of_its_own()
        {
            var email = new EmailMessage
            {
                Subject = "Your appointment reminder for next week, $(Name), from the Riverside clinic",
                Text = "Dear $(Name), your appointment is tomorrow at 10:00 in room 4, on the second floor.",
            };

            var lines = new FilledEmailLine(new SentTexts()).For(email, Row("Bob Jones"), 2);

            Assert.Equal(new[]
            {
                "Row 2: subject 'Your appointment reminder for next week, Bob Jones, from the Riverside clinic'",
                "Row 2: text 'Dear Bob Jones, your appointment is tomorrow at 10:00 in…'",
            }, lines);
            Assert.True(lines[1].Length <= FilledEmailLine.Width);
        }

        [Fact]
        public void An_email_without_variables_says_nothing_and_a_template_says_once_that_the_service_fills_it()
        {
            var line = new FilledEmailLine(new SentTexts());
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
            Assert.Equal(new[] { "Row 1: subject 'Hi Ann', HTML '<p>Dear Ann</p>'" }, new FilledEmailLine(new SentTexts()).For(email, Row("Ann"), 1));

            var cut = FilledEmailLine.Quoted("abcdefg\U0001F600xyz", 11);
            Assert.Equal("'abcdefg…'", cut);
            Assert.Equal("'a\\u001Bb'", FilledEmailLine.Quoted("a\u001Bb", 40));
            Assert.DoesNotContain(FilledEmailLine.Quoted("x\u202Eevil", 40), c => c == '\u202E');
        }
    }
}
