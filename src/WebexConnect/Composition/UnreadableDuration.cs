using System;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A duration text that could not be read, carried as a <see cref="TimeSpan"/> of a few negative ticks that no validity
    /// uses: what ValidityArgument gives -Validity for such a text, as <see cref="UnreadableTime"/> does for -SendAt and
    /// -ExpireAt (and in its table of texts, so the two kinds of mark are one concept), so that a row whose Validity cell is
    /// no duration reaches the command and gets its own Invalid result, where a throwing transformation made PowerShell's
    /// binder drop the row with no result.
    /// </summary>
    internal static class UnreadableDuration
    {
        /// <summary>The mark for <paramref name="text"/>, refused because <paramref name="reason"/>.</summary>
        public static TimeSpan Mark(string text, string reason) => TimeSpan.FromTicks(-UnreadableTime.Mark(text, reason).Ticks);

        /// <summary>The text and reason <paramref name="validity"/> marks; null for a real duration or none.</summary>
        public static UnreadableTime.Unreadable? Of(TimeSpan? validity) =>
            validity is TimeSpan span && span.Ticks < 0 ? UnreadableTime.Of(new DateTimeOffset(-span.Ticks, TimeSpan.Zero)) : null;
    }
}
