namespace WebexConnect.Messages.Validation
{
    /// <summary>The rules of a rich card, standalone or in a carousel.</summary>
    internal static class RcsCardRules
    {
        internal const int MaxTitleCharacters = 200;
        internal const int MaxDescriptionCharacters = 2000;
        internal const int MaxStandaloneSuggestions = 4;
        internal const int MaxCarouselSuggestions = 2;

        internal static void Check(RcsCard card, string field, bool inCarousel, ProblemList problems)
        {
            if (string.IsNullOrEmpty(card.Title) && string.IsNullOrEmpty(card.Description) && string.IsNullOrWhiteSpace(card.MediaUrl))
                problems.Add(field, "the card is empty: give New-ConnectRcsCard -Title, -Description or -MediaUrl");
            if (card.Title is string title && title.Length > MaxTitleCharacters)
                problems.Add(field + ".Title", CommonRules.TooLong(title, MaxTitleCharacters));
            if (card.Description is string description && description.Length > MaxDescriptionCharacters)
                problems.Add(field + ".Description", CommonRules.TooLong(description, MaxDescriptionCharacters));
            // Spaces alone show as a blank title or description on the phone, as they would as a message's text.
            if (!string.IsNullOrEmpty(card.Title) && string.IsNullOrWhiteSpace(card.Title))
                CommonRules.AddOnlyWhiteSpace(problems, field + ".Title", "Title", "the card's title (or $null for none)");
            if (!string.IsNullOrEmpty(card.Description) && string.IsNullOrWhiteSpace(card.Description))
                CommonRules.AddOnlyWhiteSpace(problems, field + ".Description", "Description", "the card's description (or $null for none)");

            if (!string.IsNullOrWhiteSpace(card.MediaUrl) && (UrlRule.CheckWeb(card.MediaUrl!) ?? UrlRule.CheckNoVariable(card.MediaUrl!)) is string urlProblem)
                problems.Add(field + ".MediaUrl", urlProblem);
            if (card.MediaHeight is not null && string.IsNullOrWhiteSpace(card.MediaUrl))
                problems.Add(field + ".MediaHeight", "-MediaHeight needs -MediaUrl: the height is that of the card's image or video");
            else if (inCarousel && card.MediaHeight == RcsMediaHeight.Tall)
                problems.Add(field + ".MediaHeight", "-MediaHeight Tall is not allowed on a carousel card: use Short or Medium");

            CommonRules.CheckCharacters(card.Title, field + ".Title", problems);
            CommonRules.CheckCharacters(card.Description, field + ".Description", problems);
            CommonRules.CheckLine(card.MediaUrl, field + ".MediaUrl", problems);

            if (inCarousel)
                RcsSuggestionRules.CheckList(card.Suggestions, MaxCarouselSuggestions, field + ".Suggestions", "a carousel card", problems);
            else
                RcsSuggestionRules.CheckList(card.Suggestions, MaxStandaloneSuggestions, field + ".Suggestions", "a rich card", problems);
        }
    }
}
