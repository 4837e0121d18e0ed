using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// What -WhatIf and -Verbose say of a personalised row before it goes: an email's "Row 2: subject 'Hi Bob Jones', text 'Dear
    /// Bob Jones, your appointment is…'", an SMS's "Row 2: text 'Dear Bob Jones, your…' (2 parts, Text)", an RCS text's
    /// "Row 2: text 'Hi Bob Jones…'" (and its SMS fallback's), its $(name) variables filled as the recipient gets them (<see cref="SentTexts"/>).
    /// Before, -WhatIf named only the batches' addresses (and an SMS batch's parts), and the admin saw the filled text first on
    /// the recipients' screens. A template's email is filled by the service: that is said once, as nothing here knows its words.
    /// </summary>
    internal sealed class FilledTextLine
    {
        /// <summary>
        /// The line's most characters: "What if: " and "VERBOSE: " take 9 of a console's 80 columns, and a longer line wraps
        /// into the next one's place.
        /// </summary>
        internal const int Width = 71;

        // The text keeps at least this much of the line, however long the subject: its start is what says the values went in.
        private const int FewestTextCharacters = 16;

        private readonly SentTexts _sentTexts;
        private bool _templateSaid;

        // Whether the last texts looked at hold a variable: an email's HTML may be large, and the rows of a run share their texts
        // (each row's message is its own, made for its copies).
        private string? _checkedSubject, _checkedText, _checkedHtml;
        private bool _personalised;

        /// <param name="sentTexts">The command's, which the checks after substitution filled for the same row already.</param>
        public FilledTextLine(SentTexts sentTexts) => _sentTexts = sentTexts ?? throw new ArgumentNullException(nameof(sentTexts));

        /// <summary>
        /// The lines for row <paramref name="row"/> of <paramref name="sent"/> to <paramref name="recipient"/>: one, or two when the
        /// subject leaves too little of the line for the text's start (the subject is shown whole: its $(name) is what is checked);
        /// none for an email whose subject and body hold no $(name) (every row's is the one written), and for a template's after
        /// its first row.
        /// </summary>
        public IReadOnlyList<string> For(EmailMessage sent, Recipient recipient, long row)
        {
            if (sent is null) throw new ArgumentNullException(nameof(sent));
            if (recipient is null) throw new ArgumentNullException(nameof(recipient));
            if (sent.Template is { } template)
            {
                if (_templateSaid) return Array.Empty<string>();
                _templateSaid = true;
                return new[]
                {
                    "Template " + InputEcho.Quote(template.Id) + " is filled in by the service, with each row's values: its subject " +
                    "and text are not known before it sends them.",
                };
            }
            if (!Personalised(sent)) return Array.Empty<string>();

            var start = "Row " + row.ToString(CultureInfo.InvariantCulture) + ": ";
            var body = sent.Text is { Length: > 0 } ? sent.Text : sent.Html;
            var label = ReferenceEquals(body, sent.Text) ? "text " : "HTML ";
            var subject = sent.Subject is null ? null : "subject " + Quoted(Filled(sent.Subject, sent, recipient), int.MaxValue);
            if (body is null) return subject is null ? Array.Empty<string>() : new[] { start + subject };
            var beforeBody = subject is null ? start : start + subject + ", ";
            // What the body needs: its label and quotes, and its fewest characters.
            if (subject is not null && beforeBody.Length + label.Length + 2 + FewestTextCharacters > Width)
                return new[] { start + subject, start + label + Quoted(Filled(body, sent, recipient), Width - start.Length - label.Length) };
            return new[] { beforeBody + label + Quoted(Filled(body, sent, recipient), Width - beforeBody.Length - label.Length) };
        }

        /// <summary>
        /// The line for row <paramref name="row"/> of an SMS whose text holds a $(name): its filled text, and its parts and
        /// encoding as Measure-ConnectSms counts them (<see cref="SentTexts.SmsCostOf"/>), as a name outside GSM-7 makes its row
        /// Unicode and longer; none for a text without one (every row's is the one written) and for a template's.
        /// </summary>
        public IReadOnlyList<string> For(SmsMessage sent, Recipient recipient, long row)
        {
            if (sent is null) throw new ArgumentNullException(nameof(sent));
            if (recipient is null) throw new ArgumentNullException(nameof(recipient));
            if (!HasVariable(sent.Text)) return Array.Empty<string>();
            var (encoding, parts) = _sentTexts.SmsCostOf(sent.Text!, sent.Substitutions, recipient.Substitutions, sent.Encoding);
            var cost = " (" + parts.ToString(CultureInfo.InvariantCulture) + (parts == 1 ? " part, " : " parts, ") + encoding + ")";
            return TextLine(sent.Text!, sent.Substitutions, recipient, row, cost);
        }

        /// <summary>
        /// The line for row <paramref name="row"/> of an RCS message: an RCS text's filled text when it holds a $(name), and the
        /// SMS fallback's (-SmsFallback -FallbackText) when that holds one, with its parts and encoding as an SMS's line has them:
        /// "Row 2: text 'Hi Bob…', fallback 'Hi Bob, your…' (1 part, Text)" (two lines when the fallback would keep too little). Before, the fallback was not shown, though a number
        /// that cannot receive RCS gets it, and a name outside GSM-7 makes it Unicode and longer. None for a card's words (checked,
        /// not previewed) and for texts without a $(name).
        /// </summary>
        public IReadOnlyList<string> For(RcsMessage sent, Recipient recipient, long row)
        {
            if (sent is null) throw new ArgumentNullException(nameof(sent));
            if (recipient is null) throw new ArgumentNullException(nameof(recipient));
            var text = sent.ContentType == RcsContentType.Text && HasVariable(sent.Text) ? sent.Text : null;
            // As SmsTextOf sends it: the fallback text goes only with -SmsFallback.
            var fallback = sent.SmsFallback == true && HasVariable(sent.FallbackText) ? sent.FallbackText : null;
            if (fallback is null) return text is null ? Array.Empty<string>() : TextLine(text, sent.Substitutions, recipient, row, "");

            var (encoding, parts) = _sentTexts.SmsCostOf(fallback, sent.Substitutions, recipient.Substitutions);
            var cost = " (" + parts.ToString(CultureInfo.InvariantCulture) + (parts == 1 ? " part, " : " parts, ") + encoding + ")";
            var start = "Row " + row.ToString(CultureInfo.InvariantCulture) + ": ";
            const string fallbackLabel = "fallback ";
            var filledFallback = _sentTexts.Of(fallback, sent.Substitutions, recipient.Substitutions);
            var fallbackAlone = start + fallbackLabel + Quoted(filledFallback, Width - start.Length - fallbackLabel.Length - cost.Length) + cost;
            if (text is null) return new[] { fallbackAlone };

            // Both: the RCS text takes at most half the room, or less when it is shorter, and the fallback the rest; a fallback
            // left fewer than its fewest characters gets a line of its own, as an email's long subject does.
            const string textLabel = "text ", between = ", ";
            var room = Width - start.Length - textLabel.Length - between.Length - fallbackLabel.Length - cost.Length;
            var shownText = Quoted(_sentTexts.Of(text, sent.Substitutions, recipient.Substitutions), room / 2);
            var fallbackRoom = room - shownText.Length;
            var shownFallback = Quoted(filledFallback, fallbackRoom);
            if (fallbackRoom < FewestTextCharacters + 2 && shownFallback != Quoted(filledFallback, int.MaxValue))
                return new[] { TextLine(text, sent.Substitutions, recipient, row, "")[0], fallbackAlone };
            return new[] { start + textLabel + shownText + between + fallbackLabel + shownFallback + cost };
        }

        // "Row 3: text '…'" and what follows it, the text cut to leave the line its room.
        private IReadOnlyList<string> TextLine(string text, IReadOnlyDictionary<string, string> global, Recipient recipient, long row, string after)
        {
            var start = "Row " + row.ToString(CultureInfo.InvariantCulture) + ": text ";
            return new[] { start + Quoted(_sentTexts.Of(text, global, recipient.Substitutions), Width - start.Length - after.Length) + after };
        }

        private string Filled(string text, EmailMessage sent, Recipient recipient) =>
            text.IndexOf("$(", StringComparison.Ordinal) < 0 ? text : _sentTexts.Of(text, sent.Substitutions, recipient.Substitutions);

        private bool Personalised(EmailMessage sent)
        {
            if (ReferenceEquals(sent.Subject, _checkedSubject) && ReferenceEquals(sent.Text, _checkedText) && ReferenceEquals(sent.Html, _checkedHtml))
                return _personalised;
            (_checkedSubject, _checkedText, _checkedHtml) = (sent.Subject, sent.Text, sent.Html);
            return _personalised = HasVariable(sent.Subject) || HasVariable(sent.Text) || HasVariable(sent.Html);
        }

        private static bool HasVariable(string? text) => text is not null && text.IndexOf("$(", StringComparison.Ordinal) >= 0;

        /// <summary>
        /// "'Dear Bob, your…'": the text as one line (each run of line breaks as one space, as a mail list's preview shows it;
        /// its spaces as they are, so that 'Dear  Bob' of an empty $(Title) shows), cut to <paramref name="room"/> characters
        /// with its quotes (never fewer than 10), and "…" inside them where it was cut. A subject is given all the room there
        /// is: it is shown whole.
        /// </summary>
        internal static string Quoted(string text, int room)
        {
            var most = Math.Max(room, 10) - 2;
            var flat = new StringBuilder(Math.Min(most, text.Length) + 2);
            var lineBreak = false;
            var cutShort = false;
            foreach (var c in text)
            {
                if (c == '\r' || c == '\n')
                {
                    lineBreak = flat.Length > 0;
                    continue;
                }
                if (flat.Length + (lineBreak ? 1 : 0) >= most)
                {
                    cutShort = true;
                    break;
                }
                if (lineBreak) flat.Append(' ');
                lineBreak = false;
                flat.Append(c);
            }
            var shown = InputEcho.OneLine(flat.ToString());
            if (!cutShort && shown.Length <= most) return "'" + shown + "'";
            var cut = Math.Min(shown.Length, most - 1);
            if (cut > 0 && char.IsHighSurrogate(shown[cut - 1])) cut--; // never split an emoji
            return "'" + shown.Substring(0, cut).TrimEnd() + "…'";
        }
    }
}
