using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Commands;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Tests.BadInput
{
    /// <summary>
    /// Turns a CSV row into what a send cmdlet would have for it. The destination goes through the real
    /// composition layer (<see cref="ComposedRow.Compose"/>: ConnectDestination, InputRow, RecordComposer).
    /// The message is built here from columns that stand for the cmdlet's parameters (From, Encoding,
    /// SendAt...): the corpus gives each row its own parameters so that one file can hold many mistakes,
    /// whereas a real run takes them once per invocation, and PowerShell's binder turns "Latin1" or
    /// "yesterday" into a typed value (or refuses it). That reading is the stand-in's job
    /// (<see cref="FieldReader"/>); there is no module code to route it through. An empty cell is "not
    /// given", except for From, where it is the value the user wrote.
    /// </summary>
    internal static class CsvRowComposer
    {
        private static readonly HashSet<string> SmsColumns = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "To", "From", "Text", "Encoding", "SendAt", "ExpireAt", "Validity", "CallbackData", "NotifyUrl", "Receipts",
            "CorrelationId", "ShortenLinks", "Domain", "TemplateId", "TemplateSubject",
        };

        private static readonly HashSet<string> EmailColumns = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "To", "From", "Subject", "Text", "Html", "ReplyTo", "Cc", "Bcc", "TemplateId", "AttachmentName", "AttachmentMimeType",
            "AttachmentUrl", "ListUnsubscribeUrl", "UnsubscribeEmailAddress", "SendAt", "ExpireAt", "Validity", "Receipts",
            "CallbackData", "NotifyUrl", "CorrelationId", "FromName",
        };

        /// <param name="defaultFrom">The -From the run was given, used when the row has no From column.</param>
        internal static ComposedRow Sms(IReadOnlyDictionary<string, string> row, string defaultFrom, DateTimeOffset now)
        {
            var cells = new Cells(row, now);
            var read = new FieldReader();
            var templateId = cells.Optional("TemplateId");
            var message = new SmsMessage
            {
                From = cells.Has("From") ? cells.Raw("From") ?? "" : defaultFrom,
                Text = cells.Optional("Text"),
                Encoding = read.Enum<SmsEncoding>("Encoding", cells.Optional("Encoding")) ?? SmsEncoding.Auto,
                SendAt = read.Date("SendAt", cells.Optional("SendAt")),
                ExpireAt = read.Date("ExpireAt", cells.Optional("ExpireAt")),
                Validity = read.Seconds("Validity", cells.Optional("Validity")),
                CallbackData = cells.Optional("CallbackData"),
                NotifyUrl = cells.Optional("NotifyUrl"),
                RequestedReceipts = FieldReader.List(cells.Optional("Receipts")),
                ShortenLinks = read.Bool("ShortenLinks", cells.Optional("ShortenLinks")),
                Domain = cells.Optional("Domain"),
                Template = templateId is null ? null : new MessageTemplate { Id = templateId, Subject = cells.Optional("TemplateSubject") },
            };
            return Compose(typeof(SendConnectSmsCommand), MessageChannel.Sms, message, cells, SmsColumns, read.Problems);
        }

        internal static ComposedRow Email(IReadOnlyDictionary<string, string> row, string defaultFrom, DateTimeOffset now)
        {
            var cells = new Cells(row, now);
            var read = new FieldReader();
            var templateId = cells.Optional("TemplateId");
            var attachment = new[] { "AttachmentName", "AttachmentMimeType", "AttachmentUrl" }.Any(c => cells.Optional(c) is not null)
                ? new[] { new EmailAttachment { Name = cells.Optional("AttachmentName") ?? "", MimeType = cells.Optional("AttachmentMimeType") ?? "", MediaUrl = cells.Optional("AttachmentUrl") ?? "" } }
                : Array.Empty<EmailAttachment>();
            var message = new EmailMessage
            {
                From = cells.Has("From") ? cells.Raw("From") ?? "" : defaultFrom,
                FromName = cells.Optional("FromName"),
                Subject = cells.Optional("Subject"),
                Text = cells.Optional("Text"),
                Html = cells.Optional("Html"),
                ReplyTo = cells.Optional("ReplyTo"),
                Cc = FieldReader.List(cells.Optional("Cc")),
                Bcc = FieldReader.List(cells.Optional("Bcc")),
                Template = templateId is null ? null : new MessageTemplate { Id = templateId },
                Attachments = attachment,
                ListUnsubscribeUrl = cells.Optional("ListUnsubscribeUrl"),
                UnsubscribeEmailAddress = cells.Optional("UnsubscribeEmailAddress"),
                SendAt = read.Date("SendAt", cells.Optional("SendAt")),
                ExpireAt = read.Date("ExpireAt", cells.Optional("ExpireAt")),
                Validity = read.Seconds("Validity", cells.Optional("Validity")),
                RequestedReceipts = FieldReader.List(cells.Optional("Receipts")),
                CallbackData = cells.Optional("CallbackData"),
                NotifyUrl = cells.Optional("NotifyUrl"),
            };
            return Compose(typeof(SendConnectEmailCommand), MessageChannel.Email, message, cells, EmailColumns, read.Problems);
        }

        /// <param name="parameterColumns">The columns this stand-in reads as parameters; those the cmdlet
        /// itself binds by name (To, Text, CorrelationId...) stay in the row, as Import-Csv would give them.</param>
        private static ComposedRow Compose(Type cmdletType, MessageChannel channel, ConnectMessage message, Cells cells,
            HashSet<string> parameterColumns, IReadOnlyList<ValidationProblem> readProblems)
        {
            var bound = PipelineColumns.Of(cmdletType);
            var columns = cells.Names
                .Where(c => !c.StartsWith("_", StringComparison.Ordinal) && (bound.Contains(c) || !parameterColumns.Contains(c)))
                .Select(c => new KeyValuePair<string, object?>(c, cells.Raw(c)))
                .ToArray();
            var to = cells.Raw("To") is string address ? new[] { address } : null; // {{null}}: the row binds no -To
            return ComposedRow.Compose(cmdletType, channel, message, to, cells.Optional("CorrelationId"), columns, gtrIds: null, readProblems);
        }

        /// <summary>The row's cells with the corpus tokens expanded.</summary>
        private sealed class Cells
        {
            private readonly IReadOnlyDictionary<string, string> _row;
            private readonly DateTimeOffset _now;

            internal Cells(IReadOnlyDictionary<string, string> row, DateTimeOffset now)
            {
                _row = row;
                _now = now;
            }

            internal IEnumerable<string> Names => _row.Keys;

            internal bool Has(string column) => _row.ContainsKey(column);

            internal string? Raw(string column) => _row.TryGetValue(column, out var value) ? CorpusValue.Expand(value, _now) : null;

            internal string? Optional(string column) => Raw(column) is { Length: > 0 } value ? value : null;
        }
    }
}
