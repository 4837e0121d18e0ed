using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using WebexConnect.Engine.Payload;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using Xunit;

namespace WebexConnect.Tests.BadInput
{
    /// <summary>
    /// Hostile strings in substitutions and callbackData are either valid and reach the request unchanged,
    /// or refused with a clear message; nothing in validation or error formatting may throw on them.
    /// </summary>
    public sealed class HostileValueTests
    {
        internal static readonly string[] HostileStrings =
        {
            "\"", "\\", "\"},{\"to\":[{\"msisdn\":[\"+15555550100\"]}]}", "</script><script>alert(1)</script>",
            "\u0000", "\u0007\u001B[31m\u007F\u0085", "\r\n\t", "\u202Eevil\u202C", "\u2028\u2029", "\uFEFF",
            "\U0001F468\u200D\U0001F469\u200D\U0001F467", "$(Name)", "$($(Name))", "Robert'); DROP TABLE Students;--",
            "1' OR '1'='1", "${jndi:ldap://example.com/a}", "{{7*7}}", new string('x', 10_000), new string('\u00E9', 10_000), "",
            " ", "\uD800", "\uDC00x",
        };

        /// <summary>The good rows of the corpus whose substitutions or callbackData are hostile.</summary>
        public static IEnumerable<object[]> GoodHostileRows() =>
            BadInputCorpus.Cases.Where(c => c.IsGood && IsHostile(c.Compose())).Select(c => new object[] { c.File, c.Row });

        [Fact]
        public void The_corpus_has_good_rows_with_hostile_substitutions_and_callback_data()
        {
            var rows = BadInputCorpus.Cases.Where(c => c.IsGood).Select(c => c.Compose()).Where(IsHostile).ToArray();
            Assert.True(rows.Length >= 8, $"only {rows.Length} hostile good rows");
            Assert.Contains(rows, r => r.Message.CallbackData is not null);
            Assert.Contains(rows, r => r.Recipient.Substitutions.Values.Any(v => v.Length >= 10_000));
        }

        [Theory]
        [MemberData(nameof(GoodHostileRows))]
        public void A_valid_hostile_value_survives_a_json_round_trip_unchanged_and_escaped(string file, int row)
        {
            var composed = BadInputCorpus.Find(file, row).Compose();
            Assert.Empty(composed.Validate(BadInputCorpus.Now));

            // What the payload writer must do: System.Text.Json with its default (strict) encoder. A relaxed
            // encoder would put raw '<' and U+2028 into the body, which breaks webhook receivers that embed it.
            var sent = new Dictionary<string, string?>
            {
                ["callbackData"] = composed.Message.CallbackData,
            };
            foreach (var s in composed.Recipient.Substitutions) sent["sub:" + s.Key] = s.Value;
            var json = JsonSerializer.Serialize(sent);
            var back = JsonSerializer.Deserialize<Dictionary<string, string?>>(json)!;

            Assert.Equal(sent.Count, back.Count);
            foreach (var pair in sent) Assert.Equal(pair.Value, back[pair.Key]);
            Assert.DoesNotContain(json, c => c < 0x20 || c == '<' || c == '>' || c == '\u2028' || c == '\u2029' || c == '\u202E');
        }

        [Fact]
        public void Substitution_values_are_not_expanded_or_trimmed_by_composition()
        {
            var row = BadInputCorpus.Cases.Select(c => c.Compose())
                .First(r => r.Recipient.Substitutions.TryGetValue("Name", out var v) && v == "$(Name)");
            Assert.Equal("Hi $(Name) $(Name)", ((SmsMessage)row.Message).Text);
            Assert.Empty(row.Validate(BadInputCorpus.Now));
        }

        [Fact]
        public void No_hostile_string_in_any_text_field_makes_validation_or_error_formatting_throw()
        {
            var messages = new Func<ConnectMessage>[]
            {
                () => new SmsMessage { From = "ConnectCo", Text = "Hi" },
                () => new EmailMessage { From = "news@mail.example.com", Subject = "S", Text = "T", Attachments = new[] { new EmailAttachment { Name = "a.pdf", MimeType = "application/pdf", MediaUrl = "https://x.example.com/a.pdf" } } },
                () => new RcsMessage { From = "app", Text = "Hi", Suggestions = new[] { new RcsSuggestion { Type = RcsSuggestionType.OpenUrl, DisplayText = "Go", Url = "https://example.com" } } },
            };
            var checkedFields = 0;
            foreach (var make in messages)
            {
                foreach (var property in StringProperties(make().GetType()))
                {
                    foreach (var hostile in HostileStrings)
                    {
                        var message = make();
                        property.SetValue(message, hostile);
                        var problems = MessageValidator.Validate(message, BadInputCorpus.Now)
                            .Concat(MessageValidator.ValidateRecipient(message.Channel, new Recipient(hostile, hostile, new Dictionary<string, string> { [hostile] = hostile })))
                            .ToArray();
                        if (problems.Length > 0) Assert.StartsWith("Row 7: ", RowErrorText.Format(7, problems), StringComparison.Ordinal);
                        checkedFields++;
                    }
                }
            }
            Assert.True(checkedFields > 300, $"only {checkedFields} field/value pairs were tried");
        }

