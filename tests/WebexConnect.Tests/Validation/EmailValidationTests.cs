using System.Collections.Generic;
using System.Linq;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using Xunit;
using static WebexConnect.Tests.Validation.ValidationAssert;

namespace WebexConnect.Tests.Validation
{
    /// <summary>Email: addresses, subject and body, attachments, size limits.</summary>
    public class EmailValidationTests
    {
        private const string Sender = "news@acme.example.com";

        private static IReadOnlyList<ValidationProblem> Check(EmailMessage message) => MessageValidator.Validate(message, Now);

        private static EmailAttachment Pdf(string url = "https://files.example.com/invoice.pdf") =>
            new EmailAttachment { MimeType = "application/pdf", Name = "Invoice.pdf", MediaUrl = url };

        [Fact]
        public void AVariableInACopyListIsWordedForTheRowsCellAndForTheCommandLineEachTheirOwnWay()
        {
            // Before: a row's Bcc cell 'audit@example.com; $(Sender)' was told "leave -Bcc out" and "a -Bcc on the command line sets
            // every row", of a -Bcc the admin never gave.
            var problem = Check(new EmailMessage { From = Sender, Subject = "Hi", Text = "Hello", Bcc = new[] { "audit@example.com", "$(Sender)" } })
                .Single(p => p.Field == "Bcc[1]");

            Assert.Equal("'$(Sender)' is a $(name) variable, and those fill only the subject and the body, never an address, not even in a Bcc " +
                "cell: put the Sender column's address itself in each row's Bcc cell, beside 'audit@example.com' (... | Select-Object *, " +
                "@{ n = 'Bcc'; e = { 'audit@example.com; ' + $_.'Sender' } } -ExcludeProperty Bcc | Send-ConnectEmail ...)", problem.Message);
            Assert.StartsWith("'$(Sender)' is a $(name) variable, and those fill only the subject and the body, never an address: take it out " +
                "of the list (-Bcc 'audit@example.com' still copies every row there).", problem.ForCommandLine);

            var alone = Check(new EmailMessage { From = Sender, Subject = "Hi", Text = "Hello", ReplyTo = "$(Manager)" }).Single(p => p.Field == "ReplyTo");
            Assert.Contains("not even in a ReplyTo cell: put the Manager column's address itself in each row's ReplyTo cell", alone.Message);
            Assert.DoesNotContain("leave -ReplyTo out", alone.Message);
            Assert.Contains("leave -ReplyTo out, and give the Manager column the name ReplyTo on the way in", alone.ForCommandLine);
        }

        [Fact]
        public void ATextEmailIsValid() => Valid(Check(new EmailMessage { From = Sender, Subject = "Hi", Text = "Hello" }));

        [Fact]
        public void AnHtmlEmailNeedsNoText() => Valid(Check(new EmailMessage { From = Sender, Subject = "Hi", Html = "<p>Hello</p>" }));

        [Fact]
        public void TheSenderIsAnEmailAddress()
        {
            var message = Single(Check(new EmailMessage { From = "news.acme.example.com", Subject = "Hi", Text = "Hello" }), "From");
            Assert.Contains("the @ is missing", message);
            // One word is an address without its domain more likely than a name.
            Assert.Contains("the @ is missing", Single(Check(new EmailMessage { From = "noreply", Subject = "Hi", Text = "Hello" }), "From"));
        }

