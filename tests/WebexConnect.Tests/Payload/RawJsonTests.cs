using System;
using WebexConnect.Engine.Payload;
using Xunit;

namespace WebexConnect.Tests.Payload
{
    /// <summary>The JSON an admin writes is sent as written, in the body's compact form, or refused with where it breaks.</summary>
    public class RawJsonTests
    {
        [Theory]
        [InlineData("{ \"a\" : 1 ,\n \"b\" : [ true , null ] }", "{\"a\":1,\"b\":[true,null]}")]
        [InlineData("{\"n\":1.50,\"e\":1E5,\"neg\":-0.0}", "{\"n\":1.50,\"e\":1E5,\"neg\":-0.0}")]
        [InlineData("{\"t\":\"caf\\u00e9 $(Name) \\u003cb\\u003e\"}", "{\"t\":\"café $(Name) <b>\"}")]
        [InlineData("{\"z\":1,\"a\":2}", "{\"z\":1,\"a\":2}")]
        [InlineData("\"just text\"", "\"just text\"")]
        public void Whitespace_goes_and_everything_else_stays_as_written(string given, string expected)
        {
            Assert.Equal(expected, RawJson.Normalize(given));
        }

        [Theory]
        [InlineData("{\"a\":", "line 1, position 6")]
        [InlineData("{\n  \"a\": 1,\n  \"b\": tru\n}", "line 3")]
        [InlineData("{'a':1}", "line 1, position 2")]
        [InlineData("{\"a\":1} {\"b\":2}", "line 1")]
        [InlineData("", "line 1")]
        public void Broken_json_is_refused_naming_the_line_and_position(string given, string where)
        {
            var error = Assert.Throws<FormatException>(() => RawJson.Normalize(given));

            Assert.StartsWith(where, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("LineNumber", error.Message);
        }

        [Theory]
        // As the vendor's pages write their examples: typographic quotes (the contactPolicy sample), // comments, a comma left
        // after the last member when a line was cut; and JSON typed in PowerShell's own single quotes.
        [InlineData("{\n\u201ccontactPolicyGroup\u201d : \"g1\"\n}", "line 2, position 1:",
            "It has typographic quotes (\u201c \u201d) where JSON needs straight ones (\"): retype them, or copy the example from a plain-text view.")]
        [InlineData("{\"type\": \"text\", //Either text or html\n\"text\": \"hi\"}", "line 1, position 18:",
            "JSON has no comments: remove the // comments that the vendor's examples carry.")]
        [InlineData("{\"type\": \"text\",\n\"text\": \"hi\",\n}", "line 3, position 1:",
            "Remove the comma after the last member.")]
        [InlineData("[1, 2,]", "line 1, position 7:", "Remove the comma after the last member.")]
        [InlineData("{'type': 'text'}", "line 1, position 2:", "JSON needs double quotes (\") around names and text, not single quotes.")]
        // Cut short, as a webhook file a web server was still writing: inside a string, and after a whole member.
        [InlineData("{\"deliveryInfoNotification\":{\"deliveryInfo\":{\"code\":\"75", "line 1, position ",
            "It ends before its brackets close: its end is missing, as when a file is read before it was written whole.")]
        [InlineData("{\n  \"deliveryInfoNotification\": {\"transid\": \"m-1\"}\n", "line ",
            "It ends before its brackets close: its end is missing, as when a file is read before it was written whole.")]
        public void Broken_json_as_pasted_from_the_vendors_pages_says_what_to_change(string given, string where, string hint)
        {
            var error = Assert.Throws<FormatException>(() => RawJson.Normalize(given));

            Assert.StartsWith(where, error.Message, StringComparison.Ordinal);
            Assert.EndsWith(hint, error.Message, StringComparison.Ordinal);
            // System.Text.Json's advice is for programmers: there are no reader options an admin can change.
            Assert.DoesNotContain("reader options", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("in this mode", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("0xE2", error.Message, StringComparison.Ordinal);
        }

        /// <summary>Broken text that is all there is no cut-short body: told what is wrong, not that its end is missing.</summary>
        [Theory]
        [InlineData("{not json")]
        [InlineData("{\"a\": tru }")]
        public void Broken_json_that_is_not_cut_short_is_not_said_to_be(string given)
        {
            var error = Assert.Throws<FormatException>(() => RawJson.Normalize(given));

            Assert.DoesNotContain("end is missing", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Half_an_emoji_written_as_an_escape_is_refused_rather_than_sent_as_a_replacement_character()
        {
            Assert.Throws<FormatException>(() => RawJson.Normalize("{\"t\":\"\\ud83d\"}"));
        }

        [Fact]
        public void Nesting_deeper_than_64_levels_is_refused()
        {
            var deep = new string('[', 65) + new string(']', 65);

            Assert.Throws<FormatException>(() => RawJson.Normalize(deep));
            Assert.Equal(new string('[', 64) + new string(']', 64), RawJson.Normalize(new string('[', 64) + new string(']', 64)));
        }
    }
}
