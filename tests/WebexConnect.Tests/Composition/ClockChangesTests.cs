using System;
using System.Collections.Generic;
using WebexConnect.Commands;
using WebexConnect.Composition;
using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>
    /// A local -SendAt or -ExpireAt (or cell) on the days the clocks change, read in a zone given here, not this machine's:
    /// RowTimeArgument reads every such time through ClockChanges in the computer's zone (pinned in Pester with
    /// TZ=Europe/Berlin: ClockChanges.Tests.ps1).
    /// </summary>
    public class ClockChangesTests
    {
        private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

        private static DateTime Clock(int year, int month, int day, int hour, int minute) => new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);

        [Fact]
        public void A_time_the_clocks_skip_is_refused_naming_the_change_the_nearest_times_and_an_offset_to_give()
        {
            // Before: read with the winter offset, 02:30 went out at 01:30Z, 03:30 by the clock, and nothing said so.
            var said = ClockChanges.Skipped(Clock(2027, 3, 28, 2, 30), Berlin);

            Assert.Equal("is not a time in this computer's time zone (Europe/Berlin): its clocks go from 02:00 to 03:00 on 2027-03-28, so 02:30 " +
                "never comes. Give a time that exists, 2027-03-28 01:59 or 2027-03-28 03:00 (the nearest), or one with its offset: " +
                "'2027-03-28T03:30+02:00' is 02:30 read with the offset before the change, 03:30 by the clock", said);
            Assert.Contains("its clocks go from 01:00 to 02:00 on 2027-03-28, so 01:30 never comes", ClockChanges.Skipped(Clock(2027, 3, 28, 1, 30), London));
        }

        [Fact]
        public void A_change_of_half_an_hour_is_said_as_it_is()
        {
            var lordHowe = TimeZoneInfo.FindSystemTimeZoneById("Australia/Lord_Howe");

            var said = ClockChanges.Skipped(Clock(2027, 10, 3, 2, 15), lordHowe);

            Assert.Contains("its clocks go from 02:00 to 02:30 on 2027-10-03, so 02:15 never comes", said);
            Assert.Contains("2027-10-03 01:59 or 2027-10-03 02:30 (the nearest)", said);
            Assert.Contains("'2027-10-03T02:45+11:00' is 02:15 read with the offset before the change", said);
        }

        [Theory]
        [InlineData(1, 59)]
        [InlineData(3, 0)]
        [InlineData(12, 0)]
        public void The_times_either_side_of_the_skip_exist(int hour, int minute)
        {
            Assert.Null(ClockChanges.Skipped(Clock(2027, 3, 28, hour, minute), Berlin));
            Assert.False(ClockChanges.Changes(Clock(2027, 3, 28, hour, minute), Berlin));
            Assert.Null(ClockChanges.Skipped(Clock(2027, 10, 31, 2, 30), Berlin));
        }

        [Fact]
        public void A_utc_datetime_is_the_time_it_holds_whatever_the_zone()
        {
            var utc = new DateTime(2027, 3, 28, 2, 30, 0, DateTimeKind.Utc);

            Assert.Equal(new DateTimeOffset(2027, 3, 28, 2, 30, 0, TimeSpan.Zero), ClockChanges.AsRead(utc, Berlin));
        }

        [Fact]
        public void A_time_shown_twice_is_read_as_before_the_second_and_noted_with_both_readings()
        {
            var clock = Clock(2027, 10, 31, 2, 30);
            var read = ClockChanges.AsRead(clock, Berlin);
            Assert.Equal(new DateTimeOffset(2027, 10, 31, 1, 30, 0, TimeSpan.Zero), read);
            Assert.True(ClockChanges.Changes(clock, Berlin));

            ClockChanges.NoteTwice("2027-10-31 02:30", read, Berlin);

            Assert.Equal("'2027-10-31 02:30' comes twice in this computer's time zone (Europe/Berlin), as its clocks go back from 03:00 to 02:00 on " +
                "2027-10-31: it is read as the second, '2027-10-31T02:30+01:00' (2027-10-31 01:30:00Z), not the first, '2027-10-31T02:30+02:00' " +
                "(2027-10-31 00:30:00Z). To send at the first, give that time with its offset; other times between 02:00 and 03:00 that day are " +
                "read the same way", ClockChanges.TwiceOf(read)!.Said);
            // The same time given later with its offset is not one shown twice.
            ClockChanges.Forget(read);
            Assert.Null(ClockChanges.TwiceOf(read));
        }

        [Fact]
        public void A_time_shown_once_is_not_noted()
        {
            var read = ClockChanges.AsRead(Clock(2027, 10, 31, 3, 30), Berlin);

            ClockChanges.NoteTwice("2027-10-31 03:30", read, Berlin);

            Assert.Null(ClockChanges.TwiceOf(read));
            Assert.Equal(new DateTimeOffset(2027, 10, 31, 2, 30, 0, TimeSpan.Zero), read);
        }

        [Fact]
        public void The_run_warns_once_naming_where_the_first_time_shown_twice_came_from()
        {
            var warning = new TwiceShownWarning();
            var first = ClockChanges.AsRead(Clock(2027, 10, 31, 2, 10), Berlin);
            var second = ClockChanges.AsRead(Clock(2027, 10, 31, 2, 40), Berlin);
            ClockChanges.NoteTwice("2027-10-31 02:10", first, Berlin);
            ClockChanges.NoteTwice("2027-10-31 02:40", second, Berlin);

            Assert.Null(warning.For("SendAt", 2, ClockChanges.AsRead(Clock(2027, 10, 31, 4, 0), Berlin)));
            var said = warning.For("SendAt", 3, first);
            Assert.StartsWith("Row 3: SendAt '2027-10-31 02:10' comes twice", said);
            Assert.EndsWith("that day are read the same way. This warning is given once per run.", said);
            Assert.Null(warning.For("ExpireAt", 4, second));
            Assert.StartsWith("-SendAt '2027-10-31 02:40' comes twice", new TwiceShownWarning().For("SendAt", 0, second));
        }

        [Fact]
        public void The_schedule_limits_hold_in_instants_across_the_change()
        {
            // The week ahead across the spring change ends an hour later by the clock (11:00 where it was 10:00), as a week of hours.
            var now = new DateTimeOffset(2027, 3, 22, 9, 0, 0, TimeSpan.Zero);
            var checks = MessageChecks.Standard(clock: () => now);
            var record = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), null)
                .Compose(new[] { new ConnectDestination("+447700900001") }, null, new InputRow(Array.Empty<KeyValuePair<string, object?>>()));

            Assert.Null(checks.Check(1, Sms(ClockChanges.AsRead(Clock(2027, 3, 29, 11, 0), Berlin)), record, null));
            Assert.Contains("is more than 7 days ahead", checks.Check(2, Sms(ClockChanges.AsRead(Clock(2027, 3, 29, 11, 1), Berlin)), record, null)!.Reason);

            // At 02:45 by the clock before it goes back, 02:30 read as the second is still ahead, not past.
            now = new DateTimeOffset(2027, 10, 31, 0, 45, 0, TimeSpan.Zero);
            checks = MessageChecks.Standard(clock: () => now);
            Assert.Null(checks.Check(1, Sms(ClockChanges.AsRead(Clock(2027, 10, 31, 2, 30), Berlin)), record, null));
            Assert.Contains("is in the past", checks.Check(2, Sms(ClockChanges.AsRead(Clock(2027, 10, 31, 1, 40), Berlin)), record, null)!.Reason);
        }

        private static SmsMessage Sms(DateTimeOffset sendAt) => new SmsMessage { From = "ACME", Text = "Hi", SendAt = sendAt };
    }
}
