using System.Collections;
using System.Globalization;
using System.Threading;
using WebexConnect.Commands;
using Xunit;

namespace WebexConnect.Tests.Commands
{
    /// <summary>
    /// What IdTextArgument lets through to an ID or token parameter and what it keeps for the command to refuse; what the admin
    /// sees of it (the row's Invalid result, a piped run's stop) is pinned in Pester: OneRowCalls.Tests.ps1.
    /// </summary>
    public class IdTextArgumentTests
    {
        private static object? Bind(object? given) => new IdTextArgumentAttribute("CorrelationId").Transform(null!, given);

        [Fact]
        public void A_text_is_the_same_string_untouched_the_way_a_CSV_cell_takes()
        {
            var cell = "ORD-1";

            Assert.Same(cell, Bind(cell));
            Assert.Null(IdTextArgumentAttribute.RefusedText("CorrelationId", cell));
        }

        [Fact]
        public void A_text_that_reads_as_the_placeholder_is_still_an_ID_and_sent()
        {
            var refused = Bind(new Hashtable { ["a"] = 1 });
            var sameWords = Bind(new string(((string)refused!).ToCharArray()));

            Assert.NotNull(IdTextArgumentAttribute.RefusedText("CorrelationId", refused));
            Assert.Null(IdTextArgumentAttribute.RefusedText("CorrelationId", sameWords));
        }

        [Fact]
        public void A_number_is_its_invariant_digits_whatever_the_culture()
        {
            var culture = Thread.CurrentThread.CurrentCulture;
            try
            {
                Thread.CurrentThread.CurrentCulture = new CultureInfo("de-DE");
                Assert.Equal("12.50", Bind(12.50m));
                Assert.Equal("1234567", Bind(1234567L));
            }
            finally
            {
                Thread.CurrentThread.CurrentCulture = culture;
            }
        }

        [Fact]
        public void An_object_is_kept_with_what_it_was_for_the_rows_reason()
        {
            var refused = Bind(new object[] { "a", "b" });

            Assert.Equal("a list of 2 values", IdTextArgumentAttribute.RefusedText("CorrelationId", refused));
            Assert.Equal("a list of 2 values is not text: give the value itself, e.g. -CorrelationId $r.OrderId",
                IdTextArgumentAttribute.Problem("CorrelationId", "a list of 2 values", piped: false));
            Assert.Equal("A-1", Bind(new object[] { "A-1" }));
        }
    }
}
