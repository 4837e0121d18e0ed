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
