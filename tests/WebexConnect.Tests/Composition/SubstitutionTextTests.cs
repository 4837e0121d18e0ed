using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using WebexConnect.Composition;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>What the recipient's text becomes (used to count SMS parts per row) and how -Substitution is read.</summary>
    public class SubstitutionTextTests
    {
        private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

        [Fact]
        public void TheRowsOwnValueWinsOverTheGlobalOne()
        {
            var global = new Dictionary<string, string> { ["Name"] = "customer", ["Shop"] = "ACME" };
            var own = new Dictionary<string, string> { ["Name"] = "Ann" };

            Assert.Equal("Hi Ann, from ACME", SubstitutionText.Apply("Hi $(Name), from $(Shop)", global, own));
        }

        [Fact]
        public void AnUnknownVariableStaysAsWritten()
        {
            Assert.Equal("Hi $(Nobody)!", SubstitutionText.Apply("Hi $(Nobody)!", None, None));
        }

        [Fact]
        public void TheSubstitutionHashtableBecomesTextValues()
        {
            var table = SubstitutionText.FromHashtable(new Hashtable { ["Shop"] = "ACME", ["Year"] = 2026 });

            Assert.Equal("ACME", table["Shop"]);
            Assert.Equal("2026", table["Year"]);
        }

        [Fact]
        public void LongTargetListsAreShortenedInMessages()
        {
            Assert.Equal("a, b, c and 2 more", SubstitutionText.Abbreviate(new[] { "a", "b", "c", "d", "e" }));
            Assert.Equal("a, b", SubstitutionText.Abbreviate(new[] { "a", "b" }));
        }

        [Theory]
        [InlineData("Hi $(Name), $(Name) again, $(Missing) and $(Shop)")]
        [InlineData("$(Name)$(Shop)")]
        [InlineData("$() $(( $(a(b) $(Name $(Name)) $((Name)) $(Na\nme) $(")]
        [InlineData("no variables at all")]
        [InlineData("$$(Name) $ ( Name ) $(Shop")]
        [InlineData("")]
        public void FillsVariablesExactlyAsTheRegexOfTheServiceSyntaxWould(string text)
        {
            // Apply scans by hand (it runs once per SMS row); this is the rule it must keep to.
            var values = new Dictionary<string, string> { ["Name"] = "Ann", ["Shop"] = "ACME", ["Na\nme"] = "split", ["a(b"] = "never" };
            var expected = Regex.Replace(text, @"\$\(([^()]+)\)", m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

            Assert.Equal(expected, SubstitutionText.Apply(text, None, values));
            // The checks find the variables with the same parser (PersonalisedText.VariablesIn): the same names, in order.
            Assert.Equal(Regex.Matches(text, @"\$\(([^()]+)\)").Select(m => m.Groups[1].Value), SubstitutionTemplate.Parse(text).Names);
        }

        [Fact]
        public void ACommandsSentTextsFillEveryRowAsApplyDoesWhateverTheTextsBeforeIt()
        {
            // One SentTexts per command keeps a template per text and one buffer: rows with their own values, six texts
            // taking turns (more than it keeps templates of), a large one (its buffer is not kept) and a text without
            // variables must each come out as Apply makes them.
            var texts = new[]
            {
                "Hi $(Name), from $(Shop)", "$(Name)$(Shop)", "no variables", "Dear $(Name) $(Missing)", "$(Shop)!",
                "<p>" + new string('x', 70_000) + "$(Name)</p>",
            };
            var sent = new SentTexts();
            var global = new Dictionary<string, string> { ["Shop"] = "ACME" };
            for (var row = 0; row < 30; row++)
            {
                var own = new Dictionary<string, string> { ["Name"] = "Person " + row };
                var text = texts[(row * 7) % texts.Length];
                Assert.Equal(SubstitutionText.Apply(text, global, own), sent.Of(text, global, own));
            }
        }
    }
}