        [Fact]
        public void ASenderOrSenderNameWithAVariableSaysTheServiceFillsNoneThereAndHowEachRowGetsItsOwn()
        {
            // Before: -From '$(Sender)' was told only "the @ is missing"; -FromName '$(Team) team' reached every recipient as written.
            Assert.Equal("'$(Sender)' holds $(Sender), and $(name) variables fill only the subject and the body, never -From: give the " +
                "address itself (in a loop over rows, -From $u.Sender; piped, one call for each value: ... | Group-Object Sender | " +
                "ForEach-Object { $_.Group | Send-ConnectEmail -From $_.Name ... })",
                Single(Check(new EmailMessage { From = "$(Sender)", Subject = "Hi", Text = "Hello" }), "From"));
            Assert.Equal("'$(Team) team' holds $(Team), and $(name) variables fill only the subject and the body, never -FromName: give the " +
                "name itself (in a loop over rows, -FromName \"$($u.Team) team\"; piped, one call for each value: ... | Group-Object Team | " +
                "ForEach-Object { $_.Group | Send-ConnectEmail -FromName \"$($_.Name) team\" ... })",
                Single(Check(new EmailMessage { From = Sender, FromName = "$(Team) team", Subject = "Hi", Text = "Hello" }), "FromName"));
            // Two variables: the loop's way only; a name with a space is quoted as PowerShell reads it.
            Assert.EndsWith("(in a loop over rows, -FromName \"$($u.'Team Name') for $($u.Shop)\")",
                Single(Check(new EmailMessage { From = Sender, FromName = "$(Team Name) for $(Shop)", Subject = "Hi", Text = "Hello" }), "FromName"));
            Valid(Check(new EmailMessage { From = Sender, FromName = "ACME $ (sales)", Subject = "Hi", Text = "Hello" }));
        }

        [Theory]
        [InlineData("ACME News", "'ACME News' is a name, not an email address: give -From the sender address on a domain verified in your tenant, " +
            "and the name to -FromName: -From 'news@example.com' -FromName 'ACME News'")]
        [InlineData(" O'Brien Shop ", "' O'Brien Shop ' is a name, not an email address: give -From the sender address on a domain verified in your tenant, " +
            "and the name to -FromName: -From 'news@example.com' -FromName 'O''Brien Shop'")]
        public void A_sender_that_is_a_name_is_told_to_go_to_FromName(string from, string said) =>
            Assert.Equal(said, Single(Check(new EmailMessage { From = from, Subject = "Hi", Text = "Hello" }), "From"));

        [Fact]
        public void Addresses_with_display_names_where_one_address_goes_are_counted_or_shown_bare()
        {
            var problems = Check(new EmailMessage
            {
                From = Sender, Subject = "Hi", Text = "Hello",
                ReplyTo = "Help <help@example.com>; \"Sales, EMEA\" <sales@example.com>",
                UnsubscribeEmailAddress = "Unsubscribe <leave@example.com>",
            });
            Assert.Equal("'Help <help@example.com>; \"Sales, EMEA\" <sales@example.com>' holds 2 addresses, not one: -ReplyTo takes one address: " +
                "give the one that is meant", problems.Single(p => p.Field == "ReplyTo").Message);
            Assert.Equal("'Unsubscribe <leave@example.com>' is not an email address (it has a display name or angle brackets): give the address " +
                "alone, here 'leave@example.com'", problems.Single(p => p.Field == "UnsubscribeEmailAddress").Message);
        }

        [Fact]
        public void A_display_name_around_a_bad_address_is_named_as_written_with_the_part_that_is_wrong()
        {
            // Before: "'jane@' is not an email address", a value the admin never wrote and could not find in the file.
            var problems = Check(new EmailMessage
            {
                From = "News <news@>", Subject = "Hi", Text = "Hello",
                Cc = new[] { "Jane <jane@>" }, ReplyTo = "Help <>",
            });
            Assert.Equal("'News <news@>' is not an email address: the part between < and >, 'news@', is wrong (nothing after the @): " +
                "correct that part", problems.Single(p => p.Field == "From").Message);
            Assert.Equal("'Jane <jane@>' is not an email address: the part between < and >, 'jane@', is wrong (nothing after the @): " +
                "correct that part", problems.Single(p => p.Field == "Cc[0]").Message);
            Assert.Equal("'Help <>' is not an email address: the part between < and >, '', is wrong (it is empty): correct that part",
                problems.Single(p => p.Field == "ReplyTo").Message);
        }

