using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using Xunit;

namespace WebexConnect.Tests.BadInput
{
    /// <summary>
    /// An error that echoes a 10,000-character value is unreadable: a value longer than 60 characters is
    /// shown cut short with "…".
    /// </summary>
    public sealed class EchoedValueTests
    {
        [Fact]
        public void An_unreadable_oversize_value_is_echoed_cut_short_with_its_length()
        {
            var huge = "Latin1" + new string('x', 10_000);
            var row = CsvRowComposer.Sms(new Dictionary<string, string> { ["To"] = "+447700900123", ["Text"] = "Hi", ["Encoding"] = huge }, "ConnectCo", BadInputCorpus.Now);
            var text = row.ErrorText(4, BadInputCorpus.Now)!;

            Assert.DoesNotContain(huge, text, StringComparison.Ordinal);
            Assert.Contains("'Latin1xxx", text, StringComparison.Ordinal);
            Assert.Contains("…' (10006 characters) is not one of Auto, Text, Unicode", text, StringComparison.Ordinal);
            Assert.True(text.Length < 200, text);
        }

        [Theory]
        [InlineData("bad\rDelivered", "bad\\u000DDelivered")]
        [InlineData("a\nRow 2: Delivered", "a\\u000ARow 2: Delivered")]
        [InlineData("abc\u202Efdp.exe", "abc\\u202Efdp.exe")]
        [InlineData("\u2066x\u2069\u200F\u061C", "\\u2066x\\u2069\\u200F\\u061C")]
        [InlineData("\u001B[31m\u009B", "\\u001B[31m\\u009B")]
        [InlineData("tab\tstays, \u0645\u0631\u062D\u0628\u0627 and \U0001F600 too", "tab\tstays, \u0645\u0631\u062D\u0628\u0627 and \U0001F600 too")]
        public void A_received_text_printed_as_one_line_shows_line_ends_and_bidi_controls_as_escapes(string text, string printed)
        {
            Assert.Equal(printed, InputEcho.OneLine(text));
        }

        [Fact]
        public void Cutting_a_value_short_never_splits_an_emoji()
        {
            var value = new string('a', 58) + "\U0001F600" + "tail";
            var echoed = InputEcho.Quote(value);
            Assert.DoesNotContain(echoed, char.IsSurrogate);
            Assert.StartsWith("'" + new string('a', 58) + "…'", echoed, StringComparison.Ordinal);
        }

        [Fact]
        public void No_input_value_longer_than_60_characters_is_echoed_whole_in_a_row_error()
        {
            var offenders = new List<string>();
            foreach (var testCase in BadInputCorpus.Cases.Where(c => !c.IsGood))
            {
                var row = testCase.Compose();
                var text = row.ErrorText(testCase.Row, BadInputCorpus.Now)!;
                var echoed = InputStrings(row)
                    .Where(v => v.Length > InputEcho.MaxQuotedCharacters)
                    .Any(v => text.Contains(InputEcho.Visible(v), StringComparison.Ordinal));
                if (echoed) offenders.Add($"{testCase}: {text.Length} characters");
            }
            Assert.Empty(offenders);
        }

        [Fact]
        public void The_corpus_has_oversize_values_in_fields_that_are_echoed()
        {
            // Guards the test above against passing because no long value reaches an echoing rule.
            var rows = BadInputCorpus.Cases.Where(c => !c.IsGood && c.Field.StartsWith("To", StringComparison.Ordinal))
                .Select(c => c.Compose())
                .Where(r => r.Recipient.Addresses.Any(a => a is not null && a.Length > 1000));
            Assert.True(rows.Count() >= 2);
        }

        /// <summary>Every string of the destination and the message, down into cards, suggestions and attachments.</summary>
        internal static IEnumerable<string> InputStrings(ComposedRow row) =>
            row.Recipient.Addresses.Concat(new[] { row.Recipient.CorrelationId })
                .Concat(row.Recipient.Substitutions.Values)
                .Concat(Strings(row.Message, 0))
                .Where(s => s is not null)!;

        private static IEnumerable<string?> Strings(object? value, int depth)
        {
            if (value is null || depth > 4) yield break;
            if (value is string s)
            {
                yield return s;
                yield break;
            }
            if (value is IEnumerable items)
            {
                foreach (var item in items)
                    foreach (var inner in Strings(item, depth + 1)) yield return inner;
                yield break;
            }
            if (value is ConnectMessage || value is RcsCard || value is RcsSuggestion || value is EmailAttachment || value is MessageTemplate)
            {
                foreach (var property in value.GetType().GetProperties())
                    foreach (var inner in Strings(property.GetValue(value), depth + 1)) yield return inner;
            }
        }
    }
}
