using System;
using WebexConnect.Composition;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>
    /// The mark -SendAt carries for a cell that is no time (RowTimeArgument, whose reading needs PowerShell's conversion and
    /// is pinned in Pester: SendConnectSms.Tests.ps1, "-SendAt from a SendAt column").
    /// </summary>
    public class UnreadableTimeTests
    {
        [Fact]
        public void A_mark_gives_back_its_text_and_reason_and_is_the_same_for_the_same_text()
        {
            var mark = UnreadableTime.Mark("next tuesday", "Cannot convert value \"next tuesday\"");

            var unreadable = UnreadableTime.Of(mark);
            Assert.NotNull(unreadable);
            Assert.Equal("next tuesday", unreadable!.Text);
            Assert.Equal("Cannot convert value \"next tuesday\"", unreadable.Reason);
            Assert.Equal(mark, UnreadableTime.Mark("next tuesday", "Cannot convert value \"next tuesday\""));
            Assert.NotEqual(mark, UnreadableTime.Mark("soon", "Cannot convert value \"soon\""));
        }

        [Fact]
        public void A_thread_keeps_only_its_latest_marks_so_a_long_lived_host_does_not_grow_with_every_unreadable_cell()
        {
            // Before: one table for the process kept all 10,001 texts (and any later ones) for as long as the host lived.
            var first = UnreadableTime.Mark("first unreadable", "Cannot convert");
            for (var i = 0; i < 10_000; i++) UnreadableTime.Mark("cell " + i, "Cannot convert");

            Assert.Null(UnreadableTime.Of(first));
            // The latest still read back, the row's error naming its cell; marking a kept text again gives the same mark.
            var last = UnreadableTime.Mark("cell 9999", "Cannot convert");
            Assert.Equal("cell 9999", UnreadableTime.Of(last)!.Text);
            Assert.Equal(last, UnreadableTime.Mark("cell 9999", "Cannot convert"));
            Assert.Equal("cell " + (9999 - UnreadableTime.Kept + 1), UnreadableTime.Of(new DateTimeOffset(last.Ticks - UnreadableTime.Kept + 1, TimeSpan.Zero))!.Text);
        }

        [Fact]
        public void A_mark_is_read_on_the_thread_that_made_it()
        {
            // PowerShell binds -SendAt and the command reads it on the pipeline thread; another run's thread keeps its own.
            var mine = UnreadableTime.Mark("tomorrowish", "Cannot convert");
            UnreadableTime.Unreadable? elsewhere = null;
            var other = new System.Threading.Thread(() => elsewhere = UnreadableTime.Of(mine));
            other.Start();
            other.Join();

            Assert.Null(elsewhere);
            Assert.Equal("tomorrowish", UnreadableTime.Of(mine)!.Text);
        }

        [Fact]
        public void A_mark_of_Unix_milliseconds_says_to_divide_them_and_keeps_the_stop_PowerShell_gave()
        {
            // What RowTimeArgument marks for 1796000000000 given as a number (ConvertFrom-Json, [long]$u.SendAt), which PowerShell's
            // binder refused while binding; the attribute's reading needs a runspace and is pinned in Pester (OneRowCalls.Tests.ps1).
            var mark = UnreadableTime.Mark("1796000000000", "-SendAt 1796000000000 is not a Unix time in seconds (it looks like milliseconds: divide it by 1000).");

            var unreadable = UnreadableTime.Of(mark)!;
            Assert.Equal(UnreadableTime.ErrorId, unreadable.ErrorId);
            Assert.Equal("Cannot process argument transformation on parameter 'SendAt'. -SendAt 1796000000000 is not a Unix time in seconds (it looks like milliseconds: divide it by 1000).",
                unreadable.StopOf("SendAt"));
            Assert.StartsWith("SendAt: '1796000000000' is not a time (it looks like Unix milliseconds: divide it by 1000 for seconds): write it in ISO 8601",
                unreadable.ProblemOfParameter("SendAt", "to send it now").ToString());
        }

        [Fact]
        public void A_text_PowerShell_cannot_convert_keeps_its_ErrorId_and_words_for_the_stop()
        {
            // -ExpireAt 'next tuesday': its binder's CannotConvertArgumentNoMessage, kept for a piped run's stop.
            var mark = UnreadableTime.MarkCast("next tuesday", "Cannot convert value \"next tuesday\" to type \"System.DateTimeOffset\".");

            var unreadable = UnreadableTime.Of(mark)!;
            Assert.Equal(UnreadableTime.CastErrorId, unreadable.ErrorId);
            Assert.Equal("Cannot bind parameter 'ExpireAt'. Cannot convert value \"next tuesday\" to type \"System.DateTimeOffset\".", unreadable.StopOf("ExpireAt"));
            Assert.EndsWith("or leave -ExpireAt out for no expiry", unreadable.ProblemOfParameter("ExpireAt", "for no expiry").ToString());
            // The same text and words under the other ErrorId is another mark.
            Assert.NotEqual(mark, UnreadableTime.Mark("next tuesday", "Cannot convert value \"next tuesday\" to type \"System.DateTimeOffset\"."));
        }

        [Fact]
        public void A_Validity_that_is_no_duration_is_marked_and_worded_for_its_row()
        {
            var read = new WebexConnect.Commands.ValidityArgumentAttribute().Transform(null!, "two days");

            var unreadable = UnreadableTime.OfDuration(Assert.IsType<TimeSpan>(read))!;
            Assert.Equal("two days", unreadable.Text);
            Assert.StartsWith("Cannot process argument transformation on parameter 'Validity'. -Validity 'two days' is not a duration: write a duration such as '90m'",
                unreadable.StopOf("Validity"));
            Assert.StartsWith("Validity: 'two days' is not a duration: write a duration such as '90m'", unreadable.ProblemOfDuration("Validity").ToString());
            Assert.EndsWith("or a TimeSpan; or leave -Validity out for none", unreadable.ProblemOfDuration("Validity").ToString());
            Assert.Equal(TimeSpan.FromHours(48), new WebexConnect.Commands.ValidityArgumentAttribute().Transform(null!, "48h"));
        }

        [Fact]
        public void A_real_duration_is_no_mark()
        {
            Assert.Null(UnreadableTime.OfDuration(null));
            Assert.Null(UnreadableTime.OfDuration(TimeSpan.Zero));
            Assert.Null(UnreadableTime.OfDuration(TimeSpan.FromHours(72)));
            Assert.Null(UnreadableTime.OfDuration(TimeSpan.MaxValue));
            Assert.Null(UnreadableTime.OfDuration(TimeSpan.MinValue));
        }

        [Fact]
        public void A_real_time_is_no_mark()
        {
            Assert.Null(UnreadableTime.Of(null));
            Assert.Null(UnreadableTime.Of(DateTimeOffset.Now));
            Assert.Null(UnreadableTime.Of(DateTimeOffset.MinValue));
            Assert.Null(UnreadableTime.Of(DateTimeOffset.MinValue.AddDays(1)));
        }
    }
}
