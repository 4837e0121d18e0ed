using System;
using System.Collections.Generic;
using System.Management.Automation;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Results;

namespace WebexConnect.Commands
{
    /// <summary>
    /// <para type="synopsis">Sends an SMS to every number piped in or given to -To, one result per row.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "ConnectSms", DefaultParameterSetName = TextSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SendResult))]
    public sealed class SendConnectSmsCommand : SendCommandBase
    {
        private const string TextSet = "Text";

        /// <summary>The E.164 number(s) (+447700900001); several in one call receive the identical message in one destination object.</summary>
        // By property name only, and not Mandatory: see DESIGN.md's binding recipe. A plain string piped by itself
        // arrives as -InputObject; a row without a destination gets its Invalid result from ProcessRecord.
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Phone", "Mobile", "MobileNumber", "PhoneNumber", "MobilePhone", "Msisdn", "Number")]
        [DestinationArgument("msisdn", "Send-ConnectSms")]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public ConnectDestination[]? To { get; set; } = Array.Empty<ConnectDestination>();

        /// <inheritdoc />
        [Parameter(ParameterSetName = TextSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = TemplateSet, ValueFromPipelineByPropertyName = true)]
        [IdTextArgument(nameof(CorrelationId))] // a JSON row's object member is that row's Invalid result
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public override string? CorrelationId { get; set; }

        /// <inheritdoc />
        [Parameter(ParameterSetName = TextSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = TemplateSet, ValueFromPipelineByPropertyName = true)]
        [RowTimeArgument("SendAt")]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public override DateTimeOffset? SendAt { get; set; }

        /// <summary>The text, with $(name) variables filled from the row's columns; binds from a Text column too.</summary>
        // Not Mandatory: a short CSV line binds $null, and that row gets its Invalid result instead of a binder error.
        [Parameter(ParameterSetName = TextSet, ValueFromPipelineByPropertyName = true)]
        [FileLinesArgument] // -Text (Get-Content file.txt): the file's lines, one text
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? Text { get; set; }

        /// <summary>Auto (default) picks Text (GSM-7) when it can carry every character, else Unicode.</summary>
        [Parameter(ParameterSetName = TextSet)]
        [SmsEncodingArgument(KeepsRefused = true)] // $PSDefaultParameterValues['*:Encoding'] = 'utf8' reaches it too; a loop's 'x' cell is its row's
        public SmsEncoding Encoding { get; set; } = SmsEncoding.Auto;

        /// <summary>Shorten HTTPS links in the text (needs -LinkDomain).</summary>
        [Parameter]
        [SwitchArgument(nameof(ShortenLinks))]
        public SwitchParameter ShortenLinks { get; set; }

        /// <summary>Report clicks on shortened links.</summary>
        [Parameter]
        [SwitchArgument(nameof(TrackClicks))]
        public SwitchParameter TrackClicks { get; set; }

        /// <summary>The short-link domain configured for your tenant.</summary>
        [Parameter]
        [Alias("Domain")] // the JSON name, options.domain: what a script moved from Invoke-RestMethod types
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? LinkDomain { get; set; }

        /// <summary>Free reporting tag 1.</summary>
        [Parameter]
        [IdTextArgument(nameof(Tag1))]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? Tag1 { get; set; }

        /// <summary>Free reporting tag 2.</summary>
        [Parameter]
        [IdTextArgument(nameof(Tag2))]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public string? Tag2 { get; set; }

        /// <summary>Which delivery webhooks to receive.</summary>
        [Parameter]
        [Alias("RequestedReceipts")] // the JSON name, requestedReceipts: what a script moved from Invoke-RestMethod types
        [RequestedReceiptArgument(MessageChannel.Sms)] // a loop's 'yes' cell is that row's Invalid result, not the ValidateSet's stop
        [ValidateSet("SUBMITTED", "DELIVERED", "FAILED", "CLICKED", "SENT")]
        public string[]? RequestedReceipt { get; set; }

        private readonly SmsEncodingResolver _encodings;
        private readonly SmsCostWarnings _costWarnings = new SmsCostWarnings();
        private FilledTextLine? _filledLine;

        /// <summary>Creates the cmdlet; PowerShell does, for each command.</summary>
        public SendConnectSmsCommand() => _encodings = new SmsEncodingResolver(SentTexts);

        private protected override MessageChannel ChannelKind => MessageChannel.Sms;

        private protected override IReadOnlyList<ConnectDestination>? Destinations => To;

        private protected override IReadOnlyList<string>? RequestedReceiptNames => RequestedReceipt;

        private protected override string PipedExample => "Import-Csv ./people.csv | Send-ConnectSms -From ACME -Text 'Hi $(Name)'";

        private protected override int PerRowContentLength => 1;

        private protected override void ReadPerRowContent(object?[] content) => content[0] = ParameterSetName == TextSet ? Text : null;

        private protected override ConnectMessage CreateMessage(SharedPart shared) => new SmsMessage(shared)
        {
            Text = shared.Template is null ? Text : null,
            Encoding = Encoding,
            ShortenLinks = ShortenLinks ? true : null,
            TrackClicks = TrackClicks ? true : null,
            Domain = LinkDomain,
            Tag1 = Tag1,
            Tag2 = Tag2,
        };

        /// <summary>
        /// An -Encoding that names none of Auto, Text and Unicode (-Encoding $u.Encoding of 'x'; SmsEncodingArgument let it through):
        /// with nothing piped, the one row's Invalid result; piped, the command's stop before any row. PowerShell's binder refused it
        /// before, and its error ended a script's loop's statement without a result for the row.
        /// </summary>
        private protected override void CheckParameters()
        {
            if (Encoding != SmsEncodingArgumentAttribute.Unnamed) return;
            var text = RefusedArguments.Of(nameof(Encoding)) ?? "";
            var problem = $"{Messages.Validation.InputEcho.Quote(text)} is none of {string.Join(", ", Enum.GetNames(typeof(SmsEncoding)))}: give one of them, or leave -Encoding out for Auto";
            Encoding = SmsEncoding.Auto;
            RefuseValue(nameof(Encoding), Composition.OneRowCall.InvalidParameterValue, "-Encoding: " + problem + ".", new Messages.Validation.ValidationProblem(nameof(Encoding), problem),
                text, givenForTheRow: true);
        }

        private protected override IReadOnlyList<string> WarningsBeforeRow(ConnectMessage message, long row) => _costWarnings.Before(message, row);

        private protected override ConnectMessage ForRecipient(ConnectMessage message, Recipient recipient) => _encodings.For(message, recipient);

        private protected override IReadOnlyList<string> ContentPreview(ConnectMessage sent, Recipient recipient, long row) =>
            sent is SmsMessage sms ? (_filledLine ??= new FilledTextLine(SentTexts)).For(sms, recipient, row) : Array.Empty<string>();

        private protected override int? MeasureParts(ConnectMessage message, Recipient recipient) =>
            message is SmsMessage { Text: { } text } sms
                ? _encodings.KnownParts(message, recipient) ?? SentTexts.SmsCostOf(text, sms.Substitutions, recipient.Substitutions, sms.Encoding).Parts
                : null;
    }
}
