using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using WebexConnect.Commands;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>
    /// An email's size after substitution is counted from its template, not from the text made for each row: the same
    /// problems as counting the made text (Encoding.UTF8 on SubstitutionText.Apply), without copying a newsletter's HTML
    /// for every row.
    /// </summary>
    public class PersonalisedHtmlSizeTests
    {
        private static readonly RecordComposer Composer = new RecordComposer(PipelineColumns.Of(typeof(SendConnectEmailCommand)), null);
        private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

        private static ComposedRecord Row(params (string Name, object? Value)[] columns) =>
            Composer.Compose(new[] { new ConnectDestination("ann@example.com") }, null,
                new InputRow(columns.Select(c => new KeyValuePair<string, object?>(c.Name, c.Value))));

        private static string[] Problems(ConnectMessage message, ComposedRecord record, bool allowMissing = false) =>
            new PersonalisedText(allowMissing).Problems(message, record).Select(p => p.ToString()).ToArray();

        private static int FilledBytes(string text, ComposedRecord record, IReadOnlyDictionary<string, string>? global = null) =>
            Encoding.UTF8.GetByteCount(SubstitutionText.Apply(text, global ?? None, record.Recipient.Substitutions));

        private static string TooBig(long bytes) => $"Html: is {bytes} bytes as UTF-8 after substitution: at most 512000 bytes (500 KB) are allowed";

        /// <summary>An HTML that uses $(Name) three times, padded so that <paramref name="value"/> fills it to exactly <paramref name="bytes"/>.</summary>
        private static string HtmlFilledTo(long bytes, string value)
        {
            const string Head = "<p>Dear $(Name),</p><p>";
            const string Tail = "</p><p>$(Name), $(Name): thank you.</p>";
            var fixedBytes = Encoding.UTF8.GetByteCount(Head + Tail) - 3 * "$(Name)".Length + 3 * Encoding.UTF8.GetByteCount(value);
            return Head + new string('x', (int)(bytes - fixedBytes)) + Tail;
        }

        public static TheoryData<string> Values() => new TheoryData<string>
        {
            "Ann",
            "Zoë Łucja",           // 2-byte characters
            "中文 名前",             // 3-byte characters
            "Ann 😀",              // a surrogate pair at the end: 4 bytes
            "😀",                  // a surrogate pair and nothing else
            "",                    // an empty cell is a value too
        };

        [Theory]
        [MemberData(nameof(Values))]
        public void AnHtmlFilledToExactly500KBPassesAndOneByteMoreIsRefused(string value)
        {
            var record = Row(("Name", value));
            var under = new EmailMessage { From = "news@example.com", Subject = "News", Html = HtmlFilledTo(EmailRules.MaxHtmlBytes, value) };
            var over = new EmailMessage { From = "news@example.com", Subject = "News", Html = HtmlFilledTo(EmailRules.MaxHtmlBytes + 1, value) };

            Assert.Equal(EmailRules.MaxHtmlBytes, FilledBytes(under.Html!, record));
            Assert.Empty(Problems(under, record));
            Assert.Equal(EmailRules.MaxHtmlBytes + 1, FilledBytes(over.Html!, record));
            Assert.Equal(new[] { TooBig(EmailRules.MaxHtmlBytes + 1) }, Problems(over, record));
        }

        [Fact]
        public void TheSameMessageCountsEachRowWithItsOwnValues()
        {
            // One checker for the rows of a run, as a command has: a row's count is not the row before's.
            var email = new EmailMessage { From = "news@example.com", Subject = "News", Html = HtmlFilledTo(EmailRules.MaxHtmlBytes, "Ann") };
            var checker = new PersonalisedText(allowMissing: false);
            string[] Check(string name) => checker.Problems(email, Row(("Name", name))).Select(p => p.ToString()).ToArray();

            Assert.Empty(Check("Ann"));
            // $(Name) is used three times: é is one byte more than e, 😀 four bytes.
            Assert.Equal(new[] { TooBig(EmailRules.MaxHtmlBytes + 3) }, Check("Anne"));
            Assert.Equal(new[] { TooBig(EmailRules.MaxHtmlBytes + 6) }, Check("Anné"));
            Assert.Empty(Check("Al"));
            Assert.Equal(new[] { TooBig(EmailRules.MaxHtmlBytes + 12) }, Check("Ann😀"));
        }

        [Fact]
        public void AVariableLeftAsWrittenCountsAsWritten()
        {
            // -AllowMissingSubstitution sends $(Nmae) as written: its 7 bytes are in the count, $(Name)'s are not.
            var html = HtmlFilledTo(EmailRules.MaxHtmlBytes - 7, "Ann") + "$(Nmae)";
            var email = new EmailMessage { From = "news@example.com", Subject = "News", Html = html };

            Assert.Equal(EmailRules.MaxHtmlBytes, FilledBytes(html, Row(("Name", "Ann"))));
            Assert.Empty(Problems(email, Row(("Name", "Ann")), allowMissing: true));
            Assert.Equal(new[] { TooBig(EmailRules.MaxHtmlBytes + 3) }, Problems(email, Row(("Name", "Anne")), allowMissing: true));
            // -Substitution's value fills it when the row has none.
            var global = new Dictionary<string, string> { ["Nmae"] = "" };
            var filled = new EmailMessage { From = "news@example.com", Subject = "News", Html = html, Substitutions = global };
            Assert.Empty(Problems(filled, Row(("Name", "Anne"))));
        }

        [Fact]
        public void AnHtmlOver500KBAsWrittenIsNotRefusedAgainForARowThatLeavesItUnchanged()
        {
            // MessageValidator reports an HTML too big as written, once; a row adds its own problem only when its values change it.
            var html = "<p>$(Name)</p>" + new string('x', EmailRules.MaxHtmlBytes);
            var email = new EmailMessage { From = "news@example.com", Subject = "News", Html = html };

            Assert.Empty(Problems(email, Row(("Name", "$(Name)")), allowMissing: true));
            Assert.Empty(Problems(email, Row(), allowMissing: true));
            Assert.Equal(new[] { TooBig(EmailRules.MaxHtmlBytes + 10) }, Problems(email, Row(("Name", "Ann")), allowMissing: true));
        }

        [Fact]
        public void TheCountFromTheTemplateIsTheCountOfTheFilledText()
        {
            // In code, not theory data: xunit's serialisation of test cases would turn a lone surrogate into U+FFFD.
            var cases = new (string Text, string[] Pairs)[]
            {
                ("no variable at all", new string[0]),
                ("$(A)$(B)$(A)", new[] { "A", "é", "B", "" }),
                ("$(Prénom) and $(Nobody)", new[] { "Prénom", "Zoë" }),
                // Halves of one character in two values, or beside a variable in the text: joined or parted by substitution.
                ("<p>$(A)$(B)</p>", new[] { "A", "\uD83D", "B", "\uDE00" }),
                ("<p>\uD83D$(A)</p>", new[] { "A", "\uDE00" }),
                ("<p>$(A)\uDE00</p>", new[] { "A", "x\uD83D" }),
                ("<p>\uD83D$(A)\uDE00</p>", new[] { "A", "" }),
                ("<p>\uD83D$(A)\uDE00</p>", new[] { "A", "ok" }),
                ("<p>$(A)$(B)$(C)</p>", new[] { "A", "\uD83D", "B", "", "C", "\uDE00" }),
                ("😀$(A)😀", new[] { "A", "😀" }),
            };
            foreach (var (text, pairs) in cases)
            {
                var own = new Dictionary<string, string>();
                for (var i = 0; i < pairs.Length; i += 2) own[pairs[i]] = pairs[i + 1];

                Assert.Equal(Encoding.UTF8.GetByteCount(SubstitutionText.Apply(text, None, own)), new SentTexts().Utf8BytesOf(text, None, own));
            }
        }

        [Fact]
        public void AnEmailJustOver10MBAfterSubstitutionIsRefusedAndJustUnderPasses()
        {
            // 1.37 bytes once encoded per byte: 7653840 bytes are 10485760 (10 MB) encoded, one more is over.
            var html = HtmlFilledTo(400 * 1024, "Ann");
            var email = new EmailMessage { From = "news@example.com", Subject = "News $(Name)", Text = "$(Story)", Html = html };
            long Estimated(ComposedRecord r) => EmailRules.EstimatedBytes(SubstitutionText.Apply(email.Subject!, None, r.Recipient.Substitutions),
                SubstitutionText.Apply(email.Text!, None, r.Recipient.Substitutions), SubstitutionText.Apply(html, None, r.Recipient.Substitutions));
            var storyBytes = 7653840 - FilledBytes(html, Row(("Name", "Ann"))) - Encoding.UTF8.GetByteCount("News Ann");

            var under = Row(("Name", "Ann"), ("Story", new string('é', storyBytes / 2)));
            var over = Row(("Name", "Ann"), ("Story", new string('é', storyBytes / 2) + "ab"));

            Assert.Equal(EmailRules.MaxEmailBytes, Estimated(under));
            Assert.Empty(Problems(email, under));
            var estimated = Estimated(over);
            Assert.True(estimated > EmailRules.MaxEmailBytes);
            Assert.Equal(new[] { $"Text: the email would be about {estimated} bytes once encoded after substitution: at most 10485760 bytes (10 MB) are allowed" },
                Problems(email, over));
        }

        [Fact]
        public void ANewsletterIsNotCopiedForEachRow()
        {
            // Before, each row made its 400 KB HTML filled in (a large object) to count it: 2,000 rows spent seconds collecting them.
            var html = "<p>$(FirstName)</p>" + string.Concat(Enumerable.Repeat("<p>" + string.Concat(Enumerable.Repeat("lorem ipsum ", 60)) + "</p>", 480));
            var email = new EmailMessage { From = "news@example.com", Subject = "News for $(FirstName)", Html = html };
            var rows = Enumerable.Range(1, 50).Select(i => Row(("FirstName", "N" + i))).ToArray();
            var checker = new PersonalisedText(allowMissing: false);
            Assert.Empty(checker.Problems(email, rows[0]));

            var before = GC.GetAllocatedBytesForCurrentThread();
            foreach (var row in rows.Skip(1)) Assert.Empty(checker.Problems(email, row));
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.True(allocated < html.Length, $"49 rows allocated {allocated} bytes for a {html.Length}-character HTML");
        }
    }
}
