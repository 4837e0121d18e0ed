using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using WebexConnect.Engine.Payload;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using Xunit;

namespace WebexConnect.Tests.Payload
{
    /// <summary>
    /// A destination carries only the values of the $(name) variables its message names. Before, every column of a
    /// row that no parameter consumed went to the service with each message: an HR export's birth dates and salaries,
    /// an AD user's manager and employee ID.
    /// </summary>
    public class UsedSubstitutionsTests
    {
        private static Recipient Person() => new Recipient("+447700900001", "row-1", new Dictionary<string, string>
        {
            ["First"] = "Ann",
            ["Code"] = "4411",
            ["Salary"] = "52000",
            ["BirthDate"] = "1984-02-29",
        });

        private static JsonElement Destination(ConnectMessage message, Recipient recipient)
        {
            using var body = JsonDocument.Parse(PayloadWriter.Write(MessageShape.Of(message), new[] { recipient }));
            return body.RootElement.GetProperty("to")[0].Clone();
        }

        private static string[] Sent(JsonElement destination) =>
            destination.TryGetProperty("substitutions", out var values) ? values.EnumerateObject().Select(p => p.Name + "=" + p.Value.GetString()).ToArray() : new string[0];

        [Fact]
        public void An_sms_sends_the_values_its_text_names_and_keeps_the_rest()
        {
            var sms = new SmsMessage { From = "ACME", Text = "Hi $(First), your code is $(Code). $(First)!" };

            Assert.Equal(new[] { "First=Ann", "Code=4411" }, Sent(Destination(sms, Person())));
        }

        [Fact]
        public void A_text_without_variables_sends_no_substitutions_member_at_all()
        {
            var sms = new SmsMessage { From = "ACME", Text = "The office is closed today." };

            Assert.False(Destination(sms, Person()).TryGetProperty("substitutions", out _));
            Assert.Equal("row-1", Destination(sms, Person()).GetProperty("correlationId").GetString());
        }

        [Fact]
        public void Names_count_wherever_the_message_writes_them_subject_html_and_a_chips_url()
        {
            var email = new EmailMessage { From = "hr@example.com", Subject = "For $(First)", Html = "<p>Code $(Code)</p>" };
            var rcs = new RcsMessage
            {
                From = "app",
                Text = "Your payslip",
                Suggestions = new[] { new RcsSuggestion { Type = RcsSuggestionType.OpenUrl, DisplayText = "Open", PostbackData = "open", Url = "https://example.com/p?b=$(BirthDate)" } },
            };

            Assert.Equal(new[] { "First=Ann", "Code=4411" }, Sent(Destination(email, Person())));
            Assert.Equal(new[] { "BirthDate=1984-02-29" }, Sent(Destination(rcs, Person())));
        }

        [Fact]
        public void A_template_gets_every_value_since_its_text_is_in_Webex_Connect()
        {
            var sms = new SmsMessage { From = "ACME", Template = new MessageTemplate { Id = "tpl-1" } };

            Assert.Equal(4, Sent(Destination(sms, Person())).Length);
        }

        [Fact]
        public void A_channel_the_module_does_not_know_or_a_template_inside_content_gets_every_value()
        {
            var whatsApp = new RawMessage("whatsapp") { From = "wa", Content = RawJson.Normalize("{\"type\":\"text\",\"text\":\"Hi $(First)\"}") };
            var rawSms = new RawMessage("sms") { From = "ACME", Content = RawJson.Normalize("{\"type\":\"template\",\"template\":{\"id\":\"t\"}}") };

            Assert.Equal(4, Sent(Destination(whatsApp, Person())).Length);
            Assert.Equal(4, Sent(Destination(rawSms, Person())).Length);
        }

        [Fact]
        public void Names_match_exactly_as_the_service_matches_them()
        {
            var sms = new SmsMessage { From = "ACME", Text = "Hi $(first)" };

            Assert.Empty(Sent(Destination(sms, Person())));
        }

        // Before: a notes column holding Excel's in-cell line break (U+000B) made its row Invalid, though no text named
        // it and it never left this computer.
        [Fact]
        public void A_column_no_request_carries_cannot_make_its_row_invalid_and_a_template_still_checks_every_one()
        {
            var recipient = new Recipient("+447700900001", null, new Dictionary<string, string> { ["Name"] = "Ann", ["Notes"] = "line one\vline two" });
            var text = new SmsMessage { From = "ACME", Text = "Hi $(Name)" };
            var template = new SmsMessage { From = "ACME", Template = new MessageTemplate { Id = "tpl-1" } };

            Assert.Empty(MessageValidator.ValidateRecipient(text, recipient, MessageShape.Of(text).UsedSubstitutions));
            var problem = Assert.Single(MessageValidator.ValidateRecipient(template, recipient, MessageShape.Of(template).UsedSubstitutions));
            Assert.Equal("Substitutions", problem.Field);
            Assert.Contains("the value of 'Notes'", problem.Message);
        }

        [Fact]
        public void What_people_see_with_PayloadOnly_is_what_travels()
        {
            var sms = new SmsMessage { From = "ACME", Text = "Hi $(First)" };

            using var rendered = JsonDocument.Parse(PayloadWriter.Render(sms, new[] { Person() }));

            Assert.Equal(new[] { "First=Ann" }, Sent(rendered.RootElement.GetProperty("to")[0]));
        }
    }
}
