using System;
using System.Collections.Generic;
using System.Globalization;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// Warns, once per run, when a text about to be sent holds U+FFFD (�), the character a decoder puts where it
    /// met bytes it could not read. It is what PowerShell 7 makes of the accents of a Windows-1252 file (an HTML
    /// page or a CSV saved by Excel) that it reads as UTF-8: "Café" becomes "Caf�", and every recipient would get
    /// that. Before, nothing said so: the run was all Queued and the damage showed in the customers' inboxes.
    /// </summary>
    /// <remarks>
    /// A warning, not an Invalid row: the character is legal, the rest of the text is intact, and a row whose only
    /// damage is in a column no text uses still reads correctly to its recipient. Once per run, because every row
    /// read from the same file carries the same damage. Looks at the message's texts when the message changes and
    /// at each row's substitution values until it has warned; after that it costs nothing.
    /// </remarks>
    internal sealed class MisreadCharacters
    {
        internal const char Replacement = '\uFFFD';

        private bool _warned;
        private ConnectMessage? _checkedMessage;

        /// <summary>The warning for row <paramref name="row"/>, or null (nothing misread, or already said this run).</summary>
        public string? WarningFor(ConnectMessage message, Recipient recipient, long row)
        {
            if (_warned) return null;
            string? found = null;
            if (!ReferenceEquals(message, _checkedMessage))
            {
                _checkedMessage = message;
                found = InMessage(message);
            }
            found ??= InValues(message.Substitutions, "-Substitution") ?? InValues(recipient.Substitutions, "the column");
            if (found is null) return null;

            _warned = true;
            return "Row " + row.ToString(CultureInfo.InvariantCulture) + ": " + found + " holds U+FFFD (" + Replacement +
                "), the mark of bytes that could not be read: the file it came from was probably read in the wrong encoding " +
                "(PowerShell 7 reads a file without a byte order mark as UTF-8; Excel and older editors save Windows-1252). " +
                "It is sent as it is (with -WarningAction Stop the command stops here instead, before this row). Read the file " +
                "with its encoding (Get-Content or Import-Csv -Encoding 1252 in PowerShell 7, -Encoding Default in Windows " +
                "PowerShell 5.1) or save it as UTF-8.";
        }

        private static string? InMessage(ConnectMessage message)
        {
            foreach (var field in PersonalisedText.TextFields.Of(message))
                if (field.Text is string text && Around(text) is string snippet) return field.Name + " " + snippet;
            return null;
        }

        private static string? InValues(IReadOnlyDictionary<string, string> values, string what)
        {
            // The usual row has no such character: one scan of each value, nothing made (not even an enumerator).
            foreach (var pair in new SubstitutionPairs(values))
                if (pair.Value.IndexOf(Replacement) >= 0) return what + " " + InputEcho.Quote(pair.Key) + " " + Around(pair.Value);
            return null;
        }

        /// <summary>"('Caf� na�ve €5')": the text around the first U+FFFD, so the admin sees which word it damaged; null when there is none.</summary>
        private static string? Around(string text)
        {
            var at = text.IndexOf(Replacement);
            if (at < 0) return null;
            const int Context = 20;
            var start = Math.Max(0, at - Context);
            var end = Math.Min(text.Length, at + Context + 1);
            // Never cut an emoji in half at either end.
            if (start > 0 && char.IsLowSurrogate(text[start])) start--;
            if (end < text.Length && char.IsLowSurrogate(text[end])) end++;
            var snippet = InputEcho.Visible(text.Substring(start, end - start));
            return "('" + (start > 0 ? "…" : "") + snippet + (end < text.Length ? "…" : "") + "')";
        }
    }
}
