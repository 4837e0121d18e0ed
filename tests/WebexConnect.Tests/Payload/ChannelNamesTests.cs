using System;
using System.Linq;
using WebexConnect.Engine.Payload;
using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Payload
{
    /// <summary>One table of channel names serves the typed payloads, Send-ConnectMessage and its tab completion.</summary>
    public class ChannelNamesTests
    {
        [Theory]
        [InlineData("sms", MessageChannel.Sms, "msisdn")]
        [InlineData("EMAIL", MessageChannel.Email, "email")]
        [InlineData(" rcs ", MessageChannel.Rcs, "msisdn")]
        [InlineData("WhatsApp", MessageChannel.WhatsApp, "msisdn")]
        [InlineData("voice", MessageChannel.Voice, "msisdn")]
        [InlineData("push", MessageChannel.Push, null)]
        [InlineData("rt", MessageChannel.InApp, null)]
        [InlineData("messenger", MessageChannel.Messenger, null)]
        [InlineData("applebusinesschat", MessageChannel.AppleBusinessChat, null)]
        [InlineData("telegram", MessageChannel.Other, null)]
        public void A_name_means_its_channel_and_that_channel_s_destination_key(string name, MessageChannel channel, string? key)
        {
            Assert.Equal(channel, ChannelNames.Parse(name));
            Assert.Equal(key, ChannelNames.DefaultDestinationKey(channel));
        }

        [Fact]
        public void Every_channel_but_other_has_exactly_one_name_and_the_typed_payloads_use_it()
        {
            var named = Enum.GetValues(typeof(MessageChannel)).Cast<MessageChannel>().Where(c => c != MessageChannel.Other).ToArray();

            Assert.Equal(named.Length, ChannelNames.Known.Count);
            Assert.Equal(named, ChannelNames.Known.Select(ChannelNames.Parse));
            Assert.Equal("sms", WireFormat.Channel(MessageChannel.Sms));
            Assert.Equal("email", WireFormat.Channel(new EmailMessage()));
            Assert.Equal("whatsapp", WireFormat.Channel(new RawMessage("WHATSAPP")));
            Assert.Throws<ArgumentOutOfRangeException>(() => ChannelNames.NameOf(MessageChannel.Other));
        }

        [Theory]
        [InlineData("sms", "SMS")]
        [InlineData("Email", "email")]
        [InlineData("rcs", "RCS")]
        [InlineData("WhatsApp", "whatsapp")]
        [InlineData("telegram", "telegram")]
        public void A_channel_is_named_in_sentences_as_the_typed_cmdlets_name_it(string name, string label)
        {
            Assert.Equal(label, ChannelNames.Label(name));
        }
    }
}
