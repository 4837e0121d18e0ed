using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Messages;

namespace WebexConnect.Tests.BadInput
{
    /// <summary>
    /// Turns a CSV row into a destination and a message the way the cmdlets are meant to: named columns
    /// become fields, every other column a substitution. An empty cell is "not given", except for To and
    /// From, where it is the value the user wrote. Stand-in for the Composition layer, not yet merged.
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
            "CallbackData", "NotifyUrl", "CorrelationId",
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
            return new ComposedRow(MessageChannel.Sms, Recipient(cells, SmsColumns), message, read.Problems);
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
            return new ComposedRow(MessageChannel.Email, Recipient(cells, EmailColumns), message, read.Problems);
        }

        private static Recipient Recipient(Cells cells, HashSet<string> fieldColumns)
        {
            var substitutions = cells.Names
                .Where(c => !fieldColumns.Contains(c) && !c.StartsWith("_", StringComparison.Ordinal))
                .ToDictionary(c => c, c => cells.Raw(c) ?? "", StringComparer.Ordinal);
            return new Recipient(cells.Raw("To")!, cells.Optional("CorrelationId"), substitutions);
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
