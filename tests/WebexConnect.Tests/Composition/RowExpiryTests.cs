using System;
using System.Linq;
using WebexConnect.Composition;
using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>
    /// Each row's -ExpireAt and -Validity from its ExpireAt and Validity columns (how the cells bind is pinned in Pester:
    /// SendConnectSms.Tests.ps1, "-ExpireAt and -Validity from ExpireAt and Validity columns").
    /// </summary>
    public class RowExpiryTests
    {
        private static readonly DateTimeOffset Friday = new DateTimeOffset(2099, 12, 8, 9, 0, 0, TimeSpan.Zero);

        [Fact]
        public void A_row_without_an_expiry_has_no_problem_and_no_values()
        {
            DateTimeOffset? expireAt = null;
            TimeSpan? validity = null;

            Assert.Null(new RowExpiry(false, false).Read(ref expireAt, ref validity));
            Assert.Null(expireAt);
            Assert.Null(validity);
        }

        [Fact]
        public void A_cells_time_or_duration_is_the_rows_own()
        {
            DateTimeOffset? expireAt = Friday;
            TimeSpan? validity = null;
            Assert.Null(new RowExpiry(false, false).Read(ref expireAt, ref validity));
            Assert.Equal(Friday, expireAt);

            expireAt = null;
            validity = TimeSpan.FromHours(48);
            Assert.Null(new RowExpiry(false, false).Read(ref expireAt, ref validity));
            Assert.Equal(TimeSpan.FromHours(48), validity);
        }

        [Fact]
        public void A_cell_that_is_no_time_or_no_duration_is_the_rows_problem_naming_the_column_and_the_value_and_is_not_sent()
        {
            DateTimeOffset? expireAt = UnreadableTime.Mark("next tuesday", "Cannot convert value \"next tuesday\"");
            TimeSpan? validity = UnreadableDuration.Mark("two days", "'two days' is not a duration: " + ValidityText.Forms);

            var problems = new RowExpiry(false, false).Read(ref expireAt, ref validity)!;

            Assert.Null(expireAt);
            Assert.Null(validity);
            Assert.Equal(2, problems.Count);
            Assert.Equal("ExpireAt: the ExpireAt column's 'next tuesday' is not a time: write it in ISO 8601, '2026-12-03T09:00:00+01:00', " +
                "or '2026-12-03 09:00' in this computer's time zone, or leave the cell empty for no expiry", problems[0].ToString());
            Assert.Equal("Validity: the Validity column's 'two days' is not a duration: write a duration such as '90m', '48h' or '2d', a number of " +
                "seconds (3600), 'hh:mm:ss' (hours may exceed 23) or a TimeSpan, or leave the cell empty for no validity", problems[1].ToString());
        }

        [Fact]
        public void Both_cells_of_a_row_are_its_problem_naming_both_values_and_neither_is_sent()
        {
            DateTimeOffset? expireAt = Friday;
            TimeSpan? validity = TimeSpan.FromHours(48);

            var problem = Assert.Single(new RowExpiry(false, false).Read(ref expireAt, ref validity)!);

            Assert.Equal("Validity", problem.Field);
            Assert.StartsWith("the row has both an ExpireAt (2099-12-08 09:00:00Z", problem.Message);
            Assert.EndsWith("and a Validity (48h), and the service takes one of them: leave one of the two cells empty", problem.Message);
            Assert.Null(expireAt);
            Assert.Null(validity);
        }

        [Fact]
        public void A_column_beside_the_other_parameter_on_the_command_line_is_the_rows_problem_and_the_command_lines_value_stays()
        {
            // -Validity 48h on the command line, an ExpireAt cell in the row.
            DateTimeOffset? expireAt = Friday;
            TimeSpan? validity = TimeSpan.FromHours(48);
            var problem = Assert.Single(new RowExpiry(expireAtGiven: false, validityGiven: true).Read(ref expireAt, ref validity)!);
            Assert.Equal("ExpireAt", problem.Field);
            Assert.Contains("comes with -Validity 48h from the command line, and the service takes one of them: leave out -Validity to give each row its ExpireAt", problem.Message);
            Assert.Null(expireAt);
            Assert.Equal(TimeSpan.FromHours(48), validity);

            // -ExpireAt on the command line, a Validity cell in the row.
            expireAt = Friday;
            validity = TimeSpan.FromMinutes(90);
            problem = Assert.Single(new RowExpiry(expireAtGiven: true, validityGiven: false).Read(ref expireAt, ref validity)!);
            Assert.Equal("Validity", problem.Field);
            Assert.StartsWith("the Validity column's 90m comes with -ExpireAt 2099-12-08 09:00:00Z", problem.Message);
            Assert.Equal(Friday, expireAt);
            Assert.Null(validity);
        }

        [Theory]
        [InlineData(90 * 60, "90m")]
        [InlineData(48 * 3600, "48h")]
        [InlineData(72 * 3600, "72h")]
        [InlineData(5 * 86400, "5d")]
        [InlineData(45, "45s")]
        [InlineData(3601, "3601s")]
        public void A_validity_is_written_as_an_admin_writes_it_and_reads_back(int seconds, string written)
        {
            Assert.Equal(written, ValidityText.Written(TimeSpan.FromSeconds(seconds)));
            Assert.Equal(TimeSpan.FromSeconds(seconds), ValidityText.Read(written, out var problem));
            Assert.Null(problem);
        }

        [Fact]
        public void A_duration_mark_gives_back_its_text_and_reason_and_a_real_duration_is_none()
        {
            var mark = UnreadableDuration.Mark("soon", "'soon' is not a duration");

            Assert.True(mark < TimeSpan.Zero);
            Assert.Equal("soon", UnreadableDuration.Of(mark)!.Text);
            Assert.Equal(mark, UnreadableDuration.Mark("soon", "'soon' is not a duration"));
            Assert.Null(UnreadableDuration.Of(TimeSpan.FromHours(48)));
            Assert.Null(UnreadableDuration.Of(null));
            Assert.Null(UnreadableDuration.Of(TimeSpan.Zero));
        }

        [Fact]
        public void WhatIf_and_Confirm_say_when_a_rows_message_expires()
        {
            Assert.StartsWith(", expires 2099-12-08 09:00:00Z", ScheduledFor.Expiry(new SmsMessage { ExpireAt = Friday }));
            Assert.Equal(", valid for 48h", ScheduledFor.Expiry(new SmsMessage { Validity = TimeSpan.FromHours(48) }));
            Assert.Equal("", ScheduledFor.Expiry(new SmsMessage()));
        }
    }
}
