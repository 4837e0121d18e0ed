using System.Collections.Generic;
using System.Text.Json;
using WebexConnect.Messages;

namespace WebexConnect.Engine.Payload
{
    /// <summary>
    /// RCS content (or template) and options. The content type decides which of the message's content
    /// properties are written; the others are ignored, as the model documents.
    /// </summary>
    internal static class RcsPartWriter
    {
        /// <param name="urls">How to write the URLs: as sent, or as an earlier version did (the journal's key of that version).</param>
        public static void Write(Utf8JsonWriter writer, RcsMessage rcs, UrlForm urls = UrlForm.Sent)
        {
            WriteOptions(writer, rcs);
            if (rcs.Template is not null)
            {
                SharedPartWriter.WriteTemplate(writer, rcs.Template, MessageChannel.Rcs);
                return;
            }

            writer.WriteStartObject("content");
            writer.WriteString("type", WireFormat.RcsContentType(rcs.ContentType));
            switch (rcs.ContentType)
            {
                case RcsContentType.Text:
                    writer.WriteIfSet("text", rcs.Text);
                    break;
                case RcsContentType.Media:
                    writer.WriteIfSet("mediaContentUrl", urls.Of(rcs.MediaUrl));
                    break;
                case RcsContentType.Standalone:
                    if (rcs.Card is not null)
                    {
                        writer.WritePropertyName("richCard");
                        WriteCard(writer, rcs.Card, standalone: true, urls);
                    }
                    break;
                case RcsContentType.Carousel:
                    if (rcs.CarouselWidth.HasValue) writer.WriteString("width", WireFormat.Width(rcs.CarouselWidth.Value));
                    if (rcs.Cards.Count > 0)
                    {
                        writer.WriteStartArray("cards");
                        foreach (var card in rcs.Cards) WriteCard(writer, card, standalone: false, urls);
                        writer.WriteEndArray();
                    }
                    break;
                case RcsContentType.AgentEvent:
                    if (rcs.AgentEvent.HasValue) writer.WriteString("event", WireFormat.Event(rcs.AgentEvent.Value));
                    writer.WriteIfSet("messageId", rcs.EventMessageId);
                    break;
            }

            // An agent event is a signal, not a message: there is nothing for a suggestion to accompany.
            if (rcs.ContentType != RcsContentType.AgentEvent) WriteSuggestions(writer, rcs.Suggestions, urls);
            writer.WriteEndObject();
        }

        /// <summary>Orientation and thumbnail alignment belong to a standalone card only; carousel cards leave them out.</summary>
        private static void WriteCard(Utf8JsonWriter writer, RcsCard card, bool standalone, UrlForm urls)
        {
            writer.WriteStartObject();
            writer.WriteIfSet("title", card.Title);
            writer.WriteIfSet("description", card.Description);
            if (standalone && card.Orientation.HasValue) writer.WriteString("orientation", WireFormat.Orientation(card.Orientation.Value));
            if (standalone && card.ThumbnailAlignment.HasValue) writer.WriteString("thumbnailAlignment", WireFormat.Alignment(card.ThumbnailAlignment.Value));
            if (card.MediaHeight.HasValue || !string.IsNullOrEmpty(card.MediaUrl))
            {
                writer.WriteStartObject("media");
                if (card.MediaHeight.HasValue) writer.WriteString("height", WireFormat.Height(card.MediaHeight.Value));
                writer.WriteIfSet("url", urls.Of(card.MediaUrl, card.MediaUrlAsGiven));
                writer.WriteEndObject();
            }
            WriteSuggestions(writer, card.Suggestions, urls);
            writer.WriteEndObject();
        }

        private static void WriteSuggestions(Utf8JsonWriter writer, IReadOnlyList<RcsSuggestion> suggestions, UrlForm urls)
        {
            if (suggestions.Count == 0) return;
            writer.WriteStartArray("suggestions");
            foreach (var suggestion in suggestions)
            {
                writer.WriteStartObject();
                writer.WriteString("type", WireFormat.Suggestion(suggestion.Type));
                writer.WriteIfSet("displayText", suggestion.DisplayText);
                writer.WriteIfSet("postbackData", suggestion.PostbackData);
                writer.WriteIfSet("url", urls.Of(suggestion.Url, suggestion.UrlAsGiven));
                writer.WriteIfSet("phone", urls.Given(suggestion.Phone, suggestion.PhoneAsGiven));
                writer.WriteIfSet("latitude", suggestion.Latitude);
                writer.WriteIfSet("longitude", suggestion.Longitude);
                writer.WriteIfSet("address", suggestion.Address);
                writer.WriteIfSet("startTime", suggestion.StartTime);
                writer.WriteIfSet("endTime", suggestion.EndTime);
                writer.WriteIfSet("meetingTitle", suggestion.MeetingTitle);
                writer.WriteIfSet("meetingDescription", suggestion.MeetingDescription);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }

        private static void WriteOptions(Utf8JsonWriter writer, RcsMessage rcs)
        {
            if (rcs.SmsFallback is null && string.IsNullOrEmpty(rcs.FallbackSenderId)
                && string.IsNullOrEmpty(rcs.FallbackText) && string.IsNullOrEmpty(rcs.CarrierId))
                return;

            writer.WriteStartObject("options");
            writer.WriteIfSet("smsFallback", rcs.SmsFallback);
            writer.WriteIfSet("smsSenderId", rcs.FallbackSenderId);
            writer.WriteIfSet("text", rcs.FallbackText);
            writer.WriteIfSet("carrierId", rcs.CarrierId);
            writer.WriteEndObject();
        }
    }
}
