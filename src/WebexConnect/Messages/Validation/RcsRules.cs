namespace WebexConnect.Messages.Validation
{
    /// <summary>The rules of an RCS message: the content its type needs, the cards, suggestions and SMS fallback.</summary>
    internal static class RcsRules
    {
        internal const int MaxTextCharacters = 1024;
        internal const int MaxFallbackTextCharacters = 1024;
        internal const int MaxMessageSuggestions = 10;
        internal const int MinCarouselCards = 2;
        internal const int MaxCarouselCards = 10;

        internal static void Check(RcsMessage message, ProblemList problems)
        {
            if (message.Template is not null) CheckNoContent(message, problems);
            else CheckContent(message, problems);

            // Named as the parameters the admin typed (-Suggestion, -Carousel), as a piped run's stop names them.
            RcsSuggestionRules.CheckList(message.Suggestions, MaxMessageSuggestions, "Suggestion", "a message", problems, message.SuggestionsNotMade,
                message.SuggestionSlotProblems);
            CheckFallback(message, problems);
            if (SenderIdRule.CheckRcsAppId(message.From) is string appIdProblem) problems.Add("From", appIdProblem);

            CommonRules.CheckCharacters(message.Text, "Text", problems);
            BodyFileName.Check(message.Text, "Text", "the RCS text", "the message", problems);
            BodyFileName.Check(message.FallbackText, "FallbackText", "the SMS fallback's text", "the SMS", problems);
            CommonRules.CheckLine(message.MediaUrl, "MediaUrl", problems);
            CommonRules.CheckLine(message.EventMessageId, "EventMessageId", problems);
            CommonRules.CheckLine(message.FallbackSenderId, "FallbackSenderId", problems);
            CommonRules.CheckCharacters(message.FallbackText, "FallbackText", problems);
            CommonRules.CheckLine(message.CarrierId, "CarrierId", problems);
        }

        private static void CheckNoContent(RcsMessage message, ProblemList problems)
        {
            const string Both = " and a template were both given: use one of them, not both (a template message carries no content)";
            if (message.Text is not null) problems.Add("Text", "Text" + Both);
            if (message.MediaUrl is not null) problems.Add("MediaUrl", "MediaUrl" + Both);
            if (message.Card is not null) problems.Add("Card", "Card" + Both);
            if (message.Cards.Count > 0) problems.Add("Carousel", "Carousel" + Both);
        }

        private static void CheckContent(RcsMessage message, ProblemList problems)
        {
            switch (message.ContentType)
            {
                case RcsContentType.Text:
                    if (string.IsNullOrEmpty(message.Text))
                        problems.Add("Text", CommonRules.Missing("the message has no content", "-Text or a Text column, -MediaUrl or a MediaUrl column, -Card or -Carousel"));
                    else if (string.IsNullOrWhiteSpace(message.Text))
                        CommonRules.AddOnlyWhiteSpace(problems, "Text", "Text", "the message text");
                    else if (message.Text!.Length > MaxTextCharacters)
                        AddTextTooLong(message.Text, problems);
                    break;
                case RcsContentType.Media:
                    if (string.IsNullOrWhiteSpace(message.MediaUrl))
                        problems.Add("MediaUrl", "MediaUrl is required for Media content: the public URL of the file");
                    else if ((UrlRule.CheckWeb(message.MediaUrl!) ?? UrlRule.CheckNoVariable(message.MediaUrl!, MediaUrlPerRow)) is string urlProblem)
                        problems.Add("MediaUrl", urlProblem);
                    else if (!string.IsNullOrWhiteSpace(message.Text))
                        problems.Add("MediaUrl", BothTextAndMedia(message));
                    break;
                case RcsContentType.Standalone:
                    if (message.Card is null)
                        problems.Add("Card", message.CardNotMade is string why
                            ? "a card is required, and there is none ($null): New-ConnectRcsCard made none, as its error said: " + why.TrimEnd('.')
                            : message.CardGivenEmpty is string cell
                                ? $"a card is required, and -Card was given {cell}: a cell holds text, and a card is made by " + GiveACard
                                : "a card is required, and -Card was given $null: a variable or column with no card in it gives that " +
                                  "($r.Card of a row without a Card column), as does a card New-ConnectRcsCard refused with an error " +
                                  "before this one. A card is made by " + GiveACard);
                    else
                        RcsCardRules.Check(message.Card, "Card", inCarousel: false, problems);
                    break;
                case RcsContentType.Carousel:
                    CheckCarousel(message, problems);
                    break;
                case RcsContentType.AgentEvent:
                    if (message.AgentEvent is null)
                        problems.Add("AgentEvent", "AgentEvent is required for AgentEvent content: use IsTyping or Read");
                    else if (message.AgentEvent == RcsAgentEvent.Read && string.IsNullOrWhiteSpace(message.EventMessageId))
                        problems.Add("EventMessageId", "a Read event needs -EventMessageId: the ID of the message being marked read");
                    break;
            }
        }

        /// <summary>
        /// A text over 1,024 characters, with what to do: a card's description takes 2,000, so a text up to that long can go
        /// as a card. Before, the error named the limit alone, and the admin went to the help to find a way to send it.
        /// </summary>
        private static void AddTextTooLong(string text, ProblemList problems)
        {
            var tooLong = CommonRules.TooLong(text, MaxTextCharacters);
            if (text.Length > RcsCardRules.MaxDescriptionCharacters)
            {
                problems.Add("Text", tooLong + ": shorten it");
                return;
            }
            // A row's Text column is a substitution once -Card is given, so the same CSV sends each row its card.
            var asCard = $": shorten it, or send it as a card, whose description takes up to {RcsCardRules.MaxDescriptionCharacters}: " +
                "-Card (New-ConnectRcsCard -Description ";
            problems.AddWorded("Text", tooLong + asCard + "'$(Text)')", tooLong + asCard + "$text)");
        }

        /// <summary>
        /// How a card is given, in a loop of one-row calls and to piped rows: an admin whose -Card was a spreadsheet cell needs the
        /// command that makes one, not advice about an error New-ConnectRcsCard never wrote.
        /// </summary>
        private const string GiveACard = "New-ConnectRcsCard from the row's cells: in a loop, -Card (New-ConnectRcsCard -Title $r.Title " +
            "-MediaUrl $r.ImageUrl); for piped rows, a script block that makes each row's card: -Card { New-ConnectRcsCard -Title $_.Title " +
            "-MediaUrl $_.ImageUrl }";

        /// <summary>Since -MediaUrl binds from a MediaUrl column, a URL per row is a column, not a command per row.</summary>
        private const string MediaUrlPerRow = "put each row's URL in a MediaUrl column of the CSV, " +
            "e.g. Import-Csv ... | Select-Object *, @{ n = 'MediaUrl'; e = { \"https://files.example.com/$($_.Sku).png\" } } | Send-ConnectRcs ...";

        /// <summary>
        /// A text and a file for one message (a row of a CSV with a Text and a MediaUrl column): an RCS message carries one or
        /// the other, and sending either alone would drop what the row gave without a word.
        /// </summary>
        private static string BothTextAndMedia(RcsMessage message) =>
            $"the row gives both a text ({InputEcho.Quote(message.Text!)}) and a file ({InputEcho.Quote(message.MediaUrl!)}): " +
            "an RCS message is a text or a file, not both. Empty one of the two cells, or send both as a rich card, each row its own: " +
            "Send-ConnectRcs -From <app ID> -Card { New-ConnectRcsCard -Description $_.Text -MediaUrl $_.MediaUrl }";

        private static void CheckCarousel(RcsMessage message, ProblemList problems)
        {
            var count = message.Cards.Count;
            // Group-Object makes a group of one product as readily as a group of twelve: say what to do with each.
            // $null or no card: most often a CSV whose every row failed in New-ConnectRcsCard.
            if (count == 0)
                problems.Add("Carousel", $"a carousel takes {MinCarouselCards} to {MaxCarouselCards} cards, and it got none: no card was made; " +
                    "if New-ConnectRcsCard wrote errors before this, correct those first");
            else if (count == 1)
                problems.Add("Carousel", $"a carousel has 1 card: use {MinCarouselCards} to {MaxCarouselCards}, or send a single card with -Card");
            else if (count < MinCarouselCards)
                problems.Add("Carousel", $"a carousel has {count} cards: use {MinCarouselCards} to {MaxCarouselCards}");
            else if (count > MaxCarouselCards)
                problems.Add("Carousel", $"a carousel has {count} cards: use {MinCarouselCards} to {MaxCarouselCards}, and send the others in another carousel");
            var cardsFrom = problems.Count;
            for (int i = 0, unmade = 0; i < count; i++)
            {
                var field = ProblemList.Indexed("Carousel", i);
                if (message.Cards[i] is RcsCard card) RcsCardRules.Check(card, field, inCarousel: true, problems);
                else if (message.CardsNotMade is { } notMade)
                    problems.Add(field, "the card is $null: New-ConnectRcsCard made none, as its error said: " + notMade[unmade++].TrimEnd('.'));
                else problems.Add(field, "the card is $null (an empty cell, or a variable or column with no card in it), or " +
                    "New-ConnectRcsCard refused it with an error before this one: give a card made by New-ConnectRcsCard");
            }
            // The same cards built in a loop share their mistake: one sentence that lists them.
            problems.JoinAcrossItems(cardsFrom, "Carousel");
        }

        private static void CheckFallback(RcsMessage message, ProblemList problems)
        {
            if (message.SmsFallback != true)
            {
                // The service falls back only when smsFallback is true: a sender ID or text alone would silently mean no fallback.
                const string Off = " was given without SmsFallback, so no SMS would be sent when the number cannot receive RCS: " +
                    "add -SmsFallback to turn the fallback on, or leave ";
                if (message.FallbackSenderId is not null) problems.Add("FallbackSenderId", "FallbackSenderId" + Off + "-FallbackSenderId out");
                if (message.FallbackText is not null) problems.Add("FallbackText", "FallbackText" + Off + "-FallbackText out");
                return;
            }
            if (string.IsNullOrWhiteSpace(message.FallbackSenderId))
                problems.Add("FallbackSenderId", "-SmsFallback needs -FallbackSenderId: the SMS sender ID used when the number cannot receive RCS");
            else if (SenderIdRule.CheckSms(message.FallbackSenderId!) is string senderProblem)
                problems.Add("FallbackSenderId", senderProblem);
            // A row's empty FallbackText cell is that row's: the command line's -FallbackText, or a missing column, stops the run.
            if (string.IsNullOrEmpty(message.FallbackText))
                problems.Add("FallbackText", "-SmsFallback needs -FallbackText: the SMS sent when the number cannot receive RCS",
                    ": the row's FallbackText cell is empty. Fill it, or send the row without -SmsFallback");
            else if (string.IsNullOrWhiteSpace(message.FallbackText))
                CommonRules.AddOnlyWhiteSpace(problems, "FallbackText", "FallbackText", "the SMS sent when the number cannot receive RCS");
            else if (message.FallbackText!.Length > MaxFallbackTextCharacters)
                problems.Add("FallbackText", CommonRules.TooLong(message.FallbackText, MaxFallbackTextCharacters));
        }
    }
}
