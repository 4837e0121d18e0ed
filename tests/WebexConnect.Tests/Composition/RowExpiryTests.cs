using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Composition;
using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>
    /// Each row's expiry from its ExpireAt or Validity column (RowExpiry). A time cell that is no time needs PowerShell's
    /// conversion to be refused, so it is pinned in Pester: SendConnectSms.Tests.ps1, "ExpireAt and Validity columns".
    /// </summary>
    public class RowExpiryTests
    {
        private static readonly DateTimeOffset Friday = new DateTimeOffset(2099, 12, 8, 9, 0, 0, TimeSpan.Zero);

        private static InputRow Row(params (string Name, object? Value)[] columns) =>
            new InputRow(columns.Select(c => new KeyValuePair<string, object?>(c.Name, c.Value)));

        [Fact]
        public void Each_row_has_its_own_cells_time_or_duration_and_an_empty_cell_is_none()
        {
            var expiry = new RowExpiry(null, null);

            Assert.Null(expiry.Read(Row(("Phone", "+447700900001"), ("ExpireAt", "2099-12-08T09:00:00Z"), ("Validity", "")), 1, out var expireAt, out var validity));
            Assert.Equal(Friday, expireAt);
            Assert.Null(validity);
            Assert.Null(expiry.Read(Row(("Phone", "+447700900002"), ("ExpireAt", " "), ("Validity", "48h")), 1, out expireAt, out validity));
            Assert.Null(expireAt);
            Assert.Equal(TimeSpan.FromHours(48), validity);
            // A Unix time in seconds, as -ExpireAt takes one; any casing of the name, as a bound column's.
            Assert.Null(expiry.Read(Row(("expireat", Friday.ToUnixTimeSeconds().ToString()), ("VALIDITY", null)), 2, out expireAt, out validity));
            Assert.Equal(Friday, expireAt);
            Assert.Null(validity);
        }

        [Fact]
        public void A_row_without_the_columns_has_no_expiry_and_no_problem()
        {
            Assert.Null(new RowExpiry(null, null).Read(Row(("Phone", "+447700900001"), ("Name", "Ann")), 1, out var expireAt, out var validity));
            Assert.Null(expireAt);
            Assert.Null(validity);
        }

        [Fact]
        public void The_columns_are_looked_for_again_only_in_a_new_layout()
        {
            var expiry = new RowExpiry(null, null);
            expiry.Read(Row(("Phone", "+447700900001"), ("Validity", "2h")), 1, out _, out _);

            // The same layout number: the column is where the first row had it (a CSV's rows all have it there).
            expiry.Read(Row(("Phone", "+447700900002"), ("Validity", "3h")), 1, out _, out var same);
            // A hashtable of other keys (a new layout): looked for again, so a later row's column is never dropped unread.
            expiry.Read(Row(("Validity", "4h"), ("Phone", "+447700900003")), 2, out _, out var moved);
            expiry.Read(Row(("Phone", "+447700900004")), 3, out _, out var none);

            Assert.Equal(TimeSpan.FromHours(3), same);
            Assert.Equal(TimeSpan.FromHours(4), moved);
            Assert.Null(none);
        }

        [Fact]
        public void The_command_lines_expiry_is_every_rows_and_no_column_is_read()
        {
            var row = Row(("Phone", "+447700900001"), ("ExpireAt", "2099-12-08T09:00:00Z"), ("Validity", "two days"));

            Assert.Null(new RowExpiry(null, TimeSpan.FromHours(2)).Read(row, 1, out var expireAt, out var validity));
            Assert.Null(expireAt);
            Assert.Equal(TimeSpan.FromHours(2), validity);

            Assert.Null(new RowExpiry(Friday.AddDays(-1), null).Read(row, 1, out expireAt, out validity));
            Assert.Equal(Friday.AddDays(-1), expireAt);
            Assert.Null(validity);
        }

        [Fact]
        public void A_validity_cell_that_is_no_duration_is_the_rows_problem_naming_the_column_and_the_value_and_is_not_sent()
        {
            var problems = new RowExpiry(null, null).Read(Row(("Phone", "+447700900001"), ("Validity", "two days")), 1, out _, out var validity);

            Assert.Null(validity);
            Assert.Equal("Validity: 'two days' is not a duration: write a duration such as '90m', '48h' or '2d', a number " +
                "of seconds (3600), 'hh:mm:ss' (hours may exceed 23) or a TimeSpan; or leave the cell empty for none", Assert.Single(problems!).ToString());
        }

        [Fact]
        public void A_validity_cell_with_a_decimal_comma_is_told_to_write_a_point()
        {
            var problems = new RowExpiry(null, null).Read(Row(("Validity", "1,5h")), 1, out _, out _);

            Assert.StartsWith("'1,5h' is not a duration: write the decimal mark as a point, '1.5h'", Assert.Single(problems!).Message);
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
        public void WhatIf_and_Confirm_say_when_a_rows_message_expires()
        {
            Assert.StartsWith(", expires 2099-12-08 09:00:00Z", ScheduledFor.Expiry(new SmsMessage { ExpireAt = Friday }));
            Assert.Equal(", valid for 48h", ScheduledFor.Expiry(new SmsMessage { Validity = TimeSpan.FromHours(48) }));
            Assert.Equal("", ScheduledFor.Expiry(new SmsMessage()));
        }
    }
}
