using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using WebexConnect.Composition;

namespace WebexConnect.Messages.Validation
{
    /// <summary>The rules of an email: addresses, subject and body, attachments and the size limits.</summary>
    internal static class EmailRules
    {
        internal const int MaxHtmlBytes = 500 * 1024;
        internal const long MaxEmailBytes = 10L * 1024 * 1024;

        // Base64 with line breaks grows a body by about 37 % once MIME-encoded.
        private const double MimeGrowth = 1.37;

        internal static void Check(EmailMessage message, ProblemList problems)
        {
            if (!string.IsNullOrWhiteSpace(message.From) && FromProblem(message.From!, message.FromName) is string fromProblem)
                problems.Add("From", fromProblem);
            CheckCopyAddress(message.ReplyTo, "ReplyTo", "ReplyTo", problems, OneReplyTo);
            CheckAddress(message.UnsubscribeEmailAddress, "UnsubscribeEmailAddress", problems, OneUnsubscribeAddress);
            for (var i = 0; i < message.Cc.Count; i++)
                CheckCopyAddress(message.Cc[i] ?? "", ProblemList.Indexed("Cc", i), "Cc", problems, SeveralCc, message.Cc);
            for (var i = 0; i < message.Bcc.Count; i++)
                CheckCopyAddress(message.Bcc[i] ?? "", ProblemList.Indexed("Bcc", i), "Bcc", problems, SeveralBcc, message.Bcc);
            if (message.ListUnsubscribeUrl is string unsubscribeUrl && UrlRule.CheckHttps(unsubscribeUrl) is string urlProblem)
                problems.Add("ListUnsubscribeUrl", urlProblem);

            if (message.Template is not null) CheckNoContent(message, problems);
            else CheckContent(message, problems);

            CheckAttachments(message.Attachments, problems);

            CommonRules.CheckLine(message.Subject, "Subject", problems, joinAdvice: JoinSubjectLines);
            CommonRules.CheckCharacters(message.Text, "Text", problems);
            CommonRules.CheckCharacters(message.Html, "Html", problems);
            CheckEncoding(message, problems);
            CommonRules.CheckLine(message.FromName, "FromName", problems);
            if (message.FromName is string fromName && VariablesProblem(fromName, "FromName", "the name") is string fromNameVariables)
                problems.Add("FromName", fromNameVariables);
            CommonRules.CheckLine(message.ListUnsubscribeUrl, "ListUnsubscribeUrl", problems);
            CommonRules.CheckLine(message.UnsubscribeEmailSubject, "UnsubscribeEmailSubject", problems);
        }

        private static void CheckEncoding(EmailMessage message, ProblemList problems)
        {
            var encoding = message.Encoding ?? message.Template?.Encoding;
            if (encoding is null) return;
            if (!EmailCharsets.IsKnown(encoding))
            {
                problems.Add("Encoding", $"{InputEcho.Quote(encoding)} is not a character set this module knows email by: give one of " +
                    string.Join(", ", EmailCharsets.Known) + " (utf-8 unless the readers need another)");
                return;
            }
            // Named by the text that holds the character: given on the command line it stops the run, from a column it is its row's.
            CheckWritable(message.Subject, "Subject", encoding, problems);
            CheckWritable(message.Text, "Text", encoding, problems);
            CheckWritable(message.Html, "Html", encoding, problems);
            CheckWritable(message.Template?.Subject, "TemplateSubject", encoding, problems);
        }

        private static void CheckWritable(string? text, string field, string encoding, ProblemList problems)
        {
            if (EmailCharsetFit.FirstUnwritable(text, encoding) is string character)
                problems.Add(field, $"{InputEcho.Quote(text!)} holds {character}: " + EmailCharsetFit.CannotWrite(encoding));
        }

