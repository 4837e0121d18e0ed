using System;
using WebexConnect.Composition;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    public class SendAtOvertakenTests
    {
        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);

        [Fact]
        public void Each_rows_own_time_is_overtaken_only_when_it_was_ahead_at_the_first_row_and_has_passed_since()
        {
            // A SendAt column: the first row has no time, so the run's start is that row's, not the first time's.
            var now = Start;
            var overtaken = new SendAtOvertaken(() => now);

            Assert.False(overtaken.HasPassed(null, 1));
            now = Start.AddMinutes(10);
            Assert.True(overtaken.HasPassed(Start.AddMinutes(5), 2));
            Assert.False(overtaken.HasPassed(Start.AddMinutes(20), 3));
            // Already past when the run began: a wrong date, which the checks refuse; not counted here.
            Assert.False(overtaken.HasPassed(Start.AddMinutes(-1), 4));
            Assert.True(overtaken.HasPassed(Start.AddMinutes(9), 5));

            Assert.Equal(2, overtaken.Rows);
            Assert.Equal(2, overtaken.FirstRow);
            Assert.StartsWith("The SendAt times of 2 rows (the first, row 2) passed while the run was still reading rows: they were not scheduled; " +
                "those sent went at once, without a time", overtaken.Warning(null));
        }

        [Fact]
        public void One_command_line_time_still_says_dash_SendAt()
        {
            var now = Start;
            var overtaken = new SendAtOvertaken(() => now);
            var at = Start.AddMinutes(1);

            Assert.False(overtaken.HasPassed(at, 1));
            now = Start.AddMinutes(2);
            Assert.True(overtaken.HasPassed(at, 2));

            Assert.StartsWith("-SendAt 2026-12-06 08:01:00Z", overtaken.Warning(at));
            Assert.Null(new SendAtOvertaken(() => now).Warning(null));
        }
    }
}
