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
    /// <remarks>
    /// The Attachment (or Attachments) column too, which Send-ConnectEmail takes since it attaches each row's own file: an
    /// invoices CSV piped here went out without the invoices, and said nothing.
    /// </remarks>
    internal static class EmailCopyColumns
    {
        /// <summary>
        /// The warning for <paramref name="column"/> when it is one of them, else null. The column stays a substitution,
        /// as any column no parameter takes. <paramref name="givenForEveryRow"/> tells whether the command already sets that
        /// member for every row (its cc in -AdditionalProperty, its replyTo in -Content): telling the admin who did so to do
        /// it again read as if what they gave was not taken.
        /// </summary>
        public static string? Warning(string commandName, string column, Func<string, bool>? givenForEveryRow = null)
        {
            string what, member, everyRow, givenIn;
            if (Is(column, nameof(SendConnectEmailCommand.Cc)))
                (what, member, everyRow, givenIn) = ("copies", "cc", "-AdditionalProperty @{ cc = @('...') }", "-AdditionalProperty");
            else if (Is(column, nameof(SendConnectEmailCommand.Bcc)))
                (what, member, everyRow, givenIn) = ("blind copies", "bcc", "-AdditionalProperty @{ bcc = @('...') }", "-AdditionalProperty");
            else if (Is(column, nameof(SendConnectEmailCommand.ReplyTo)))
                (what, member, everyRow, givenIn) = ("the reply-to address", "replyTo", "a replyTo in -Content", "-Content");
            else if (Is(column, nameof(SendConnectEmailCommand.Attachment)) || Is(column, "Attachments"))
                (what, member, everyRow, givenIn) = ("the files", "attachments", "the attachments in -Content", "-Content");
            else return null;
            var instead = givenForEveryRow?.Invoke(member) == true
                ? $"{InputEcho.Quote(column)} is not read: the {member} in {givenIn} {(member == "attachments" ? "set" : "sets")} {Definite(what)} of every row, and {commandName} " +
                  "takes no such column. To give each row its own, use Send-ConnectEmail, which takes " + Columns + "."
                : $"{InputEcho.Quote(column)} does not set {what}: {commandName} takes no such column. Use Send-ConnectEmail, " +
                  $"which takes {Columns} (each row its own), or give {everyRow} for every row.";
            return $"The column {instead} The column is only a substitution, for a $({column}) in the content or a template.";
        }

        private const string Columns = "Cc, Bcc, ReplyTo and Attachment columns";

        // "copies" -> "the copies"; "the reply-to address" stays.
        private static string Definite(string what) => what.StartsWith("the ", StringComparison.Ordinal) ? what : "the " + what;

        private static bool Is(string column, string name) => string.Equals(column, name, StringComparison.OrdinalIgnoreCase);
    }
}
