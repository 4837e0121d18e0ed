using System.Linq;
using System.Text.RegularExpressions;
using WebexConnect.Messages;
using WebexConnect.Messages.Sms;
using Xunit;

namespace WebexConnect.Tests.Sms
{
    /// <summary>What a user pays for a text: encoding, septets or code units, and parts.</summary>
    public class SmsCalculatorTests
    {
        // The GSM 03.38 basic set as API.md lists it (LF and CR written as escapes).
        private const string BasicSet =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

        private static string A(int count) => new string('a', count);

        private static string Repeat(string s, int count) => string.Concat(Enumerable.Repeat(s, count));

        [Fact]
        public void EveryBasicSetCharacterIsOneSeptetOfText()
        {
            var m = SmsCalculator.Measure(BasicSet);

            Assert.Equal(SmsEncoding.Text, m.Encoding);
            Assert.Equal(127, BasicSet.Length);
            Assert.Equal(127, m.Units);
            Assert.Empty(m.UnicodeCharacters);
        }

        [Fact]
        public void ExtensionCharactersAreTextButCostTwoSeptetsEach()
        {
            var m = SmsCalculator.Measure("\f^{}\\[~]|€");

            Assert.Equal(SmsEncoding.Text, m.Encoding);
            Assert.Equal(10, m.Characters);
            Assert.Equal(20, m.Units);
            Assert.Equal(1, m.Parts);
        }

        [Theory]
        [InlineData(160, 1)]
        [InlineData(161, 2)]
        [InlineData(306, 2)]
        [InlineData(307, 3)]
        public void GsmTextIs160InOnePartThen153PerPart(int length, int parts)
        {
            var m = SmsCalculator.Measure(A(length));

            Assert.Equal(SmsEncoding.Text, m.Encoding);
            Assert.Equal(length, m.Units);
            Assert.Equal(parts, m.Parts);
        }

        [Fact]
        public void EuroThatWouldStraddlePosition153MovesToTheNextPart()
        {
            // 152 + 2 + 152 = 306 septets would divide into 2 parts, but the escape pair cannot be split:
            // part 1 holds 152, part 2 the euro and 151, part 3 the last "a".
            var m = SmsCalculator.Measure(A(152) + "€" + A(152));

            Assert.Equal(306, m.Units);
            Assert.Equal(3, m.Parts);
        }

        [Fact]
        public void EuroEndingExactlyAtPosition153StaysInTheFirstPart()
        {
            var m = SmsCalculator.Measure(A(151) + "€" + A(153));

            Assert.Equal(306, m.Units);
            Assert.Equal(2, m.Parts);
        }

        [Theory]
        [InlineData(80, 160, 1)]
        [InlineData(81, 162, 2)]
        [InlineData(152, 304, 2)]
        [InlineData(153, 306, 3)] // 76 pairs fill 152 of 153 septets, so two parts hold 152 euros, not 153
        public void AllExtensionTextPacksWholePairs(int euros, int units, int parts)
        {
            var m = SmsCalculator.Measure(Repeat("€", euros));

            Assert.Equal(SmsEncoding.Text, m.Encoding);
            Assert.Equal(euros, m.Characters);
            Assert.Equal(units, m.Units);
            Assert.Equal(parts, m.Parts);
        }

        [Theory]
        [InlineData(70, 1)]
        [InlineData(71, 2)]
        [InlineData(134, 2)]
        [InlineData(135, 3)]
        public void UnicodeTextIs70InOnePartThen67PerPart(int length, int parts)
        {
            var m = SmsCalculator.Measure(new string('ж', length));

            Assert.Equal(SmsEncoding.Unicode, m.Encoding);
            Assert.Equal(length, m.Units);
            Assert.Equal(parts, m.Parts);
        }

        [Fact]
        public void EmojiThatWouldStraddlePosition67MovesToTheNextPart()
        {
            // 66 + 2 + 66 = 134 code units would divide into 2 parts; the surrogate pair moves whole.
            var m = SmsCalculator.Measure(new string('ж', 66) + "😀" + new string('ж', 66));

            Assert.Equal(133, m.Characters);
            Assert.Equal(134, m.Units);
            Assert.Equal(3, m.Parts);
        }

        [Theory]
        [InlineData(35, 1)] // 70 code units fit one part
        [InlineData(36, 2)] // 33 pairs fill 66 of 67 units per part
        [InlineData(66, 2)]
        [InlineData(67, 3)]
        public void EmojiOnlyTextPacksWholeSurrogatePairs(int emoji, int parts)
        {
            var m = SmsCalculator.Measure(Repeat("😀", emoji));

            Assert.Equal(emoji, m.Characters);
            Assert.Equal(emoji * 2, m.Units);
            Assert.Equal(parts, m.Parts);
        }

