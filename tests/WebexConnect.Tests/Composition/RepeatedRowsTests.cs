using System.Collections.Generic;
using WebexConnect.Composition;
using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>A row that sends exactly what an earlier row sent, found whether its texts are the same objects or copies.</summary>
    public class RepeatedRowsTests
    {
        private static Recipient To(string address, string name) =>
            new Recipient(address, substitutions: new Dictionary<string, string> { ["Name"] = name });

        [Fact]
        public void ARepeatIsFoundWhetherTheRowsShareTheirTextsOrCopyThem()
        {
            var html = "<p>Hi $(Name)</p>";
            var shared = new object?[] { "News", null, html };
            var repeated = new RepeatedRows();

            Assert.Null(repeated.RepeatOf(shared, To("ann@example.com", "Ann"), 1));
            Assert.Null(repeated.RepeatOf(shared, To("bob@example.com", "Bob"), 2));
            // A column's cell: equal text, another string object.
            Assert.Equal(1, repeated.RepeatOf(new object?[] { "News", null, new string(html.ToCharArray()) }, To("ANN@example.com", "Ann"), 3));
        }

        [Fact]
        public void RowsWithOtherTextsOrValuesAreNoRepeat()
        {
            var repeated = new RepeatedRows();
            var first = new object?[] { "News", null, "<p>Hi $(Name)</p>" };

            Assert.Null(repeated.RepeatOf(first, To("ann@example.com", "Ann"), 1));
            Assert.Null(repeated.RepeatOf(new object?[] { "News", null, "<p>Hello $(Name)</p>" }, To("ann@example.com", "Ann"), 2));
            Assert.Null(repeated.RepeatOf(first, To("ann@example.com", "Anne"), 3));
            // The texts of row 1 again, after other texts: still a repeat of row 1.
            Assert.Equal(1, repeated.RepeatOf(first, To("ann@example.com", "Ann"), 4));
        }

        [Fact]
        public void ANewslettersHtmlIsNotHashedAgainForEveryRow()
        {
            // Before, every row hashed its 1 MB HTML character by character: about a second for these 1,000 rows.
            var content = new object?[] { "News", null, new string('x', 1024 * 1024) };
            var repeated = new RepeatedRows();
            Assert.Null(repeated.RepeatOf(content, To("u0@example.com", "N0"), 1));

            for (var i = 1; i <= 1000; i++) Assert.Null(repeated.RepeatOf(content, To("u" + i + "@example.com", "N" + i), i + 1));

            Assert.Equal(1, repeated.ContentsHashed);
            // A row with texts of its own (a column's) is hashed again.
            repeated.RepeatOf(new object?[] { "News", null, new string('x', 1024 * 1024) }, To("u0@example.com", "N0"), 1002);
            Assert.Equal(2, repeated.ContentsHashed);
        }
    }
}
