using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using Xunit;
using static WebexConnect.Tests.Validation.ValidationAssert;

namespace WebexConnect.Tests.Validation
{
    /// <summary>RCS: what each content type needs, cards, carousels, suggestions and the SMS fallback.</summary>
    public class RcsValidationTests
    {
        private const string App = "app-123";

        private static IReadOnlyList<ValidationProblem> Check(RcsMessage message) => MessageValidator.Validate(message, Now);

        private static RcsSuggestion Reply(string text = "Yes") => new RcsSuggestion { Type = RcsSuggestionType.Reply, DisplayText = text, PostbackData = "y" };

        private static RcsSuggestion[] Replies(int count) => Enumerable.Range(0, count).Select(i => Reply("R" + i)).ToArray();

        private static RcsCard Card(string title = "Offer") => new RcsCard { Title = title, MediaUrl = "https://img.example.com/a.png", MediaHeight = RcsMediaHeight.Medium };

        private static IReadOnlyList<ValidationProblem> WithSuggestion(RcsSuggestion suggestion) =>
            Check(new RcsMessage { From = App, Text = "Hi", Suggestions = new[] { suggestion } });

        [Fact]
        public void TextIsRequiredAndAtMost1024Characters()
        {
            Valid(Check(new RcsMessage { From = App, Text = new string('a', 1024) }));
            // Before: "Text is required for Text content", which named neither the column nor the other kinds of content.
            Assert.Equal("the message has no content: give -Text or a Text column, -MediaUrl or a MediaUrl column, -Card or -Carousel, or a template (-TemplateId)",
                Single(Check(new RcsMessage { From = App }), "Text"));
            Assert.StartsWith("has 1025 characters: at most 1024 are allowed: ", Single(Check(new RcsMessage { From = App, Text = new string('a', 1025) }), "Text"));
        }

        [Fact]
        public void ATextOverTheLimitSaysHowToSendItAsACardOrToShortenIt()
        {
            // Before: "has 1100 characters: at most 1024 are allowed", and nothing said a card's description takes 2000.
            var problem = Check(new RcsMessage { From = App, Text = new string('a', 1100) }).Single();
            Assert.Equal("has 1100 characters: at most 1024 are allowed: shorten it, or send it as a card, whose description takes up to 2000: " +
                "-Card (New-ConnectRcsCard -Description '$(Text)')", problem.Message);
            Assert.EndsWith(": -Card (New-ConnectRcsCard -Description $text)", problem.ForCommandLine);
            // Too long for a card as well: shortening is the one way.
            Assert.Equal("has 2001 characters: at most 1024 are allowed: shorten it", Single(Check(new RcsMessage { From = App, Text = new string('a', 2001) }), "Text"));
        }

        [Fact]
        public void AFileWithATextIsRefusedNamingBothAndTheRichCard()
        {
            // A CSV row with a Text and a MediaUrl cell: sending either alone would drop the other without a word.
            var problem = Single(Check(new RcsMessage { From = App, ContentType = RcsContentType.Media, MediaUrl = "https://img.example.com/pass-1.png", Text = "Your pass" }), "MediaUrl");
            Assert.StartsWith("the row gives both a text ('Your pass') and a file ('https://img.example.com/pass-1.png'): an RCS message is a text or a file, not both.", problem);
            Assert.Contains("New-ConnectRcsCard -Description $_.Text -MediaUrl $_.MediaUrl", problem);
            // A blank text cell beside the file is no text.
            Valid(Check(new RcsMessage { From = App, ContentType = RcsContentType.Media, MediaUrl = "https://img.example.com/pass-1.png", Text = " " }));
        }

        [Fact]
        public void MediaNeedsAUrl()
        {
            Valid(Check(new RcsMessage { From = App, ContentType = RcsContentType.Media, MediaUrl = "https://img.example.com/a.png" }));
            Single(Check(new RcsMessage { From = App, ContentType = RcsContentType.Media }), "MediaUrl");
            Single(Check(new RcsMessage { From = App, ContentType = RcsContentType.Media, MediaUrl = "a.png" }), "MediaUrl");
        }

