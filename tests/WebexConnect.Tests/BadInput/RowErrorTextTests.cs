using System;
using System.Collections.Generic;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using WebexConnect.Results;
using Xunit;

namespace WebexConnect.Tests.BadInput
{
    public sealed class RowErrorTextTests
    {
        [Fact]
        public void Names_the_row_then_every_problem_with_its_field_in_order()
        {
            var text = RowErrorText.Format(12, new[]
            {
                new ValidationProblem("To", "'+44 7700 900123' is not an E.164 number"),
                new ValidationProblem("Text", "has 4001 characters: at most 4000 are allowed"),
            });
            Assert.Equal("Row 12: To: '+44 7700 900123' is not an E.164 number; Text: has 4001 characters: at most 4000 are allowed", text);
        }

        [Fact]
        public void Shows_control_bidi_and_invisible_characters_as_escapes_so_the_error_stays_one_readable_line()
        {
            var text = RowErrorText.Format(1, new[] { new ValidationProblem("To", "'a\u0000b\r\nc\u202Ed\u2066e\uFEFFf\u2028g\u001B[31mh\uD800i'") });
            Assert.Equal("Row 1: To: 'a\\u0000b\\u000D\\u000Ac\\u202Ed\\u2066e\\uFEFFf\\u2028g\\u001B[31mh\\uD800i'", text);
        }

        [Fact]
        public void Keeps_accents_emoji_and_other_printable_text_as_they_are()
        {
            var text = RowErrorText.Format(3, new[] { new ValidationProblem("Name", "'José 😀 日本 \"</script>\" $(Name)'") });
            Assert.Equal("Row 3: Name: 'José 😀 日本 \"</script>\" $(Name)'", text);
        }

        [Fact]
        public void Says_a_problem_several_fields_share_once_under_all_of_them()
        {
            // Before: "Subject: $(Nmae) has no value ... as written; Text: $(Nmae) has no value ... as written", the same advice twice.
            var text = RowErrorText.Format(1, new[]
            {
                new ValidationProblem("Subject", "$(Nmae) has no value"),
                new ValidationProblem("Text", "has 4001 characters"),
                new ValidationProblem("Text", "$(Nmae) has no value"),
                new ValidationProblem("Html", "$(Nmae) has no value"),
            });
            Assert.Equal("Row 1: Subject, Text and Html: $(Nmae) has no value; Text: has 4001 characters", text);
        }

        [Fact]
        public void Refuses_a_row_with_no_problems()
        {
            Assert.Throws<ArgumentException>(() => RowErrorText.Format(1, Array.Empty<ValidationProblem>()));
        }

        [Fact]
        public void The_invalid_result_a_cmdlet_reports_is_this_one_line()
        {
            var checks = new MessageChecks(m => MessageValidator.Validate(m, BadInputCorpus.Now), MessageValidator.ValidateRecipient);
            var message = new SmsMessage { From = "ConnectCo", Text = "Hi" };
            var record = new ComposedRecord(new Recipient("+44770090\r\n0123\u202E"), Array.Empty<ValidationProblem>());

            var result = checks.Check(9, message, record, inputObject: null);

            Assert.NotNull(result);
            Assert.Equal(SendStatus.Invalid, result!.Status);
            Assert.Equal(RowErrorText.Format(9, checks.Problems(message, record)), result.Reason);
            Assert.StartsWith("Row 9: To: '+44770090\\u000D\\u000A0123\\u202E' is not an E.164 number", result.Reason, StringComparison.Ordinal);
        }
    }

    public sealed class InputEchoTests
    {
        [Fact]
        public void A_value_of_60_characters_is_quoted_whole_and_a_longer_one_is_cut_with_its_length()
        {
            var sixty = new string('7', 60);
            Assert.Equal("'" + sixty + "'", InputEcho.Quote(sixty));
            Assert.Equal("'+" + new string('9', 58) + "…' (10001 characters)", InputEcho.Quote("+" + new string('9', 10_000)));
        }

        [Fact]
        public void A_cut_value_still_shows_invisible_characters_escaped()
        {
            var value = "\u0000" + new string('a', 100);
            Assert.StartsWith("'\\u0000aaa", InputEcho.Quote(value), StringComparison.Ordinal);
            Assert.EndsWith("…' (101 characters)", InputEcho.Quote(value), StringComparison.Ordinal);
        }

        [Fact]
        public void Finds_the_first_unpaired_surrogate_counting_from_1()
        {
            // Not an [InlineData] theory: xunit carries theory data as UTF-8, which turns a lone surrogate into U+FFFD.
            Assert.Equal(0, InputEcho.LoneSurrogatePosition("plain"));
            Assert.Equal(0, InputEcho.LoneSurrogatePosition("\U0001F600"));
            Assert.Equal(1, InputEcho.LoneSurrogatePosition("\uD800"));
            Assert.Equal(3, InputEcho.LoneSurrogatePosition("ab\uDC00"));
            Assert.Equal(3, InputEcho.LoneSurrogatePosition("\U0001F600\uD83D"));
        }

        [Fact]
        public void No_rule_echoes_a_10000_digit_number_whole()
        {
            var huge = "+" + new string('9', 10_000);
            var problems = new List<ValidationProblem>(MessageValidator.ValidateRecipient(MessageChannel.Sms, new Recipient(huge)));
            var message = Assert.Single(problems).Message;
            Assert.True(message.Length < 200, message);
            Assert.Contains("…' (10001 characters)", message, StringComparison.Ordinal);
            Assert.Contains("more than 15", message, StringComparison.Ordinal);
        }
    }
}
