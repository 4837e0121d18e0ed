using System;
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
        public void When_it_is_sent_and_where_its_receipts_go_do_not_change_the_key()
        {
            // A job every 15 minutes computes -SendAt and -ExpireAt from the clock, tags -CallbackData with its run and
            // gets a new receipt listener URL: the person receives the same message, which a re-run must skip.
            using var keys = new JournalKeyMaker(Salt);
            var plain = keys.For(Hello, Ann(), 1);
            SmsMessage At(int minutes) => new SmsMessage
            {
                From = "ACME", Text = "Hi $(Name)",
                SendAt = new DateTimeOffset(2026, 12, 5, 9, minutes, 0, TimeSpan.Zero), ExpireAt = new DateTimeOffset(2026, 12, 5, 12, minutes, 0, TimeSpan.Zero),
                CallbackData = "run-" + minutes, NotifyUrl = "https://hooks.example.com/" + minutes, RequestedReceipts = new[] { "DELIVERED" },
            };

            Assert.Equal(plain, keys.For(MessageShape.Of(At(15)), Ann(), 1));
            Assert.Equal(plain, keys.For(MessageShape.Of(At(30)), Ann(), 1));
            Assert.Equal(plain, keys.For(MessageShape.Of(new SmsMessage { From = "ACME", Text = "Hi $(Name)", Validity = TimeSpan.FromHours(2) }), Ann(), 1));
            // A journal of an earlier version keyed them with those members, and a message without them alike.
            Assert.NotEqual(keys.AsKeyedBefore(MessageShape.Of(At(15)), Ann(), 1), keys.AsKeyedBefore(MessageShape.Of(At(30)), Ann(), 1));
            Assert.Equal(plain, keys.AsKeyedBefore(Hello, Ann(), 1));
            Assert.False(Hello.HasDeliveryMembers);
            Assert.True(MessageShape.Of(At(15)).HasDeliveryMembers);
        }

        [Fact]
        public void The_same_substitutions_in_another_order_give_the_same_key()
        {
            using var keys = new JournalKeyMaker(Salt);
            var order = MessageShape.Of(new SmsMessage { From = "ACME", Text = "Hi $(Name), $(Order) is in $(City)" });
            Recipient With(params string[] names)
            {
                var values = new Dictionary<string, string> { ["Name"] = "Ann", ["Order"] = "A-1", ["City"] = "Leeds", ["name"] = "x" };
                return new Recipient("+447700900001", "row-1", names.ToDictionary(n => n, n => values[n]));
            }

            // A hashtable row's keys, a CSV exported with its columns moved, -SubstitutionColumn Order,Name.
            var key = keys.For(order, With("Name", "Order", "City"), 1);
            Assert.Equal(key, keys.For(order, With("City", "Name", "Order"), 1));
            Assert.Equal(key, keys.For(order, With("Order", "City", "Name"), 1));
            // Names compare as $(name) does, by exact case: "name" is another column, which the text does not name.
            Assert.Equal(key, keys.For(order, With("Name", "Order", "City", "name"), 1));
            Assert.NotEqual(key, keys.WithEveryColumn(order, With("Name", "Order", "City", "name"), 1));

            // More names than the first row needed (an object from a directory has dozens), then fewer again.
            var many = Enumerable.Range(1, 20).Select(i => "C" + i).ToArray();
            Recipient Wide(IEnumerable<string> names) => new Recipient("+447700900001", "row-1", names.ToDictionary(n => n, n => n + "!"));
            Assert.Equal(keys.For(order, Wide(many), 1), keys.For(order, Wide(many.Reverse()), 1));
            Assert.Equal(key, keys.For(order, With("City", "Order", "Name"), 1));
        }

        [Theory]
        [InlineData("Name,Order", "{\"Name\":\"Ann\",\"Order\":\"A-1\"}")]
        [InlineData("Order,Name", "{\"Order\":\"A-1\",\"Name\":\"Ann\"}")]
        public void Only_the_key_puts_substitutions_in_order_of_name(string names, string asSent)
        {
            var values = new Dictionary<string, string> { ["Name"] = "Ann", ["Order"] = "A-1" };
            var recipient = new Recipient("+447700900001", "row-1", names.Split(',').ToDictionary(n => n, n => values[n]));

            var sent = Json(w => DestinationWriter.WriteTo(w, Hello.Message, new[] { recipient }, used: null));
            var keyed = Json(w => DestinationWriter.WriteInNameOrder(w, Hello.Message, recipient, new SubstitutionsByName(), used: null));

            Assert.Contains("\"substitutions\":" + asSent, sent, StringComparison.Ordinal);
            // Otherwise the same JSON: a row whose substitutions were in order of name keeps the key earlier versions gave it.
            Assert.Equal(sent.Replace(asSent, "{\"Name\":\"Ann\",\"Order\":\"A-1\"}", StringComparison.Ordinal), keyed);
        }

        private static Recipient Row(string phone, string name = "User10", string order = "A10") =>
            new Recipient("user10@example.com", "row-10", new Dictionary<string, string> { ["Phone"] = phone, ["Name"] = name, ["Order"] = order });

        private static readonly MessageShape OrderEmail =
            MessageShape.Of(new EmailMessage { From = "shop@example.com", Subject = "Order $(Order)", Text = "Hi $(Name)" });

        [Fact]
        public void A_column_the_message_does_not_name_does_not_change_the_key()
        {
            // One CSV sent as SMS and email: row 10's empty Phone made its SMS Invalid, its email went. Filling the Phone in
            // and running both again must skip the email, which the request never carried the Phone in.
            using var keys = new JournalKeyMaker(Salt);

            Assert.Equal(keys.For(OrderEmail, Row(""), 1), keys.For(OrderEmail, Row("+447700900010"), 1));
            Assert.True(JournalKeyMaker.NamesEveryColumn(OrderEmail, new Recipient("user10@example.com", "row-10",
                new Dictionary<string, string> { ["Name"] = "User10", ["Order"] = "A10" })));
            Assert.False(JournalKeyMaker.NamesEveryColumn(OrderEmail, Row("")));
            // The same as a row without the column at all: what the request carries, and nothing else.
            Assert.Equal(keys.For(OrderEmail, Row(""), 1), keys.For(OrderEmail, new Recipient("user10@example.com", "row-10",
                new Dictionary<string, string> { ["Order"] = "A10", ["Name"] = "User10" }), 1));
        }

        [Fact]
        public void A_column_the_message_names_changes_the_key_wherever_it_is_named()
        {
            using var keys = new JournalKeyMaker(Salt);
            var key = keys.For(OrderEmail, Row(""), 1);

            // In the text, and in the subject.
            Assert.NotEqual(key, keys.For(OrderEmail, Row("", name: "User 10"), 1));
            Assert.NotEqual(key, keys.For(OrderEmail, Row("", order: "A11"), 1));
            // By exact case, as the service fills it: $(phone) is not the Phone column.
            var lower = MessageShape.Of(new EmailMessage { From = "shop@example.com", Subject = "Order $(Order)", Text = "Hi $(Name) $(phone)" });
            Assert.Equal(keys.For(lower, Row(""), 1), keys.For(lower, Row("+447700900010"), 1));
            var named = MessageShape.Of(new EmailMessage { From = "shop@example.com", Subject = "Order $(Order)", Text = "Hi $(Name) $(Phone)" });
            Assert.NotEqual(keys.For(named, Row(""), 1), keys.For(named, Row("+447700900010"), 1));
        }

        [Fact]
        public void A_template_message_keeps_every_column_in_its_key()
        {
            // Its text is in Webex Connect, which may use any column: the module cannot tell which, so each one counts.
            using var keys = new JournalKeyMaker(Salt);
            var template = MessageShape.Of(new SmsMessage { From = "ACME", Template = new MessageTemplate { Id = "tpl-1" } });

            Assert.NotEqual(keys.For(template, Row(""), 1), keys.For(template, Row("+447700900010"), 1));
            Assert.True(JournalKeyMaker.NamesEveryColumn(template, Row("")));
            Assert.Equal(keys.For(template, Row(""), 1), keys.WithEveryColumn(template, Row(""), 1));
        }

        [Fact]
        public void The_key_of_every_column_is_the_key_earlier_versions_gave()
        {
            // What every version before wrote: the row's substitutions all in, in order of name (JSON built by hand, hashed
            // with the salt as the key maker hashes it), so a journal they wrote still names the row's send.
            using var keys = new JournalKeyMaker(Salt);
            var shape = OrderEmail;
            var recipient = Row("");
            var buffer = new PayloadBuffer(512);
            using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, WireFormat.Compact))
            {
                writer.WriteStartObject();
                writer.WriteString("channel", WireFormat.Channel(shape.Message));
                writer.WriteBase64String("shape", shape.ReceivedJson.Span);
                writer.WriteStartArray("to");
                writer.WriteStartObject();
                writer.WriteStartArray("email");
                writer.WriteStringValue("user10@example.com");
                writer.WriteEndArray();
                writer.WriteString("correlationId", "row-10");
                writer.WriteStartObject("substitutions");
                writer.WriteString("Name", "User10");
                writer.WriteString("Order", "A10");
                writer.WriteString("Phone", "");
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteNumber("occurrence", 1);
                writer.WriteEndObject();
            }
            using var hmac = new System.Security.Cryptography.HMACSHA256(Salt);
            var before = JournalKey.FromHash(hmac.ComputeHash(buffer.ToArray()));

            Assert.Equal(before, keys.WithEveryColumn(shape, recipient, 1));
            Assert.NotEqual(before, keys.For(shape, recipient, 1));
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

        [Fact]
        public void A_keys_hex_digits_are_its_16_bytes_in_order_lower_case()
        {
            var key = JournalKey.FromHash(Enumerable.Range(0xf1, 16).Select(b => (byte)b).ToArray());
            var written = new char[JournalKey.HexLength];
            key.WriteHex(written);

            Assert.Equal("f1f2f3f4f5f6f7f8f9fafbfcfdfeff00", key.ToString());
            Assert.Equal(key.ToString(), new string(written));
            Assert.Equal("000102030405060708090a0b0c0d0e0f", JournalKey.FromHash(Enumerable.Range(0, 16).Select(b => (byte)b).ToArray()).ToString());
        }

        [Fact]
        public void The_journal_writes_a_key_without_making_a_string_of_it()
        {
            // Two lines a row (the intent, then the outcome): the keys were made into three strings each, and every line was
            // copied before it was written: 211 bytes a key on the thread that sends.
            using var folder = new TempFolder();
            using var journal = SendJournal.Open(folder.File("keys.journal"));
            using var keys = new JournalKeyMaker(journal.Salt);
            var some = Enumerable.Range(1, 1000).Select(i => keys.For(Hello, new Recipient("+4477009" + i.ToString("D5")), 1)).ToList();
            var twice = some.Concat(some).ToList();
            journal.Record(JournalState.Intent, twice);

            var before = GC.GetAllocatedBytesForCurrentThread();
            journal.Record(JournalState.Intent, some);
            var forSome = GC.GetAllocatedBytesForCurrentThread() - before;
            before = GC.GetAllocatedBytesForCurrentThread();
            journal.Record(JournalState.Intent, twice);
            var forTwice = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.True(forTwice - forSome < 8 * some.Count, $"{(forTwice - forSome) / some.Count} bytes a key");
        }

        /// <summary>What <paramref name="write"/> writes, inside an object of its own.</summary>
        private static string Json(Action<System.Text.Json.Utf8JsonWriter> write)
        {
            var buffer = new PayloadBuffer(256);
            using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                write(writer);
                writer.WriteEndObject();
            }

            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }

        [Fact]
        public void A_newsletters_key_is_not_made_from_a_copy_of_its_html()
        {
            // Every row of a -Journal run is keyed: before, each key copied the message's JSON (a 400 KB HTML as base64) into a
            // new large array, and 2,000 rows of a newsletter cost some 50 full garbage collections.
            var html = "<p>$(Name)</p>" + new string('x', 400 * 1024);
            var newsletter = MessageShape.Of(new EmailMessage { From = "news@example.com", Subject = "News", Html = html });
            using var keys = new JournalKeyMaker(Salt);
            var first = keys.For(newsletter, Ann(), 1);

            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 20; i++) keys.For(newsletter, Ann(name: "N" + i), 1);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.True(allocated < html.Length, $"20 keys allocated {allocated} bytes for a {html.Length}-character HTML");
            // The same key as a maker that never made one before: nothing of an earlier key is left in it.
            using var fresh = new JournalKeyMaker(Salt);
            Assert.Equal(fresh.For(newsletter, Ann(), 1), keys.For(newsletter, Ann(), 1));
            Assert.Equal(first, keys.For(newsletter, Ann(), 1));
        }
    }
}