        [Fact]
        public void ATemplateMessageCarriesNoContent()
        {
            Valid(Check(new RcsMessage { From = App, Template = new MessageTemplate { Id = "T1" } }));
            Assert.Contains("not both", Single(Check(new RcsMessage { From = App, Text = "Hi", Template = new MessageTemplate { Id = "T1" } }), "Text"));
        }

        [Fact]
        public void StandaloneNeedsACard()
        {
            Valid(Check(new RcsMessage { From = App, ContentType = RcsContentType.Standalone, Card = Card() }));
            Single(Check(new RcsMessage { From = App, ContentType = RcsContentType.Standalone }), "Card");
            Single(Check(new RcsMessage { From = App, ContentType = RcsContentType.Standalone, Card = new RcsCard() }), "Card");
        }

        [Fact]
        public void CardTitleAndDescriptionHaveLimits()
        {
            Valid(Check(new RcsMessage { From = App, ContentType = RcsContentType.Standalone, Card = new RcsCard { Title = new string('t', 200), Description = new string('d', 2000) } }));

            var problems = Check(new RcsMessage { From = App, ContentType = RcsContentType.Standalone, Card = new RcsCard { Title = new string('t', 201), Description = new string('d', 2001) } });
            Assert.Equal(new[] { "Card.Title", "Card.Description" }, problems.Select(p => p.Field));
        }

        [Theory]
        [InlineData(2)]
        [InlineData(10)]
        public void ACarouselHas2To10Cards(int count) =>
            Valid(Check(new RcsMessage { From = App, ContentType = RcsContentType.Carousel, Cards = Enumerable.Range(0, count).Select(i => Card()).ToArray() }));

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(11)]
        public void ACarouselWithTooFewOrTooManyCardsIsAProblem(int count) =>
            Assert.Contains("2 to 10", Single(Check(new RcsMessage
            {
                From = App, ContentType = RcsContentType.Carousel, Cards = Enumerable.Range(0, count).Select(i => Card()).ToArray(),
            }), "Carousel"));

        [Theory]
        [InlineData(1, "a carousel has 1 card: use 2 to 10, or send a single card with -Card")]
        [InlineData(0, "a carousel takes 2 to 10 cards, and it got none: no card was made; if New-ConnectRcsCard wrote errors before this, correct those first")]
        [InlineData(12, "a carousel has 12 cards: use 2 to 10, and send the others in another carousel")]
        public void A_carousel_of_the_wrong_size_says_what_to_do_with_its_cards(int count, string expected) =>
            Assert.Equal(expected, Single(Check(new RcsMessage
            {
                From = App, ContentType = RcsContentType.Carousel, Cards = Enumerable.Range(0, count).Select(i => Card()).ToArray(),
            }), "Carousel"));

        [Fact]
        public void A_null_card_says_what_New_ConnectRcsCard_said_when_it_made_none()
        {
            // -Card (New-ConnectRcsCard -Title $r.Title) of a row whose Title is empty: before, only "there is none ($null)".
            var said = Single(Check(new RcsMessage
            {
                From = App, ContentType = RcsContentType.Standalone,
                CardNotMade = "-Title: The text has 201 characters: at most 200 are allowed. Shorten it.",
            }), "Card");

            Assert.Equal("a card is required, and there is none ($null): New-ConnectRcsCard made none, as its error said: " +
                "-Title: The text has 201 characters: at most 200 are allowed. Shorten it", said);
        }

        [Fact]
        public void A_null_card_that_no_card_command_left_says_what_was_given_and_how_a_card_is_made()
        {
            // -Card $r.Card of a row without the column, or of a NULL cell: before, "if New-ConnectRcsCard wrote an error for it,
            // correct what that error says", about a command the loop never ran.
            var givenNull = Single(Check(new RcsMessage { From = App, ContentType = RcsContentType.Standalone }), "Card");
            Assert.StartsWith("a card is required, and -Card was given $null: a variable or column with no card in it gives that " +
                "($r.Card of a row without a Card column), as does a card New-ConnectRcsCard refused with an error before this one. " +
                "A card is made by New-ConnectRcsCard from the row's cells: in a loop, -Card (New-ConnectRcsCard -Title $r.Title", givenNull, StringComparison.Ordinal);
            Assert.EndsWith("for piped rows, a script block that makes each row's card: -Card { New-ConnectRcsCard -Title $_.Title -MediaUrl $_.ImageUrl }",
                givenNull, StringComparison.Ordinal);

            var givenCell = Single(Check(new RcsMessage { From = App, ContentType = RcsContentType.Standalone, CardGivenEmpty = "a NULL cell (DBNull)" }), "Card");
            Assert.StartsWith("a card is required, and -Card was given a NULL cell (DBNull): a cell holds text, and a card is made by " +
                "New-ConnectRcsCard from the row's cells: in a loop, -Card (New-ConnectRcsCard", givenCell, StringComparison.Ordinal);
            Assert.DoesNotContain("error", givenCell, StringComparison.Ordinal);
        }

