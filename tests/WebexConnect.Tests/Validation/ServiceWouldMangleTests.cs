using System;
using System.Linq;
using WebexConnect.Composition;
using WebexConnect.Commands;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using Xunit;

namespace WebexConnect.Tests.Validation
{
    /// <summary>
    /// Values the service would refuse or mangle are refused before sending, naming the field: control
    /// characters, line breaks in one-line fields, white-space-only content, senders the network cannot
    /// carry, lists where one value is expected. Repeated addresses in one row go once.
    /// </summary>
    public sealed class ServiceWouldMangleTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);

        private static ValidationProblem Single(ConnectMessage message, string field) =>
            Assert.Single(MessageValidator.Validate(message, Now), p => p.Field == field);

        [Theory]
        [InlineData("\u0000", "U+0000")]
        [InlineData("\u001B", "U+001B")]
        [InlineData("\u007F", "U+007F")]
        [InlineData("\u0085", "U+0085")]
        [InlineData("\t", "U+0009")]
        public void A_control_character_in_sms_text_is_named_with_its_position(string control, string name)
        {
            var problem = Single(new SmsMessage { From = "ACME", Text = "ab" + control + "c" }, "Text");
            Assert.Equal($"contains a control character ({name}) at position 3: remove it (control characters are invisible, and the service refuses or mangles them)", problem.Message);
        }

        [Theory]
        [InlineData("Line\nbreak")]
        [InlineData("Line\r\nbreak")]
        [InlineData("Page\fbreak")] // GSM 03.38 has form feed among its extension characters
        public void Line_breaks_and_form_feed_are_sms_text(string text) =>
            Assert.Empty(MessageValidator.Validate(new SmsMessage { From = "ACME", Text = text }, Now));

        [Theory]
        [InlineData("Subject")]
        [InlineData("FromName")]
        [InlineData("UnsubscribeEmailSubject")]
        public void A_line_break_in_a_header_like_email_field_is_refused_as_header_injection(string field)
        {
            var message = new EmailMessage { From = "news@mail.example.com", Subject = "Order", Text = "Hello" };
            const string Injected = "Order\r\nBcc: victim@example.com";
            typeof(EmailMessage).GetProperty(field)!.SetValue(message, Injected);
            var problem = Single(message, field);
            Assert.StartsWith($"contains a line break (U+000D) at position 6: {field} must be one line", problem.Message, StringComparison.Ordinal);
        }

        // Before: "contains a line break (U+000A) at position 14", for a subject read with Get-Content -Raw, whose last
        // line break the admin cannot see; every row of the run was Invalid and nothing said where the break was.
        [Theory]
        [InlineData("Your invoice\n", "U+000A")]
        [InlineData("Your invoice\r\n", "U+000D")]
        public void A_subject_that_ends_with_a_line_break_says_so_and_how_to_trim_it(string subject, string name)
        {
            var message = new EmailMessage { From = "news@mail.example.com", Subject = subject, Text = "Hello" };

            var problem = Single(message, "Subject");

            Assert.Equal($"ends with a line break ({name}): Subject must be one line; remove it (a file read with " +
                "Get-Content -Raw keeps its last line break: (Get-Content subject.txt -Raw).TrimEnd())", problem.Message);
        }

        [Fact]
        public void A_line_break_and_a_nul_in_the_correlation_id_are_refused()
        {
            var lineBreak = MessageValidator.ValidateRecipient(MessageChannel.Sms, new Recipient("+447700900123", "a\nb"));
            Assert.Contains("line break (U+000A)", Assert.Single(lineBreak, p => p.Field == "CorrelationId").Message, StringComparison.Ordinal);
            var nul = MessageValidator.ValidateRecipient(MessageChannel.Sms, new Recipient("+447700900123", "a\0b"));
            Assert.Contains("control character (U+0000)", Assert.Single(nul, p => p.Field == "CorrelationId").Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("   ")]
        [InlineData("\n\n")]
        [InlineData("\u00A0")]
        public void White_space_only_text_is_refused_on_every_channel(string text)
        {
            Assert.StartsWith("Text is only white space", Single(new SmsMessage { From = "ACME", Text = text }, "Text").Message, StringComparison.Ordinal);
            Assert.StartsWith("Text is only white space", Single(new EmailMessage { From = "a@mail.example.com", Subject = "S", Text = text }, "Text").Message, StringComparison.Ordinal);
            Assert.StartsWith("Text is only white space", Single(new RcsMessage { From = "app-1", Text = text }, "Text").Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("ACME")]
        [InlineData("ABCDEFGHIJK")]      // 11 characters, the most an alphanumeric sender carries
        [InlineData("Acme & Co.")]
        [InlineData("12345")]            // a short code
        [InlineData("447700900123")]     // a long code
        [InlineData("123456789012345")]  // 15 digits
        public void Senders_the_network_carries_are_accepted(string from) =>
            Assert.Empty(MessageValidator.Validate(new SmsMessage { From = from, Text = "Hi" }, Now));

        [Theory]
        [InlineData("ABCDEFGHIJKL", "'ABCDEFGHIJKL' has 12 characters: an alphanumeric sender ID has at most 11")]
        [InlineData("1234567890123456", "'1234567890123456' has 16 digits: a short or long code has at most 15")]
        [InlineData("Café", "'Café' contains 'é': an alphanumeric sender ID may hold only letters A-Z")]
        [InlineData("\U0001F600Shop", "contains '\U0001F600'")]
        [InlineData(" Acme", "starts or ends with a space")]
        public void Senders_the_network_would_cut_or_rewrite_are_refused(string from, string expected) =>
            Assert.Contains(expected, Single(new SmsMessage { From = from, Text = "Hi" }, "From").Message, StringComparison.Ordinal);

        [Fact]
        public void A_100_character_sender_is_refused()
        {
            var problem = Single(new SmsMessage { From = new string('A', 100), Text = "Hi" }, "From");
            Assert.Contains("has 100 characters: an alphanumeric sender ID has at most 11", problem.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_rcs_app_id_with_a_space_and_a_fallback_sender_too_long_are_refused()
        {
            var message = new RcsMessage { From = "my app", Text = "Hi", SmsFallback = true, FallbackSenderId = "ConnectCompanyLtd", FallbackText = "Hi" };
            Assert.Contains("one word", Single(message, "From").Message, StringComparison.Ordinal);
            Assert.Contains("at most 11", Single(message, "FallbackSenderId").Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_correlation_id_column_holding_a_list_is_refused_naming_the_parameter()
        {
            var composer = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), null, singleValued: PipelineColumns.SingleValued(typeof(SendConnectSmsCommand)));
            var row = new InputRow(new[]
            {
                new System.Collections.Generic.KeyValuePair<string, object?>("To", "+447700900001"),
                new System.Collections.Generic.KeyValuePair<string, object?>("CorrelationId", new object[] { "a", "b" }),
            });
            var record = composer.Compose(new[] { new ConnectDestination("+447700900001") }, correlationId: null, row);
            var problem = Assert.Single(record.Problems);
            Assert.Equal("CorrelationId", problem.Field);
            Assert.Equal("the column 'CorrelationId' holds a list of 2 values (a, b) where one value is expected: give one value per row", problem.Message);
        }

        [Fact]
        public void Single_valued_columns_are_the_string_parameters_bound_by_name()
        {
            var columns = PipelineColumns.SingleValued(typeof(SendConnectSmsCommand));
            Assert.Equal("CorrelationId", columns["CorrelationId"]);
            Assert.Equal("Text", columns["Text"]);
            Assert.False(columns.ContainsKey("To"));
        }

        [Fact]
        public void The_same_address_twice_in_one_row_is_sent_once_and_said()
        {
            var composer = new RecordComposer(PipelineColumns.Of(typeof(SendConnectEmailCommand)), null);
            var record = composer.Compose(new[] { "ann@example.com", "bob@example.com", "Ann@Example.com", "ann@example.com" }.Select(a => new ConnectDestination(a)).ToArray(), null, InputRow.Empty);
            Assert.Equal(new[] { "ann@example.com", "bob@example.com" }, record.Recipient.Addresses);
            Assert.Equal("To: 'ann@example.com' is given 3 times; it is sent once", Assert.Single(record.Notes));
            Assert.Empty(record.Problems);
        }
    }
}
