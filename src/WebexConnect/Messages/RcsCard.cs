using System;
using System.Collections.Generic;

namespace WebexConnect.Messages
{
    /// <summary>Rich card layout (JSON orientation).</summary>
    public enum RcsCardOrientation
    {
        /// <summary>Media beside the text ("HORIZONTAL").</summary>
        Horizontal,
        /// <summary>Media above the text ("VERTICAL").</summary>
        Vertical,
    }

    /// <summary>Where the thumbnail sits on a horizontal card (JSON thumbnailAlignment).</summary>
    public enum RcsThumbnailAlignment
    {
        /// <summary>"LEFT".</summary>
        Left,
        /// <summary>"RIGHT".</summary>
        Right,
    }

    /// <summary>Height of a card's media (JSON media.height). Carousels allow Short and Medium only.</summary>
    public enum RcsMediaHeight
    {
        /// <summary>"SHORT".</summary>
        Short,
        /// <summary>"MEDIUM".</summary>
        Medium,
        /// <summary>"TALL".</summary>
        Tall,
    }

    /// <summary>A rich card: sent alone (standalone) or as one card of a carousel. Built by New-ConnectRcsCard.</summary>
    public sealed class RcsCard
    {
        /// <summary>The card's title (at most 200 characters).</summary>
        public string? Title { get; init; }

        /// <summary>The card's description (at most 2000 characters).</summary>
        public string? Description { get; init; }

        /// <summary>Layout of a standalone card.</summary>
        public RcsCardOrientation? Orientation { get; init; }

        /// <summary>Thumbnail position on a horizontal card.</summary>
        public RcsThumbnailAlignment? ThumbnailAlignment { get; init; }

        /// <summary>The media's public URL.</summary>
        public string? MediaUrl { get; init; }

        /// <summary>
        /// The URL as the command was given it, spaces around it included, when New-ConnectRcsCard trimmed them: versions before the
        /// trim sent, and so named in their journal, the card with it.
        /// </summary>
        internal string? MediaUrlAsGiven { get; init; }

        /// <summary>The media's height.</summary>
        public RcsMediaHeight? MediaHeight { get; init; }

        /// <summary>
        /// The -MediaHeight New-ConnectRcsCard was given for this card when its MediaUrl was empty (a catalogue row without a
        /// picture): not sent, as the card has no media, and said once by Send-ConnectRcs -Verbose (CardsWithoutPicture).
        /// </summary>
        internal RcsMediaHeight? HeightWithoutMedia { get; init; }

        /// <summary>Suggestions on the card: at most 4 on a standalone card, 2 on a carousel card.</summary>
        // Kept as a SuggestionList whatever list is given, so that Export-Csv writes the chips, not the array's type name.
        public IReadOnlyList<RcsSuggestion> Suggestions { get => _suggestions; init => _suggestions = SuggestionList.Of(value); }

        private readonly SuggestionList _suggestions = SuggestionList.None;

        /// <inheritdoc />
        public override string ToString() => Title ?? MediaUrl ?? "(card)";
    }
}
