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
    public class MessageShapeTests
    {
        private static SmsMessage Reminder(string text, IReadOnlyDictionary<string, string>? substitutions = null) => new()
        {
            From = "WebexDemo",
            Text = text,
            Encoding = SmsEncoding.Text,
            NotifyUrl = "https://hooks.example.com/webex",
            Substitutions = substitutions ?? new Dictionary<string, string>(),
        };

        [Fact]
        public void Messages_with_the_same_shared_part_have_equal_shapes()
        {
            var first = MessageShape.Of(Reminder("Your appointment is tomorrow"));
            var second = MessageShape.Of(Reminder("Your appointment is tomorrow"));

            Assert.Equal(first, second);
            Assert.Equal(first.GetHashCode(), second.GetHashCode());
        }

        [Fact]
        public void A_different_text_is_a_different_shape()
        {
            var first = MessageShape.Of(Reminder("Your appointment is tomorrow"));
            var second = MessageShape.Of(Reminder("Your appointment is today"));

            Assert.NotEqual(first, second);
        }

        [Fact]
        public void The_same_text_on_another_channel_is_a_different_shape()
        {
            var sms = MessageShape.Of(new SmsMessage { From = "app-1", Text = "Hello", Encoding = SmsEncoding.Text });
            var rcs = MessageShape.Of(new RcsMessage { From = "app-1", Text = "Hello" });

            Assert.NotEqual(sms, rcs);
        }

        [Fact]
        public void Global_substitutions_filled_in_another_order_give_the_same_shape()
        {
            var first = MessageShape.Of(Reminder("Hi $(a) $(b)", new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }));
            var second = MessageShape.Of(Reminder("Hi $(a) $(b)", new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" }));

            Assert.Equal(first, second);
        }

        [Fact]
        public void Shapes_group_records_into_batches()
        {
            var shapes = new[] { "A", "B", "A", "A", "B" }.Select(text => MessageShape.Of(Reminder(text)));

            var batches = shapes.GroupBy(s => s).Select(g => g.Count()).ToArray();

            Assert.Equal(new[] { 3, 2 }, batches);
        }

        [Fact]
        public void Shared_json_is_the_body_members_without_to_or_braces()
        {
            var shape = MessageShape.Of(Reminder("Hello"));

            var shared = Encoding.UTF8.GetString(shape.SharedJson.ToArray());
            Assert.StartsWith("\"channel\":\"sms\"", shared);
            using var members = JsonDocument.Parse("{" + shared + "}");
            Assert.False(members.RootElement.TryGetProperty("to", out _));
            Assert.Equal("Hello", members.RootElement.GetProperty("content").GetProperty("text").GetString());
        }

        [Fact]
        public void Null_message_is_refused()
        {
            Assert.Throws<ArgumentNullException>(() => MessageShape.Of(null!));
        }
    }
}
