using System.Collections.Generic;
using System.Linq;
using WebexConnect.Engine.Journal;
using WebexConnect.Engine.Payload;
using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Journal
{
    /// <summary>A key names exactly one send: anything that changes what the person receives changes it.</summary>
    public class JournalKeyMakerTests
    {
        private static readonly byte[] Salt = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        private static readonly MessageShape Hello = MessageShape.Of(new SmsMessage { From = "ACME", Text = "Hi $(Name)" });

        private static Recipient Ann(string number = "+447700900001", string? correlation = "row-1", string name = "Ann") =>
            new Recipient(number, correlation, new Dictionary<string, string> { ["Name"] = name });

        [Fact]
        public void The_same_send_gets_the_same_key_with_the_same_salt()
        {
            using var a = new JournalKeyMaker(Salt);
            using var b = new JournalKeyMaker((byte[])Salt.Clone());

            Assert.Equal(a.For(Hello, Ann(), 1), b.For(MessageShape.Of(new SmsMessage { From = "ACME", Text = "Hi $(Name)" }), Ann(), 1));
        }

        [Fact]
        public void Number_correlation_substitution_text_sender_channel_and_repeat_each_change_the_key()
        {
            using var keys = new JournalKeyMaker(Salt);
            var email = MessageShape.Of(new EmailMessage { From = "ACME", Subject = "Hi", Text = "Hi $(Name)" });
            var all = new[]
            {
                keys.For(Hello, Ann(), 1),
                keys.For(Hello, Ann(number: "+447700900002"), 1),
                keys.For(Hello, Ann(correlation: "row-2"), 1),
                keys.For(Hello, Ann(correlation: null), 1),
                keys.For(Hello, Ann(name: "Anne"), 1),
                keys.For(MessageShape.Of(new SmsMessage { From = "ACME", Text = "Hi $(Name)!" }), Ann(), 1),
                keys.For(MessageShape.Of(new SmsMessage { From = "ACMF", Text = "Hi $(Name)" }), Ann(), 1),
                keys.For(email, new Recipient("+447700900001", "row-1", new Dictionary<string, string> { ["Name"] = "Ann" }), 1),
                keys.For(Hello, Ann(), 2),
            };

            Assert.Equal(all.Length, all.Distinct().Count());
        }

        [Fact]
        public void Another_salt_gives_another_key()
        {
            using var a = new JournalKeyMaker(Salt);
            using var b = new JournalKeyMaker(Salt.Select(x => (byte)(x ^ 0xFF)).ToArray());

            Assert.NotEqual(a.For(Hello, Ann(), 1), b.For(Hello, Ann(), 1));
        }

        [Fact]
        public void A_key_reads_back_from_its_32_hex_digits()
        {
            using var keys = new JournalKeyMaker(Salt);
            var key = keys.For(Hello, Ann(), 1);

            Assert.Matches("^[0-9a-f]{32}$", key.ToString());
            Assert.True(JournalKey.TryParse(key.ToString(), out var back));
            Assert.Equal(key, back);
            Assert.False(JournalKey.TryParse(key.ToString().Substring(1), out _));
            Assert.False(JournalKey.TryParse(new string('g', 32), out _));
        }
    }
}
