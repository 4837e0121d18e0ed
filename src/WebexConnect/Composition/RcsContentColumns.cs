using System;
using System.Linq;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// The columns piped to Send-ConnectRcs that name a content it does not take from them: a MediaUrl column beside a
    /// command-line -Text (every row's content is that text), and a Card, RichCard or Carousel column, whose cells are text and
    /// cannot hold a card. Each is named once per run, with what does give each row its own.
    /// </summary>
    internal static class RcsContentColumns
    {
        /// <summary>The warning for <paramref name="column"/> when it is one of them, else null.</summary>
        /// <param name="commandName">The command as invoked, for the advice.</param>
        /// <param name="column">The column's name as the row spells it.</param>
        /// <param name="textGiven">-Text was given on the command line.</param>
        /// <param name="contentGiven">The parameter that gives every row's content in place of a text or a file ("Card", "TemplateId"), or null.</param>
        /// <param name="contentScripted">-<paramref name="contentGiven"/> is a script block, which may read the row's cells itself.</param>
        public static string? Warning(string commandName, string column, bool textGiven, string? contentGiven = null, bool contentScripted = false)
        {
            var isMediaUrl = Is(column, "MediaUrl") || Is(column, "MediaContentUrl");
            // A script block that makes each row's card is asked only of a column it does not name (RowScript.MayRead): a block
            // written for a CSV without pictures, given one with them, sent every card without its picture and without a word.
            if ((isMediaUrl || Is(column, "ImageUrl") || Is(column, "Image")) && (contentGiven == "Card" || contentGiven == "Carousel") && contentScripted)
                return $"The column {InputEcho.Quote(column)} is not read: the -{contentGiven} script block does not name it, so no " +
                       $"row's card shows the picture its {column} cell names. Give it to the card in the block: New-ConnectRcsCard ... " +
                       $"-MediaUrl $_.{column}. The column is only a substitution, for a $({column}) in the text.";
            // A passes CSV piped to a script that gives -Card was told "-MediaUrl does not go with the parameters given here",
            // naming neither -Card nor how to send each row its picture.
            if (isMediaUrl && contentGiven is not null)
                return $"The column {InputEcho.Quote(column)} is not read: -{contentGiven} gives every row its content, and an RCS message " +
                       $"has one. Leave out -{contentGiven} to send each row the file its {column} cell names" +
                       (contentGiven == "Card" || contentGiven == "Carousel"
                           ? ", or make each row's card with its picture in a script block: -Card { New-ConnectRcsCard -Title $_.Title -MediaUrl $_." +
                             column + " }."
                           : ".");
            // New-ConnectRcsCard's names for its -MediaUrl: a CSV made for cards spells each row's picture so. With one card for
            // every row, each customer got that card without their picture, and nothing said the column went unread.
            if ((Is(column, "ImageUrl") || Is(column, "Image")) && (contentGiven == "Card" || contentGiven == "Carousel"))
                return $"The column {InputEcho.Quote(column)} is not read: -{contentGiven} gives every row the same card, so no row gets " +
                       $"the picture its {column} cell names. Make each row's card from its cells in a script block: -Card {{ " +
                       $"New-ConnectRcsCard -Title $_.Title -MediaUrl $_.{column} }}. The column is only a substitution, for a $({column}) in the text.";
            if (isMediaUrl)
                return textGiven
                    ? $"The column {InputEcho.Quote(column)} is not read: -Text was given on the command line, and an RCS message is a text " +
                      "or a file, not both, so every row is sent that text. Leave out -Text to send each row its file (a row whose cell is " +
                      "empty then sends its Text column), or send the picture with words as a rich card (-Card). The column is only a " +
                      $"substitution, for a $({column}) in the text."
                    : null;
            if (!Is(column, "Card") && !Is(column, "RichCard") && !Is(column, "Carousel")) return null;
            // One command for the whole CSV: before, the advice was a Send-ConnectRcs per row in ForEach-Object, one request at a
            // time with every result Row 1, and a row whose card failed got no result.
            return $"The column {InputEcho.Quote(column)} is not read as a card: a CSV cell holds text, and a card is made by " +
                   "New-ConnectRcsCard. To send each row its own card, make it from the row's cells in a script block: Import-Csv ... | " +
                   $"{commandName} -From <app ID> -Card {{ New-ConnectRcsCard -Title $_.Title -MediaUrl $_.Image }}. " +
                   "For a picture alone, a MediaUrl column sends each row its own file.";
        }

        /// <summary>
        /// The warning for a FallbackText column of a run without -SmsFallback, else null: no row falls back to SMS, so its cells
        /// are not sent as fallbacks (only as a substitution). An admin whose CSV has the column means a fallback, and sending
        /// each row's RCS without one is what the command line asked for; said once, with the switch that sends them.
        /// </summary>
        /// <param name="column">The column's name as the row spells it.</param>
        /// <param name="smsFallback">-SmsFallback was given.</param>
        public static string? FallbackNotRead(string column, bool smsFallback) =>
            smsFallback || !Is(column, "FallbackText") ? null
                : $"The column {InputEcho.Quote(column)} is not read: -SmsFallback was not given, so no row falls back to SMS when its " +
                  "number cannot receive RCS. Add -SmsFallback and -FallbackSenderId to send each row its FallbackText by SMS then. " +
                  $"The column is only a substitution, for a $({column}) in the text.";

        /// <summary>
        /// What -WhatIf and -Confirm add to a target for an RCS message that is a file: ", file https://…/pass-1.png". Rows of
        /// different files (a MediaUrl column) go in different requests, and -WhatIf showed those batches with nothing to tell
        /// them apart; "" for any other message.
        /// </summary>
        /// <remarks>
        /// A card says its title (or its picture), and a carousel its cards' titles: a -Card script block gives each row its own,
        /// and -WhatIf listed their requests with nothing to tell them apart.
        /// </remarks>
        public static string Said(Messages.ConnectMessage message) => message switch
        {
            // As the payload sends it (WireUrl): the message keeps the cell as given, for the journal's key of earlier versions.
            Messages.RcsMessage { ContentType: Messages.RcsContentType.Media, MediaUrl: { } url } => ", file " + Messages.WireUrl.Of(url),
            Messages.RcsMessage { ContentType: Messages.RcsContentType.Standalone, Card: { } card } => ", card " + Named(card),
            // The first three: a line per request stays readable with ten cards.
            Messages.RcsMessage { ContentType: Messages.RcsContentType.Carousel, Cards.Count: > 0 } carousel =>
                ", cards " + string.Join(", ", carousel.Cards.Take(3).Select(c => c is null ? "(none)" : Named(c))) +
                (carousel.Cards.Count > 3 ? " and " + (carousel.Cards.Count - 3).ToString(System.Globalization.CultureInfo.InvariantCulture) + " more" : ""),
            _ => "",
        };

        // A card made without the picture its -MediaHeight was for (an empty ImageUrl cell) says so: -WhatIf is where the admin looks.
        private static string Named(Messages.RcsCard card) =>
            (card.Title is { } title ? InputEcho.Quote(title) : card.MediaUrl is { } url ? Messages.WireUrl.Of(url) ?? url : "(no title)") +
            (CardsWithoutPicture.HasNone(card) ? " (no picture)" : "");

        private static bool Is(string column, string name) => string.Equals(column, name, StringComparison.OrdinalIgnoreCase);
    }
}
