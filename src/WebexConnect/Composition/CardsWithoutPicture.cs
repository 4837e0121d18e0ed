using System.Globalization;
using WebexConnect.Messages;

namespace WebexConnect.Composition
{
    /// <summary>
    /// The -Verbose note, once a run, that a card went without a picture although New-ConnectRcsCard was given -MediaHeight: a
    /// catalogue whose rows mostly have an ImageUrl, made into cards by one script block with -MediaHeight Medium, sends the
    /// row whose cell is empty a card of its title and text. That is what such a run means (a product without a photo still
    /// has its offer), so the row is sent, not refused; before, nothing said the height was not sent for it, and -WhatIf
    /// showed the card as any other.
    /// </summary>
    internal sealed class CardsWithoutPicture
    {
        private bool _said;

        /// <summary>The note for row <paramref name="row"/>, the first time its message holds such a card; else null.</summary>
        /// <param name="message">The row's message.</param>
        /// <param name="row">The row's number.</param>
        public string? Note(ConnectMessage message, long row)
        {
            if (_said || message is not RcsMessage rcs || First(rcs) is not RcsCard card) return null;
            _said = true;
            var which = rcs.ContentType == RcsContentType.Carousel ? "a card of its carousel" : "its card";
            var named = card.Title is null ? "" : " (" + Messages.Validation.InputEcho.Quote(card.Title) + ")";
            return $"Row {row.ToString(CultureInfo.InvariantCulture)}: {which}{named} has no picture, as the MediaUrl given to " +
                $"New-ConnectRcsCard was empty, so its -MediaHeight {card.HeightWithoutMedia} is not sent: the card goes with its " +
                "title and text. Later rows' cards without a picture go so too; this is said once.";
        }

        /// <summary>Whether a -WhatIf target names <paramref name="card"/> as a card without its picture.</summary>
        public static bool HasNone(RcsCard card) => card.HeightWithoutMedia is not null;

        private static RcsCard? First(RcsMessage message)
        {
            if (message.Card is { HeightWithoutMedia: not null } card) return card;
            foreach (var item in message.Cards)
                if (item is { HeightWithoutMedia: not null }) return item;
            return null;
        }
    }
}
