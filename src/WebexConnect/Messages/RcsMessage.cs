using System;
using System.Collections.Generic;

namespace WebexConnect.Messages
{
    /// <summary>The kind of RCS content (JSON content.type).</summary>
    public enum RcsContentType
    {
        /// <summary>Plain text ("text").</summary>
        Text,
        /// <summary>A media file by URL ("media").</summary>
        Media,
        /// <summary>One rich card ("standalone").</summary>
        Standalone,
        /// <summary>2 to 10 rich cards side by side ("carousel").</summary>
        Carousel,
        /// <summary>A typing indicator or read receipt ("agentEvent").</summary>
        AgentEvent,
    }

    /// <summary>Card width in a carousel (JSON width).</summary>
    public enum RcsCarouselWidth
    {
        /// <summary>"SMALL".</summary>
        Small,
        /// <summary>"MEDIUM".</summary>
        Medium,
    }

    /// <summary>An agent event (JSON event).</summary>
    public enum RcsAgentEvent
    {
        /// <summary>"IS_TYPING".</summary>
        IsTyping,
        /// <summary>"READ": marks a received message as read; needs its message ID.</summary>
        Read,
    }

    /// <summary>An RCS message: one kind of content, suggestions, and the SMS fallback.</summary>
    public sealed class RcsMessage : ConnectMessage
    {
        /// <summary>An empty RCS message, to fill with an object initializer.</summary>
        public RcsMessage()
        {
        }

        internal RcsMessage(SharedPart shared)
            : base(shared)
        {
        }
        /// <inheritdoc />
        public override MessageChannel Channel => MessageChannel.Rcs;

        /// <summary>The kind of content; decides which of the content properties are used.</summary>
        public RcsContentType ContentType { get; init; } = RcsContentType.Text;

        /// <summary>Text: the message (at most 1024 characters), with $(name) variables.</summary>
        public string? Text { get; init; }

        /// <summary>Media: the file's public URL (JSON mediaContentUrl).</summary>
        public string? MediaUrl { get; init; }

        /// <summary>Standalone: the rich card (JSON richCard).</summary>
        public RcsCard? Card { get; init; }

        /// <summary>
        /// What New-ConnectRcsCard said when it made no card for a <see cref="Card"/> that is null, for the row's Invalid result
        /// to say what was wrong with its card; null otherwise. Not sent.
        /// </summary>
        internal string? CardNotMade { get; init; }

        /// <summary>
        /// What was given for a <see cref="Card"/> that is null when it was a cell with no card in it ("an empty cell ('')", "a NULL
        /// cell (DBNull)"), for the row's Invalid result to name it; null otherwise. Not sent.
        /// </summary>
        internal string? CardGivenEmpty { get; init; }

        /// <summary>
        /// What New-ConnectRcsCard said for each null among <see cref="Cards"/>, in order, when it made none of them
        /// (UnmadeCard), for the row's Invalid result; null otherwise. Not sent.
        /// </summary>
        internal IReadOnlyList<string>? CardsNotMade { get; init; }

        /// <summary>
        /// What New-ConnectRcsSuggestion said for each $null among <see cref="Suggestions"/>, in order, when it made none of them
        /// (UnmadeSuggestions), for the row's Invalid result; null otherwise. Not sent.
        /// </summary>
        internal IReadOnlyList<string>? SuggestionsNotMade { get; init; }

        /// <summary>
        /// What is wrong with each $null among <see cref="Suggestions"/> that the command knows of, by slot (a text given where a
        /// chip goes: -Suggestion $r.Answer), for the row's Invalid result; null otherwise. Not sent.
        /// </summary>
        internal IReadOnlyList<string?>? SuggestionSlotProblems { get; init; }

        /// <summary>Carousel: the cards, 2 to 10.</summary>
        public IReadOnlyList<RcsCard> Cards { get; init; } = Array.Empty<RcsCard>();

        /// <summary>Carousel: the card width.</summary>
        public RcsCarouselWidth? CarouselWidth { get; init; }

        /// <summary>AgentEvent: the event.</summary>
        public RcsAgentEvent? AgentEvent { get; init; }

        /// <summary>AgentEvent READ: the ID of the message being marked read (JSON content.messageId).</summary>
        public string? EventMessageId { get; init; }

        /// <summary>Suggestions on the message (at most 10).</summary>
        public IReadOnlyList<RcsSuggestion> Suggestions { get; init; } = Array.Empty<RcsSuggestion>();

        /// <summary>Fall back to SMS when the number cannot receive RCS; needs a sender ID and fallback text.</summary>
        public bool? SmsFallback { get; init; }

        /// <summary>The SMS sender ID used for the fallback (options.smsSenderId).</summary>
        public string? FallbackSenderId { get; init; }

        /// <summary>The SMS text used for the fallback (options.text, at most 1024 characters).</summary>
        public string? FallbackText { get; init; }

        /// <summary>The recipient's carrier ID, when known (options.carrierId).</summary>
        public string? CarrierId { get; init; }
    }
}
