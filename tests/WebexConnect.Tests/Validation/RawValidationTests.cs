using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using Xunit;

namespace WebexConnect.Tests.Validation
{
    /// <summary>
    /// A message whose content the caller wrote is checked only for what holds on every channel: content or
    /// template, the size, the destination key and count, the shared fields. What the content says is the service's.
    /// </summary>
    public class RawValidationTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

        private static RawMessage WhatsApp(string? content = "{\"type\":\"text\",\"text\":\"Hi $(Name)\"}") =>
            new RawMessage("whatsapp") { From = "wa-app", Content = content };

        private static string[] Fields(IReadOnlyList<ValidationProblem> problems) => problems.Select(p => p.Field).ToArray();

        [Fact]
        public void A_whatsapp_message_with_content_is_valid_and_its_content_is_not_judged()
        {
            // An SMS text of 5000 characters is the service's to refuse (7107) when it comes as raw content.
            var sms = new RawMessage("sms") { From = "ACME", Content = "{\"type\":\"text\",\"text\":\"" + new string('a', 5000) + "\"}" };

            Assert.Empty(MessageValidator.Validate(WhatsApp(), Now));
            Assert.Empty(MessageValidator.Validate(sms, Now));
        }

        [Fact]
        public void Content_or_a_template_is_required_and_not_both()
        {
            var neither = MessageValidator.Validate(WhatsApp(content: null), Now);
            var both = MessageValidator.Validate(new RawMessage("whatsapp") { From = "a", Content = "{}", Template = new MessageTemplate { Id = "t" } }, Now);

            Assert.Equal(new[] { "Content" }, Fields(neither));
            Assert.Contains("required", neither[0].Message);
            Assert.Equal(new[] { "Content" }, Fields(both));
            Assert.Contains("both", both[0].Message);
        }

        [Fact]
        public void The_shared_fields_follow_the_same_rules_as_on_the_typed_channels()
        {
            var message = new RawMessage("whatsapp")
            {
                From = "",
                Content = "{}",
                SendAt = Now.AddDays(8),
                CallbackData = new string('x', 2001),
                NotifyUrl = "http://plain.example.com",
            };

            var problems = MessageValidator.Validate(message, Now);

            Assert.Equal(new[] { "From", "SendAt", "CallbackData", "NotifyUrl" }, Fields(problems));
            Assert.Contains("app ID", problems[0].Message);
        }

        [Fact]
        public void The_content_options_and_other_members_together_stay_under_10_MB()
        {
            var half = new string('a', 5 * 1024 * 1024);
            var under = new RawMessage("whatsapp") { From = "a", Content = "{\"t\":\"" + half + "\"}" };
            var over = new RawMessage("whatsapp")
            {
                From = "a",
                Content = "{\"t\":\"" + half + "\"}",
                Options = "{\"t\":\"" + half + "\"}",
            };

            Assert.Empty(MessageValidator.Validate(under, Now));
            var problem = Assert.Single(MessageValidator.Validate(over, Now));
            Assert.Equal("Content", problem.Field);
            Assert.Contains("10 MB", problem.Message);
        }

        [Theory]
        [InlineData("content")]
        [InlineData("To")]
        [InlineData("channel")]
        [InlineData("")]
        public void Another_member_may_not_take_the_place_of_one_the_cmdlet_writes(string name)
        {
            var message = new RawMessage("whatsapp")
            {
                From = "a",
                Content = "{}",
                AdditionalProperties = new[] { new KeyValuePair<string, string>(name, "1") },
            };

            Assert.Equal(new[] { "AdditionalProperty" }, Fields(MessageValidator.Validate(message, Now)));
        }

        [Fact]
        public void A_channel_without_a_known_key_needs_one_and_the_key_may_not_be_another_destination_member()
        {
            var push = new RawMessage("push") { From = "app", Content = "{}" };
            var wrong = new RawMessage("whatsapp") { From = "app", Content = "{}", DestinationKey = "correlationId" };

            Assert.Equal("", push.DestinationKey);
            Assert.Contains("-DestinationKey", Assert.Single(MessageValidator.Validate(push, Now)).Message);
            Assert.Equal(new[] { "DestinationKey" }, Fields(MessageValidator.Validate(wrong, Now)));
        }

        [Fact]
        public void Addresses_are_checked_by_the_destination_key()
        {
            var byNumber = MessageValidator.ValidateRecipient(WhatsApp(), new Recipient("07700 900001"));
            var byEmail = MessageValidator.ValidateRecipient(new RawMessage("voice") { DestinationKey = "email" }, new Recipient("not-an-address"));
            var ownKey = MessageValidator.ValidateRecipient(new RawMessage("push") { DestinationKey = "deviceId" }, new Recipient("device-7"));
            var emptyOwn = MessageValidator.ValidateRecipient(new RawMessage("push") { DestinationKey = "deviceId" }, new Recipient(" "));

            Assert.Contains("E.164", Assert.Single(byNumber).Message);
            Assert.Equal("To", Assert.Single(byEmail).Field);
            Assert.Empty(ownKey);
            Assert.Contains("deviceId", Assert.Single(emptyOwn).Message);
        }

        [Fact]
        public void A_destination_object_holds_at_most_1000_addresses_as_one_request_does()
        {
            var numbers = Enumerable.Range(0, 1001).Select(i => "+4477009" + i.ToString("00000")).ToArray();

            var over = MessageValidator.ValidateRecipient(WhatsApp(), new Recipient(numbers));
            var limit = MessageValidator.ValidateRecipient(WhatsApp(), new Recipient(numbers.Take(1000)));

            Assert.Contains("1000", Assert.Single(over).Message);
            Assert.Empty(limit);
        }

        [Fact]
        public void A_typed_message_is_still_checked_by_its_channel()
        {
            var typed = MessageValidator.ValidateRecipient((ConnectMessage)new EmailMessage(), new Recipient("+447700900001"));

            Assert.Equal("To", Assert.Single(typed).Field);
        }

        [Fact]
        public void Receipts_of_a_channel_with_a_documented_list_are_checked_and_others_pass_as_written()
        {
            var sms = new RawMessage("sms") { From = "ACME", Content = "{}", RequestedReceipts = new[] { "READ" } };
            var whatsapp = new RawMessage("whatsapp") { From = "a", Content = "{}", RequestedReceipts = new[] { "read", "sent" } };

            Assert.Equal(new[] { "RequestedReceipts" }, Fields(MessageValidator.Validate(sms, Now)));
            Assert.Empty(MessageValidator.Validate(whatsapp, Now));
            Assert.Equal("read", ReceiptTypes.Normalize(MessageChannel.WhatsApp, " read "));
        }
    }
}
