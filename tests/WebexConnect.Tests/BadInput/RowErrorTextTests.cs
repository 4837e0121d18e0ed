using System;
using WebexConnect.Messages.Validation;
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
        public void Refuses_a_row_with_no_problems()
        {
            Assert.Throws<ArgumentException>(() => RowErrorText.Format(1, Array.Empty<ValidationProblem>()));
        }
    }
}
