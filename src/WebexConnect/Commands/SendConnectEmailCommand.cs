using System;
using System.Collections.Generic;
using System.Management.Automation;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using WebexConnect.Results;

namespace WebexConnect.Commands
{
    /// <summary>
    /// <para type="synopsis">Sends an email to every address piped in or given to -To, one result per row.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "ConnectEmail", DefaultParameterSetName = ContentSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SendResult))]
    public sealed class SendConnectEmailCommand : SendCommandBase
    {
        private const string ContentSet = "Content";
        private const string InvalidAttachmentErrorId = "InvalidAttachment";

        private IReadOnlyList<EmailAttachment> _attachments = Array.Empty<EmailAttachment>();
        // -Attachment as the command line gave it (null if not): a row whose value is another one had it from its column.
        private object[]? _attachmentGiven;
        private bool _textTrackingWarned;
        private readonly OverlappingCopies _overlappingCopies = new OverlappingCopies();
        private readonly EmailDestinations _destinations = new EmailDestinations();
        private FilledTextLine? _filledLine;

        /// <summary>
        /// The address(es), with or without a display name ('Jane Doe &lt;jane@contoso.com&gt;': the name is not sent). Several in
        /// one call or one cell ('a@x.com; b@x.com') are one row and one destination: each address gets its own email, unless
        /// -MultipleToRecipients sends them one together.
        /// </summary>
        // By property name only, and not Mandatory: see DESIGN.md's binding recipe. A plain string piped by itself
        // arrives as -InputObject; a row without a destination gets its Invalid result from ProcessRecord.
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        // PrimarySmtpAddress and WindowsEmailAddress: Exchange's Get-Mailbox and Get-Recipient give no Mail. After Mail, so that
        // an object with both binds Mail, as before (PowerShell takes the first alias the object has, and no ambiguity).
        // Not UserPrincipalName: a sign-in name, which is often no mailbox.
        [Alias("Email", "EmailAddress", "Mail", "PrimarySmtpAddress", "WindowsEmailAddress")]
        [DestinationArgument("email", "Send-ConnectEmail")]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public ConnectDestination[]? To { get; set; } = Array.Empty<ConnectDestination>();

        /// <inheritdoc />
        [Parameter(ParameterSetName = ContentSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = TemplateSet, ValueFromPipelineByPropertyName = true)]
        [IdTextArgument(nameof(CorrelationId))] // a JSON row's object member is that row's Invalid result
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public override string? CorrelationId { get; set; }

        /// <inheritdoc />
        [Parameter(ParameterSetName = ContentSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = TemplateSet, ValueFromPipelineByPropertyName = true)]
        [RowTimeArgument("SendAt")]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public override DateTimeOffset? SendAt { get; set; }

