using System;
using System.Globalization;
using WebexConnect.Messages;
using WebexConnect.Messages.Sms;

namespace WebexConnect.Composition
{
    /// <summary>
    /// Warns, once per run, when an SMS text needs more parts only because its line breaks are Windows' CR LF, two
    /// characters each where LF alone shows the same on a phone. A here-string in a script saved on Windows (the ISE's,
    /// Notepad's and VS Code's default there) carries them unseen: a three-line reminder of 158 characters is billed as
    /// two parts. Before, only each result's Parts said so, after the run. The same for an RCS message's SMS fallback.
    /// </summary>
    /// <remarks>
    /// The text is sent as written: which line break a phone gets is the admin's to choose. Said only when LF alone
    /// would need fewer parts, in whatever encoding the text goes out in. Looks at the text as written (its $(name)
    /// variables unfilled), once per text, as <see cref="TypographicCharacters"/> does.
    /// </remarks>
    internal sealed class WindowsLineBreaks
    {
        private const string WindowsLineBreak = "\r\n";

        private bool _warned;
        private string? _checkedText;

        /// <summary>The warning for row <paramref name="row"/>, or null (nothing to say, or already said this run).</summary>
        public string? WarningFor(ConnectMessage message, long row)
        {
            if (_warned || SmsTextOf.Of(message) is not { } sms || ReferenceEquals(sms.Text, _checkedText)) return null;
            var text = sms.Text;
            _checkedText = text;
            // A Text column gives each row its own text: the usual one, without a CR, costs one scan and nothing made.
            if (text.IndexOf('\r') < 0) return null;

            var written = SmsCalculator.Cost(text, sms.Encoding);
            var withLineFeeds = SmsCalculator.Cost(text.Replace(WindowsLineBreak, "\n"), sms.Encoding);
            if (withLineFeeds.Parts >= written.Parts) return null;

            _warned = true;
            var count = Count(text);
            return "Row " + row.ToString(CultureInfo.InvariantCulture) + ": the " + sms.Name + "'s " + Counted.Of(count, "line break") +
                " " + (count == 1 ? "is" : "are") + " Windows' CR LF (a script or file saved on Windows), two characters each, so it is " +
                Counted.Of(written.Parts, "part") + " an SMS where LF alone makes it " + Counted.Of(withLineFeeds.Parts, "part") +
                ". Send it as (<text> -replace \"`r`n\", \"`n\") to pay for " + Counted.Of(withLineFeeds.Parts, "part") +
                " (with -WarningAction Stop the command stops here instead, before this row).";
        }

        private static int Count(string text)
        {
            var count = 0;
            for (var at = text.IndexOf(WindowsLineBreak, StringComparison.Ordinal); at >= 0; at = text.IndexOf(WindowsLineBreak, at + 2, StringComparison.Ordinal)) count++;
            return count;
        }
    }
}
