using WebexConnect.Composition;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>An end-of-run warning names its rows the same way whatever it warns of: one by number, more by count and the first five.</summary>
    public class RowSampleTests
    {
        [Theory]
        [InlineData(new long[] { 7 }, "Row 7")]
        [InlineData(new long[] { 2, 9 }, "2 rows (rows 2, 9)")]
        [InlineData(new long[] { 1, 2, 3, 4, 5 }, "5 rows (rows 1, 2, 3, 4, 5)")]
        [InlineData(new long[] { 1, 2, 3, 4, 5, 6, 8 }, "7 rows (rows 1, 2, 3, 4, 5 and 2 more)")]
        public void Names_one_row_by_number_and_more_by_count_and_the_first_five(long[] rows, string expected)
        {
            var sample = new RowSample();
            foreach (var row in rows) sample.Add(row);

            Assert.Equal(expected, sample.ToString());
            Assert.Equal(rows.Length, sample.Count);
            Assert.Equal(rows[0], sample.First);
        }

        [Fact]
        public void Counts_thousands_with_a_separator_that_does_not_follow_the_culture()
        {
            var sample = new RowSample();
            for (long row = 1; row <= 1_234; row++) sample.Add(row);

            Assert.Equal("1,234 rows (rows 1, 2, 3, 4, 5 and 1,229 more)", sample.ToString());
        }
    }
}