        [Fact]
        public void A_null_card_or_chip_in_a_list_is_named_with_its_index_and_what_leaves_one()
        {
            Assert.Equal("the card is $null (an empty cell, or a variable or column with no card in it), or New-ConnectRcsCard refused it " +
                "with an error before this one: give a card made by New-ConnectRcsCard",
                Single(Check(new RcsMessage { From = App, ContentType = RcsContentType.Carousel, Cards = new[] { Card(), null! } }), "Carousel[1]"));
            Assert.Equal("the suggestion is $null (a variable or column with no chip in it), or New-ConnectRcsSuggestion refused it with an " +
                "error before this one: give a chip made by New-ConnectRcsSuggestion, or leave it out",
                Single(Check(new RcsMessage { From = App, Text = "Hi", Suggestions = new[] { Reply(), null! } }), "Suggestion[1]"));
        }

        [Fact]
        public void Null_chips_say_what_New_ConnectRcsSuggestion_said_of_each_in_order()
        {
            // A loop's -Suggestion (New-ConnectRcsSuggestion ...), (New-ConnectRcsSuggestion ...) whose two chips were refused.
            var problems = Check(new RcsMessage
            {
                From = App, Text = "Hi", Suggestions = new[] { null!, Reply(), null! },
                SuggestionsNotMade = new[] { "-EndTime 2030-01-01 09:00:00Z must be after -StartTime 2030-01-01 10:00:00Z.", "-DisplayText is empty." },
            });

            Assert.Equal(new[] { "Suggestion[0]", "Suggestion[2]" }, problems.Select(p => p.Field));
            Assert.Equal("the suggestion is $null: New-ConnectRcsSuggestion made none, as its error said: -EndTime 2030-01-01 09:00:00Z " +
                "must be after -StartTime 2030-01-01 10:00:00Z", problems[0].Message);
            Assert.Equal("the suggestion is $null: New-ConnectRcsSuggestion made none, as its error said: -DisplayText is empty", problems[1].Message);
        }

        [Fact]
        public void A_url_with_a_variable_is_a_problem_as_the_service_fills_variables_in_text_only()
        {
            const string Said = "'https://shop.example.com/?c=$(Company)' holds $(Company), which would reach the phone as written: the service fills $(name) variables in text only, not in a URL.";
            var link = new RcsSuggestion { Type = RcsSuggestionType.OpenUrl, DisplayText = "Buy", Url = "https://shop.example.com/?c=$(Company)" };
            var card = new RcsCard { Title = "Hi $(Name)", MediaUrl = "https://img.example.com/$(Sku).png" };

            Assert.StartsWith(Said, Single(WithSuggestion(link), "Suggestion[0].Url"), StringComparison.Ordinal);
            Assert.Contains("holds $(Sku)", Single(Check(new RcsMessage { From = App, ContentType = RcsContentType.Standalone, Card = card }), "Card.MediaUrl"));
            // A message's file: each row's own URL is a MediaUrl column (the command binds it), not a command per row.
            var media = Single(Check(new RcsMessage { From = App, ContentType = RcsContentType.Media, MediaUrl = card.MediaUrl }), "MediaUrl");
            Assert.Contains("holds $(Sku)", media);
            Assert.Contains("Give each row its own URL instead: put each row's URL in a MediaUrl column of the CSV", media);
            // The card's title is text: the service fills it.
            Valid(Check(new RcsMessage { From = App, ContentType = RcsContentType.Standalone, Card = Card("Hi $(Name)") }));
            Valid(WithSuggestion(new RcsSuggestion { Type = RcsSuggestionType.OpenUrl, DisplayText = "Buy", Url = "https://shop.example.com/?price=$5" }));
        }

