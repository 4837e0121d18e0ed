using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace WebexConnect.Tests.Docs
{
    /// <summary>
    /// The help's advice for Unknown rows, run as written, must not send the whole CSV again. The status table said
    /// "use -ResendUnknown if a duplicate is acceptable to you": an admin who re-ran the night's command with it, and
    /// without -Journal, sent every row a second time, the Queued ones too. Each place that offers -ResendUnknown for
    /// a re-run says that it takes the same -Journal.
    /// </summary>
    public class ResendAdviceTests
    {
        private static string OneLine(string text) => Regex.Replace(text, @"\s+", " ");

        private static string Doc(string name) => File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", name));

        [Fact]
        public void TheUnknownStatusSaysAReRunResendsOnlyWithTheSameJournal()
        {
            var about = Doc("about_WebexConnect.md");
            var unknown = OneLine(Regex.Match(about, @"^  Unknown {4}.*?(?=^  Skipped)", RegexOptions.Multiline | RegexOptions.Singleline).Value);

            Assert.Contains("on a re-run with the same -Journal, it sends the rows left Unknown", unknown);
            Assert.Contains("a re-run without -Journal sends every row again", unknown);
        }

        [Theory]
        [InlineData("Send-ConnectSms.md")]
        [InlineData("Send-ConnectEmail.md")]
        [InlineData("Send-ConnectRcs.md")]
        [InlineData("Send-ConnectMessage.md")]
        public void TheResendUnknownParameterSaysWhatARerunWithoutAJournalSends(string page)
        {
            var text = Doc(page).Replace("\r\n", "\n");
            var parameter = OneLine(Regex.Match(text, @"^### -ResendUnknown\n(?<about>.*?)```yaml", RegexOptions.Multiline | RegexOptions.Singleline).Groups["about"].Value);

            Assert.Contains("With -Journal, a re-run with this switch also sends the rows an earlier run left Unknown", parameter);
            Assert.Contains("without -Journal, a re-run sends every row again", parameter);
        }
    }
}
