using System;
using System.Collections.Generic;

namespace WebexConnect.Messages
{
    /// <summary>An email attachment fetched by the service from a URL that ends with the file's extension.</summary>
    public sealed class EmailAttachment
    {
        /// <summary>The MIME type, e.g. application/pdf (JSON mimetype).</summary>
        public string MimeType { get; init; } = "";

        /// <summary>The attachment's name as the recipient sees it.</summary>
        public string Name { get; init; } = "";

        /// <summary>A public URL of the file (JSON mediaUrl).</summary>
        public string MediaUrl { get; init; } = "";

        /// <summary>
        /// The URL as a version before the list's separators were trimmed cut it from its cell ('…/INV-2.pdf ' of
        /// '…/INV-2.pdf ; …/terms.pdf'), when it differs from <see cref="MediaUrl"/>: the journal of that version names the send by it.
        /// </summary>
        internal string? MediaUrlAsGiven { get; init; }

        /// <summary>
        /// Why a row's Attachment cell held an object that is no attachment (a hashtable without a Url), as -Attachment would say
        /// it: EmailRules gives it as that row's reason, in place of the three "required" fields such an empty attachment lacks.
        /// </summary>
        internal string? Problem { get; init; }
    }

    /// <summary>An email: subject, text and/or HTML (or a template), recipients' copies and the email options.</summary>
    public sealed class EmailMessage : ConnectMessage
    {
        /// <summary>An empty email, to fill with an object initializer.</summary>
        public EmailMessage()
        {
        }

        internal EmailMessage(SharedPart shared)
            : base(shared)
        {
        }
        /// <inheritdoc />
        public override MessageChannel Channel => MessageChannel.Email;

        /// <summary>The subject (required with content).</summary>
        public string? Subject { get; init; }

        /// <summary>The plain text body; required for a text email, the fallback of an HTML one.</summary>
        public string? Text { get; init; }

        /// <summary>The HTML body (at most 500 KB); when set the content type is html.</summary>
        public string? Html { get; init; }

        /// <summary>Character encoding of the body, e.g. utf-8.</summary>
        public string? Encoding { get; init; }

        /// <summary>The reply-to address.</summary>
        public string? ReplyTo { get; init; }

        /// <summary>Attachments, fetched by the service from their URLs.</summary>
        public IReadOnlyList<EmailAttachment> Attachments { get; init; } = Array.Empty<EmailAttachment>();

        /// <summary>Copy recipients.</summary>
        public IReadOnlyList<string> Cc { get; init; } = Array.Empty<string>();

        /// <summary>Blind copy recipients.</summary>
        public IReadOnlyList<string> Bcc { get; init; } = Array.Empty<string>();

        // Made once per message: every row of the message keeps it on its send result (Receipts/EmailCopies).
        private IReadOnlyList<string>? _copies;

        /// <summary>The Cc then Bcc addresses; the message's own list when it has only one kind.</summary>
        internal IReadOnlyList<string> Copies => _copies ??= Bcc.Count == 0 ? Cc : Cc.Count == 0 ? Bcc : Concat(Cc, Bcc);

        private static string[] Concat(IReadOnlyList<string> first, IReadOnlyList<string> second)
        {
            var all = new string[first.Count + second.Count];
            for (var i = 0; i < first.Count; i++) all[i] = first[i];
            for (var i = 0; i < second.Count; i++) all[first.Count + i] = second[i];
            return all;
        }

        /// <summary>True: one email to all the "to" addresses of a destination object, in one transaction.</summary>
        public bool? MultipleToRecipients { get; init; }

        /// <summary>The display name beside the sender address.</summary>
        public string? FromName { get; init; }

        /// <summary>Track link clicks in the HTML body.</summary>
        public bool? TrackClicks { get; init; }

        /// <summary>Track opens.</summary>
        public bool? TrackOpens { get; init; }

        /// <summary>List-Unsubscribe URL (one-click unsubscribe header).</summary>
        public string? ListUnsubscribeUrl { get; init; }

        /// <summary>List-Unsubscribe mailto address.</summary>
        public string? UnsubscribeEmailAddress { get; init; }

        /// <summary>Subject of the unsubscribe email.</summary>
        public string? UnsubscribeEmailSubject { get; init; }

        /// <summary>The JSON content.type: html when there is an HTML body, text otherwise.</summary>
        public string ContentType => Html is null ? "text" : "html";

        /// <summary>This email with other copies: one row's, whose To or Cc already has some of them (OverlappingCopies).</summary>
        internal EmailMessage WithCopies(IReadOnlyList<string> cc, IReadOnlyList<string> bcc) => new EmailMessage(Shared)
        {
            Subject = Subject,
            Text = Text,
            Html = Html,
            Encoding = Encoding,
            ReplyTo = ReplyTo,
            Attachments = Attachments,
            Cc = cc,
            Bcc = bcc,
            MultipleToRecipients = MultipleToRecipients,
            FromName = FromName,
            TrackClicks = TrackClicks,
            TrackOpens = TrackOpens,
            ListUnsubscribeUrl = ListUnsubscribeUrl,
            UnsubscribeEmailAddress = UnsubscribeEmailAddress,
            UnsubscribeEmailSubject = UnsubscribeEmailSubject,
        };
    }
}