        [Fact]
        public void CarouselCardsAllowShortOrMediumMediaOnly()
        {
            var tall = new RcsCard { Title = "T", MediaUrl = "https://img.example.com/a.png", MediaHeight = RcsMediaHeight.Tall };
            Valid(Check(new RcsMessage { From = App, ContentType = RcsContentType.Standalone, Card = tall }));

            var message = Single(Check(new RcsMessage { From = App, ContentType = RcsContentType.Carousel, Cards = new[] { Card(), tall } }), "Carousel[1].MediaHeight");
            Assert.Contains("Short or Medium", message);
        }

        [Fact]
        public void AProblemEveryCarouselCardHasIsSaidOnceListingTheCards()
        {
            // Cards built in a loop share their mistake. Before: "Cards[0].MediaHeight: -MediaHeight Tall is not allowed on a
            // carousel card: use Short or Medium" three times over, once per card, in one error.
            var tall = new RcsCard { Title = "T", MediaUrl = "https://img.example.com/a.png", MediaHeight = RcsMediaHeight.Tall, Suggestions = Replies(3) };
            var problems = Check(new RcsMessage { From = App, ContentType = RcsContentType.Carousel, Cards = new[] { tall, Card(), tall, tall } });

            Assert.Equal(new[] { "Carousel[0,2,3].MediaHeight", "Carousel[0,2,3].Suggestions" }, problems.Select(p => p.Field));
            Assert.Equal("-MediaHeight Tall is not allowed on a carousel card: use Short or Medium", problems[0].Message);
            // Problems that differ from card to card stay apart.
            var titles = Check(new RcsMessage { From = App, ContentType = RcsContentType.Carousel, Cards = new[] { Card(new string('t', 201)), Card(new string('t', 202)) } });
            Assert.Equal(new[] { "Carousel[0].Title", "Carousel[1].Title" }, titles.Select(p => p.Field));
        }

        [Fact]
        public void CarouselCardFieldsAreNamedByIndex() =>
            Single(Check(new RcsMessage { From = App, ContentType = RcsContentType.Carousel, Cards = new[] { Card(), Card(new string('t', 201)) } }), "Carousel[1].Title");

        [Fact]
        public void AtMost10SuggestionsOnAMessage()
        {
            Valid(Check(new RcsMessage { From = App, Text = "Hi", Suggestions = Replies(10) }));
            // Before: "a message has 11 suggestions: at most 10 are allowed", with no word of what to do.
            Assert.Equal("a message has 12 suggestions: at most 10 are allowed (the service's limit): leave 2 out",
                Single(Check(new RcsMessage { From = App, Text = "Hi", Suggestions = Replies(12) }), "Suggestion"));
        }

        [Fact]
        public void AtMost4SuggestionsOnARichCard()
        {
            Valid(Check(new RcsMessage { From = App, ContentType = RcsContentType.Standalone, Card = new RcsCard { Title = "T", Suggestions = Replies(4) } }));
            Assert.Equal("a rich card has 5 suggestions: at most 4 are allowed (the service's limit): take 1 off the card; the message itself " +
                "takes up to 10 of its own (Send-ConnectRcs -Suggestion)",
                Single(Check(new RcsMessage { From = App, ContentType = RcsContentType.Standalone, Card = new RcsCard { Title = "T", Suggestions = Replies(5) } }), "Card.Suggestions"));
        }

        [Fact]
        public void AtMost2SuggestionsOnACarouselCard()
        {
            var two = new RcsCard { Title = "T", Suggestions = Replies(2) };
            var three = new RcsCard { Title = "T", Suggestions = Replies(3) };
            Valid(Check(new RcsMessage { From = App, ContentType = RcsContentType.Carousel, Cards = new[] { two, two } }));
            Assert.Equal("a carousel card has 3 suggestions: at most 2 are allowed (the service's limit): take 1 off the card, or send the card " +
                "alone with -Card, where a card takes 4",
                Single(Check(new RcsMessage { From = App, ContentType = RcsContentType.Carousel, Cards = new[] { two, three } }), "Carousel[1].Suggestions"));
        }