        /// <summary>
        /// What is wrong with the sender, or null. Send-ConnectEmail sends 'Contoso News &lt;news@contoso.com&gt;' as the address and
        /// -FromName, so what reaches here with a name from it is one that -FromName contradicts (or an EmailMessage made so);
        /// and 'Contoso News' alone, told only "it contains spaces", left the admin to find that the name has a parameter of its own.
        /// </summary>
        private static string? FromProblem(string from, string? fromName)
        {
            var sender = Composition.AddressLine.One(from.Trim());
            if (sender.Name is not null && EmailAddressRule.Check(sender.Address) is null)
                return fromName is null || fromName == sender.Name
                    ? $"{InputEcho.Quote(from)} has a display name: give -From the address and -FromName the name: -From {InputEcho.Quote(sender.Address)} -FromName {Literal(sender.Name)}"
                    : $"{InputEcho.Quote(from)} names the sender {InputEcho.Quote(sender.Name)}, and -FromName {InputEcho.Quote(fromName)}: give the " +
                      $"name once, e.g. -From {InputEcho.Quote(sender.Address)} -FromName {Literal(fromName)}";
            if (EmailAddressRule.Check(from, OneFrom) is not string problem) return null;
            if (VariablesProblem(from, "From", "the address") is string variables) return variables;
            if (IsName(from))
                return $"{InputEcho.Quote(from)} is a name, not an email address: give -From the sender address on a domain verified in your tenant, " +
                    $"and the name to -FromName: -From 'news@example.com' -FromName {Literal(from.Trim())}";
            return problem;
        }

        /// <summary>
        /// A display name where the address goes: words (letters, apart by spaces), no '@', no '.' (news.contoso.com lacks only its
        /// @), no brackets. One word ('noreply') is more likely an address that lacks its domain.
        /// </summary>
        private static bool IsName(string value)
        {
            var trimmed = value.Trim();
            if (trimmed.IndexOfAny(NotInName) >= 0 || trimmed.IndexOf(' ') < 0) return false;
            foreach (var c in trimmed)
                if (char.IsLetter(c)) return true;
            return false;
        }

        private static readonly char[] NotInName = { '@', '.', '<', '>', ':' };

        /// <summary>The text as a PowerShell string literal, for advice to run as written ('O''Brien Shop').</summary>
        /// <summary>
        /// A sender (-From, -FromName) that holds $(name) variables: one value for every row, which the service does not fill.
        /// Before, -From '$(Sender)' was told only "the @ is missing", and -FromName '$(Team) team' reached every recipient as
        /// written. Says how a loop gives each row its own ("$($u.Team) team") and how piped rows are sent in a call for each
        /// value (Group-Object), as one variable makes possible. Null when the text has none.
        /// </summary>
        private static string? VariablesProblem(string value, string parameter, string what)
        {
            var names = PersonalisedText.VariablesIn(value).ToList();
            if (names.Count == 0) return null;
            // '$(Sender)' alone is the column itself: -From $u.Sender; inside other text, PowerShell's "$($u.Team) team".
            var whole = ColumnVariable.IsMatch(value);
            string Filled(Func<string, string> property) =>
                whole ? property(names[0]) : "\"" + VariableText.Replace(value.Replace("\"", "`\""), m => "$(" + property(m.Groups[1].Value) + ")") + "\"";
            var said = $"{InputEcho.Quote(value)} holds {WordList.And(names.Select(n => "$(" + n + ")").ToList())}, and $(name) variables fill only the " +
                $"subject and the body, never -{parameter}: give {what} itself (in a loop over rows, -{parameter} {Filled(n => "$u." + Member(n))}";
            if (names.Count > 1) return said + ")";
            return said + $"; piped, one call for each value: ... | Group-Object {Member(names[0])} | ForEach-Object {{ $_.Group | Send-ConnectEmail " +
                $"-{parameter} {Filled(_ => "$_.Name")} ... }})";
        }

        private static readonly Regex VariableText = new Regex(@"\$\(([^()]+)\)", RegexOptions.CultureInvariant);

        /// <summary>A column's name as PowerShell reads it after a dot or as Group-Object's argument: quoted unless it is one word.</summary>
        private static string Member(string name) =>
            Regex.IsMatch(name, "^[A-Za-z_][A-Za-z0-9_]*$") ? name : "'" + name.Replace("'", "''") + "'";

        private static string Literal(string text) => "'" + InputEcho.Visible(text).Replace("'", "''") + "'";

