using System;
using System.Collections;
using WebexConnect.Composition;
using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>-Attachment accepts what an admin types: hashtables, with name and type taken from the URL when left out.</summary>
    public class EmailAttachmentsTests
    {
        [Fact]
        public void AHashtableWithEveryFieldIsTakenAsGiven()
        {
            var attachment = Assert.Single(EmailAttachments.Read(new object[]
            {
                new Hashtable { ["MimeType"] = "application/pdf", ["Name"] = "Invoice 7.pdf", ["Url"] = "https://files.example.com/i/7.pdf" },
            }));

            Assert.Equal("application/pdf", attachment.MimeType);
            Assert.Equal("Invoice 7.pdf", attachment.Name);
            Assert.Equal("https://files.example.com/i/7.pdf", attachment.MediaUrl);
        }

        [Fact]
        public void NameAndMimeTypeComeFromTheUrlWhenLeftOut()
        {
            var attachment = Assert.Single(EmailAttachments.Read(new object[] { new Hashtable { ["mediaurl"] = "https://files.example.com/q/price%20list.xlsx" } }));

            Assert.Equal("price list.xlsx", attachment.Name);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", attachment.MimeType);
        }

        [Fact]
        public void AnEmailAttachmentObjectPassesThrough()
        {
            var given = new EmailAttachment { MimeType = "image/png", Name = "logo.png", MediaUrl = "https://x.example/logo.png" };

            Assert.Same(given, Assert.Single(EmailAttachments.Read(new object[] { given })));
        }

        [Fact]
        public void AMissingUrlNamesTheAttachment()
        {
            var error = Assert.Throws<ArgumentException>(() => EmailAttachments.Read(new object[]
            {
                new Hashtable { ["Url"] = "https://x.example/a.pdf" },
                new Hashtable { ["Name"] = "b.pdf" },
            }));

            Assert.Contains("Attachment[1]", error.Message);
            Assert.Contains("Url", error.Message);
        }

        [Fact]
        public void AnItemOfTheWrongKindShowsAWorkingHashtableInsteadOfATypeName()
        {
            var error = Assert.Throws<ArgumentException>(() => EmailAttachments.Read(new object[] { 42 }));

            Assert.Contains("Attachment[0]", error.Message);
            Assert.Contains("@{ Url = ", error.Message);
            Assert.DoesNotContain("EmailAttachment", error.Message);
        }

        [Fact]
        public void AnUnknownExtensionWithoutMimeTypeIsRefused()
        {
            var error = Assert.Throws<ArgumentException>(() => EmailAttachments.Read(new object[] { new Hashtable { ["Url"] = "https://x.example/data.bin" } }));

            Assert.Contains("MimeType", error.Message);
            Assert.Contains("'data.bin'", error.Message);
            Assert.Contains("@{ Url = ", error.Message);
        }

        [Theory]
        [InlineData("backup.log", "text/plain")]
        [InlineData("users.tsv", "text/tab-separated-values")]
        [InlineData("logs.tar.gz", "application/gzip")]
        [InlineData("logs.7z", "application/x-7z-compressed")]
        [InlineData("alert.eml", "message/rfc822")]
        [InlineData("alert.msg", "application/vnd.ms-outlook")]
        [InlineData("scan.TIFF", "image/tiff")]
        public void TheFilesAScheduledJobMailsAreTypedFromTheirExtension(string file, string type)
        {
            var attachment = Assert.Single(EmailAttachments.Read(new object[] { "https://files.example.com/jobs/" + file }));

            Assert.Equal(type, attachment.MimeType);
            Assert.Equal(file, attachment.Name);
        }

        [Theory]
        [InlineData("https://f.example/INV-2.pdf ; https://f.example/terms.pdf")]
        [InlineData(" https://f.example/INV-2.pdf | https://f.example/terms.pdf; ")]
        [InlineData("https://f.example/INV-2.pdf,\thttps://f.example/terms.pdf;")]
        public void ARowsCellsUrlsKeepNoSeparatorAroundThem(string cell)
        {
            // Spaces before a ';' and a list's closing ';' are the cell's, not the URL's: the service cannot fetch 'INV-2.pdf '.
            var attachments = EmailAttachments.ReadCell(new object[] { cell });

            Assert.Equal(new[] { "https://f.example/INV-2.pdf", "https://f.example/terms.pdf" },
                Array.ConvertAll(System.Linq.Enumerable.ToArray(attachments), a => a.MediaUrl));
            Assert.All(attachments, a => Assert.Equal("application/pdf", a.MimeType));
        }

        /// <summary>
        /// The version before the separators were trimmed sent 'INV-2.pdf ' of 'INV-2.pdf ; terms.pdf', and its journal names the
        /// send so: the attachment keeps that cut for the journal to look the row up under (the payload sends it trimmed).
        /// </summary>
        [Fact]
        public void ACellsUrlKeepsTheCutOfTheVersionBeforeTheTrimWhenItDiffers()
        {
            var attachments = EmailAttachments.ReadCell(new object[] { "https://f.example/INV-2.pdf ; https://f.example/terms.pdf ;https://f.example/a.pdf" });

            Assert.Equal(new[] { "https://f.example/INV-2.pdf ", "https://f.example/terms.pdf ", null },
                Array.ConvertAll(System.Linq.Enumerable.ToArray(attachments), a => a.MediaUrlAsGiven));
            Assert.Equal("https://f.example/INV-2.pdf", attachments[0].MediaUrl);
            Assert.Null(EmailAttachments.ReadCell(new object[] { "https://f.example/INV-2.pdf; https://f.example/terms.pdf" })[0].MediaUrlAsGiven);
        }

        [Theory]
        [InlineData("https://files.example/download?id=5")]
        [InlineData("https://files.example/reports/")]
        public void ALinkWithoutAFileExtensionSaysTheUrlMustEndWithOne(string url)
        {
            // Asking for a MimeType would not help: the service refuses an attachment URL without the extension.
            var error = Assert.Throws<ArgumentException>(() => EmailAttachments.Read(new object[] { url }));

            Assert.StartsWith($"Attachment[0]: '{url}' does not end with a file name and extension", error.Message);
            Assert.DoesNotContain("MimeType", error.Message);
        }

        [Fact]
        public void ARowsCellThatListsSeveralUrlsIsThoseFiles()
        {
            // As a Cc cell is its addresses: a row's own files, one per URL; an archive URL with a second scheme stays one.
            var attachments = EmailAttachments.ReadCell(new object[] { "https://f.example/INV-2.pdf; https://f.example/terms.docx,https://web.archive.org/web/2026/https://f.example/old.pdf" });

            Assert.Equal(new[] { "https://f.example/INV-2.pdf", "https://f.example/terms.docx", "https://web.archive.org/web/2026/https://f.example/old.pdf" },
                Array.ConvertAll(System.Linq.Enumerable.ToArray(attachments), a => a.MediaUrl));
            Assert.Equal("application/pdf", attachments[0].MimeType);
            Assert.Equal("terms.docx", attachments[1].Name);
        }

        [Theory]
        [InlineData("https://files.example/download?id=5")]
        [InlineData("https://files.example/data.bin")]
        public void ARowsCellReadIsNeverAnErrorOfTheCommand(string url)
        {
            // Read stops the command; a cell is one row's: it stays in without a type, for EmailRules to refuse that row alone.
            var attachment = Assert.Single(EmailAttachments.ReadCell(new object[] { url, "" }));

            Assert.Equal(url, attachment.MediaUrl);
            Assert.Equal("", attachment.MimeType);
        }
    }
}
