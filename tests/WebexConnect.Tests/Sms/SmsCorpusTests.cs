using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Messages.Sms;
using WebexConnect.Messages.Validation;
using Xunit;

namespace WebexConnect.Tests.Sms
{
    /// <summary>
    /// The shared SMS corpus (Fixtures/Sms/corpus.json, also run through both cmdlets by tests/Pester/SmsCorpus.Tests.ps1):
    /// what Measure-ConnectSms reports and what Send-ConnectSms's rules decide agree on every text (issue 15).
    /// </summary>
    public class SmsCorpusTests
    {
        public sealed class Case
        {
            public Case(string name, string text, SmsEncoding encoding, SmsEncoding sent, int parts, string? reason)
            {
                Name = name;
                Text = text;
                Encoding = encoding;
                Sent = sent;
                Parts = parts;
                Reason = reason;
            }

            public string Name { get; }
            public string Text { get; }
            public SmsEncoding Encoding { get; }
            public SmsEncoding Sent { get; }
            public int Parts { get; }
            public string? Reason { get; }

            public override string ToString() => Name;
        }

        public static IEnumerable<object[]> Corpus()
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Sms", "corpus.json");
            using var document = JsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8));
            foreach (var item in document.RootElement.GetProperty("cases").EnumerateArray())
            {
                var text = new StringBuilder();
                foreach (var segment in item.GetProperty("segments").EnumerateArray())
                {
                    var piece = segment[0].GetString()!;
                    for (var i = 0; i < segment[1].GetInt32(); i++) text.Append(piece);
                }
                var reason = item.GetProperty("reason");
                yield return new object[]
                {
                    new Case(item.GetProperty("name").GetString()!, text.ToString(),
                        Enum.Parse<SmsEncoding>(item.GetProperty("encoding").GetString()!),
                        Enum.Parse<SmsEncoding>(item.GetProperty("sent").GetString()!),
                        item.GetProperty("parts").GetInt32(),
                        reason.ValueKind == JsonValueKind.Null ? null : reason.GetString()),
                };
            }
        }

        [Fact]
        public void TheCorpusHasCases() => Assert.True(Corpus().Count() > 20);

        [Theory]
        [MemberData(nameof(Corpus))]
        public void MeasureGivesTheExpectedEncodingPartsAndVerdict(Case c)
        {
            var measured = SmsCalculator.Measure(c.Text, c.Encoding);

            Assert.Equal(c.Sent, measured.Encoding);
            Assert.Equal(c.Parts, measured.Parts);
            Assert.Equal(c.Reason, measured.Reason);
            Assert.Equal(c.Reason is null, measured.CanSend);
        }

        [Theory]
        [MemberData(nameof(Corpus))]
        public void TheSendRulesAgreeWithMeasure(Case c)
        {
            var measured = SmsCalculator.Measure(c.Text, c.Encoding);
            var message = new SmsMessage { From = "ACME", Text = c.Text, Encoding = c.Encoding };
            var recipient = new Recipient(new[] { "+447700900001" }, null, new Dictionary<string, string>());
            var record = new ComposedRecord(recipient, Array.Empty<ValidationProblem>());

            var invalid = MessageChecks.Standard().Check(1, message, record, null);

            if (measured.CanSend)
            {
                Assert.Null(invalid);
                // What Send-ConnectSms sends: the encoding SmsEncodingResolver picks, measured as SendConnectSmsCommand measures it.
                var sent = (SmsMessage)new SmsEncodingResolver().For(message, recipient);
                var sentEncoding = sent.Encoding == SmsEncoding.Auto ? SmsCalculator.Measure(c.Text).Encoding : sent.Encoding;
                Assert.Equal(measured.Encoding, sentEncoding);
                Assert.Equal(measured.Parts, SmsCalculator.Measure(c.Text, sent.Encoding).Parts);
            }
            else
            {
                Assert.NotNull(invalid);
                Assert.Equal("Row 1: " + measured.Reason, invalid!.Reason);
            }
        }
    }
}
