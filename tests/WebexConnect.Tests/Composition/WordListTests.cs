using WebexConnect.Composition;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>Messages list parameters, columns and cards as a sentence does, the same way in every message.</summary>
    public class WordListTests
    {
        [Theory]
        [InlineData(new[] { "-Text" }, "-Text")]
        [InlineData(new[] { "-Text", "-Html" }, "-Text or -Html")]
        [InlineData(new[] { "-Subject", "-Text", "-Html" }, "-Subject, -Text or -Html")]
        [InlineData(new[] { "To", "Phone", "MobileNumber", "Mobile" }, "To, Phone, MobileNumber or Mobile")]
        public void Or_names_any_one_of_them(string[] items, string expected) => Assert.Equal(expected, WordList.Or(items));

        [Theory]
        [InlineData(new[] { "-From" }, "-From")]
        [InlineData(new[] { "-From", "-To" }, "-From and -To")]
        [InlineData(new[] { "-From", "-To", "-Text" }, "-From, -To and -Text")]
        [InlineData(new[] { "-Carousel[0]", "-Carousel[1]", "-Carousel[2]", "-Carousel[3]" }, "-Carousel[0], -Carousel[1], -Carousel[2] and -Carousel[3]")]
        public void And_names_all_of_them(string[] items, string expected) => Assert.Equal(expected, WordList.And(items));

        [Fact]
        public void No_items_are_no_words() => Assert.Equal("", WordList.Or(new string[0]));
    }
}
