using System;
using WebexConnect.Receipts;
using Xunit;

namespace WebexConnect.Tests.Receipts
{
    /// <summary>
    /// Wait-ConnectDelivery's bar says how much longer the wait may last in its text, not as SecondsRemaining, which PowerShell
    /// shows as an estimate of when the receipts will be in.
    /// </summary>
    public class WaitProgressTests
    {
        [Theory]
        [InlineData(0.2, "1s")]
        [InlineData(0, "0s")]
        [InlineData(-3, "0s")]
        [InlineData(59, "59s")]
        [InlineData(60, "1m 0s")]
        [InlineData(115, "1m 55s")]
        [InlineData(3599.5, "1h 0m")]
        [InlineData(7_501, "2h 6m")]
        [InlineData(86_400, "24h 0m")]
        public void Left_is_rounded_up_and_written_as_a_person_reads_it(double seconds, string expected) =>
            Assert.Equal(expected, WaitProgress.Left(TimeSpan.FromSeconds(seconds)));

        [Fact]
        public void Status_says_the_rows_to_go_and_the_longest_the_wait_lasts() =>
            Assert.Equal("12 of 500 to go; at most 1m 55s more", WaitProgress.Status(500, 12, TimeSpan.FromSeconds(114.2)));

        [Fact]
        public void Status_of_a_wait_whose_every_receipt_came_has_no_time() =>
            Assert.Equal("500 of 500 have a final receipt", WaitProgress.Status(500, 0, TimeSpan.FromSeconds(30)));

        [Fact]
        public void Status_fits_the_bar_of_an_80_column_console()
        {
            // PowerShell 7's minimal view, measured in pwsh 7.6 at 80 columns: "Waiting for delivery receipts [" + status + "]" leaves
            // 46 for the status and cuts a longer one ("...; waiting up to 23h 54m mo…"), which cut the first wording tried.
            Assert.InRange(WaitProgress.Status(100_000, 99_999, TimeSpan.FromSeconds(3_599)).Length, 1, 46);
            Assert.InRange(WaitProgress.Status(99_999, 99_998, TimeSpan.FromHours(23.9)).Length, 1, 46);
        }
    }
}
