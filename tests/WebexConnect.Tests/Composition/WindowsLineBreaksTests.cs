using WebexConnect.Composition;
using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>
    /// A here-string from a script saved on Windows ends its lines with CR LF, two characters each: when LF alone would
    /// need fewer parts, the run says so once. Before, only each result's Parts showed it, after the run.
    /// </summary>
    public sealed class WindowsLineBreaksTests
    {
        // 161 characters with CR LF (2 parts), 159 with LF (1 part).
        private const string Reminder = "Dear customer, your appointment is on Monday at 10:00.\r\nPlease bring your ID cards and our letter.\r\n" +
            "Call 0300 123 4567 if you cannot come. Reply STOP to opt out.";

        private static SmsMessage Sms(string text, SmsEncoding encoding = SmsEncoding.Auto) =>
            new SmsMessage { From = "ACME", Text = text, Encoding = encoding };

        [Fact]
        public void Line_breaks_that_cost_a_part_are_named_with_how_to_send_the_text_in_fewer()
        {
            var warning = new WindowsLineBreaks().WarningFor(Sms(Reminder), 3);

            Assert.Equal("Row 3: the text's 2 line breaks are Windows' CR LF (a script or file saved on Windows), two characters each, " +
                "so it is 2 parts an SMS where LF alone makes it 1 part. Send it as (<text> -replace \"`r`n\", \"`n\") to pay for 1 part " +
                "(with -WarningAction Stop the command stops here instead, before this row).", warning);
        }

        [Fact]
        public void A_unicode_text_is_measured_in_its_own_parts()
        {
            // 70 UCS-2 characters a part: 69 + CR LF is 71 (2 parts), with LF 70 (1).
            var text = "Zażółć gęślą jaźń,\r\n" + new string('x', 69 - "Zażółć gęślą jaźń,".Length);

            Assert.Contains("so it is 2 parts an SMS where LF alone makes it 1 part.", new WindowsLineBreaks().WarningFor(Sms(text), 1));
        }

        [Fact]
        public void It_is_said_once_a_run()
        {
            var warnings = new WindowsLineBreaks();

            Assert.NotNull(warnings.WarningFor(Sms(Reminder), 1));
            Assert.Null(warnings.WarningFor(Sms(Reminder + " "), 2));
        }

        [Theory]
        [InlineData("Hello,\r\nsee you on Monday.")]                                           // short: one part either way
        [InlineData("Dear customer, your appointment is on Monday at 10:00.\nPlease bring your ID cards and our letter.\n" +
                    "Call 0300 123 4567 if you cannot come. Reply STOP to opt out.")]         // LF already
        [InlineData("Dear customer, your appointment is on Monday at 10:00.\rPlease bring your ID cards and our letter.\r" +
                    "Call 0300 123 4567 if you cannot come. Reply STOP to opt out. Thanks!")] // CR alone: not Windows' pair
        public void A_text_that_would_cost_the_same_is_not_warned_about(string text) =>
            Assert.Null(new WindowsLineBreaks().WarningFor(Sms(text), 1));

        [Fact]
        public void A_template_is_not_measured() =>
            Assert.Null(new WindowsLineBreaks().WarningFor(new SmsMessage { From = "ACME", Template = new MessageTemplate { Id = "tpl-1" } }, 1));

        [Fact]
        public void An_rcs_messages_sms_fallback_is_warned_about_as_the_fallback_text()
        {
            var rcs = new RcsMessage { From = "app-1", Text = "See our offer", SmsFallback = true, FallbackSenderId = "ACME", FallbackText = Reminder };

            Assert.StartsWith("Row 2: the fallback text's 2 line breaks are Windows' CR LF", new WindowsLineBreaks().WarningFor(rcs, 2));
        }

        [Fact]
        public void An_rcs_text_without_an_sms_fallback_is_no_sms_and_not_measured()
        {
            Assert.Null(new WindowsLineBreaks().WarningFor(new RcsMessage { From = "app-1", Text = Reminder }, 1));
            Assert.Null(new WindowsLineBreaks().WarningFor(new RcsMessage { From = "app-1", Text = "Hi", FallbackText = Reminder }, 1));
        }
    }
}
