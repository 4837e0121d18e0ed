using System;
using System.Text;
using System.Text.Json.Nodes;
using WebexConnect.Engine.Sandbox;
using WebexConnect.Messages;
using WebexConnect.Messages.Sms;
using Xunit;

namespace WebexConnect.Tests.Sandbox
{
    /// <summary>
    /// The lookup's numSegments is what the module counts for the text the first destination gets. Before, the sandbox
    /// answered "1" for every SMS, so Get-ConnectMessage contradicted the send's Parts and Measure-ConnectSms.
    /// </summary>
    public sealed class SandboxSegmentsTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

        private static SandboxMessage Read(JsonObject body)
        {
            var message = SandboxMessageReader.Read(Encoding.UTF8.GetBytes(body.ToJsonString()), 0, Now, out var rejection, out _, out _);
            Assert.Null(rejection);
            return message!;
        }

        private static JsonObject Sms(string type, string text)
        {
            var body = SandboxTestKit.SmsBody("+447700900001");
            body["content"] = new JsonObject { ["type"] = type, ["text"] = text };
            return body;
        }

        [Theory]
        [InlineData("text", 160, 1)]
        [InlineData("text", 161, 2)]
        [InlineData("text", 307, 3)]
        [InlineData("unicode", 70, 1)]
        [InlineData("unicode", 71, 2)]
        [InlineData("unicode", 135, 3)]
        public void The_parts_follow_the_type_and_the_length(string type, int length, int parts)
        {
            var message = Read(Sms(type, new string('a', length)));

            Assert.Equal(parts, message.Segments);
            Assert.Equal(SmsCalculator.Measure(new string('a', length), type == "unicode" ? SmsEncoding.Unicode : SmsEncoding.Text).Parts, message.Segments);
        }

        [Fact]
        public void Extension_characters_count_twice_and_an_emoji_is_not_split()
        {
            // 80 euro signs are 160 septets: one part. 66 letters and an emoji are 68 units: 2 parts of 67, the pair kept whole.
            Assert.Equal(1, Read(Sms("text", new string('€', 80))).Segments);
            Assert.Equal(2, Read(Sms("text", new string('€', 81))).Segments);
            Assert.Equal(1, Read(Sms("unicode", new string('a', 68) + "😀")).Segments);
            Assert.Equal(2, Read(Sms("unicode", new string('a', 69) + "😀")).Segments);
        }

        [Fact]
        public void The_first_destinations_substitutions_win_over_the_global_ones()
        {
            var body = Sms("unicode", "Hi $(Name)");
            body["substitutions"] = new JsonObject { ["Name"] = "Ann" };
            body["to"]![0]!["substitutions"] = new JsonObject { ["Name"] = new string('Ł', 100) };

            Assert.Equal(SmsCalculator.Measure("Hi " + new string('Ł', 100), SmsEncoding.Unicode).Parts, Read(body).Segments);
            Assert.Equal(2, Read(body).Segments);

            body["to"]![0]!.AsObject().Remove("substitutions");
            Assert.Equal(1, Read(body).Segments);
        }

        [Fact]
        public void A_template_or_another_channel_is_one_segment()
        {
            var template = SandboxTestKit.SmsBody("+447700900001");
            template.Remove("content");
            template["template"] = new JsonObject { ["id"] = "t-1" };

            Assert.Equal(1, Read(template).Segments);
            Assert.Equal(1, Read(SandboxTestKit.Email("a@example.com")).Segments);
        }
    }
}
