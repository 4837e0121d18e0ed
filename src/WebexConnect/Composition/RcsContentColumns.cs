using System;
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
        public static string? Warning(string commandName, string column, bool textGiven, string? contentGiven = null)
        {
            var isMediaUrl = Is(column, "MediaUrl") || Is(column, "MediaContentUrl");
            // A passes CSV piped to a script that gives -Card was told "-MediaUrl does not go with the parameters given here",
            // naming neither -Card nor how to send each row its picture.
            if (isMediaUrl && contentGiven is not null)
                return $"The column {InputEcho.Quote(column)} is not read: -{contentGiven} gives every row its content, and an RCS message " +
                       $"has one. Leave out -{contentGiven} to send each row the file its {column} cell names" +
                       (contentGiven == "Card" || contentGiven == "Carousel"
                           ? ", or make each row's card with its picture: Import-Csv ... | ForEach-Object { " + commandName +
                             " -To $_.Phone -From <app ID> -Card (New-ConnectRcsCard -Title $_.Title -MediaUrl $_." + column + ") }."
                           : ".");
            if (isMediaUrl)
                return textGiven
                    ? $"The column {InputEcho.Quote(column)} is not read: -Text was given on the command line, and an RCS message is a text " +
                      "or a file, not both, so every row is sent that text. Leave out -Text to send each row its file (a row whose cell is " +
                      "empty then sends its Text column), or send the picture with words as a rich card (-Card). The column is only a " +
                      $"substitution, for a $({column}) in the text."
                    : null;
            if (!Is(column, "Card") && !Is(column, "RichCard") && !Is(column, "Carousel")) return null;
            return $"The column {InputEcho.Quote(column)} is not read as a card: a CSV cell holds text, and a card is made by " +
                   "New-ConnectRcsCard. To send each row its own card, make it per row: Import-Csv ... | ForEach-Object { " +
                   $"{commandName} -To $_.Phone -From <app ID> -Card (New-ConnectRcsCard -Title $_.Title -MediaUrl $_.Image) }}. " +
                   "For a picture alone, a MediaUrl column sends each row its own file.";
        }

        /// <summary>
        /// What -WhatIf and -Confirm add to a target for an RCS message that is a file: ", file https://…/pass-1.png". Rows of
        /// different files (a MediaUrl column) go in different requests, and -WhatIf showed those batches with nothing to tell
        /// them apart; "" for any other message.
        /// </summary>
        public static string Said(Messages.ConnectMessage message) =>
            // As the payload sends it (WireUrl): the message keeps the cell as given, for the journal's key of earlier versions.
            message is Messages.RcsMessage { ContentType: Messages.RcsContentType.Media, MediaUrl: { } url } ? ", file " + Messages.WireUrl.Of(url) : "";

        private static bool Is(string column, string name) => string.Equals(column, name, StringComparison.OrdinalIgnoreCase);
    }
}
