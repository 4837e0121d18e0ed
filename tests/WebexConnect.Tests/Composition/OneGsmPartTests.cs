using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Messages.Sms;
using WebexConnect.Messages.Validation;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>
    /// An SMS row whose text fills to one plain GSM-7 part is checked, encoded and counted without its text being made
    /// (SentTexts.FillsOneGsmPart): the same outcome as making the text and measuring it, and no copy of it per row.
    /// </summary>
    public class OneGsmPartTests
    {
        private static readonly IReadOnlyDictionary<string, string> NoGlobal = new Dictionary<string, string>();

        private static Recipient Person(params (string Name, string Value)[] values) =>
            new Recipient("+447700900123", substitutions: values.ToDictionary(v => v.Name, v => v.Value));

        /// <summary>Texts and values around every edge the shortcut decides on: the alphabet, 160 septets, white space.</summary>
        public static TheoryData<string, string> Cases()
        {
            var data = new TheoryData<string, string>
            {
                { "Hi $(Name), your code is $(Code)", "Ann" },
                { "Hi $(Name)", "Łukasz" },               // a value outside GSM-7
                { "Hi $(Name)", "Ann 😀" },               // a surrogate pair in a value
                { "Hi $(Name) 😀", "Ann" },               // outside GSM-7 in the text
                { "$(Name)", "   " },                     // white space only once filled
                { "$(Name)", "" },                        // nothing once filled
                { "$(Name)", "\n\r\f" },                  // GSM-7's controls, white space only
                { "Total: $(Name)", "{€}" },              // extension characters cost two septets
                { "Hi $(Nmae)", "Ann" },                  // nothing fills it: sent as written
                { "Tab\t$(Name)", "Ann" },                // a control character GSM-7 lacks
                { "Hi $(Name)", "Ann\u0007" },            // and in a value
                { "$(Name)$(Name)", "Zoë" },
            };
            // 160 septets exactly and one more, with plain and extension characters meeting the limit in the value.
            data.Add(new string('a', 150) + "$(Name)", new string('b', 10));
            data.Add(new string('a', 150) + "$(Name)", new string('b', 11));
            data.Add(new string('a', 150) + "$(Name)", new string('b', 8) + "€");
            data.Add(new string('a', 150) + "$(Name)", new string('b', 9) + "€");
            data.Add("$(Name)" + new string('a', 159), "[");
            data.Add("$(Name) " + new string('a', 3990), "b");
            return data;
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void TheCostIsWhatMeasuringTheMadeTextGives(string text, string name)
        {
            var own = Person(("Name", name), ("Code", "C1")).Substitutions;
            var made = SubstitutionText.Apply(text, NoGlobal, own);

            foreach (var requested in new[] { SmsEncoding.Auto, SmsEncoding.Text, SmsEncoding.Unicode })
                Assert.Equal(SmsCalculator.Cost(made, requested), new SentTexts().SmsCostOf(text, NoGlobal, own, requested));
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void TheChecksFindWhatCheckingTheMadeTextFinds(string text, string name)
        {
            var person = Person(("Name", name), ("Code", "C1"));
            var made = SubstitutionText.Apply(text, NoGlobal, person.Substitutions);
            foreach (var encoding in new[] { SmsEncoding.Auto, SmsEncoding.Text, SmsEncoding.Unicode })
            {
                var message = new SmsMessage { From = "ACME", Text = text, Encoding = encoding };
                var expected = new ProblemList();
                if (!string.Equals(made, text, StringComparison.Ordinal)) SmsRules.CheckText(made, encoding, expected, "Text", " after substitution");

                var found = new PersonalisedText(allowMissing: true).Problems(message, new ComposedRecord(person, Array.Empty<ValidationProblem>()));

                Assert.Equal(expected.ToList().Select(p => p.ToString()), found.Select(p => p.ToString()));
            }
        }

        [Fact]
        public void NoCharacterOfTheAlphabetIsOneTheTextRulesRefuse()
        {
            // What lets the checks pass a one-part GSM-7 text without making it: SmsRules.CheckText has nothing to say of any
            // text of GSM-7 characters that is not white space only (a control GSM-7 carries, a line break, is allowed there).
            for (var c = '\0'; c < '\u2000'; c++)
            {
                if (SmsCalculator.GsmSeptets(c.ToString(), 0, 1) < 0) continue;
                foreach (var encoding in new[] { SmsEncoding.Auto, SmsEncoding.Text, SmsEncoding.Unicode })
                    Assert.Empty(SmsRules.TextProblems("a" + c, encoding));
            }
        }

        [Fact]
        public void CheckingEncodingAndCountingARowMakesNoCopyOfItsText()
        {
            // As Send-ConnectSms does for each row: the checks, the encoding, then the parts for the result.
            var texts = new SentTexts();
            var checks = new PersonalisedText(allowMissing: false, texts);
            var resolver = new SmsEncodingResolver(texts);
            var message = new SmsMessage { From = "ACME", Text = "Hi $(Name), your code is $(Code)" };
            const int Rows = 2000;
            var records = Enumerable.Range(0, Rows)
                .Select(i => new ComposedRecord(Person(("Name", "Person " + i), ("Code", "C" + i)), Array.Empty<ValidationProblem>()))
                .ToArray();
            // True when the row may be sent as one GSM-7 part (no assertion inside the count: xunit's allocate).
            bool Row(ComposedRecord record)
            {
                if (checks.Problems(message, record).Count != 0) return false;
                var sent = resolver.For(message, record.Recipient);
                return ((SmsMessage)sent).Encoding == SmsEncoding.Text && resolver.KnownParts(sent, record.Recipient) == 1;
            }
            for (var i = 0; i < 100; i++) Assert.True(Row(records[i]));

            var wrong = 0;
            var before = GC.GetAllocatedBytesForCurrentThread();
            foreach (var record in records)
                if (!Row(record)) wrong++;
            var perRow = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Rows;

            Assert.Equal(0, wrong);

            // Each row's text, "Hi Person 1234, your code is C1234", was made for the checks and the encoding: 96 bytes a row.
            Assert.True(perRow < 40, $"{perRow} bytes a row");
        }
    }
}