        [Fact]
        public void Callback_data_of_2000_characters_is_accepted_and_2001_is_refused_with_the_limit()
        {
            var exactly = new SmsMessage { From = "ConnectCo", Text = "Hi", CallbackData = string.Concat(Enumerable.Repeat("\"\\<", 666)) + "xx" };
            Assert.Equal(2000, exactly.CallbackData!.Length);
            Assert.Empty(MessageValidator.Validate(exactly, BadInputCorpus.Now));

            var over = new SmsMessage { From = "ConnectCo", Text = "Hi", CallbackData = exactly.CallbackData + "\u0000" };
            var text = RowErrorText.Format(3, MessageValidator.Validate(over, BadInputCorpus.Now));
            Assert.Equal("Row 3: CallbackData: has 2001 characters: at most 2000 are allowed", text);
        }

        [Fact(Skip = "validator bug: a lone UTF-16 surrogate in CallbackData (or a substitution value) is accepted, but it cannot be encoded as UTF-8: System.Text.Json writes it as U+FFFD, so the value sent is not the value given. CommonRules should refuse it naming the field (e.g. 'CallbackData: has a broken character (lone surrogate U+D800) at position 1')")]
        public void A_lone_surrogate_in_callback_data_is_refused_because_it_cannot_be_sent_unchanged()
        {
            var message = new SmsMessage { From = "ConnectCo", Text = "Hi", CallbackData = "a\uD800b" };
            var problems = MessageValidator.Validate(message, BadInputCorpus.Now);
            Assert.Contains(problems, p => p.Field == "CallbackData");
        }

        [Fact]
        public void A_lone_surrogate_does_not_survive_json_so_accepting_it_changes_the_data()
        {
            // Pins the fact the skipped test above depends on; if it ever fails, that finding is moot.
            var json = JsonSerializer.Serialize("a\uD800b");
            var back = JsonSerializer.Deserialize<string>(json);
            Assert.NotEqual("a\uD800b", back);
        }

        [Fact(Skip = "PayloadWriter not merged (issue 2): MessageShape.Of throws NotImplementedException. Unskip when it lands.")]
        public void The_payload_writer_carries_hostile_callback_data_and_substitutions_unchanged()
        {
            foreach (var hostile in HostileStrings.Where(h => h.Length > 0 && !HasLoneSurrogate(h)))
            {
                var message = new SmsMessage
                {
                    From = "ConnectCo",
                    Text = "Hi $(Name)",
                    CallbackData = hostile.Length <= 2000 ? hostile : hostile.Substring(0, 2000),
                    Substitutions = new Dictionary<string, string> { ["Name"] = hostile },
                };
                var shape = MessageShape.Of(message);
                using var body = JsonDocument.Parse("{" + System.Text.Encoding.UTF8.GetString(shape.SharedJson.Span) + "}");
                var strings = AllStrings(body.RootElement).ToArray();
                Assert.Contains(message.CallbackData, strings);
                Assert.Contains(hostile, strings);
            }
        }

        private static IEnumerable<string> AllStrings(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String:
                    yield return e.GetString()!;
                    break;
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                        foreach (var s in AllStrings(p.Value)) yield return s;
                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                        foreach (var s in AllStrings(item)) yield return s;
                    break;
            }
        }

        private static bool HasLoneSurrogate(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
                else if (char.IsSurrogate(text[i])) return true;
            }
            return false;
        }

        private static IEnumerable<PropertyInfo> StringProperties(Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType == typeof(string) && p.CanWrite);

        private static bool IsHostile(ComposedRow row) =>
            new[] { row.Message.CallbackData }.Concat(row.Recipient.Substitutions.Values)
                .Any(v => v is not null && (v.Length > 1000 || v.Any(c => c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '\'' || c == '$' || char.IsSurrogate(c) || c == '\u202E' || c == '\uFEFF')));
    }
}