        [Fact]
        public void AnEmojiIsOneCharacterAndTwoUnits()
        {
            var m = SmsCalculator.Measure("Hi 👍");

            Assert.Equal(SmsEncoding.Unicode, m.Encoding);
            Assert.Equal(4, m.Characters);
            Assert.Equal(5, m.Units);
            Assert.Equal(new[] { "👍" }, m.UnicodeCharacters);
        }

        [Fact]
        public void AJoinedEmojiSequenceIsOneCharacter()
        {
            var family = "👨\u200D👩\u200D👧";

            var m = SmsCalculator.Measure(family);

            Assert.Equal(1, m.Characters);
            Assert.Equal(family.Length, m.Units);
            Assert.Equal(new[] { family }, m.UnicodeCharacters);
        }

        [Fact]
        public void CapitalCCedillaIsGsmButSmallCCedillaIsNot()
        {
            var capital = SmsCalculator.Measure("Ça va");
            var small = SmsCalculator.Measure("ça va");

            Assert.Equal(SmsEncoding.Text, capital.Encoding);
            Assert.Empty(capital.UnicodeCharacters);
            Assert.Equal(SmsEncoding.Unicode, small.Encoding);
            Assert.Equal(new[] { "ç" }, small.UnicodeCharacters);
        }

        [Fact]
        public void UnicodeCharactersAreDistinctInOrderOfFirstAppearance()
        {
            var m = SmsCalculator.Measure("ç € ж ç é ж ő");

            Assert.Equal(new[] { "ç", "ж", "ő" }, m.UnicodeCharacters);
        }

        [Fact]
        public void ADecomposedAccentIsReportedAsTheLetterThePersonSees()
        {
            var m = SmsCalculator.Measure("e\u0301");

            Assert.Equal(SmsEncoding.Unicode, m.Encoding);
            Assert.Equal(1, m.Characters);
            Assert.Equal(new[] { "e\u0301" }, m.UnicodeCharacters);
        }

        [Fact]
        public void PlaceholdersAreMeasuredAsWritten()
        {
            var m = SmsCalculator.Measure("Hello $(firstName), your code is $(code)");

            Assert.Equal(SmsEncoding.Text, m.Encoding);
            Assert.Equal(40, m.Units);
            Assert.Equal(40, m.Characters);
        }

        [Fact]
        public void APlaceholderCanPushTextIntoASecondPart()
        {
            Assert.Equal(1, SmsCalculator.Measure(A(153) + "$(x)").Parts);
            Assert.Equal(2, SmsCalculator.Measure(A(153) + "$(name)!").Parts);
        }

        [Fact]
        public void RequestedTextKeepsGsmButListsWhatItCannotCarry()
        {
            var m = SmsCalculator.Measure("Zürich ж", SmsEncoding.Text);

            Assert.Equal(SmsEncoding.Text, m.Encoding);
            Assert.Equal(8, m.Units);
            Assert.Equal(new[] { "ж" }, m.UnicodeCharacters);
        }

        [Fact]
        public void RequestedUnicodeUsesUcs2LimitsEvenForGsmText()
        {
            var m = SmsCalculator.Measure(A(71), SmsEncoding.Unicode);

            Assert.Equal(SmsEncoding.Unicode, m.Encoding);
            Assert.Equal(71, m.Units);
            Assert.Equal(2, m.Parts);
            Assert.Empty(m.UnicodeCharacters);
        }

        [Theory]
        [InlineData("")]
        [InlineData(null)]
        public void EmptyTextIsOneBilledPartOfNothing(string? text)
        {
            var m = SmsCalculator.Measure(text!);

            Assert.Equal("", m.Text);
            Assert.Equal(SmsEncoding.Text, m.Encoding);
            Assert.Equal(0, m.Characters);
            Assert.Equal(0, m.Units);
            Assert.Equal(1, m.Parts);
        }

        [Theory]
        [InlineData("Hello Ann, your code is C42")]
        [InlineData("Price: 5{EUR} [ok] ~ | ^ \\")]
        [InlineData("")]
        [InlineData("caf\u00e9 \u00e0 la cr\u00e8me")]
        [InlineData("\u0436\u0436\u0436")]
        [InlineData("emoji \ud83d\ude00")]
        [InlineData("e\u0301")]
        public void CostAgreesWithMeasure(string escaped)
        {
            var text = Regex.Unescape(escaped);
            foreach (var text2 in new[] { text, text + new string('a', 150), new string('{', 80) + text })
                foreach (var requested in new[] { SmsEncoding.Auto, SmsEncoding.Text, SmsEncoding.Unicode })
                {
                    var measured = SmsCalculator.Measure(text2, requested);
                    Assert.Equal((measured.Encoding, measured.Parts), SmsCalculator.Cost(text2, requested));
                }
        }
    }
}
