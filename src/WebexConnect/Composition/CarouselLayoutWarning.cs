using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A carousel card's Orientation or ThumbnailAlignment: the service lays carousel cards out itself, so the request
    /// leaves them out (a standalone card's layout only). Without a word, an admin who built the cards with
    /// -Orientation Horizontal saw vertical cards and no reason why.
    /// </summary>
    internal static class CarouselLayoutWarning
    {
        /// <summary>The warning for the carousel's cards that set a layout, or null when none does.</summary>
        public static string? For(IReadOnlyList<RcsCard> cards)
        {
            var named = new List<string>();
            for (var i = 0; i < cards.Count; i++)
            {
                var card = cards[i];
                if (card is null || (card.Orientation is null && card.ThumbnailAlignment is null)) continue;
                // Numbered from 0, as an error about a carousel card names it (-Carousel[1].Title).
                var number = "-Carousel[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                named.Add(string.IsNullOrEmpty(card.Title) ? number : number + " (" + InputEcho.Quote(card.Title!) + ")");
            }
            if (named.Count == 0) return null;
            var which = WordList.And(named);
            return $"{which} {(named.Count == 1 ? "sets" : "set")} Orientation or ThumbnailAlignment, which only a single card " +
                "takes: the service lays out carousel cards itself, so they are sent without them. To choose the layout, send the card " +
                "alone with -Card; otherwise leave -Orientation and -ThumbnailAlignment out of New-ConnectRcsCard.";
        }
    }
}