        [Fact]
        public void A_copy_of_named_addresses_apart_by_spaces_is_told_how_to_separate_them()
        {
            // Before: "it has a display name or angle brackets: use a bare address", where display names are welcome.
            var problems = Check(new EmailMessage { From = Sender, Subject = "Hi", Text = "Hello", Cc = new[] { "Jane <jane@example.com> bob@example.com" } });
            Assert.Equal("'Jane <jane@example.com> bob@example.com' holds 2 addresses, not one: separate them with ';' or ',' " +
                "('ann@example.com; bob@example.com', in a Cc column too), or give each as an item of its own: -Cc 'ann@example.com', " +
                "'bob@example.com'", problems.Single(p => p.Field == "Cc[0]").Message);
        }

        [Theory]
        [InlineData("Your order\nhas shipped")]
        [InlineData("Your order\r\nhas shipped")]
        public void A_subject_of_several_lines_is_told_to_join_them(string subject)
        {
            // A spreadsheet cell with a line break in it: before, refused with no word of what to do.
            var message = Single(Check(new EmailMessage { From = Sender, Subject = subject, Text = "Hello" }), "Subject");
            Assert.EndsWith(": Subject must be one line: join its lines into one: -Subject ($subject -replace '\\s*\\r?\\n\\s*', ' '), or for a " +
                "Subject column, ... | ForEach-Object { $_.Subject = $_.Subject -replace '\\s*\\r?\\n\\s*', ' '; $_ } | Send-ConnectEmail", message);
            Assert.StartsWith("contains a line break (U+000", message);
        }

        [Fact]
        public void A_sender_whose_name_FromName_contradicts_is_told_to_give_the_name_once()
        {
            var message = Single(Check(new EmailMessage { From = "ACME News <" + Sender + ">", FromName = "ACME Sales", Subject = "Hi", Text = "Hello" }), "From");
            Assert.Equal("'ACME News <" + Sender + ">' names the sender 'ACME News', and -FromName 'ACME Sales': give the name once, e.g. -From '" +
                Sender + "' -FromName 'ACME Sales'", message);
            // An EmailMessage made with the name in From (Send-ConnectEmail moves it to FromName first).
            Assert.Equal("'O'Brien <" + Sender + ">' has a display name: give -From the address and -FromName the name: -From '" + Sender +
                "' -FromName 'O''Brien'", Single(Check(new EmailMessage { From = "O'Brien <" + Sender + ">", Subject = "Hi", Text = "Hello" }), "From"));
        }

        [Fact]
        public void SubjectIsRequiredWithContent() =>
            Assert.Equal("the email has no subject: give -Subject or a Subject column, or a template (-TemplateId)", Single(Check(new EmailMessage { From = Sender, Text = "Hello" }), "Subject"));

        [Fact]
        public void TextIsRequiredForATextEmail() =>
            Assert.Equal("the email has no body: give -Text or a Text column, -Html or an Html column, or a template (-TemplateId)", Single(Check(new EmailMessage { From = Sender, Subject = "Hi" }), "Text"));

        [Fact]
        public void ATemplateEmailCarriesNoContent()
        {
            Valid(Check(new EmailMessage { From = Sender, Template = new MessageTemplate { Id = "T1", Subject = "Override", Encoding = "utf-8" } }));

            var problems = Check(new EmailMessage { From = Sender, Subject = "Hi", Html = "<p/>", Template = new MessageTemplate { Id = "T1" } });
            Assert.Equal(new[] { "Subject", "Html" }, problems.Select(p => p.Field));
        }

        [Theory]
        [InlineData("us-ascii", "Café", "Subject", "'Café' holds 'é' (U+00E9): -Encoding us-ascii cannot write it")]
        [InlineData("iso-8859-1", "From €5", "Subject", "'From €5' holds '€' (U+20AC): -Encoding iso-8859-1 cannot write it")]
        [InlineData("windows-1252", "Smile 😀", "Subject", "'Smile 😀' holds '😀' (U+1F600): -Encoding windows-1252 cannot write it")]
        public void AnEncodingThatCannotWriteTheTextNamesTheCharacter(string encoding, string subject, string field, string expected)
        {
            var message = Single(Check(new EmailMessage { From = Sender, Subject = subject, Text = "Hello", Encoding = encoding }), field);
            Assert.StartsWith(expected, message);
            Assert.EndsWith("and readers would see '?' in its place. Give -Encoding utf-8, which writes every character", message);
        }

