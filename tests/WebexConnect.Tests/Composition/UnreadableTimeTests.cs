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
        public void A_real_time_is_no_mark()
        {
            Assert.Null(UnreadableTime.Of(null));
            Assert.Null(UnreadableTime.Of(DateTimeOffset.Now));
            Assert.Null(UnreadableTime.Of(DateTimeOffset.MinValue));
            Assert.Null(UnreadableTime.Of(DateTimeOffset.MinValue.AddDays(1)));
        }
    }
}
