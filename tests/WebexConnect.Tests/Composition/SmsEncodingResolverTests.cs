using System.Collections.Generic;
using WebexConnect.Composition;
using WebexConnect.Engine.Payload;
using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    public class SmsEncodingResolverTests
    {
        private static Recipient Person(string name) =>
            new Recipient("+447700900123", substitutions: new Dictionary<string, string> { ["Name"] = name });

        private static readonly SmsMessage Greeting = new SmsMessage { From = "ACME", Text = "Hi $(Name), your parcel is here." };

        [Fact]
        public void A_row_whose_own_value_is_outside_gsm7_is_sent_as_unicode()
        {
            var resolver = new SmsEncodingResolver();

            var plain = (SmsMessage)resolver.For(Greeting, Person("Alice"));
            var polish = (SmsMessage)resolver.For(Greeting, Person("Łukasz"));

            Assert.Equal(SmsEncoding.Text, plain.Encoding);
            Assert.Equal(SmsEncoding.Unicode, polish.Encoding);
            Assert.Equal(Greeting.Text, polish.Text);
            // The two travel in different batches: their shapes differ only by content.type.
            Assert.NotEqual(MessageShape.Of(plain), MessageShape.Of(polish));
        }

        [Fact]
        public void Rows_that_resolve_alike_share_one_message_and_so_one_batch()
        {
            var resolver = new SmsEncodingResolver();

            var first = resolver.For(Greeting, Person("Alice"));
            var second = resolver.For(Greeting, Person("Bruno"));

            Assert.Same(first, second);
        }

        [Fact]
        public void Sharing_the_checks_texts_each_row_is_measured_with_its_own_values()
        {
            // The checks make each row's text first; the resolver reuses it only for the same text and values.
            var texts = new SentTexts();
            var checks = new PersonalisedText(allowMissing: false, texts);
            var resolver = new SmsEncodingResolver(texts);
            var other = new SmsMessage { From = "ACME", Text = "Dear $(Name)" };

            SmsEncoding EncodingOf(SmsMessage message, string name)
            {
                var person = Person(name);
                Assert.Empty(checks.Problems(message, new ComposedRecord(person, System.Array.Empty<WebexConnect.Messages.Validation.ValidationProblem>())));
                return ((SmsMessage)resolver.For(message, person)).Encoding;
            }

            Assert.Equal(SmsEncoding.Text, EncodingOf(Greeting, "Alice"));
            Assert.Equal(SmsEncoding.Unicode, EncodingOf(Greeting, "Łukasz"));
            Assert.Equal(SmsEncoding.Text, EncodingOf(other, "Bruno"));
            Assert.Equal(SmsEncoding.Unicode, EncodingOf(other, "Zoë"));
            Assert.Equal("Hi Łukasz, your parcel is here.", texts.Of(Greeting.Text!, Greeting.Substitutions, Person("Łukasz").Substitutions));
        }

        [Fact]
        public void An_explicit_encoding_is_left_alone()
        {
            var unicode = new SmsMessage { From = "ACME", Text = "Hi $(Name)", Encoding = SmsEncoding.Unicode };

            Assert.Same(unicode, new SmsEncodingResolver().For(unicode, Person("Alice")));
        }

        [Fact]
        public void The_unicode_variant_keeps_every_other_field_of_the_message()
        {
            var full = new SmsMessage
            {
                From = "ACME",
                Text = "Hi $(Name)",
                Substitutions = new Dictionary<string, string> { ["Shop"] = "Leeds" },
                SendAt = new System.DateTimeOffset(2026, 11, 24, 9, 0, 0, System.TimeSpan.Zero),
                Validity = System.TimeSpan.FromHours(2),
                CallbackData = "campaign-7",
                NotifyUrl = "https://hooks.example.com/sms",
                RequestedReceipts = new[] { "DELIVERED" },
                ContactPolicy = new ContactPolicy { Group = "g1", CheckConsent = true },
                ShortenLinks = true,
                TrackClicks = true,
                Domain = "https://s.example.com",
                Tag1 = "t1",
                Tag2 = "t2",
            };

            var polish = (SmsMessage)new SmsEncodingResolver().For(full, Person("Łukasz"));

            static System.Text.Json.Nodes.JsonObject Shared(SmsMessage m)
            {
                var body = System.Text.Json.Nodes.JsonNode.Parse("{" + System.Text.Encoding.UTF8.GetString(MessageShape.Of(m).SharedJson.Span) + "}")!.AsObject();
                body["content"]!.AsObject().Remove("type");
                return body;
            }
            Assert.Equal("unicode", System.Text.Json.Nodes.JsonNode.Parse("{" + System.Text.Encoding.UTF8.GetString(MessageShape.Of(polish).SharedJson.Span) + "}")!["content"]!["type"]!.GetValue<string>());
            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(Shared(full), Shared(polish)), Shared(polish).ToJsonString());
        }
    }
}