        [Fact]
        public void DisplayTextIsRequiredAndAtMost25Characters()
        {
            Valid(WithSuggestion(Reply(new string('x', 25))));
            Single(WithSuggestion(Reply("")), "Suggestion[0].DisplayText");
            Assert.Equal("has 26 characters: at most 25 are allowed", Single(WithSuggestion(Reply(new string('x', 26))), "Suggestion[0].DisplayText"));
        }

        [Fact]
        public void ASuggestionOnACarouselCardIsNamedByBothIndexes()
        {
            var card = new RcsCard { Title = "T", Suggestions = new[] { Reply(), Reply("") } };
            Single(Check(new RcsMessage { From = App, ContentType = RcsContentType.Carousel, Cards = new[] { Card(), card } }), "Carousel[1].Suggestions[1].DisplayText");
        }

        [Fact]
        public void OpenUrlNeedsAUrl()
        {
            Valid(WithSuggestion(new RcsSuggestion { Type = RcsSuggestionType.OpenUrl, DisplayText = "Open", Url = "https://acme.example.com" }));
            Single(WithSuggestion(new RcsSuggestion { Type = RcsSuggestionType.OpenUrl, DisplayText = "Open" }), "Suggestion[0].Url");
        }

        [Fact]
        public void DialPhoneNeedsAnE164Number()
        {
            Valid(WithSuggestion(new RcsSuggestion { Type = RcsSuggestionType.DialPhone, DisplayText = "Call", Phone = "+447700900123" }));
            Assert.Contains("it contains spaces", Single(WithSuggestion(new RcsSuggestion { Type = RcsSuggestionType.DialPhone, DisplayText = "Call", Phone = "+44 7700 900123" }), "Suggestion[0].Phone"));
            Single(WithSuggestion(new RcsSuggestion { Type = RcsSuggestionType.DialPhone, DisplayText = "Call" }), "Suggestion[0].Phone");
        }

        [Fact]
        public void ViewLocationNeedsCoordinatesOrAnAddress()
        {
            Valid(WithSuggestion(new RcsSuggestion { Type = RcsSuggestionType.ViewLocation, DisplayText = "Map", Latitude = 51.5, Longitude = -0.12 }));
            Valid(WithSuggestion(new RcsSuggestion { Type = RcsSuggestionType.ViewLocation, DisplayText = "Map", Address = "10 Downing St, London" }));

            Single(WithSuggestion(new RcsSuggestion { Type = RcsSuggestionType.ViewLocation, DisplayText = "Map" }), "Suggestion[0].Address");
            Single(WithSuggestion(new RcsSuggestion { Type = RcsSuggestionType.ViewLocation, DisplayText = "Map", Latitude = 51.5 }), "Suggestion[0].Longitude");
            Assert.Contains("-90 to 90", Single(WithSuggestion(new RcsSuggestion { Type = RcsSuggestionType.ViewLocation, DisplayText = "Map", Latitude = 91, Longitude = 0 }), "Suggestion[0].Latitude"));
        }

        [Fact]
        public void CalendarEventNeedsStartEndAndTitle()
        {
            var start = Now.AddDays(1);
            Valid(WithSuggestion(new RcsSuggestion { Type = RcsSuggestionType.CalendarEvent, DisplayText = "Save", StartTime = start, EndTime = start.AddHours(1), MeetingTitle = "Visit" }));

            var problems = WithSuggestion(new RcsSuggestion { Type = RcsSuggestionType.CalendarEvent, DisplayText = "Save" });
            Assert.Equal(new[] { "Suggestion[0].StartTime", "Suggestion[0].EndTime", "Suggestion[0].MeetingTitle" }, problems.Select(p => p.Field));
        }

        [Fact]
        public void ACalendarEventEndsAfterItStarts()
        {
            var start = Now.AddDays(1);
            var message = Single(WithSuggestion(new RcsSuggestion { Type = RcsSuggestionType.CalendarEvent, DisplayText = "Save", StartTime = start, EndTime = start, MeetingTitle = "Visit" }), "Suggestion[0].EndTime");
            Assert.Contains("must end after it starts", message);
        }