        private static void CheckNoContent(EmailMessage message, ProblemList problems)
        {
            const string Both = " and a template were both given: use one of them, not both (to override the template's subject, set the template's own Subject)";
            if (message.Subject is not null) problems.Add("Subject", "Subject" + Both);
            if (message.Text is not null) problems.Add("Text", "Text" + Both);
            if (message.Html is not null) problems.Add("Html", "Html" + Both);
        }

        private static void CheckContent(EmailMessage message, ProblemList problems)
        {
            if (string.IsNullOrWhiteSpace(message.Subject))
                problems.Add("Subject", CommonRules.Missing("the email has no subject", "-Subject or a Subject column"));
            // An empty Html cell (a CSV with an Html column) is no body either.
            if (string.IsNullOrEmpty(message.Html) && string.IsNullOrEmpty(message.Text))
                problems.Add("Text", CommonRules.Missing("the email has no body", "-Text or a Text column, -Html or an Html column"));
            else if (string.IsNullOrEmpty(message.Html) && string.IsNullOrWhiteSpace(message.Text))
                CommonRules.AddOnlyWhiteSpace(problems, "Text", "Text", "the email's text");
            // An empty Html cell is a text-only row of a CSV with an Html column; spaces alone are a mistake.
            if (!string.IsNullOrEmpty(message.Html) && string.IsNullOrWhiteSpace(message.Html))
                CommonRules.AddOnlyWhiteSpace(problems, "Html", "Html", "the email's HTML");

            BodyFileName.Check(message.Html, "Html", "the email's HTML", "the email", problems);
            BodyFileName.Check(message.Text, "Text", "the email's text", "the email", problems);

            var htmlBytes = message.Html is null ? 0 : Encoding.UTF8.GetByteCount(message.Html);
            if (htmlBytes > MaxHtmlBytes)
                problems.Add("Html", $"is {htmlBytes} bytes as UTF-8: at most {MaxHtmlBytes} bytes (500 KB) are allowed");

            var estimated = EstimatedBytes(message.Subject, message.Text, message.Html);
            if (estimated > MaxEmailBytes)
                problems.Add("Text", $"the email would be about {estimated} bytes once encoded: at most {MaxEmailBytes} bytes (10 MB) are allowed");
        }

        /// <summary>
        /// About how big the email is once MIME-encoded. Attachments are fetched by the service and their size is
        /// unknown here, so only the body counts.
        /// </summary>
        internal static long EstimatedBytes(string? subject, string? text, string? html) =>
            EstimatedBytes((long)Utf8Bytes(html) + Utf8Bytes(text) + Utf8Bytes(subject));

        /// <summary>About how big the email is once MIME-encoded, from the UTF-8 byte count of its subject, text and HTML together.</summary>
        internal static long EstimatedBytes(long utf8Bytes) => (long)(utf8Bytes * MimeGrowth);

        /// <summary>The parameter (and column) that gives an email's attachments: Send-ConnectEmail -Attachment.</summary>
        private const string AttachmentParameter = "Attachment";

