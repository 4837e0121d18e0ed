using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Text;
using WebexConnect.Composition;
using WebexConnect.Engine.Payload;
using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Payload
{
    /// <summary>
    /// Send-ConnectMessage on the channels the typed cmdlets cover sends exactly their bytes: the same message
    /// written as content JSON (loosely, as an admin types it, or as an [ordered] hashtable) gives the same
    /// request body, byte for byte, for the whole request and for what -PayloadOnly shows.
    /// </summary>
    public class RawPayloadTests
    {
        private static readonly DateTimeOffset Later = new DateTimeOffset(2031, 5, 4, 9, 30, 0, TimeSpan.FromHours(2));

        private static Recipient[] People() => new[]
        {
            new Recipient("+447700900001", "row-1", new Dictionary<string, string> { ["Name"] = "Ann", ["Order"] = "A-1" }),
            new Recipient("+447700900002", "row-2", new Dictionary<string, string> { ["Name"] = "Zoë 😀", ["Order"] = "B \"2\"" }),
            new Recipient(new[] { "+447700900003", "+447700900004" }),
        };

        private static Recipient[] Mailboxes() => new[]
        {
            new Recipient("ann@example.com", "row-1", new Dictionary<string, string> { ["Name"] = "Ann" }),
            new Recipient("bob@example.com", "row-2", new Dictionary<string, string> { ["Name"] = "Bob <b>" }),
        };

        /// <summary>What the cmdlet does with a JSON string (or a hashtable's JSON): the engine's compact form.</summary>
        private static string AsGiven(string json) => RawJson.Normalize(json);

        private static string AsGiven(IDictionary table) => RawJson.Normalize(ContentJson.From(table));

        private static void AssertSameBytes(ConnectMessage typed, RawMessage raw, Recipient[] recipients)
        {
            var expected = Encoding.UTF8.GetString(PayloadWriter.Write(MessageShape.Of(typed), recipients));
            var actual = Encoding.UTF8.GetString(PayloadWriter.Write(MessageShape.Of(raw), recipients));
            Assert.Equal(expected, actual);
            Assert.Equal(PayloadWriter.Render(typed, recipients.Take(1).ToArray()), PayloadWriter.Render(raw, recipients.Take(1).ToArray()));
            // Equal shared bytes: the typed and the raw message would travel in one batch.
            Assert.Equal(MessageShape.Of(typed), MessageShape.Of(raw));
        }

        [Fact]
        public void A_personalised_sms_with_every_shared_field_and_option_is_byte_for_byte_the_typed_one()
        {
            var typed = new SmsMessage
            {
                From = "ACME",
                Text = "Hi $(Name), order $(Order) ships $(Day).",
                Substitutions = new Dictionary<string, string> { ["Day"] = "today", ["Shop"] = "ACME" },
                SendAt = Later,
                Validity = TimeSpan.FromHours(2),
                CallbackData = "campaign=7",
                NotifyUrl = "https://hooks.example.com/wx",
                RequestedReceipts = new[] { "DELIVERED", "FAILED" },
                ShortenLinks = true,
                TrackClicks = true,
                Domain = "acme.link",
                Tag1 = "spring",
                ContactPolicy = new ContactPolicy { Group = "grp-1", CheckConsent = true },
            };
            var raw = new RawMessage("sms")
            {
                From = "ACME",
                Substitutions = new Dictionary<string, string> { ["Shop"] = "ACME", ["Day"] = "today" },
                SendAt = Later,
                Validity = TimeSpan.FromHours(2),
                CallbackData = "campaign=7",
                NotifyUrl = "https://hooks.example.com/wx",
                RequestedReceipts = new[] { "DELIVERED", "FAILED" },
                Options = AsGiven("{ \"shortenLinks\": true, \"trackClicks\": true, \"domain\": \"acme.link\", \"tag1\": \"spring\" }"),
                Content = AsGiven("{\n  \"type\": \"text\",\n  \"text\": \"Hi $(Name), order $(Order) ships $(Day).\"\n}"),
                ContactPolicy = new ContactPolicy { Group = "grp-1", CheckConsent = true },
            };

            AssertSameBytes(typed, raw, People());
        }

        [Fact]
        public void A_unicode_sms_written_with_escapes_or_as_an_ordered_hashtable_is_byte_for_byte_the_typed_one()
        {
            var typed = new SmsMessage { From = "ACME", Text = "Grüße $(Name) 😀 \"quoted\" <b> & €", Encoding = SmsEncoding.Unicode };
            var escaped = new RawMessage("SMS")
            {
                From = "ACME",
                Content = AsGiven("{\"type\":\"unicode\",\"text\":\"Gr\\u00fc\\u00dfe $(Name) \\ud83d\\ude00 \\\"quoted\\\" <b> & \\u20ac\"}"),
            };
            var table = new OrderedDictionary { ["type"] = "unicode", ["text"] = "Grüße $(Name) 😀 \"quoted\" <b> & €" };
            var hashtable = new RawMessage("sms") { From = "ACME", Content = AsGiven(table) };

            AssertSameBytes(typed, escaped, People());
            AssertSameBytes(typed, hashtable, People());
        }

        [Fact]
        public void An_sms_template_is_byte_for_byte_the_typed_one()
        {
            var typed = new SmsMessage { From = "ACME", Template = new MessageTemplate { Id = "tpl-42" }, Tag2 = "x" };
            var raw = new RawMessage("sms") { From = "ACME", Template = new MessageTemplate { Id = "tpl-42" }, Options = AsGiven("{\"tag2\":\"x\"}") };

            AssertSameBytes(typed, raw, People());
        }

        [Fact]
        public void An_html_email_with_copies_attachments_and_options_is_byte_for_byte_the_typed_one()
        {
            var typed = new EmailMessage
            {
                From = "news@example.com",
                Subject = "Your order, $(Name)",
                Text = "Hello $(Name)",
                Html = "<p>Hello <b>$(Name)</b> &amp; welcome</p>",
                Encoding = "utf-8",
                ReplyTo = "help@example.com",
                Attachments = new[] { new EmailAttachment { MimeType = "application/pdf", Name = "Invoice.pdf", MediaUrl = "https://files.example.com/i.pdf" } },
                Cc = new[] { "boss@example.com" },
                Bcc = new[] { "audit@example.com", "log@example.com" },
                MultipleToRecipients = true,
                FromName = "ACME News",
                TrackOpens = true,
                RequestedReceipts = new[] { "delivered", "read" },
            };
            var raw = new RawMessage("email")
            {
                From = "news@example.com",
                RequestedReceipts = new[] { "delivered", "read" },
                AdditionalProperties = new[]
                {
                    Member("cc", "[\"boss@example.com\"]"),
                    Member("bcc", "[ \"audit@example.com\", \"log@example.com\" ]"),
                    Member("multipleToRecipients", "true"),
                },
                Options = AsGiven(new OrderedDictionary { ["fromName"] = "ACME News", ["trackOpens"] = true }),
                Content = AsGiven(@"{
                    ""type"": ""html"",
                    ""subject"": ""Your order, $(Name)"",
                    ""text"": ""Hello $(Name)"",
                    ""html"": ""<p>Hello <b>$(Name)</b> &amp; welcome</p>"",
                    ""encoding"": ""utf-8"",
                    ""replyTo"": ""help@example.com"",
                    ""attachments"": [ { ""mimetype"": ""application/pdf"", ""name"": ""Invoice.pdf"", ""mediaUrl"": ""https://files.example.com/i.pdf"" } ]
                }"),
            };

            Assert.Equal("email", raw.DestinationKey);
            AssertSameBytes(typed, raw, Mailboxes());
        }

        [Fact]
        public void An_rcs_text_with_suggestions_and_sms_fallback_is_byte_for_byte_the_typed_one()
        {
            var typed = new RcsMessage
            {
                From = "rcs-app-1",
                Text = "Your parcel, $(Name), is near",
                Suggestions = new[]
                {
                    new RcsSuggestion { Type = RcsSuggestionType.Reply, DisplayText = "Thanks", PostbackData = "ok" },
                    new RcsSuggestion { Type = RcsSuggestionType.ViewLocation, DisplayText = "Where?", Latitude = 51.5074, Longitude = -0.1278, Address = "London" },
                },
                SmsFallback = true,
                FallbackSenderId = "ACME",
                FallbackText = "Your parcel is near",
                RequestedReceipts = new[] { "Delivered", "Read" },
            };
            var raw = new RawMessage("rcs")
            {
                From = "rcs-app-1",
                RequestedReceipts = new[] { "Delivered", "Read" },
                Options = AsGiven("{\"smsFallback\":true,\"smsSenderId\":\"ACME\",\"text\":\"Your parcel is near\"}"),
                Content = AsGiven("{\"type\":\"text\",\"text\":\"Your parcel, $(Name), is near\",\"suggestions\":[" +
                    "{\"type\":\"reply\",\"displayText\":\"Thanks\",\"postbackData\":\"ok\"}," +
                    "{\"type\":\"viewLocation\",\"displayText\":\"Where?\",\"latitude\":51.5074,\"longitude\":-0.1278,\"address\":\"London\"}]}"),
            };

            AssertSameBytes(typed, raw, People().Take(2).ToArray());
        }

        [Fact]
        public void A_whatsapp_message_keeps_its_channel_name_key_members_and_variables_as_written()
        {
            var raw = new RawMessage("WhatsApp")
            {
                From = "wa-app",
                AdditionalProperties = new[] { Member("appid", "\"wa-app\"") },
                Content = AsGiven("{\"type\":\"template\",\"template\":{\"name\":\"order_update\",\"language\":\"en\",\"price\":1.50},\"text\":\"Hi $(Name)\"}"),
            };

            var body = Encoding.UTF8.GetString(PayloadWriter.Write(MessageShape.Of(raw), People().Take(1).ToArray()));

            Assert.Equal(MessageChannel.WhatsApp, raw.Channel);
            Assert.Equal(
                "{\"to\":[{\"msisdn\":[\"+447700900001\"],\"correlationId\":\"row-1\",\"substitutions\":{\"Name\":\"Ann\",\"Order\":\"A-1\"}}]," +
                "\"channel\":\"whatsapp\",\"from\":\"wa-app\",\"appid\":\"wa-app\"," +
                "\"content\":{\"type\":\"template\",\"template\":{\"name\":\"order_update\",\"language\":\"en\",\"price\":1.50},\"text\":\"Hi $(Name)\"}}",
                body);
        }

        [Fact]
        public void A_channel_key_of_its_own_names_the_addresses_and_an_unknown_channel_is_sent_as_given()
        {
            var raw = new RawMessage(" telegram ") { From = "bot", DestinationKey = "chatId", Content = AsGiven("{\"text\":\"hi\"}") };

            var body = Encoding.UTF8.GetString(PayloadWriter.Write(MessageShape.Of(raw), new[] { new Recipient("12345") }));

            Assert.Equal(MessageChannel.Other, raw.Channel);
            Assert.Equal("{\"to\":[{\"chatId\":[\"12345\"]}],\"channel\":\"telegram\",\"from\":\"bot\",\"content\":{\"text\":\"hi\"}}", body);
        }

        private static KeyValuePair<string, string> Member(string name, string json) => new KeyValuePair<string, string>(name, AsGiven(json));
    }
}
