using System;
using System.Collections.Concurrent;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A time text that could not be read, carried as a <see cref="DateTimeOffset"/> in the first ticks of the year 1 that no
    /// schedule uses: what RowTimeArgument gives -SendAt for such a text, so that a row whose SendAt cell is no time reaches the
    /// command and gets its own Invalid result, and the command line's refusal still says what PowerShell's said.
    /// </summary>
    internal static class UnreadableTime
    {
        // One mark per distinct text and reason: a CSV whose 10,000 cells hold the same wrong text makes one.
        private static readonly ConcurrentDictionary<string, long> Ticks = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<long, Unreadable> Texts = new ConcurrentDictionary<long, Unreadable>();
        private static long _last;

        /// <summary>Marks below this are no real time: 0001-01-01 plus at most a few hours in ticks.</summary>
        private const long Limit = 1L << 40;

        /// <summary>The mark for <paramref name="text"/>, refused because <paramref name="reason"/>.</summary>
        public static DateTimeOffset Mark(string text, string reason)
        {
            var ticks = Ticks.GetOrAdd(text + "\u0000" + reason, _ =>
            {
                var next = System.Threading.Interlocked.Increment(ref _last);
                Texts[next] = new Unreadable(text, reason);
                return next;
            });
            return new DateTimeOffset(ticks, TimeSpan.Zero);
        }

        /// <summary>The text and reason <paramref name="time"/> marks; null for a real time or none.</summary>
        public static Unreadable? Of(DateTimeOffset? time) =>
            time is DateTimeOffset at && at.Ticks < Limit && Texts.TryGetValue(at.Ticks, out var unreadable) ? unreadable : null;

        /// <summary>A time text that could not be read, and PowerShell's or the module's reason.</summary>
        internal sealed class Unreadable
        {
            public Unreadable(string text, string reason)
            {
                Text = text;
                Reason = reason;
            }

            public string Text { get; }

            public string Reason { get; }
        }
    }
}
