using WebexConnect.Composition;
using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>
    /// A text pasted from Word goes out as Unicode in more parts only because of its typographic characters: the run says
    /// so once, naming each character and its plain stand-in. Before, only each result's Parts showed it, after the run.
    /// </summary>
    public sealed class TypographicCharactersTests
    {
        // 100 characters: Unicode is 2 parts, GSM-7 1.
        private const string Reminder = "Your appointment is tomorrow \u2013 don\u2019t be late\u2026 Call 0300 123 4567 if you can\u2019t make it. Thanks!";

        private static SmsMessage Sms(string text, SmsEncoding encoding = SmsEncoding.Auto) =>
            new SmsMessage { From = "ACME", Text = text, Encoding = encoding };

        [Fact]
        public void A_word_processors_characters_that_double_the_parts_are_named_with_their_stand_ins()
        {
            var warning = new TypographicCharacters().WarningFor(Sms(Reminder), 1);

            Assert.Equal("Row 1: the text goes out as Unicode, 2 parts an SMS as written, only because of typographic characters from a " +
                "word processor or a web page. Replace '\u2013' with a hyphen (-), '\u2019' with an apostrophe ('), '\u2026' with '...' and it is GSM-7, 1 part. " +
                "Give -Encoding Unicode to send it as written without this warning (with -WarningAction Stop the command stops here " +
                "instead, before this row).", warning);
        }

        [Fact]
        public void Invisible_and_space_characters_are_named_by_code_point()
        {
            var text = Reminder.Replace("\u2013", "-").Replace("\u2019", "'").Replace("\u2026", ".").Replace("0300 ", "0300\u00A0").Replace("if", "i\u200Bf");

            var warning = new TypographicCharacters().WarningFor(Sms(text), 4);

            Assert.Contains("Replace '\\u00A0' with a space, '\\u200B' with nothing and it is GSM-7, 1 part.", warning);
        }

        [Fact]
        public void It_is_said_once_a_run()
        {
            var warnings = new TypographicCharacters();

            Assert.NotNull(warnings.WarningFor(Sms(Reminder), 1));
            Assert.Null(warnings.WarningFor(Sms(Reminder + " "), 2));
        }

        [Theory]
        [InlineData("Don\u2019t be late \u2013 see you!")]                                   // short: one part either way
        [InlineData("Za\u017C\u00F3\u0142\u0107 g\u0119\u015Bl\u0105 ja\u017A\u0144 \u2013 " + "x" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")] // Polish: Unicode anyway
        [InlineData("Your appointment is tomorrow \u2013 see you then \U0001F600 and don\u2019t forget your papers please, thank you")] // an emoji: Unicode anyway
        [InlineData("Your appointment is tomorrow - don't be late... Call 0300 123 4567 if you can't make it. Thanks!")]     // plain already
        public void A_text_that_would_cost_the_same_is_not_warned_about(string text) =>
            Assert.Null(new TypographicCharacters().WarningFor(Sms(text), 1));

        [Fact]
        public void A_text_sent_as_unicode_on_purpose_is_not_warned_about() =>
            Assert.Null(new TypographicCharacters().WarningFor(Sms(Reminder, SmsEncoding.Unicode), 1));

        [Fact]
        public void An_rcs_messages_sms_fallback_is_warned_about_without_an_encoding_it_cannot_be_given()
        {
            var rcs = new RcsMessage { From = "app-1", Text = "See our offer", SmsFallback = true, FallbackSenderId = "ACME", FallbackText = Reminder };

            var warning = new TypographicCharacters().WarningFor(rcs, 1);

            Assert.StartsWith("Row 1: the fallback text goes out as Unicode, 2 parts an SMS as written", warning);
            // Send-ConnectRcs has no -Encoding: the fallback goes out as the service finds best.
            Assert.EndsWith("and it is GSM-7, 1 part (with -WarningAction Stop the command stops here instead, before this row).", warning);
        }
    }
}