        [Fact]
        public void AReadEventNeedsTheMessageId()
        {
            Valid(Check(new RcsMessage { From = App, ContentType = RcsContentType.AgentEvent, AgentEvent = RcsAgentEvent.IsTyping }));
            Valid(Check(new RcsMessage { From = App, ContentType = RcsContentType.AgentEvent, AgentEvent = RcsAgentEvent.Read, EventMessageId = "m-1" }));
            Single(Check(new RcsMessage { From = App, ContentType = RcsContentType.AgentEvent, AgentEvent = RcsAgentEvent.Read }), "EventMessageId");
            Single(Check(new RcsMessage { From = App, ContentType = RcsContentType.AgentEvent }), "AgentEvent");
        }

        [Fact]
        public void AMediaHeightWithoutAMediaUrlIsAProblem()
        {
            // A card built by hand: New-ConnectRcsCard refuses it when it is made.
            var card = new RcsCard { Title = "Sale", MediaHeight = RcsMediaHeight.Tall };

            Assert.Contains("-MediaHeight needs -MediaUrl", Single(Check(new RcsMessage { From = App, ContentType = RcsContentType.Standalone, Card = card }), "Card.MediaHeight"));
        }

        [Fact]
        public void AFallbackSenderOrTextWithoutSmsFallbackIsAProblem()
        {
            // The service falls back only when smsFallback is true: without it these would be dropped silently.
            var problems = Check(new RcsMessage { From = App, Text = "Hi", FallbackSenderId = "ACME", FallbackText = "Hi" });

            Assert.Equal(new[] { "FallbackSenderId", "FallbackText" }, problems.Select(p => p.Field));
            Assert.All(problems, p => Assert.Contains("add -SmsFallback", p.Message));
        }

        [Fact]
        public void SmsFallbackNeedsASenderAndTextOfAtMost1024()
        {
            Valid(Check(new RcsMessage { From = App, Text = "Hi", SmsFallback = true, FallbackSenderId = "ACME", FallbackText = new string('a', 1024) }));

            var problems = Check(new RcsMessage { From = App, Text = "Hi", SmsFallback = true });
            Assert.Equal(new[] { "FallbackSenderId", "FallbackText" }, problems.Select(p => p.Field));
            Single(Check(new RcsMessage { From = App, Text = "Hi", SmsFallback = true, FallbackSenderId = "ACME", FallbackText = new string('a', 1025) }), "FallbackText");
        }

        [Fact]
        public void AnEmptyFallbackTextCellSaysToFillItAndTheCommandLineIsToldToGiveTheParameter()
        {
            // A FallbackText column binds -FallbackText: an empty cell is that row's own problem, said as the cell's.
            var problem = Check(new RcsMessage { From = App, Text = "Hi", SmsFallback = true, FallbackSenderId = "ACME", FallbackText = "" })
                .Single(p => p.Field == "FallbackText");

            Assert.Equal("-SmsFallback needs -FallbackText: the SMS sent when the number cannot receive RCS: the row's FallbackText cell is empty. " +
                "Fill it, or send the row without -SmsFallback", problem.Message);
            Assert.Equal("-SmsFallback needs -FallbackText: the SMS sent when the number cannot receive RCS", problem.ForCommandLine);
        }

        [Theory]
        [InlineData("+447700900001")]
        [InlineData("+4477009")]
        public void AFallbackSenderWithAPlusIsRefusedAsAnSmsSenderIs(string sender)
        {
            // Before: '+447700900001' was called an alphanumeric sender ID over 11 characters, and '+4477009' went out for the
            // service to refuse, so no phone without RCS got its SMS. Send-ConnectSms -From said the right thing all along.
            var expected = $"'{sender}' starts with +: write a long code as digits only (e.g. 447700900123)";
            Assert.Equal(expected, Single(Check(new RcsMessage { From = App, Text = "Hi", SmsFallback = true, FallbackSenderId = sender, FallbackText = "Hi" }), "FallbackSenderId"));
            Assert.Equal(expected, Single(MessageValidator.Validate(new SmsMessage { From = sender, Text = "Hi" }, Now), "From"));
            Valid(Check(new RcsMessage { From = App, Text = "Hi", SmsFallback = true, FallbackSenderId = sender.Substring(1), FallbackText = "Hi" }));
        }
    }
}
