using System;
using System.Collections.Generic;
using System.Globalization;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// Warns, once per run, when a text about to be sent was read in the wrong encoding, either way round:
    /// <list type="bullet">
    /// <item>it holds U+FFFD (�), the character a decoder puts where it met bytes it could not read. It is what
    /// PowerShell 7 makes of the accents of a Windows-1252 file (an HTML page or a CSV saved by Excel) that it reads as
    /// UTF-8: "Café" becomes "Caf�";</item>
    /// <item>it holds a UTF-8 character read as Windows-1252 ("Café" becomes "CafÃ©", "don’t" becomes "donâ€™t"). It is
    /// what Windows PowerShell 5.1 makes of a UTF-8 file without a byte order mark (what PowerShell 7, VS Code and most
    /// exports write) when Import-Csv or Get-Content is given no -Encoding.</item>
    /// </list>
    /// Every recipient would get that. Before, nothing said so: the run was all Queued and the damage showed in the
    /// customers' inboxes (and the SMS, Unicode now, cost twice the parts).
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
        /// <param name="message">The row's message.</param>
        /// <param name="recipient">The row's recipient, with its substitution values.</param>
        /// <param name="row">The row's number.</param>
        /// <param name="firstColumn">The name of the row's first column, if it has columns: what tells a UTF-16 file's byte order.</param>
        public string? WarningFor(ConnectMessage message, Recipient recipient, long row, string? firstColumn = null)
        {
            if (_warned) return null;
            Found? found = null;
            if (!ReferenceEquals(message, _checkedMessage))
            {
                _checkedMessage = message;
                found = InMessage(message);
            }
            found ??= InValues(message.Substitutions, "-Substitution") ?? InValues(recipient.Substitutions, "the column");
            if (found is null) return null;

            _warned = true;
            var text = found.Value.Text;
            var at = IndexOfMisread(text);
            var where = "Row " + row.ToString(CultureInfo.InvariantCulture) + ": " + found.Value.Where;
            var prefix = where + " " + Around(text, at);
            // Short, as a scheduled task's log keeps it: what the value shows, what went wrong, the -Encoding that reads the file.
            // Before, each was some 500 characters on one line, with how each PowerShell reads a file explained.
            const string SentAsIs = " It is sent as it is (-WarningAction Stop stops before this row).";
            // A UTF-16 file read as UTF-8 has U+FFFD where its accents were, and a NUL beside every other letter: -Encoding 1252
            // would not read it either. A value's NULs do not tell which byte order the file has; its first column's name does,
            // as the row's "no destination" reason reads it (the warning said Unicode where that said BigEndianUnicode).
            // Not "sent as it is": its columns' names are misread too, so a row that takes its destination from one has none.
            // No value around the damage: with a \u0000 beside each letter it was longer than the advice. Two lines at 80 columns;
            // before, some 390 characters.
            if (text[at] == Replacement && Utf16ReadAsUtf8.IsIn(text))
                return where + " has NULs: the file is UTF-16 " +
                    "without BOM, read as UTF-8. Read it with -Encoding " + Utf16ReadAsUtf8.EncodingOf(firstColumn) + " or save it as UTF-8.";
            // PowerShell 7 reads a file without a byte order mark as UTF-8; Excel and older editors save the culture's code page.
            if (text[at] == Replacement)
                return prefix + " has U+FFFD (" + Replacement + "): the file is not UTF-8. Read it with -Encoding " + ExcelCodePage() +
                    " (Windows PowerShell 5.1: Default) or save it as UTF-8." + SentAsIs;
            // Windows PowerShell 5.1 reads a UTF-8 file without a byte order mark as Windows-1252 when given no -Encoding.
            var misread = text.Substring(at, Utf8ReadAsAnsi.LengthAt(text, at));
            return prefix + " has '" + misread + "' for '" + Utf8ReadAsAnsi.Meant(misread) + "': the file is UTF-8, read as Windows-1252. " +
                "Read it with -Encoding UTF8, or save it as UTF-8 with BOM." + SentAsIs;
        }

        /// <summary>
        /// The Windows (ANSI) code page of the current culture: what Excel and older editors save a CSV or text in where that
        /// culture is the system's. Before, the warning named 1252 in every culture, and a Turkish admin who read a file with it
        /// sent 'Iþýk' for 'Işık' (1254 bytes shown as 1252), which nothing warns of. 1252 where the culture has none (hi-IN).
        /// </summary>
        private static string ExcelCodePage()
        {
            var codePage = CultureInfo.CurrentCulture.TextInfo.ANSICodePage;
            return (codePage > 0 ? codePage : 1252).ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>Where a misread text was found ("Html", "the column 'Name'") and the text.</summary>
        private readonly struct Found
        {
            public Found(string where, string text)
            {
                Where = where;
                Text = text;
            }

            public string Where { get; }
            public string Text { get; }
        }

        private static Found? InMessage(ConnectMessage message)
        {
            foreach (var field in PersonalisedText.TextFields.Of(message))
                if (field.Text is string text && IndexOfMisread(text) >= 0) return new Found(field.Name, text);
            return null;
        }

        private static Found? InValues(IReadOnlyDictionary<string, string> values, string what)
        {
            // The usual row has no such character: one scan of each value, nothing made (not even an enumerator).
            foreach (var pair in new SubstitutionPairs(values))
                if (IndexOfMisread(pair.Value) >= 0) return new Found(what + " " + InputEcho.Quote(ColumnName(pair.Key)), pair.Value);
            return null;
        }

        /// <summary>
        /// The name as the file wrote it: 'Name' for the 'N\u0000a\u0000m\u0000e\u0000' of a UTF-16 file read as UTF-8, which
        /// was four times as long and no clearer; any other name as it is.
        /// </summary>
        private static string ColumnName(string key) => Utf16ReadAsUtf8.IsIn(key) ? Utf16ReadAsUtf8.Without(key) : key;

        /// <summary>Where the first misread character is (U+FFFD, or a UTF-8 character read as Windows-1252), or -1.</summary>
        private static int IndexOfMisread(string text)
        {
            var replaced = text.IndexOf(Replacement);
            var misread = Utf8ReadAsAnsi.IndexIn(text, replaced < 0 ? text.Length : replaced);
            return misread >= 0 ? misread : replaced;
        }

        /// <summary>"('Caf� na�ve €5')": the text around the misread character at <paramref name="at"/>, so the admin sees which word it damaged.</summary>
        private static string Around(string text, int at)
        {
            // 12 characters either side show the word; more made the one line of a log wider than the advice.
            const int Context = 12;
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
