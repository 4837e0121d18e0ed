using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using WebexConnect.Composition;
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
        public void A_valid_hostile_value_reaches_the_request_body_unchanged(string file, int row)
        {
            var composed = BadInputCorpus.Find(file, row).Compose();
            Assert.Empty(composed.Validate(BadInputCorpus.Now));

            // The body the engine sends, read back by a JSON parser. The writer's relaxed escaping is deliberate
            // (readable -PayloadOnly output; an HTTP JSON body is never embedded in a page), so what matters is
            // not which characters are escaped but that every value parses back exactly as given.
            var body = PayloadWriter.Render(composed.Message, new[] { composed.Recipient });
            using var parsed = JsonDocument.Parse(body); // a raw control character in a string would not parse
            var root = parsed.RootElement;

            if (composed.Message.CallbackData is string callbackData)
                Assert.Equal(callbackData, root.GetProperty("callbackData").GetString());
            // Only the values of variables the message names travel (UsedSubstitutions); those do, exactly as given.
            var used = MessageShape.Of(composed.Message).UsedSubstitutions;
            var destination = root.GetProperty("to")[0];
            foreach (var substitution in composed.Recipient.Substitutions)
            {
                if (used is null || used.Contains(substitution.Key))
                    Assert.Equal(substitution.Value, destination.GetProperty("substitutions").GetProperty(substitution.Key).GetString());
                else
                    Assert.False(destination.TryGetProperty("substitutions", out var sent) && sent.TryGetProperty(substitution.Key, out _), substitution.Key);
            }
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

            var over = new SmsMessage { From = "ConnectCo", Text = "Hi", CallbackData = exactly.CallbackData + "x" };
            var text = RowErrorText.Format(3, MessageValidator.Validate(over, BadInputCorpus.Now));
            Assert.Equal("Row 3: CallbackData: has 2001 characters: at most 2000 are allowed", text);
        }

        [Fact]
        public void A_lone_surrogate_in_callback_data_is_refused_because_it_cannot_be_sent_unchanged()
        {
            var message = new SmsMessage { From = "ConnectCo", Text = "Hi", CallbackData = "a\uD800b" };
            var problem = Assert.Single(MessageValidator.Validate(message, BadInputCorpus.Now));
            Assert.Equal("CallbackData", problem.Field);
            Assert.StartsWith("contains a broken character (an unpaired UTF-16 surrogate) at position 2", problem.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("Text")]
        [InlineData("Tag1")]
        [InlineData("Domain")]
        public void A_lone_surrogate_in_a_text_field_of_an_sms_is_refused_naming_the_field(string field)
        {
            var broken = "Hi \U0001F600 \uDC00";
            var message = field switch
            {
                "Text" => new SmsMessage { From = "ConnectCo", Text = broken },
                "Tag1" => new SmsMessage { From = "ConnectCo", Text = "Hi", Tag1 = broken },
                _ => new SmsMessage { From = "ConnectCo", Text = "Hi", Domain = broken },
            };
            var problem = Assert.Single(MessageValidator.Validate(message, BadInputCorpus.Now), p => p.Field == field);
            // The emoji before it is a proper pair and counts as two UTF-16 units: the broken one is the 7th.
            Assert.Contains("at position 7", problem.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_lone_surrogate_in_an_email_subject_rcs_card_or_suggestion_is_refused_naming_the_field()
        {
            var email = new EmailMessage { From = "news@mail.example.com", Subject = "\uD83D", Text = "T" };
            Assert.Contains(MessageValidator.Validate(email, BadInputCorpus.Now), p => p.Field == "Subject" && p.Message.Contains("at position 1"));

            var rcs = new RcsMessage
            {
                From = "app", ContentType = RcsContentType.Standalone,
                Card = new RcsCard { Title = "ok", Description = "x\uDE00", Suggestions = new[] { new RcsSuggestion { DisplayText = "\uD800", PostbackData = "p" } } },
            };
            var fields = MessageValidator.Validate(rcs, BadInputCorpus.Now).Select(p => p.Field).ToArray();
            Assert.Contains("Card.Description", fields);
            Assert.Contains("Card.Suggestions[0].DisplayText", fields);
        }

        [Fact]
        public void A_lone_surrogate_in_a_substitution_name_or_value_or_correlation_id_is_refused_on_the_destination()
        {
            var recipient = new Recipient("+447700900123", "ref\uD800", new Dictionary<string, string> { ["Name"] = "Ann\uDBFF", ["Ci\uDC00ty"] = "Leeds" });
            var problems = MessageValidator.ValidateRecipient(MessageChannel.Sms, recipient);

            Assert.Contains(problems, p => p.Field == "CorrelationId" && p.Message.Contains("unpaired UTF-16 surrogate"));
            Assert.Contains(problems, p => p.Field == "Substitutions" && p.Message.StartsWith("the value of 'Name' contains a broken character", StringComparison.Ordinal));
            // The name itself holds the broken character: it is shown escaped, so the error line stays readable.
            Assert.Contains(problems, p => p.Field == "Substitutions" && p.Message.StartsWith("the name 'Ci\\uDC00ty' contains a broken character (an unpaired UTF-16 surrogate) at position 3:", StringComparison.Ordinal));
        }

        [Fact]
        public void A_lone_surrogate_does_not_survive_json_so_accepting_it_changes_the_data()
        {
            // Pins why the test above refuses it; if this ever fails, the refusal may be relaxed.
            var json = JsonSerializer.Serialize("a\uD800b");
            var back = JsonSerializer.Deserialize<string>(json);
            Assert.NotEqual("a\uD800b", back);
        }

        [Fact]
        public void The_payload_writer_carries_hostile_callback_data_and_substitutions_unchanged()
        {
            foreach (var hostile in HostileStrings.Where(h => h.Length > 0 && InputEcho.LoneSurrogatePosition(h) == 0))
            {
                var message = new SmsMessage
                {
                    From = "ConnectCo",
                    Text = "Hi $(Name)",
                    CallbackData = hostile.Length <= 2000 ? hostile : hostile.Substring(0, 2000),
                    Substitutions = new Dictionary<string, string> { ["Name"] = hostile },
                };
                // Relaxed escaping is deliberate (see WireFormat): exact round-trip through a parser is the promise.
                var shape = MessageShape.Of(message);
                using var shared = JsonDocument.Parse("{" + System.Text.Encoding.UTF8.GetString(shape.SharedJson.Span) + "}");
                Assert.Equal(message.CallbackData, shared.RootElement.GetProperty("callbackData").GetString());
                Assert.Equal(hostile, shared.RootElement.GetProperty("substitutions").GetProperty("Name").GetString());

                // A hostile name too, where it can be a variable's (no parenthesis in it): only named ones travel.
                var name = hostile.IndexOfAny(new[] { '(', ')' }) < 0 ? hostile : "Name";
                var named = MessageShape.Of(new SmsMessage { From = "ConnectCo", Text = "Hi $(" + name + ")" });
                var recipient = new Recipient("+447700900123", substitutions: new Dictionary<string, string> { [name] = hostile });
                using var body = JsonDocument.Parse(PayloadWriter.Write(named, new[] { recipient }));
                var sent = body.RootElement.GetProperty("to")[0].GetProperty("substitutions").GetProperty(name);
                Assert.Equal(hostile, sent.GetString());
            }
        }

        private static IEnumerable<PropertyInfo> StringProperties(Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType == typeof(string) && p.CanWrite);

        private static bool IsHostile(ComposedRow row) =>
            new[] { row.Message.CallbackData }.Concat(row.Recipient.Substitutions.Values)
                .Any(v => v is not null && (v.Length > 1000 || v.Any(c => c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '\'' || c == '$' || char.IsSurrogate(c) || c == '\u202E' || c == '\uFEFF')));
    }
}
