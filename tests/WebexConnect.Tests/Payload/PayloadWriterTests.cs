using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using WebexConnect.Engine.Payload;
using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Payload
{
    public class PayloadWriterTests
    {
        private static JsonDocument Body(ConnectMessage message, params Recipient[] recipients) =>
            JsonDocument.Parse(PayloadWriter.Write(MessageShape.Of(message), recipients));

        private static string[] Members(JsonElement element) => element.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        [Fact]
        public void Unset_fields_are_left_out()
        {
            var sms = new SmsMessage { From = "WebexDemo", Text = "Your code is 4711", Encoding = SmsEncoding.Text };

            using var body = Body(sms, new Recipient("+447700900123"));

            Assert.Equal(new[] { "channel", "content", "from", "to" }, Members(body.RootElement));
            Assert.Equal(new[] { "msisdn" }, Members(body.RootElement.GetProperty("to")[0]));
            Assert.Equal(new[] { "text", "type" }, Members(body.RootElement.GetProperty("content")));
        }

        [Theory]
        [InlineData("Your code is 4711", "text")]
        [InlineData("Çа va? {ok} €5", "unicode")]   // Cyrillic а forces UCS-2; the extension characters alone would not
        [InlineData("Price: {ok} €5 [ok]", "text")]
        public void Auto_encoding_sends_text_only_when_every_character_is_gsm7(string text, string expectedType)
        {
            var sms = new SmsMessage { From = "WebexDemo", Text = text };

            using var body = Body(sms, new Recipient("+447700900123"));

            Assert.Equal(expectedType, body.RootElement.GetProperty("content").GetProperty("type").GetString());
        }

        [Fact]
        public void Empty_strings_lists_and_maps_count_as_unset()
        {
            var email = new EmailMessage
            {
                From = "noreply@mail.example.com",
                Subject = "Hello",
                Text = "Hi there",
                Html = "",
                ReplyTo = "",
                FromName = "",
                CallbackData = "",
                NotifyUrl = "",
                Cc = Array.Empty<string>(),
                Bcc = new[] { "" },
                RequestedReceipts = Array.Empty<string>(),
                Substitutions = new Dictionary<string, string>(),
            };

            using var body = Body(email, new Recipient("alex@example.com", correlationId: "", substitutions: new Dictionary<string, string>()));

            Assert.Equal(new[] { "channel", "content", "from", "to" }, Members(body.RootElement));
            Assert.Equal(new[] { "email" }, Members(body.RootElement.GetProperty("to")[0]));
            var content = body.RootElement.GetProperty("content");
            Assert.Equal(new[] { "subject", "text", "type" }, Members(content));
            Assert.Equal("text", content.GetProperty("type").GetString());
        }

        [Fact]
        public void Times_given_with_an_offset_are_sent_in_utc_with_milliseconds()
        {
            var india = TimeSpan.FromHours(5.5);
            var sms = new SmsMessage
            {
                From = "WebexDemo", Text = "Reminder", Encoding = SmsEncoding.Text,
                SendAt = new DateTimeOffset(2026, 6, 26, 13, 47, 18, 250, india),
                ExpireAt = new DateTimeOffset(2026, 6, 27, 5, 0, 0, india),
            };

            using var body = Body(sms, new Recipient("+919800000001"));

            Assert.Equal("2026-06-26T08:17:18.250Z", body.RootElement.GetProperty("sendAt").GetString());
            Assert.Equal("2026-06-26T23:30:00.000Z", body.RootElement.GetProperty("expireAt").GetString());
        }

        [Fact]
        public void Validity_is_whole_seconds_as_a_string()
        {
            var sms = new SmsMessage { From = "WebexDemo", Text = "Reminder", Encoding = SmsEncoding.Text, Validity = TimeSpan.FromSeconds(5400.7) };

            using var body = Body(sms, new Recipient("+447700900123"));

            var validity = body.RootElement.GetProperty("validity");
            Assert.Equal(JsonValueKind.String, validity.ValueKind);
            Assert.Equal("5400", validity.GetString());
        }

        [Fact]
        public void Options_set_to_false_are_sent_as_json_false()
        {
            var sms = new SmsMessage { From = "WebexDemo", Text = "Hi", Encoding = SmsEncoding.Text, ShortenLinks = false, TrackClicks = true, Tag1 = "billing" };

            using var body = Body(sms, new Recipient("+447700900123"));

            var options = body.RootElement.GetProperty("options");
            Assert.Equal(JsonValueKind.False, options.GetProperty("shortenLinks").ValueKind);
            Assert.Equal(JsonValueKind.True, options.GetProperty("trackClicks").ValueKind);
            Assert.Equal("billing", options.GetProperty("tag1").GetString());
            Assert.Equal(new[] { "shortenLinks", "tag1", "trackClicks" }, Members(options));
        }

        [Fact]
        public void Bulk_destination_carries_several_numbers_in_one_object()
        {
            var sms = new SmsMessage { From = "WebexDemo", Text = "Office closed today", Encoding = SmsEncoding.Text };
            var everyone = new Recipient(new[] { "+447700900001", "+447700900002", "+447700900003" }, "closure-notice");

            using var body = Body(sms, everyone);

            var to = body.RootElement.GetProperty("to");
            Assert.Equal(1, to.GetArrayLength());
            Assert.Equal(new[] { "+447700900001", "+447700900002", "+447700900003" },
                to[0].GetProperty("msisdn").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("closure-notice", to[0].GetProperty("correlationId").GetString());
        }

        [Fact]
        public void Personalised_destinations_keep_their_order_and_their_own_values()
        {
            var sms = new SmsMessage { From = "WebexDemo", Text = "Hi $(name)", Encoding = SmsEncoding.Text };
            var recipients = new[]
            {
                new Recipient("+447700900001", "row-1", new Dictionary<string, string> { ["name"] = "Ann" }),
                new Recipient("+447700900002", "row-2", new Dictionary<string, string> { ["name"] = "Bob \"the builder\"" }),
            };

            using var body = Body(sms, recipients);

            var to = body.RootElement.GetProperty("to").EnumerateArray().ToArray();
            Assert.Equal(new[] { "row-1", "row-2" }, to.Select(d => d.GetProperty("correlationId").GetString()));
            Assert.Equal(new[] { "Ann", "Bob \"the builder\"" }, to.Select(d => d.GetProperty("substitutions").GetProperty("name").GetString()));
        }

        [Fact]
        public void Rcs_destinations_carry_their_gtr_ids()
        {
            var rcs = new RcsMessage { From = "rcs-app-7f3e2a", ContentType = RcsContentType.Text, Text = "Hello" };
            var recipient = new Recipient(new[] { "+447700900001", "+447700900002" }, gtrIds: new[] { "gtr-1", "gtr-2" });

            using var body = Body(rcs, recipient);

            Assert.Equal(new[] { "gtr-1", "gtr-2" },
                body.RootElement.GetProperty("to")[0].GetProperty("gtrId").EnumerateArray().Select(e => e.GetString()));
        }

        [Fact]
        public void Gtr_ids_are_not_sent_on_sms()
        {
            var sms = new SmsMessage { From = "WebexDemo", Text = "Hello", Encoding = SmsEncoding.Text };
            var recipient = new Recipient(new[] { "+447700900001" }, gtrIds: new[] { "gtr-1" });

            using var body = Body(sms, recipient);

            Assert.False(body.RootElement.GetProperty("to")[0].TryGetProperty("gtrId", out _));
        }

        [Fact]
        public void An_sms_template_replaces_content_and_carries_only_its_id()
        {
            var sms = new SmsMessage
            {
                From = "WebexDemo", Text = "ignored", Encoding = SmsEncoding.Text,
                Template = new MessageTemplate { Id = "otp-template", Encoding = "utf-8", Subject = "email only" },
            };

            using var body = Body(sms, new Recipient("+447700900123"));

            Assert.False(body.RootElement.TryGetProperty("content", out _));
            var template = body.RootElement.GetProperty("template");
            Assert.Equal(new[] { "id" }, Members(template));
            Assert.Equal("otp-template", template.GetProperty("id").GetString());
        }

        [Fact]
        public void Rcs_content_carries_only_the_fields_of_its_type()
        {
            var rcs = new RcsMessage
            {
                From = "rcs-app-7f3e2a", ContentType = RcsContentType.Media, MediaUrl = "https://cdn.example.com/a.jpg",
                Text = "left over from an earlier edit", Card = new RcsCard { Title = "unused" },
            };

            using var body = Body(rcs, new Recipient("+447700900123"));

            var content = body.RootElement.GetProperty("content");
            Assert.Equal(new[] { "mediaContentUrl", "type" }, Members(content));
        }

        /// <summary>
        /// Before, 'https://cdn.example.com/boarding pass.pdf' went out with its space, which no URL may hold (RFC 3986): the
        /// service fetches the file later and says nothing when it cannot. Every URL field gets %20 for a space inside, loses
        /// the spaces at its ends, and keeps any %XX it already has (never %2520).
        /// </summary>
        [Fact]
        public void Every_url_is_sent_with_its_spaces_encoded_once_and_none_at_its_ends()
        {
            const string Spaced = " https://cdn.example.com/boarding pass.png ";
            const string Sent = "https://cdn.example.com/boarding%20pass.png";
            var chip = new RcsSuggestion { Type = RcsSuggestionType.OpenUrl, DisplayText = "Open", Url = "https://example.com/my trip?a=b c" };
            var media = new RcsMessage { From = "app", ContentType = RcsContentType.Media, MediaUrl = Spaced, Suggestions = new[] { chip } };
            var card = new RcsMessage { From = "app", ContentType = RcsContentType.Standalone, Card = new RcsCard { Title = "T", MediaUrl = Spaced, MediaHeight = RcsMediaHeight.Short } };
            var email = new EmailMessage
            {
                From = "it@example.com", Subject = "S", Text = "Hi", NotifyUrl = "https://hooks.example.com/my hook",
                ListUnsubscribeUrl = "https://example.com/un subscribe",
                Attachments = new[]
                {
                    new EmailAttachment { MimeType = "application/pdf", Name = "a.pdf", MediaUrl = "https://cdn.example.com/boarding pass.pdf" },
                    new EmailAttachment { MimeType = "application/pdf", Name = "b.pdf", MediaUrl = "https://cdn.example.com/already%20encoded.pdf" },
                },
            };

            using var rcsBody = Body(media, new Recipient("+447700900123"));
            using var cardBody = Body(card, new Recipient("+447700900123"));
            using var emailBody = Body(email, new Recipient("ann@example.com"));

            Assert.Equal(Sent, rcsBody.RootElement.GetProperty("content").GetProperty("mediaContentUrl").GetString());
            Assert.Equal("https://example.com/my%20trip?a=b%20c", rcsBody.RootElement.GetProperty("content").GetProperty("suggestions")[0].GetProperty("url").GetString());
            Assert.Equal(Sent, cardBody.RootElement.GetProperty("content").GetProperty("richCard").GetProperty("media").GetProperty("url").GetString());
            var attachments = emailBody.RootElement.GetProperty("content").GetProperty("attachments");
            Assert.Equal("https://cdn.example.com/boarding%20pass.pdf", attachments[0].GetProperty("mediaUrl").GetString());
            Assert.Equal("https://cdn.example.com/already%20encoded.pdf", attachments[1].GetProperty("mediaUrl").GetString());
            Assert.Equal("https://example.com/un%20subscribe", emailBody.RootElement.GetProperty("options").GetProperty("listUnsubscribeUrl").GetString());
            Assert.Equal("https://hooks.example.com/my%20hook", emailBody.RootElement.GetProperty("notifyUrl").GetString());
        }

        /// <summary>
        /// The journal names a send by its URLs as sent, so that 'a b.png' and 'a%20b.png' (one file) are one send: before, a
        /// re-run after the cell was mended sent the row again. What earlier versions named it by is written byte for byte as
        /// they sent it (a literal of what they sent), for a re-run after the update to find the rows they sent: every URL as
        /// held (every version before the encoding), trimmed (the version that trimmed a MediaUrl cell in the command), and as
        /// given to the command (the versions before New-ConnectRcsCard trimmed; with the delivery members, the oldest ones).
        /// </summary>
        [Fact]
        public void The_journal_names_a_send_by_its_urls_as_sent_and_earlier_versions_as_they_sent_them()
        {
            var card = new RcsCard { Title = "T", MediaUrl = "https://cdn.example.com/card one.png", MediaUrlAsGiven = "https://cdn.example.com/card one.png " };
            var media = new RcsMessage { From = "app", ContentType = RcsContentType.Media, MediaUrl = " https://cdn.example.com/boarding pass.png", CallbackData = "x" };

            var shape = MessageShape.Of(media);
            var cardShape = MessageShape.Of(new RcsMessage { From = "app", ContentType = RcsContentType.Standalone, Card = card });

            string Json(ReadOnlyMemory<byte> json) => Encoding.UTF8.GetString(json.ToArray());
            const string Media = "\"channel\":\"rcs\",\"from\":\"app\",\"content\":{\"type\":\"media\",\"mediaContentUrl\":";
            Assert.Equal(Media + "\"https://cdn.example.com/boarding%20pass.png\"}", Json(shape.ReceivedJson));
            Assert.Equal(Media + "\" https://cdn.example.com/boarding pass.png\"}", Json(shape.ReceivedJsonWith(UrlForm.AsHeld)));
            Assert.Equal(Media + "\"https://cdn.example.com/boarding pass.png\"}", Json(shape.ReceivedJsonWith(UrlForm.Trimmed)));
            Assert.Equal("\"channel\":\"rcs\",\"from\":\"app\",\"callbackData\":\"x\",\"content\":{\"type\":\"media\",\"mediaContentUrl\":\" https://cdn.example.com/boarding pass.png\"}",
                Json(shape.SharedJsonAsGiven));
            Assert.Contains("\"url\":\"https://cdn.example.com/card%20one.png\"", Json(cardShape.ReceivedJson));
            Assert.Contains("\"url\":\"https://cdn.example.com/card one.png\"", Json(cardShape.ReceivedJsonWith(UrlForm.AsHeld)));
            Assert.Contains("\"url\":\"https://cdn.example.com/card one.png \"", Json(cardShape.ReceivedJsonWith(UrlForm.AsGiven)));
            // The encoding alone is no delivery member: a message without them keys as it always did.
            Assert.False(MessageShape.Of(new RcsMessage { From = "app", ContentType = RcsContentType.Media, MediaUrl = "https://x.example.com/a b.png" }).HasDeliveryMembers);
        }

        /// <summary>
        /// The vendor's email example gives listUnsubscribeUrl with the service's placeholders in it; the version before this one
        /// sent them as %3C%3Ctopic_id%3E%3E, which the service does not fill in. They go out byte for byte as written now, in every
        /// URL field; the journal keys the send so, and under the encoded form that version keyed it by.
        /// </summary>
        [Fact]
        public void A_placeholder_of_the_service_goes_out_as_written_and_the_previous_version_s_encoded_form_is_an_earlier_key()
        {
            const string Unsubscribe = "https://www.domain.tld/<<topic_id>>/<<sender_id>>/unsubscribe";
            var email = new EmailMessage { From = "it@example.com", Subject = "S", Text = "Hi", ListUnsubscribeUrl = Unsubscribe };
            var chip = new RcsSuggestion { Type = RcsSuggestionType.OpenUrl, DisplayText = "Go", Url = "https://x.example.com/<<id>>" };
            var rcs = new RcsMessage { From = "app", Text = "Hi", Suggestions = new[] { chip } };

            var body = Encoding.UTF8.GetString(PayloadWriter.Write(MessageShape.Of(email), new[] { new Recipient("ann@example.com") }));
            var rcsBody = Encoding.UTF8.GetString(PayloadWriter.Write(MessageShape.Of(rcs), new[] { new Recipient("+447700900123") }));

            Assert.Contains("\"listUnsubscribeUrl\":\"" + Unsubscribe + "\"", body);
            Assert.Contains("\"url\":\"https://x.example.com/<<id>>\"", rcsBody);
            var shape = MessageShape.Of(email);
            Assert.True(shape.UrlsDiffer);
            Assert.Contains("\"listUnsubscribeUrl\":\"" + Unsubscribe + "\"", Encoding.UTF8.GetString(shape.ReceivedJson.ToArray()));
            Assert.Contains("\"listUnsubscribeUrl\":\"https://www.domain.tld/%3C%3Ctopic_id%3E%3E/%3C%3Csender_id%3E%3E/unsubscribe\"",
                Encoding.UTF8.GetString(shape.ReceivedJsonWith(UrlForm.PlaceholdersEncoded).ToArray()));
        }

        /// <summary>
        /// A cell mended from 'a b.png' to 'a%20b.png' is the URL this version sends for either; the versions before the encoding
        /// sent the cell as it was, and keyed it so: the unescaped form writes it that way.
        /// </summary>
        [Fact]
        public void A_url_with_an_escaped_space_has_the_unescaped_form_as_an_earlier_key()
        {
            var shape = MessageShape.Of(new RcsMessage { From = "app", ContentType = RcsContentType.Media, MediaUrl = "https://cdn.example.com/a%20b.png" });

            Assert.True(shape.UrlsDiffer);
            Assert.Contains("\"mediaContentUrl\":\"https://cdn.example.com/a%20b.png\"", Encoding.UTF8.GetString(shape.ReceivedJson.ToArray()));
            Assert.Contains("\"mediaContentUrl\":\"https://cdn.example.com/a b.png\"", Encoding.UTF8.GetString(shape.ReceivedJsonWith(UrlForm.Unescaped).ToArray()));
        }

        /// <summary>
        /// New-ConnectRcsSuggestion trims a -Phone cell's spaces since the version that trimmed its URLs; the versions before sent,
        /// and keyed, the chip with them. The as-given form writes the number so, as it writes the chip's URL.
        /// </summary>
        [Fact]
        public void A_chip_s_number_the_command_trimmed_is_written_as_given_in_the_as_given_form_only()
        {
            var chip = new RcsSuggestion { Type = RcsSuggestionType.DialPhone, DisplayText = "Call", Phone = "+447700900123", PhoneAsGiven = " +447700900123 " };
            var shape = MessageShape.Of(new RcsMessage { From = "app", Text = "Hi", Suggestions = new[] { chip } });
            string Json(ReadOnlyMemory<byte> json) => Encoding.UTF8.GetString(json.ToArray());

            Assert.True(shape.UrlsDiffer);
            Assert.Contains("\"phone\":\"+447700900123\"", Json(shape.ReceivedJson));
            Assert.Contains("\"phone\":\"+447700900123\"", Json(shape.ReceivedJsonWith(UrlForm.AsHeld)));
            Assert.Contains("\"phone\":\" +447700900123 \"", Json(shape.ReceivedJsonWith(UrlForm.AsGiven)));
            Assert.Contains("\"phone\":\" +447700900123 \"", Json(shape.SharedJsonAsGiven));
        }

        /// <summary>
        /// Only a message with a URL some form writes otherwise is keyed more than once: every other row of a journaled run
        /// (an SMS, a URL with nothing to encode) costs no more than it did.
        /// </summary>
        [Fact]
        public void Only_a_message_with_a_url_written_otherwise_in_some_form_has_earlier_forms()
        {
            var plain = MessageShape.Of(new RcsMessage { From = "app", ContentType = RcsContentType.Media, MediaUrl = "https://x.example.com/a.png",
                Suggestions = new[] { new RcsSuggestion { Type = RcsSuggestionType.OpenUrl, DisplayText = "Go", Url = "https://x.example.com/go" } } });
            var chip = new RcsSuggestion { Type = RcsSuggestionType.OpenUrl, DisplayText = "Go", Url = "https://x.example.com/go", UrlAsGiven = " https://x.example.com/go" };
            var attachment = new EmailAttachment { MimeType = "application/pdf", Name = "a.pdf", MediaUrl = "https://x.example.com/a.pdf", MediaUrlAsGiven = "https://x.example.com/a.pdf " };

            Assert.False(plain.UrlsDiffer);
            Assert.True(plain.ReceivedJsonWith(UrlForm.AsGiven).Span.SequenceEqual(plain.ReceivedJson.Span));
            Assert.False(MessageShape.Of(new SmsMessage { From = "x", Text = "Hi", NotifyUrl = "https://hooks.example.com/a b" }).UrlsDiffer);
            Assert.True(MessageShape.Of(new RcsMessage { From = "app", Text = "Hi", Suggestions = new[] { chip } }).UrlsDiffer);
            Assert.True(MessageShape.Of(new RcsMessage { From = "app", ContentType = RcsContentType.Carousel,
                Cards = new[] { new RcsCard { Title = "A" }, new RcsCard { Title = "B", Suggestions = new[] { chip } } } }).UrlsDiffer);
            Assert.True(MessageShape.Of(new EmailMessage { From = "a@example.com", Subject = "S", Text = "T", Attachments = new[] { attachment } }).UrlsDiffer);
            Assert.True(MessageShape.Of(new EmailMessage { From = "a@example.com", Subject = "S", Text = "T", ListUnsubscribeUrl = "https://x.example.com/ü" }).UrlsDiffer);
        }

        [Fact]
        public void Rcs_options_include_the_carrier()
        {
            var rcs = new RcsMessage { From = "rcs-app-7f3e2a", Text = "Hi", CarrierId = "12" };

            using var body = Body(rcs, new Recipient("+447700900123"));

            Assert.Equal("12", body.RootElement.GetProperty("options").GetProperty("carrierId").GetString());
        }

        [Fact]
        public void Contact_policy_sends_only_the_checks_asked_for()
        {
            var sms = new SmsMessage
            {
                From = "WebexDemo", Text = "Hi", Encoding = SmsEncoding.Text,
                ContactPolicy = new ContactPolicy { Group = "grp-1", CheckConsent = true },
            };

            using var body = Body(sms, new Recipient("+447700900123"));

            var policy = body.RootElement.GetProperty("contactPolicy");
            Assert.Equal(new[] { "channelCheckConsent", "contactPolicyGroup" }, Members(policy));
            Assert.True(policy.GetProperty("channelCheckConsent").GetBoolean());
        }

        [Fact]
        public void Text_with_quotes_newlines_and_non_ascii_survives_and_stays_readable()
        {
            const string text = "Café \"Zoë\" says:\nbacon & eggs <today> £3 €";
            var sms = new SmsMessage { From = "WebexDemo", Text = text, Encoding = SmsEncoding.Unicode };

            var bytes = PayloadWriter.Write(MessageShape.Of(sms), new[] { new Recipient("+447700900123") });
            using var body = JsonDocument.Parse(bytes);

            Assert.Equal(text, body.RootElement.GetProperty("content").GetProperty("text").GetString());
            // Relaxed escaping: people reading -WhatIf output see £ and <, not \u00A3 and \u003C.
            var rendered = PayloadWriter.Render(sms, new[] { new Recipient("+447700900123") });
            Assert.Contains("Café \\\"Zoë\\\" says:\\nbacon & eggs <today> £3 €", rendered);
        }

        [Fact]
        public void Writes_after_what_the_output_already_holds()
        {
            var shape = MessageShape.Of(new SmsMessage { From = "WebexDemo", Text = "Hi", Encoding = SmsEncoding.Text });
            var output = new PayloadBuffer(4);
            var prefix = output.GetSpan(3);
            "abc"u8.CopyTo(prefix);
            output.Advance(3);

            PayloadWriter.Write(shape, new[] { new Recipient("+447700900123") }, output);

            var written = output.WrittenSpan.ToArray();
            Assert.Equal("abc", Encoding.ASCII.GetString(written, 0, 3));
            using var body = JsonDocument.Parse(written.AsMemory(3));
            Assert.Equal("sms", body.RootElement.GetProperty("channel").GetString());
        }

        [Fact]
        public void Destinations_are_written_without_allocating_per_destination()
        {
            var shape = MessageShape.Of(new SmsMessage { From = "WebexDemo", Text = "Hi $(first), your $(item) ships $(day)", Encoding = SmsEncoding.Text });
            var recipients = Enumerable.Range(0, 1000).Select(i => new Recipient(
                "+4477009" + i.ToString("00000", System.Globalization.CultureInfo.InvariantCulture), "row-" + i,
                new Dictionary<string, string> { ["first"] = "Alex", ["item"] = "order " + i, ["day"] = "Tuesday" })).ToArray();
            var output = new PayloadBuffer(256 * 1024);
            PayloadWriter.Write(shape, recipients, output); // warm up: JIT and the writer's first use

            output = new PayloadBuffer(256 * 1024);
            var before = GC.GetAllocatedBytesForCurrentThread();
            PayloadWriter.Write(shape, recipients, output);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            // Generous: the writer object and a few buffers per request are fine; anything per destination is not.
            Assert.True(allocated < 16 * 1024, $"{allocated} bytes allocated for 1000 destinations");
        }
    }
}