        /// <summary>The subject, with $(name) variables; binds from a Subject column too.</summary>
        // Not Mandatory: a row without one gets its Invalid result instead of a binder error.
        [Parameter(ParameterSetName = ContentSet, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? Subject { get; set; }

        /// <summary>The plain text body (the fallback of an HTML email); binds from a Text column too.</summary>
        [Parameter(ParameterSetName = ContentSet, ValueFromPipelineByPropertyName = true)]
        [FileLinesArgument] // -Text (Get-Content file.txt): the file's lines, one text
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? Text { get; set; }

        /// <summary>The HTML body (at most 500 KB); binds from an Html column too.</summary>
        [Parameter(ParameterSetName = ContentSet, ValueFromPipelineByPropertyName = true)]
        [FileLinesArgument(Html = true)] // -Html (Get-Content mail.html) or ($results | ConvertTo-Html): the lines, one text
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? Html { get; set; }

        /// <summary>The character set of the body or template text, e.g. utf-8.</summary>
        [Parameter]
        [EmailCharsetArgument] // $PSDefaultParameterValues['*:Encoding'] = 'utf8' reaches it too
        [ArgumentCompleter(typeof(EmailCharsetCompleter))]
        public string? Encoding { get; set; }

        /// <summary>With -TemplateId: a subject that overrides the template's.</summary>
        [Parameter(ParameterSetName = TemplateSet)]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? TemplateSubject { get; set; }

        /// <summary>The reply-to address; binds from a ReplyTo column too (each row its own).</summary>
        [Parameter(ParameterSetName = ContentSet, ValueFromPipelineByPropertyName = true)]
        [OneAddressArgument] // -ReplyTo 'help@example.com', 'sales@example.com', as Send-MailMessage took it: told to give one
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? ReplyTo { get; set; }

        /// <summary>Attachments: hashtables @{ MimeType; Name; Url } (Name and MimeType default from the URL's file name); binds from an Attachment column too.</summary>
        // By property name, for a CSV of invoices (Email, Attachment): without it the column became an unused substitution
        // and every email went Queued without its file. A row's own files go in a message of their own (ReadPerRowContent).
        [Parameter(ParameterSetName = ContentSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Attachments")] // the JSON name, content.attachments: what a script moved from Invoke-RestMethod types
        [ArgumentCompleter(typeof(AttachmentUrlCompleter))] // URLs, not this computer's files (PowerShell's default)
        public object[]? Attachment { get; set; }

        /// <summary>Copy recipients; binds from a Cc column too, whose cell may list several ('ann@example.com; bob@example.com').</summary>
        // By property name, for a CSV of users and their managers: rows with the same copies share a request, a row with
        // copies of its own goes in its own (the copies are the request's, not the destination's).
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string[]? Cc { get; set; }

        /// <summary>Blind copy recipients; binds from a Bcc column too, whose cell may list several.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string[]? Bcc { get; set; }

        /// <summary>Send one email to all the addresses of a destination object (a row's -To), in one transaction; without it, each gets its own.</summary>
        [Parameter]
        [SwitchArgument(nameof(MultipleToRecipients))]
        public SwitchParameter MultipleToRecipients { get; set; }

        /// <summary>The display name beside the sender address; a -From written 'Name &lt;address&gt;' gives it too.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? FromName { get; set; }

        /// <summary>Track link clicks in the HTML body.</summary>
        [Parameter]
        [SwitchArgument(nameof(TrackClicks))]
        public SwitchParameter TrackClicks { get; set; }

        /// <summary>Track opens.</summary>
        [Parameter]
        [SwitchArgument(nameof(TrackOpens))]
        public SwitchParameter TrackOpens { get; set; }

        /// <summary>The List-Unsubscribe URL (one-click unsubscribe).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? ListUnsubscribeUrl { get; set; }

        /// <summary>The List-Unsubscribe mailto address.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? UnsubscribeEmailAddress { get; set; }

        /// <summary>The subject of the unsubscribe email.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? UnsubscribeEmailSubject { get; set; }

        /// <summary>Which delivery webhooks to receive.</summary>
        [Parameter]
        [Alias("RequestedReceipts")] // the JSON name, requestedReceipts: what a script moved from Invoke-RestMethod types
        [RequestedReceiptArgument(MessageChannel.Email)] // a loop's 'yes' cell is that row's Invalid result, not the ValidateSet's stop
        [ValidateSet("submitted", "delivered", "read", "clicked", "bounced", "complaint", "not verified", "invalid", "failed")]
        public string[]? RequestedReceipt { get; set; }

        private protected override MessageChannel ChannelKind => MessageChannel.Email;

        // A plain string piped by itself is read here too, so that 'Jane Doe <jane@contoso.com>' | Send-ConnectEmail ... sends to jane.
        private protected override IReadOnlyList<ConnectDestination>? Destinations =>
            _destinations.Of(To is { Length: > 0 } ? To : ConnectDestination.FromPipedValue(InputObject) ?? To, RowNumber);

        private protected override IReadOnlyList<string>? RequestedReceiptNames => RequestedReceipt;

        private protected override string PipedExample =>
            "Import-Csv ./people.csv | Send-ConnectEmail -From news@example.com -Subject 'Hi $(Name)' -Text 'Your order ...'";

        private protected override int PerRowContentLength => 7;

        private protected override void ReadPerRowContent(object?[] content)
        {
            var given = ParameterSetName == ContentSet;
            content[0] = given ? Subject : null;
            content[1] = given ? Text : null;
            content[2] = given ? Html : null;
            // The copies may come from a row's columns: a row whose copies differ from the row before's needs a message of its own.
            content[3] = given ? ReplyTo : null;
            content[4] = CopyAddresses.Key(Cc);
            content[5] = CopyAddresses.Key(Bcc);
            content[6] = AttachmentKey();
        }

        /// <inheritdoc />
        // The copies are sent trimmed and told apart without regard to case (CopyAddresses): 'Boss@Example.com ' in one row and
        // 'boss@example.com' in the next copied the boss on the same email twice, and no repeat was said. So is an attachment's
        // URL (EmailAttachments.ReadCell): ' https://…/a.pdf' and 'https://…/a.pdf' attached the same file, unwarned.
        private protected override IReadOnlyList<ListCell> PerRowListCells => new[]
        {
            new ListCell(4, ListCell.Listing.Addresses, nameof(Cc)),
            new ListCell(5, ListCell.Listing.Addresses, nameof(Bcc)),
            // Its alias too: an Attachments column, as the JSON names it. None in the template set, where no column gives one.
            new ListCell(6, ListCell.Listing.Urls, nameof(Attachment), ColumnsOfParameter(nameof(Attachment))),
        };

        /// <summary>What tells one row's attachment cell from another's: null for the command line's, the text of a one-cell value.</summary>
        private object? AttachmentKey()
        {
            if (ReferenceEquals(Attachment, _attachmentGiven)) return null;
            if (Attachment is { Length: 1 } one && (one[0] is PSObject wrapped ? wrapped.BaseObject : one[0]) is string cell) return cell;
            return Attachment;
        }

        /// <inheritdoc />
        private protected override IReadOnlyList<string> ContentGivers(string parameter) =>
            parameter == nameof(Text) ? new[] { nameof(Text), nameof(Html) } : base.ContentGivers(parameter);

        private protected override void CheckParameters()
        {
            TakeSenderName();
            try
            {
                _attachmentGiven = Attachment;
                _attachments = EmailAttachments.Read(Attachment);
            }
            catch (ArgumentException e)
            {
                // "Attachment[1]: ...": the item at fault is the row's field, the rest what to fix. A one-row call's row is Invalid and
                // sends nothing, so it has no attachments.
                var item = e.Message.IndexOf(": ", StringComparison.Ordinal);
                RefuseValue(nameof(Attachment), InvalidAttachmentErrorId, e.Message,
                    item > 0 ? new ValidationProblem(e.Message.Substring(0, item), e.Message.Substring(item + 2)) : new ValidationProblem(nameof(Attachment), e.Message),
                    Attachment);
            }
        }

        /// <summary>
        /// -From 'Contoso News &lt;news@contoso.com&gt;', as Send-MailMessage took it and mail programs show it: the service takes
        /// the address as from and the name as options.fromName, so the name goes to -FromName. A -FromName that names another
        /// sender leaves -From as given, for EmailRules to say which to keep.
        /// </summary>
        private void TakeSenderName()
        {
            if (AddressLine.IsPlain(From)) return;
            var sender = AddressLine.One(From.Trim());
            // 'Jane <jane@>' stays whole too, for EmailRules to name it as written, and the part that is wrong.
            if (!ReferenceEquals(sender.ToSend, sender.Address) || sender.Address == From.Trim() || FromName is not null && sender.Name is not null && FromName != sender.Name) return;
            From = sender.Address;
            FromName ??= sender.Name;
        }

        /// <summary>
        /// Tracking asked for an email without HTML: the service tracks opens and clicks, and sends read and clicked
        /// receipts, for an HTML email only, so nothing would come and nothing would say why. Once per run, at the first
        /// such row (a CSV's Html column may be empty in some rows only). A template's type is the service's to know.
        /// </summary>
        private protected override IReadOnlyList<string> WarningsBeforeRow(ConnectMessage message, long row) =>
            TextTrackingWarning(message, row) is string warning ? new[] { warning } : Array.Empty<string>();

        private string? TextTrackingWarning(ConnectMessage message, long row)
        {
            if (_textTrackingWarned || message is not EmailMessage { Template: null } email || !string.IsNullOrEmpty(email.Html)) return null;
            var asked = new List<string>();
            if (TrackOpens) asked.Add("-TrackOpens");
            if (TrackClicks) asked.Add("-TrackClicks");
            foreach (var receipt in RequestedReceipt ?? Array.Empty<string>())
                if (string.Equals(receipt, "read", StringComparison.OrdinalIgnoreCase) || string.Equals(receipt, "clicked", StringComparison.OrdinalIgnoreCase))
                    asked.Add("-RequestedReceipt " + receipt.ToLowerInvariant());
            if (asked.Count == 0) return null;
            _textTrackingWarned = true;
            return "Row " + row.ToString(System.Globalization.CultureInfo.InvariantCulture) + " has no HTML, so it goes as a text email, " +
                "for which the service tracks no opens or clicks and sends no read or clicked receipts: " + string.Join(", ", asked) +
                " will not apply to it (nor to any other row without HTML; this is said once). Give -Html, or fill the row's Html column, to track it.";
        }

        /// <summary>The row's email without the copies its To (or, for Bcc, its Cc) already has: see <see cref="OverlappingCopies"/>.</summary>
        private protected override ConnectMessage ForRecipient(ConnectMessage message, Recipient recipient)
        {
            if (_destinations.NameNote(RowNumber, Previewing) is string named) WriteVerbose("Row " + RowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + named);
            var sent = _overlappingCopies.For(message, recipient.Addresses, RowNumber, Previewing, out var note);
            if (note is not null) WriteVerbose("Row " + RowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + note);
            return sent;
        }

        private protected override IReadOnlyList<string> ContentPreview(ConnectMessage sent, Recipient recipient, long row) =>
            sent is EmailMessage email ? (_filledLine ??= new FilledTextLine(SentTexts)).For(email, recipient, row) : Array.Empty<string>();

        private protected override string? WarningAtEnd(bool preview) => _overlappingCopies.Warning(preview);

        private protected override void RowDone(long row, bool went) => _overlappingCopies.Done(row, went);

        /// <summary>
        /// A row whose copies lost an address was sent whole before OverlappingCopies: a journal of that version names its
        /// send with every copy, and without this a re-run after the update sent the row, and its copies, a second time.
        /// </summary>
        private protected override ConnectMessage? JournaledAsGiven(ConnectMessage message, ConnectMessage sent) =>
            ReferenceEquals(message, sent) ? null : message;

        /// <summary>
        /// 'Help Desk &lt;help@contoso.com&gt;' as help@contoso.com: the service's replyTo is an address. A value of several
        /// addresses stays as it is, for EmailRules to say that -ReplyTo takes one.
        /// </summary>
        private static string ReplyToAddress(string given) =>
            !AddressLine.IsPlain(given) && AddressLine.Read(given) is { Count: 1 } one ? one[0].ToSend : given;

        private protected override ConnectMessage CreateMessage(SharedPart shared)
        {
            var content = shared.Template is null;
            return new EmailMessage(shared)
            {
                // An email template may also carry the encoding and the subject.
                Template = content ? null : new MessageTemplate { Id = shared.Template!.Id, Encoding = Encoding, Subject = TemplateSubject },
                Subject = content ? Subject : null,
                Text = content ? Text : null,
                Html = content ? Html : null,
                Encoding = content ? Encoding : null,
                // An empty CSV cell is a field not given: -Cc $_.Manager for a row without a manager stopped that row's send.
                ReplyTo = string.IsNullOrWhiteSpace(ReplyTo) ? null : ReplyToAddress(ReplyTo!),
                Attachments = ReferenceEquals(Attachment, _attachmentGiven) ? _attachments : EmailAttachments.ReadCell(Attachment),
                Cc = CopyAddresses.Of(Cc),
                Bcc = CopyAddresses.Of(Bcc),
                MultipleToRecipients = MultipleToRecipients ? true : null,
                FromName = FromName,
                TrackClicks = TrackClicks ? true : null,
                TrackOpens = TrackOpens ? true : null,
                ListUnsubscribeUrl = ListUnsubscribeUrl,
                UnsubscribeEmailAddress = UnsubscribeEmailAddress,
                UnsubscribeEmailSubject = UnsubscribeEmailSubject,
            };
        }
    }
}
