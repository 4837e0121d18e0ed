using System.Collections.Generic;

namespace WebexConnect.Composition
{
    /// <summary>
    /// Why the latest calls of New-ConnectRcsSuggestion made no chip, for the $null each leaves in the -Suggestion around it:
    /// in a script's loop (Send-ConnectRcs -To $r.Phone -Text Hi -Suggestion (New-ConnectRcsSuggestion $r.Label ...)) the row's
    /// Invalid result then says what was wrong with its chip (its -EndTime before its -StartTime), not only that there was none.
    /// </summary>
    /// <remarks>
    /// Kept per thread, as <see cref="UnmadeCard"/>'s note is: the chips are made on the pipeline thread right before the
    /// command around them binds them. Several chips of one statement can each fail, so the notes are a list, in the order the
    /// chips were made; a reader pairs them with its $null chips only when there are as many of each, and otherwise says what
    /// it said before. Taking them forgets them, so a later statement's $null is never blamed on them.
    /// </remarks>
    internal static class UnmadeSuggestions
    {
        // More than a message takes (10): notes no command took are dropped from the oldest.
        private const int Kept = 10;

        [System.ThreadStatic]
        private static List<string>? _why;

        /// <summary>Notes <paramref name="why"/>, what New-ConnectRcsSuggestion's error said.</summary>
        public static void Note(string why)
        {
            _why ??= new List<string>();
            if (_why.Count == Kept) _why.RemoveAt(0);
            _why.Add(why);
        }

        /// <summary>
        /// What New-ConnectRcsSuggestion said for each of the <paramref name="nulls"/> $null chips of a list, in order, when
        /// as many chips were not made; else null. Forgets every note either way.
        /// </summary>
        public static IReadOnlyList<string>? Take(int nulls)
        {
            var why = _why;
            _why = null;
            return why is not null && why.Count == nulls && nulls > 0 ? why : null;
        }

        /// <summary>The $null chips of <paramref name="chips"/>: none for no list.</summary>
        public static int NullsIn(IReadOnlyList<Messages.RcsSuggestion?>? chips)
        {
            if (chips is null) return 0;
            var nulls = 0;
            for (var i = 0; i < chips.Count; i++)
                if (chips[i] is null) nulls++;
            return nulls;
        }
    }
}
