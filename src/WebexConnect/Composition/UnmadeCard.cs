namespace WebexConnect.Composition
{
    /// <summary>
    /// Why the latest call of New-ConnectRcsCard with nothing piped made no card, for the Send-ConnectRcs -Card $null it
    /// leaves behind: in a script's loop (Send-ConnectRcs -To $r.Phone -Card (New-ConnectRcsCard -Title $r.Title)) the row's
    /// Invalid result then says what was wrong with its card, not only that there was none.
    /// </summary>
    /// <remarks>
    /// Kept per thread, as ClockChanges' notes are: the card is made on the pipeline thread right before Send-ConnectRcs binds
    /// it. Each call of New-ConnectRcsCard forgets the note of the call before, so a card made since is never blamed on it.
    /// </remarks>
    internal static class UnmadeCard
    {
        [System.ThreadStatic]
        private static string? _why;

        /// <summary>Notes <paramref name="why"/>, what New-ConnectRcsCard's error said; null forgets the note.</summary>
        public static void Note(string? why) => _why = why;

        /// <summary>What the latest New-ConnectRcsCard on this thread said when it made no card, forgetting it; else null.</summary>
        public static string? Take()
        {
            var why = _why;
            _why = null;
            return why;
        }
    }
}