        private static void CheckAttachments(IReadOnlyList<EmailAttachment> attachments, ProblemList problems)
        {
            for (var i = 0; i < attachments.Count; i++)
            {
                var field = ProblemList.Indexed("Attachments", i);
                // The URL's problems name what the admin wrote, -Attachment or an Attachment column ("Attachment[0]"), as
                // EmailAttachments.Read does, and so the run-wide stop names -Attachment. Before, they named the JSON's
                // Attachments[0].MediaUrl, a field the admin never typed.
                var url = ProblemList.Indexed(AttachmentParameter, i);
                var attachment = attachments[i];
                if (attachment is null)
                {
                    problems.Add(url, "is empty: give the file's public https URL, e.g. -Attachment " + Composition.EmailAttachments.Example);
                    continue;
                }
                // An object in a row's Attachment cell that names no URL: what it has and lacks (EmailAttachments.ReadCell).
                if (attachment.Problem is string problem)
                {
                    var at = problem.IndexOf(": ", System.StringComparison.Ordinal);
                    problems.Add(url, at > 0 ? problem.Substring(at + 2) : problem);
                    continue;
                }
                if (string.IsNullOrWhiteSpace(attachment.MimeType))
                {
                    // A row's Attachment cell is a URL alone, and the type is told by its extension: a cell cannot give a
                    // MimeType, so "MimeType is required" asked for what the row had no way to give. A URL with no extension
                    // has its own line below, which says the fix.
                    if (MimeTypeProblem(attachment) is string mimeProblem) problems.Add(field + ".MimeType", mimeProblem);
                }
                else if (attachment.MimeType.IndexOf('/') <= 0 || attachment.MimeType.EndsWith("/", System.StringComparison.Ordinal))
                    problems.Add(field + ".MimeType", $"{InputEcho.Quote(attachment.MimeType)} is not a MIME type: use type/subtype (e.g. application/pdf)");
                if (string.IsNullOrWhiteSpace(attachment.Name))
                    problems.Add(field + ".Name", "Name is required: the file name the recipient sees");
                CommonRules.CheckLine(attachment.Name, field + ".Name", problems);
                CommonRules.CheckLine(attachment.MediaUrl, url, problems);
                if (string.IsNullOrWhiteSpace(attachment.MediaUrl))
                    problems.Add(url, "MediaUrl is required: the https URL of the file");
                else if (UrlRule.CheckHttps(attachment.MediaUrl) is string urlProblem)
                    problems.Add(url, FileNameProblem(attachment.MediaUrl) ?? urlProblem);
                else if (!UrlRule.EndsWithExtension(attachment.MediaUrl))
                    problems.Add(url, $"{InputEcho.Quote(attachment.MediaUrl)} does not end with a file extension: the URL must end with the file's extension (e.g. .pdf)");
            }
        }

        /// <summary>
        /// "'brochure.pdf' is a file name, not a URL: ...": an Attachment cell naming a file the way a script beside it would
        /// ('brochure.pdf', 'files/brochure.pdf'), which the service cannot fetch from any folder. Before, it was told only "is
        /// not an absolute URL", and an admin whose script worked from its own folder looked for the fault in the folder a
        /// scheduled task starts in (System32 or the home folder). Null for anything else (a host without https://, a path
        /// UrlRule already calls one), which UrlRule's reason fits.
        /// </summary>
        private static string? FileNameProblem(string value)
        {
            var text = value.Trim();
            if (text.IndexOf(':') >= 0 || UrlRule.IsFilePath(text) || !Composition.EmailAttachments.KnowsTypeOf(text)) return null;
            // 'files.example.com/a.pdf' is a web address without its scheme: UrlRule's "use https://host/path" fits it.
            var slash = text.IndexOfAny(new[] { '/', '\\' });
            if (slash > 0 && text.LastIndexOf('.', slash - 1) > 0) return null;
            var name = text.Substring(text.LastIndexOfAny(new[] { '/', '\\' }) + 1);
            return $"{InputEcho.Quote(value)} is a file name, not a URL: the service fetches each attachment from a public https URL " +
                "and cannot read files on this computer, from the script's folder or any other; publish the file on a web server " +
                "and give its URL, e.g. https://files.example.com/" + System.Uri.EscapeDataString(name);
        }

        /// <summary>
        /// What to say of an attachment without a MIME type: null when its URL is not a web address or has no extension (the
        /// MediaUrl line says that, and the fix); for a URL whose extension tells no known type, the extensions that do, or how
        /// to give the type.
        /// </summary>
        private static string? MimeTypeProblem(EmailAttachment attachment)
        {
            var url = attachment.MediaUrl;
            // An Attachment cell that is no URL ('see the portal', http://intranet/download?id=5) was told "MimeType is required"
            // too, which a cell cannot give: the file's type comes from the extension of the URL that replaces it.
            if (!string.IsNullOrWhiteSpace(url) && UrlRule.CheckHttps(url!) is not null) return null;
            // An attachment built without its type (an EmailAttachment object) whose URL does tell it: the type is what to give.
            if (string.IsNullOrWhiteSpace(url) || EmailAttachments.KnowsTypeOf(url!))
                return "MimeType is required (e.g. application/pdf)";
            if (!UrlRule.EndsWithExtension(url!)) return null;
            return "the file type of " + InputEcho.Quote(string.IsNullOrEmpty(attachment.Name) ? url! : attachment.Name) + " is not known from its " +
                "extension: give a URL that ends in a known one (.pdf, .docx, .xlsx, .csv, .txt, .png, .jpg, .zip, .ics), or give the " +
                "attachment with its type, e.g. -Attachment @{ Url = '...'; MimeType = 'application/octet-stream' }";
        }

