using System.Collections.Generic;

namespace WebexConnect.Composition
{
    /// <summary>
    /// Why the latest calls of New-ConnectRcsCard with nothing piped made no card, for the Send-ConnectRcs -Card $null (or the
    /// $null in -Carousel) each leaves behind: in a script's loop (Send-ConnectRcs -To $r.Phone -Card (New-ConnectRcsCard
    /// -Title $r.Title)) the row's Invalid result then says what was wrong with its card, not only that there was none.
    /// </summary>
    /// <remarks>
    /// Kept per thread, as ClockChanges' notes are: the cards are made on the pipeline thread right before Send-ConnectRcs binds
    /// them. One note a call, in the order the cards were made: null for a call that made its card, so -Card's $null is never
    /// blamed on an earlier call's. A carousel's cards are several calls: a reader pairs the notes of unmade cards with its
    /// $null cards only when there are as many of each, as <see cref="UnmadeSuggestions"/> does for chips. Taking them forgets
    /// them, so a later statement's $null is never blamed on them.
    /// </remarks>
    internal static class UnmadeCard
    {
        // More than a carousel takes (10): notes no command took are dropped from the oldest.
        private const int Kept = 10;

        [System.ThreadStatic]
        private static List<string?>? _calls;

        /// <summary>A call of New-ConnectRcsCard with nothing piped begins: its card is made until <see cref="Note"/> says not.</summary>
        public static void Begin()
        {
            _calls ??= new List<string?>();
            if (_calls.Count == Kept) _calls.RemoveAt(0);
            _calls.Add(null);
        }

        /// <summary>Notes <paramref name="why"/>, what New-ConnectRcsCard's error said, for the call that began last.</summary>
        public static void Note(string why)
        {
            if (_calls is { Count: > 0 }) _calls[_calls.Count - 1] = why;
        }

        /// <summary>What the latest New-ConnectRcsCard on this thread said when it made no card, forgetting every note; else null.</summary>
        public static string? Take()
        {
            var calls = _calls;
            _calls = null;
            return calls is { Count: > 0 } ? calls[calls.Count - 1] : null;
        }

        /// <summary>
        /// What New-ConnectRcsCard said for each of the <paramref name="nulls"/> $null cards of a carousel, in order, when as many
        /// cards were not made; else null. Forgets every note either way.
        /// </summary>
        public static IReadOnlyList<string>? TakeEach(int nulls)
        {
            var calls = _calls;
            _calls = null;
            if (calls is null || nulls == 0) return null;
            var why = new List<string>(nulls);
            foreach (var note in calls)
                if (note is not null) why.Add(note);
            return why.Count == nulls ? why : null;
        }
    }
}
