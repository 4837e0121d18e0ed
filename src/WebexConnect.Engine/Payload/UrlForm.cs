using WebexConnect.Messages;

namespace WebexConnect.Engine.Payload
{
    /// <summary>
    /// How a payload writes its URLs: as sent (<see cref="WireUrl"/>), or as a version of the module before this one sent them,
    /// which is how the journal that version wrote names the send. A re-run after an update looks a row up under each, so that
    /// what an earlier version sent is not sent again.
    /// </summary>
    internal enum UrlForm
    {
        /// <summary>Trimmed and percent-encoded (<see cref="WireUrl"/>): the request, and the journal's own key.</summary>
        Sent,

        /// <summary>As the message holds them: how every version before the encoding sent them (a card's and a chip's trimmed).</summary>
        AsHeld,

        /// <summary>As the message holds them, trimmed: how the version that trimmed an RCS MediaUrl cell in the command sent it.</summary>
        Trimmed,

        /// <summary>
        /// As the command was given them, before any trim (a card's, a chip's, an Attachment cell's list; a chip's number too, which
        /// <see cref="UrlForms.Given"/> writes): how the versions before those trims sent them.
        /// </summary>
        AsGiven,

        /// <summary>
        /// Trimmed and percent-encoded, a &lt;&lt;name&gt;&gt; placeholder too (<see cref="WireUrl.WithPlaceholdersEncoded"/>): how the
        /// version that began the encoding sent a URL with the service's placeholders in it.
        /// </summary>
        PlaceholdersEncoded,

        /// <summary>
        /// As the message holds them, each %XX of a character no URL holds written as that character (<see cref="WireUrl.Unescaped"/>):
        /// a cell mended from 'a b.png' to 'a%20b.png', which this version sends as the same URL, is found under the key the
        /// versions before the encoding gave the cell as it was.
        /// </summary>
        Unescaped,
    }

    /// <summary>Writes a URL in a <see cref="UrlForm"/>, and tells whether any form of a message differs from another.</summary>
    internal static class UrlForms
    {
        /// <summary>The forms of the keys of earlier versions, in the order a lookup tries them.</summary>
        public static readonly UrlForm[] Earlier = { UrlForm.AsHeld, UrlForm.Trimmed, UrlForm.AsGiven, UrlForm.PlaceholdersEncoded, UrlForm.Unescaped };

        /// <param name="form">The form.</param>
        /// <param name="url">The URL the message holds.</param>
        /// <param name="asGiven">The URL as the command was given it, when the command trimmed it; else null.</param>
        public static string? Of(this UrlForm form, string? url, string? asGiven = null) => form switch
        {
            UrlForm.Sent => WireUrl.Of(url),
            UrlForm.Trimmed => url?.Trim(),
            UrlForm.AsGiven => asGiven ?? url,
            UrlForm.PlaceholdersEncoded => WireUrl.WithPlaceholdersEncoded(url),
            UrlForm.Unescaped => WireUrl.Unescaped(url),
            _ => url,
        };

        /// <summary>
        /// A value that is no URL but that a command trimmed as it trims a URL (a chip's number): as given in the
        /// <see cref="UrlForm.AsGiven"/> form, as held in every other.
        /// </summary>
        /// <param name="form">The form.</param>
        /// <param name="value">The value the message holds.</param>
        /// <param name="asGiven">The value as the command was given it, when the command trimmed it; else null.</param>
        public static string? Given(this UrlForm form, string? value, string? asGiven) => form == UrlForm.AsGiven ? asGiven ?? value : value;

        /// <summary>
        /// True when some URL of what the message's recipient receives is written otherwise in some form: a journaled run then
        /// looks the row up under each. False, without writing anything, for every usual message (SMS, URLs without spaces).
        /// The delivery members (notifyUrl) are left out, as from what is received; the key that has them is made apart.
        /// </summary>
        public static bool Differ(ConnectMessage message)
        {
            switch (message)
            {
                case EmailMessage email:
                    if (Differs(email.ListUnsubscribeUrl)) return true;
                    foreach (var attachment in email.Attachments)
                        if (attachment is not null && (attachment.MediaUrlAsGiven is not null || Differs(attachment.MediaUrl))) return true;
                    return false;
                case RcsMessage rcs:
                    if (Differs(rcs.MediaUrl) || Differ(rcs.Suggestions) || Differ(rcs.Card)) return true;
                    foreach (var card in rcs.Cards)
                        if (Differ(card)) return true;
                    return false;
                default:
                    return false;
            }
        }

        private static bool Differ(RcsCard? card) =>
            card is not null && (card.MediaUrlAsGiven is not null || Differs(card.MediaUrl) || Differ(card.Suggestions));

        private static bool Differ(System.Collections.Generic.IReadOnlyList<RcsSuggestion> suggestions)
        {
            foreach (var suggestion in suggestions)
                if (suggestion is not null && (suggestion.UrlAsGiven is not null || suggestion.PhoneAsGiven is not null || Differs(suggestion.Url))) return true;
            return false;
        }

        // WireUrl gives the very string back when it has nothing to change; then only a placeholder (encoded before) or an
        // escape of a character no URL holds (written as that character before) makes another form write it otherwise.
        private static bool Differs(string? url) =>
            !ReferenceEquals(WireUrl.Of(url), url) || WireUrl.HasPlaceholder(url) || !ReferenceEquals(WireUrl.Unescaped(url), url);
    }
}
