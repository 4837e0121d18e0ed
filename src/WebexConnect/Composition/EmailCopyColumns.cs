using System;
using WebexConnect.Commands;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// The copy columns of an email (Cc, Bcc, ReplyTo) piped to Send-ConnectMessage -Channel Email, which takes its content
    /// as given and no copies from a row. Send-ConnectEmail takes them by property name: a CSV that works there went out from
    /// here to the To addresses only, the copies dropped without a word.
    /// </summary>
    internal static class EmailCopyColumns
    {
        /// <summary>
        /// The warning for <paramref name="column"/> when it is one of them, else null. The column stays a substitution,
        /// as any column no parameter takes.
        /// </summary>
        public static string? Warning(string commandName, string column)
        {
            string what, everyRow;
            if (Is(column, nameof(SendConnectEmailCommand.Cc))) (what, everyRow) = ("copies", "-AdditionalProperty @{ cc = @('...') }");
            else if (Is(column, nameof(SendConnectEmailCommand.Bcc))) (what, everyRow) = ("blind copies", "-AdditionalProperty @{ bcc = @('...') }");
            else if (Is(column, nameof(SendConnectEmailCommand.ReplyTo))) (what, everyRow) = ("the reply-to address", "a replyTo in -Content");
            else return null;
            return $"The column {InputEcho.Quote(column)} does not set {what}: {commandName} takes no such column. Use Send-ConnectEmail, " +
                $"which takes Cc, Bcc and ReplyTo columns (each row its own), or give {everyRow} for every row. " +
                $"The column is only a substitution, for a $({column}) in the content or a template.";
        }

        private static bool Is(string column, string name) => string.Equals(column, name, StringComparison.OrdinalIgnoreCase);
    }
}