        private static void CheckAddress(string? address, string field, ProblemList problems, string severalAdvice)
        {
            if (address is not null && EmailAddressRule.Check(address, severalAdvice) is string problem)
                problems.Add(field, problem);
        }

        /// <summary>
        /// A copy address (-Cc, -Bcc, -ReplyTo), which a column of the row may give: a '$(Manager)' there, written as the
        /// text's variables are, was told only "the @ is missing", and the admin who meant each row's manager was left to
        /// guess that no address is ever filled from a $(name), and that the column must carry the parameter's name. So is a
        /// distinguished name (Get-ADUser's Manager), with the look-up that gives its mail.
        /// </summary>
        // list: the whole -Cc or -Bcc list the address is in (null for -ReplyTo), for the addresses beside a $(name).
        private static void CheckCopyAddress(string? address, string field, string parameter, ProblemList problems, string severalAdvice,
            IReadOnlyList<string?>? list = null)
        {
            if (address is null || EmailAddressRule.Check(address, severalAdvice) is not string problem) return;
            if (DistinguishedNameRule.IsOne(address))
            {
                problems.Add(field, $"{InputEcho.Quote(address)} is an Active Directory distinguished name (what Get-ADUser's Manager holds), " +
                    $"not an email address: give that account's mail instead, where the column is made, e.g. @{{ n = '{parameter}'; e = {{ (Get-ADUser $_.Manager -Properties mail).mail }} }}");
                return;
            }
            var variable = ColumnVariable.Match(address);
            if (!variable.Success)
            {
                problems.Add(field, problem);
                return;
            }
            var column = variable.Groups[1].Value;
            // -Bcc 'audit@example.com', '$(Sender)': "leave -Bcc out" dropped the audit copy with the variable.
            // A row's cell ('audit@example.com; $(Sender)' in its Bcc column) is told what to write in that cell: the command
            // line's wording said "leave -Bcc out" and "a -Bcc on the command line sets every row" to an admin who gave no -Bcc.
            var others = list is null ? null : OtherAddresses(list);
            if (others is { Count: > 0 })
            {
                problems.AddWorded(field, OthersKeptInCell(address, column, parameter, others), OthersKept(address, column, parameter, others));
                return;
            }
            var said = $"{InputEcho.Quote(address)} is a $(name) variable, and those fill only the subject and the body, never an address";
            // '$(Cc)' names the column the parameter reads already: renaming it to itself (Select-Object *, @{ n = 'Cc' ... })
            // is advice that fails ("the property Cc already exists"); left out, -Cc takes each row's Cc column by itself.
            var sameColumn = string.Equals(column, parameter, System.StringComparison.OrdinalIgnoreCase);
            problems.AddWorded(field,
                sameColumn
                    ? said + $", not even in a {parameter} cell: write the address itself in each row's {parameter} cell"
                    : said + $", not even in a {parameter} cell: put the {column} column's address itself in each row's {parameter} cell " +
                      $"(... | Select-Object *, @{{ n = '{parameter}'; e = {{ $_.'{column}' }} }} -ExcludeProperty {parameter} | Send-ConnectEmail ...)",
                sameColumn
                    ? said + $": leave -{parameter} out, and the {column} column gives each row its own"
                    : said + $": leave -{parameter} out, and give the {column} column the name {parameter} on the way in " +
                      $"(... | Select-Object *, @{{ n = '{parameter}'; e = {{ $_.'{column}' }} }} | Send-ConnectEmail ...)");
        }