        [Fact]
        public void EachTextIsNamedByItsOwnFieldAndATemplatesSubjectToo()
        {
            var problems = Check(new EmailMessage { From = Sender, Subject = "Hi", Text = "Zoë", Html = "<p>Zoë</p>", Encoding = "us-ascii" });
            Assert.Equal(new[] { "Text", "Html" }, problems.Select(p => p.Field));

            var template = Single(Check(new EmailMessage { From = Sender, Template = new MessageTemplate { Id = "T1", Subject = "Café", Encoding = "us-ascii" } }), "TemplateSubject");
            Assert.StartsWith("'Café' holds 'é' (U+00E9)", template);
        }

        [Theory]
        [InlineData("iso-8859-1", "Café, Zoë, naïve")]
        [InlineData("windows-1252", "From €5 – “quoted”")]
        [InlineData("koi8-r", "Привет")]
        [InlineData("utf-8", "Emoji 😀, € and Привет")]
        [InlineData("gb18030", "Emoji 😀 and 你好")]
        public void AnEncodingThatWritesEveryCharacterOfTheTextIsValid(string encoding, string text) =>
            Valid(Check(new EmailMessage { From = Sender, Subject = "Hi", Text = text, Html = "<p>" + text + "</p>", Encoding = encoding }));

        [Theory]
        [InlineData("Cc", "CN=Boss One,OU=Users,DC=contoso,DC=com")]
        [InlineData("Bcc", "cn=Doe\\, John,ou=Staff,dc=corp,dc=example")]
        public void ACopyThatIsADistinguishedNameSaysHowToGetItsMail(string parameter, string dn)
        {
            var message = parameter == "Cc"
                ? new EmailMessage { From = Sender, Subject = "Hi", Text = "Hello", Cc = new[] { dn } }
                : new EmailMessage { From = Sender, Subject = "Hi", Text = "Hello", Bcc = new[] { dn } };

            Assert.Equal($"'{dn}' is an Active Directory distinguished name (what Get-ADUser's Manager holds), not an email address: give that " +
                $"account's mail instead, where the column is made, e.g. @{{ n = '{parameter}'; e = {{ (Get-ADUser $_.Manager -Properties mail).mail }} }}",
                Single(Check(message), parameter + "[0]"));
        }

        [Fact]
        public void HtmlIsAtMost500KilobytesOfUtf8()
        {
            Valid(Check(new EmailMessage { From = Sender, Subject = "Hi", Html = new string('a', 512000) }));

            // 256001 characters, each 2 bytes in UTF-8: over the limit although fewer characters than bytes allowed.
            var message = Single(Check(new EmailMessage { From = Sender, Subject = "Hi", Html = new string('é', 256001) }), "Html");
            Assert.Contains("512002 bytes", message);
            Assert.Contains("500 KB", message);
        }

        [Fact]
        public void TheWholeEmailIsAtMost10MegabytesOnceEncoded()
        {
            // 7.6 MB of text grows past 10 MB with base64 (x1.37).
            Valid(Check(new EmailMessage { From = Sender, Subject = "Hi", Text = new string('a', 7_500_000) }));
            var message = Single(Check(new EmailMessage { From = Sender, Subject = "Hi", Text = new string('a', 7_700_000) }), "Text");
            Assert.Contains("10 MB", message);
        }

