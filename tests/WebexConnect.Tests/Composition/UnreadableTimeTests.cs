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
        public void A_real_time_is_no_mark()
        {
            Assert.Null(UnreadableTime.Of(null));
            Assert.Null(UnreadableTime.Of(DateTimeOffset.Now));
            Assert.Null(UnreadableTime.Of(DateTimeOffset.MinValue));
            Assert.Null(UnreadableTime.Of(DateTimeOffset.MinValue.AddDays(1)));
        }
    }
}
