using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace WebexConnect.Messages
{
    /// <summary>
    /// RcsCard.Suggestions: a read-only list whose text is its chips as their own text says them, "Reply: Yes; OpenUrl:
    /// Track", so that a card's Export-Csv names the chips rather than writing the type name
    /// "WebexConnect.Messages.RcsSuggestion[]" in every row. The property's type stays IReadOnlyList; the list holds the chips as
    /// they were given.
    /// </summary>
    internal sealed class SuggestionList : ReadOnlyCollection<RcsSuggestion>
    {
        /// <summary>The list of no chips: a card's Suggestions when none were given, an empty cell in Export-Csv.</summary>
        public static readonly SuggestionList None = new SuggestionList(Array.Empty<RcsSuggestion>());

        private SuggestionList(IList<RcsSuggestion> suggestions)
            : base(suggestions)
        {
        }

        /// <summary>The chips as this list: the same list when it is one already, else a copy (a caller's array cannot change the card).</summary>
        public static SuggestionList Of(IReadOnlyList<RcsSuggestion>? suggestions) => suggestions switch
        {
            SuggestionList list => list,
            null => None,
            { Count: 0 } => None,
            _ => new SuggestionList(suggestions.ToArray()),
        };

        /// <summary>
        /// The number of chips, as Count: the list was an array before, and PowerShell read $card.Suggestions.Length as its
        /// length; on a list without this it enumerates the chips and gives each one's (1 1).
        /// </summary>
        public int Length => Count;

        /// <summary>Each chip's text ("Reply: Yes"), separated by "; ": a chip's DisplayText may hold a comma.</summary>
        public override string ToString() => string.Join("; ", this.Select(chip => chip?.ToString()));
    }
}