        [Fact]
        public void CopiesAreValidAddressesNamedByIndex()
        {
            Valid(Check(new EmailMessage { From = Sender, Subject = "Hi", Text = "x", Cc = new[] { "a@example.com" }, Bcc = new[] { "b@example.com" } }));

            var problems = Check(new EmailMessage
            {
                From = Sender, Subject = "Hi", Text = "x",
                Cc = new[] { "a@example.com", "b example.com" },
                Bcc = new[] { "c@" },
            });
            Assert.Equal(new[] { "Cc[1]", "Bcc[0]" }, problems.Select(p => p.Field));
        }

        [Fact]
        public void ReplyToAndUnsubscribeAddressesAreChecked()
        {
            var problems = Check(new EmailMessage
            {
                From = Sender, Subject = "Hi", Text = "x",
                ReplyTo = "support", UnsubscribeEmailAddress = "unsub@", ListUnsubscribeUrl = "http://acme.example.com/u",
            });
            Assert.Equal(new[] { "ReplyTo", "UnsubscribeEmailAddress", "ListUnsubscribeUrl" }, problems.Select(p => p.Field));
        }

        [Fact]
        public void AnAttachmentWithEverythingIsValid() =>
            Valid(Check(new EmailMessage { From = Sender, Subject = "Hi", Text = "x", Attachments = new[] { Pdf() } }));

        [Fact]
        public void AnAttachmentNeedsMimeTypeNameAndUrl()
        {
            var problems = Check(new EmailMessage { From = Sender, Subject = "Hi", Text = "x", Attachments = new[] { Pdf(), new EmailAttachment() } });
            Assert.Equal(new[] { "Attachments[1].MimeType", "Attachments[1].Name", "Attachment[1]" }, problems.Select(p => p.Field));
        }

        [Theory]
        [InlineData("https://files.example.com/download?id=7", "does not end with a file extension")]
        [InlineData("https://files.example.com/invoice", "does not end with a file extension")]
        [InlineData("http://files.example.com/invoice.pdf", "use https")]
        // A file name, as a script beside the file would give it: said to be one, with the https URL to give instead.
        [InlineData("invoice.pdf", "'invoice.pdf' is a file name, not a URL: the service fetches each attachment from a public https URL")]
        [InlineData("files.example.com/invoice.pdf", "not an absolute URL: use https://host/path")]
        [InlineData("see the portal", "not an absolute URL")]
        public void AnAttachmentUrlIsHttpsAndEndsWithTheExtension(string url, string reason) =>
            Assert.Contains(reason, Single(Check(new EmailMessage { From = Sender, Subject = "Hi", Text = "x", Attachments = new[] { Pdf(url) } }), "Attachment[0]"));

        [Theory]
        [InlineData(@"C:\Reports\terms.pdf")]
        [InlineData("C:/Reports/terms.pdf")]
        [InlineData(@"\\server\share\terms.pdf")]
        [InlineData("./terms.pdf")]
        [InlineData(@"..\terms.pdf")]
        [InlineData("~/terms.pdf")]
        public void AnAttachmentGivenAsAFilePathSaysTheServiceCannotReadIt(string path)
        {
            // Before: "is not an absolute URL: use https://host/path", which did not say that a local file cannot be attached.
            // Named as the admin wrote it (-Attachment, an Attachment column), not as the JSON's Attachments[0].MediaUrl.
            var message = Single(Check(new EmailMessage { From = Sender, Subject = "Hi", Text = "x", Attachments = new[] { Pdf(path) } }), "Attachment[0]");

            Assert.Equal($"'{path}' is a file path, not a URL: the service cannot read files on this computer; " +
                "publish the file on a web server and use its https://host/path", message);
        }

        [Fact]
        public void AMimeTypeHasTypeAndSubtype() =>
            Assert.Contains("type/subtype", Single(Check(new EmailMessage
            {
                From = Sender, Subject = "Hi", Text = "x",
                Attachments = new[] { new EmailAttachment { MimeType = "pdf", Name = "a.pdf", MediaUrl = "https://f.example.com/a.pdf" } },
            }), "Attachments[0].MimeType"));
    }
}
