using WebexConnect.Messages.Validation;
using Xunit;

namespace WebexConnect.Tests.Validation
{
    /// <summary>
    /// Which bodies are a file's name (Get-Content forgotten, Explorer's Copy as path) and which are a message: a link
    /// alone is a message, with or without its https:// (SMS texts leave it out to save characters).
    /// </summary>
    public sealed class BodyFileNameTests
    {
        [Theory]
        [InlineData("reminder.txt", "reminder.txt")]
        [InlineData(".\\reminder.txt", ".\\reminder.txt")]
        [InlineData("./news.html", "./news.html")]
        [InlineData("../mail/news.htm", "../mail/news.htm")]
        [InlineData("~/texts/offer.md", "~/texts/offer.md")]
        [InlineData("templates/ann.html", "templates/ann.html")]
        [InlineData("reports.2026/ann.html", "reports.2026/ann.html")]
        [InlineData("\"C:\\Mail\\news letter.html\"", "C:\\Mail\\news letter.html")]
        [InlineData("/home/ann/news.html", "/home/ann/news.html")]
        public void AFilesNameIsFound(string body, string file) => Assert.Equal(file, BodyFileName.Of(body));

        [Theory]
        [InlineData("www.example.com/offer.html")]
        [InlineData("shop.example.co.uk/sale.htm")]
        [InlineData("example.com/terms.txt")]
        [InlineData("https://news.example.com/2026/march.html")]
        [InlineData("Your invoice is attached as invoice.html")]
        [InlineData("\\o/ We shipped it: notes.txt")]
        [InlineData("Hi")]
        public void AMessageIsNotAFilesName(string body) => Assert.Null(BodyFileName.Of(body));
    }
}
