using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// Reads -Attachment: EmailAttachment objects, or hashtables/objects with MimeType, Name and Url
    /// (MediaUrl also accepted). A missing name or MIME type is taken from the URL's file name, which
    /// the service requires to end with the file's extension anyway.
    /// </summary>
    internal static class EmailAttachments
    {
        private static readonly Dictionary<string, string> MimeTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [".pdf"] = "application/pdf",
            [".png"] = "image/png",
            [".jpg"] = "image/jpeg",
            [".jpeg"] = "image/jpeg",
            [".gif"] = "image/gif",
            [".txt"] = "text/plain",
            [".csv"] = "text/csv",
            [".htm"] = "text/html",
            [".html"] = "text/html",
            [".ics"] = "text/calendar",
            [".zip"] = "application/zip",
            [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            // The older Office and the OpenDocument files, still what many finance and HR systems export.
            [".doc"] = "application/msword",
            [".xls"] = "application/vnd.ms-excel",
            [".ppt"] = "application/vnd.ms-powerpoint",
            [".rtf"] = "application/rtf",
            [".odt"] = "application/vnd.oasis.opendocument.text",
            [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
            [".odp"] = "application/vnd.oasis.opendocument.presentation",
            [".xml"] = "application/xml",
            [".json"] = "application/json",
            [".svg"] = "image/svg+xml",
            [".webp"] = "image/webp",
            [".vcf"] = "text/vcard",
            [".mp3"] = "audio/mpeg",
            [".mp4"] = "video/mp4",
            // What a scheduled job mails: its log, an export, the archive of a night's logs, a forwarded alert, a scan. A job
            // that attached its backup.log stopped with InvalidAttachment, the type of the commonest file it sends unknown.
            [".log"] = "text/plain",
            [".tsv"] = "text/tab-separated-values",
            [".md"] = "text/markdown",
            [".gz"] = "application/gzip",
            [".tgz"] = "application/gzip",
            [".tar"] = "application/x-tar",
            [".7z"] = "application/x-7z-compressed",
            [".eml"] = "message/rfc822",
            [".msg"] = "application/vnd.ms-outlook",
            [".bmp"] = "image/bmp",
            [".tif"] = "image/tiff",
            [".tiff"] = "image/tiff",
        };

        /// <summary>
        /// ", attached INV-1.pdf, terms.pdf": a batch's attachments as -WhatIf says them, by the names the recipient sees; empty
        /// for an email without them and for other channels. Rows of different files go in different requests, and -WhatIf
        /// showed those batches with nothing to tell them apart.
        /// </summary>
        public static string Said(ConnectMessage message)
        {
            if (message is not EmailMessage email || email.Attachments.Count == 0) return "";
            var names = email.Attachments.Select(a => a is null ? "" : string.IsNullOrEmpty(a.Name) ? WireUrl.Of(a.MediaUrl)! : a.Name).ToList();
            return ", attached " + SubstitutionText.Abbreviate(names);
        }

        /// <summary>The attachments, or an exception whose message says which item is wrong and why.</summary>
        public static IReadOnlyList<EmailAttachment> Read(IEnumerable<object?>? items)
        {
            if (items is null) return Array.Empty<EmailAttachment>();
            // An empty item (the cell of a row with no file, -Attachment $_.Url) is no attachment, not one without a URL.
            return items.Select((item, index) => IsEmpty(item) ? null : ReadOne(item, index)).OfType<EmailAttachment>().ToArray();
        }

        /// <summary>
        /// A row's Attachment (or Attachments) column: what <see cref="Read"/> gives, but a problem belongs to that row, not to the
        /// command. A cell that lists several URLs ('https://…/a.pdf; https://…/b.pdf') is those files, as a Cc cell is those
        /// addresses; an item <see cref="Read"/> refuses stays in as given, for EmailRules to refuse, so that row alone is
        /// Invalid (its Reason names the URL) and the other rows are sent.
        /// </summary>
        public static IReadOnlyList<EmailAttachment> ReadCell(IEnumerable<object?>? items)
        {
            if (items is null) return Array.Empty<EmailAttachment>();
            var attachments = new List<EmailAttachment>();
            foreach (var item in items)
            {
                if (IsEmpty(item)) continue;
                var plain = item is PSObject wrapped ? wrapped.BaseObject : item;
                if (plain is not string cell)
                {
                    attachments.Add(ReadCellItem(item, attachments.Count));
                    continue;
                }
                foreach (var (url, cutBefore) in UrlsOf(cell))
                {
                    var attachment = ReadCellItem(url, attachments.Count);
                    attachments.Add(cutBefore is null ? attachment
                        : new EmailAttachment { MimeType = attachment.MimeType, Name = attachment.Name, MediaUrl = attachment.MediaUrl, MediaUrlAsGiven = cutBefore });
                }
            }
            return attachments;
        }

        private static EmailAttachment ReadCellItem(object? item, int index)
        {
            try
            {
                return ReadOne(item, index);
            }
            catch (ArgumentException e)
            {
                // No MIME type: EmailRules says what is wrong (no extension, not https, or the type to give).
                if (item is string url) return new EmailAttachment { Name = FileNameOf(url), MediaUrl = url };
                // An object in the cell (a hashtable a script built): what Read says of it, as that row's reason. Before, the row
                // was told "MimeType is required; Name is required; MediaUrl is required", in the JSON's Attachments[0] terms.
                return new EmailAttachment { Problem = e.Message };
            }
        }

        /// <summary>
        /// The URLs a cell lists, split where <see cref="HasSecondUrl"/> would see a second one; with each, when it differs, the URL
        /// as versions before <see cref="UrlBetween"/> cut it, spaces before its separator kept ('…/INV-2.pdf ' of '…/INV-2.pdf ; …'):
        /// they sent it so, and their journal names the send by it (EmailAttachment.MediaUrlAsGiven).
        /// </summary>
        private static IEnumerable<(string Url, string? CutBefore)> UrlsOf(string cell)
        {
            var start = 0;
            for (var next = SecondUrlAt(cell, 0); next > 0; next = SecondUrlAt(cell, next))
            {
                var url = UrlBetween(cell, start, next);
                var cutBefore = cell.Substring(start, next - start).Trim().TrimEnd(';', ',', '|');
                yield return (url, cutBefore == url ? null : cutBefore);
                start = next;
            }
            yield return (UrlBetween(cell, start, cell.Length), null);
        }

        /// <summary>
        /// The URL in cell[start..end) without the separators around it. Every separator, spaces too: 'INV-2.pdf ; terms.pdf'
        /// sent 'INV-2.pdf ' (a space the service's fetch fails on), and a list's closing ';' made its last file '.pdf;'.
        /// </summary>
        private static string UrlBetween(string cell, int start, int end)
        {
            TrimSeparators(cell, ref start, ref end);
            return cell.Substring(start, end - start);
        }

        /// <summary>
        /// Narrows [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="cell"/> to the URL it holds, without the
        /// separators and spaces around it: where it lies, for RepeatedRows to compare a cell's URLs without a string made for them.
        /// </summary>
        internal static void TrimSeparators(string cell, ref int start, ref int end)
        {
            while (start < end && IsListSeparator(cell[start])) start++;
            while (end > start && IsListSeparator(cell[end - 1])) end--;
        }

        // A database's NULL (a DataRow's empty Attachment cell) is empty too: before, it was read as an attachment with no URL,
        // and the row was Invalid ("Attachments[0].MimeType: MimeType is required").
        private static bool IsEmpty(object? item) =>
            SubstitutionText.IsNothing(item) || ((item is PSObject wrapped ? wrapped.BaseObject : item) is string text && string.IsNullOrWhiteSpace(text));

        private static EmailAttachment ReadOne(object? item, int index)
        {
            if (item is PSObject wrapped)
                item = wrapped.BaseObject is PSCustomObject ? wrapped : wrapped.BaseObject;
            switch (item)
            {
                case EmailAttachment attachment:
                    return attachment;
                // -Attachment (Get-ChildItem .\reports\*.pdf): the files themselves, which "give the file's URL" did not say are the problem.
                case FileSystemInfo file:
                    throw new ArgumentException($"Attachment[{index}]: {InputEcho.Quote(file.FullName)} is a file on this computer, which the " +
                        "service cannot read: it fetches each attachment from a public https URL. Publish the file on a web server and give its " +
                        "URL, e.g. -Attachment 'https://files.example.com/" + Uri.EscapeDataString(file.Name) + "'.");
                case IDictionary dictionary:
                    return FromColumns(InputRow.FromDictionary(dictionary), index, "hashtable");
                case PSObject psObject:
                    return FromColumns(InputRow.Read(psObject), index, "object");
                case string url:
                    return FromColumns(new InputRow(new[] { new KeyValuePair<string, object?>("Url", url) }), index, "text");
                default:
                    throw new ArgumentException($"Attachment[{index}]: give the file's URL, or a hashtable such as " + Example + ".");
            }
        }

        private static EmailAttachment FromColumns(InputRow row, int index, string kind)
        {
            string? Get(params string[] names) => row.Columns
                .Where(c => names.Any(n => string.Equals(n, c.Key, StringComparison.OrdinalIgnoreCase)))
                .Select(c => SubstitutionText.Of(c.Value))
                .FirstOrDefault(v => v.Length > 0);

            var url = Get(UrlNames);
            if (url is null) throw new ArgumentException(WithoutUrl(row, index, kind));
            if (HasSecondUrl(url)) throw new ArgumentException(SeveralUrls(url, index));
            var fileName = FileNameOf(url);
            var name = Get("Name", "FileName") ?? fileName;
            var mimeType = Get("MimeType", "ContentType") ?? GuessMimeType(fileName);
            if (string.IsNullOrEmpty(name) || mimeType is null)
            {
                // A download link (…/download?id=5) has no extension to tell the type by, and the service refuses
                // it anyway: saying so points at the fix, where "MimeType is missing" sent users to add one in vain.
                if (Path.GetExtension(fileName).Length == 0)
                    throw new ArgumentException($"Attachment[{index}]: {InputEcho.Quote(url)} does not end with a file name and extension: the service fetches the file from a public URL that ends with them (e.g. https://example.com/invoice.pdf).");
                throw new ArgumentException($"Attachment[{index}]: the MIME type of {InputEcho.Quote(fileName)} is not known here: give it, e.g. -Attachment @{{ Url = '...'; MimeType = 'application/octet-stream' }}.");
            }
            return new EmailAttachment { MimeType = mimeType, Name = name!, MediaUrl = url };
        }

        /// <summary>
        /// Whether <paramref name="url"/> lists a second URL after the first ("https://a/x.pdf;https://a/y.pdf", a CSV cell listing a row's
        /// files). Such a value is still one absolute URL to Uri, so it went out as one attachment named after the
        /// last file, which the service could not fetch: the admin meant several files.
        /// </summary>
        private static bool HasSecondUrl(string url) => SecondUrlAt(url, 0) > 0;

        /// <summary>
        /// Where the URL after the one at <paramref name="from"/> starts (its scheme), or -1 when none follows. Also where
        /// RepeatedRows splits a cell to compare the URLs it sends, without allocating.
        /// </summary>
        internal static int SecondUrlAt(string url, int from)
        {
            var at = url.IndexOf("://", from, StringComparison.Ordinal);
            while (at >= 0 && (at = url.IndexOf("://", at + 3, StringComparison.Ordinal)) >= 0)
            {
                // Back to the start of this URL's scheme (https, http).
                var start = at;
                while (start > 0 && char.IsLetter(url[start - 1])) start--;
                // After a list separator only: an archived or redirect URL (https://web.archive.org/web/2026/https://...,
                // ...?url=https://...) holds a second scheme after a / or an = and is one URL.
                if (start > 0 && IsListSeparator(url[start - 1])) return start;
            }
            return -1;
        }

        // The names an attachment's URL is read from, first the one the examples use.
        private static readonly string[] UrlNames = { "Url", "MediaUrl", "Uri" };

        /// <summary>The example of an attachment every message about one gives: an admin copies it, so it fits a line of 80 columns.</summary>
        internal const string Example = "@{ Url = 'https://example.com/invoice.pdf'; Name = 'invoice.pdf' }";

        /// <summary>
        /// "Attachment[0]: this hashtable has Path ('https://…/a.pdf') and Type, but no Url: …": what the item has, what it lacks and
        /// an attachment that works. Before, every such item got "Url is missing", which did not say that its Path (or Link, File)
        /// was the property the module did not read, nor what to name it.
        /// </summary>
        private static string WithoutUrl(InputRow row, int index, string kind)
        {
            var what = $"Attachment[{index}]: this {kind} " + (row.Columns.Count == 0 ? "is empty: give it a Url, "
                : "has " + SubstitutionText.Abbreviate(row.Columns.Select(Described).ToList()) + ", but no Url (nor MediaUrl or Uri), ") +
                "the public https URL the service fetches the file from";
            // A property whose value is a web address is the URL under another name: say which, and what to call it.
            var named = row.Columns.FirstOrDefault(c => IsWebAddress(SubstitutionText.Of(c.Value)));
            if (named.Key is not null) what += $". Its {named.Key} looks like that URL: name it Url";
            return what + ". Name and MimeType are taken from the URL's file name when not given. E.g. -Attachment " + Example;
        }

        private static bool IsWebAddress(string value) =>
            value.TrimStart().StartsWith("https://", StringComparison.OrdinalIgnoreCase) || value.TrimStart().StartsWith("http://", StringComparison.OrdinalIgnoreCase);

        private static string Described(KeyValuePair<string, object?> column)
        {
            var value = SubstitutionText.Of(column.Value);
            return value.Trim().Length == 0 ? column.Key + " (empty)" : column.Key;
        }

        private static bool IsListSeparator(char c) => c == ';' || c == ',' || c == '|' || char.IsWhiteSpace(c);

        // One split for every list an admin writes in a cell: "a;b", "a, b", "a | b", one URL per line.
        private static string SeveralUrls(string url, int index) =>
            $"Attachment[{index}]: {InputEcho.Quote(url)} holds more than one URL: give each file as an item of its own, " +
            "e.g. -Attachment ($_.Files -split '[;,|\\s]+' | Where-Object { $_ }) for a column that lists several.";

        private static string FileNameOf(string url)
        {
            var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url;
            return Uri.UnescapeDataString(path.Substring(path.LastIndexOf('/') + 1));
        }

        /// <summary>Whether the MIME type of the file at <paramref name="url"/> is told by its extension here.</summary>
        internal static bool KnowsTypeOf(string url) => GuessMimeType(FileNameOf(url)) is not null;

        private static string? GuessMimeType(string fileName) =>
            MimeTypes.TryGetValue(Path.GetExtension(fileName), out var type) ? type : null;
    }
}