        /// <summary>The addresses of a -Cc or -Bcc list that are no $(name) variable (nor empty).</summary>
        private static List<string> OtherAddresses(IReadOnlyList<string?> list)
        {
            var others = new List<string>();
            foreach (var item in list)
                if (!string.IsNullOrWhiteSpace(item) && !ColumnVariable.IsMatch(item!)) others.Add(item!.Trim());
            return others;
        }

        /// <summary>
        /// A $(name) in a -Cc or -Bcc list of real addresses: those stay, the variable goes. A -Bcc given on the command line sets
        /// every row and its column is then not read (the run says so), so each row's own copy beside the run's addresses is a
        /// cell that holds both.
        /// </summary>
        private static string OthersKept(string address, string column, string parameter, List<string> others)
        {
            var kept = string.Join(", ", others.Select(Literal));
            var cell = string.Join("; ", others).Replace("'", "''");
            return $"{InputEcho.Quote(address)} is a $(name) variable, and those fill only the subject and the body, never an address: " +
                   $"take it out of the list (-{parameter} {kept} still copies every row there). A -{parameter} on the command line " +
                   $"sets every row, and a {parameter} column is then not read: to copy each row to its own {column} as well, leave -{parameter} " +
                   $"out and put both in each row's {parameter} cell (... | Select-Object *, @{{ n = '{parameter}'; e = {{ '{cell}; ' + " +
                   $"$_.'{column}' }} }} -ExcludeProperty {parameter} | Send-ConnectEmail ...)";
        }

        /// <summary>
        /// <see cref="OthersKept"/> for a row's cell that lists real addresses and a $(name): the cell is to hold both addresses
        /// themselves, made from the column the variable names where the rows are read.
        /// </summary>
        private static string OthersKeptInCell(string address, string column, string parameter, List<string> others)
        {
            var cell = string.Join("; ", others).Replace("'", "''");
            return $"{InputEcho.Quote(address)} is a $(name) variable, and those fill only the subject and the body, never an address, " +
                   $"not even in a {parameter} cell: put the {column} column's address itself in each row's {parameter} cell, beside " +
                   $"{string.Join(", ", others.Select(Literal))} (... | Select-Object *, @{{ n = '{parameter}'; e = {{ '{cell}; ' + " +
                   $"$_.'{column}' }} }} -ExcludeProperty {parameter} | Send-ConnectEmail ...)";
        }

        // '$(Manager)', alone: the whole value is one variable.
        private static readonly Regex ColumnVariable = new Regex(@"^\s*\$\(([^()\s]+)\)\s*$", RegexOptions.CultureInvariant);

        // What to do with "a@x.com; b@x.com" in a field other than the destination, made once (the checks run for every row).
        private static readonly string SeveralCc = SeveralAddresses("Cc");
        private static readonly string SeveralBcc = SeveralAddresses("Bcc");
        private static readonly string OneFrom = OneAddress("From");
        private static readonly string OneReplyTo = OneAddress("ReplyTo");
        private static readonly string OneUnsubscribeAddress = OneAddress("UnsubscribeEmailAddress");

        // Reached by addresses apart by spaces only: ';' and ',' between them split them already (CopyAddresses), in a
        // -Cc given on the command line as in a Cc column.
        private static string SeveralAddresses(string parameter) =>
            $"separate them with ';' or ',' ('ann@example.com; bob@example.com', in a {parameter} column too), or give each as " +
            $"an item of its own: -{parameter} 'ann@example.com', 'bob@example.com'";

        // A Subject cell of several lines (a spreadsheet cell with Alt+Enter in it, saved as CSV): refused with no word of what
        // to do, the admin had to find out that a subject cannot be several lines, nor made one by the module.
        private const string JoinSubjectLines = "join its lines into one: -Subject ($subject -replace '\\s*\\r?\\n\\s*', ' '), or for a Subject " +
            "column, ... | ForEach-Object { $_.Subject = $_.Subject -replace '\\s*\\r?\\n\\s*', ' '; $_ } | Send-ConnectEmail";

        private static string OneAddress(string parameter) => $"-{parameter} takes one address: give the one that is meant";

        private static int Utf8Bytes(string? text) => text is null ? 0 : Encoding.UTF8.GetByteCount(text);
    }
}
