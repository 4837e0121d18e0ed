using System;
using System.Collections;
using System.Collections.Specialized;
using System.Globalization;
using System.Threading;
using WebexConnect.Composition;
using WebexConnect.Engine.Payload;
using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>What an admin writes for -Content, -Option and -AdditionalProperty becomes the JSON they meant.</summary>
    public class ContentJsonTests
    {
        [Fact]
        public void An_ordered_hashtable_keeps_its_order_and_nests_hashtables_and_arrays()
        {
            var content = new OrderedDictionary
            {
                ["type"] = "template",
                ["template"] = new OrderedDictionary { ["name"] = "order", ["parameters"] = new object?[] { "$(Name)", 2, true, null } },
                ["ratio"] = 1.5,
                ["price"] = 9.90m,
            };

            Assert.Equal("{\"type\":\"template\",\"template\":{\"name\":\"order\",\"parameters\":[\"$(Name)\",2,true,null]},\"ratio\":1.5,\"price\":9.90}",
                ContentJson.From(content));
        }

        [Fact]
        public void Numbers_are_written_the_same_on_a_german_server()
        {
            var before = Thread.CurrentThread.CurrentCulture;
            try
            {
                Thread.CurrentThread.CurrentCulture = new CultureInfo("de-DE");
                Assert.Equal("{\"lat\":51.5074}", ContentJson.From(new Hashtable { ["lat"] = 51.5074 }));
            }
            finally
            {
                Thread.CurrentThread.CurrentCulture = before;
            }
        }

        [Fact]
        public void Text_is_escaped_only_where_json_needs_it_and_the_engine_reads_it_back_unchanged()
        {
            var text = "Line 1\nTab\t\"quoted\" back\\slash 😀 é $(Name)";

            var json = ContentJson.From(new Hashtable { ["text"] = text });

            Assert.Equal("{\"text\":\"Line 1\\u000aTab\\u0009\\\"quoted\\\" back\\\\slash 😀 é $(Name)\"}", json);
            Assert.Equal("{\"text\":\"Line 1\\nTab\\t\\\"quoted\\\" back\\\\slash \\uD83D\\uDE00 é $(Name)\"}", RawJson.Normalize(json));
        }

        [Fact]
        public void Values_json_cannot_carry_are_refused_naming_where_they_are()
        {
            var nan = Assert.Throws<ArgumentException>(() => ContentJson.From(new Hashtable { ["a"] = new Hashtable { ["b"] = double.NaN } }));
            var odd = Assert.Throws<ArgumentException>(() => ContentJson.From(new Hashtable { ["when"] = new Version(1, 2) }));

            Assert.Contains("'a.b'", nan.Message);
            Assert.Contains("'when'", odd.Message);
            Assert.Contains("Version", odd.Message);
        }

        [Fact]
        public void Dates_enums_and_uris_become_strings()
        {
            var json = ContentJson.From(new OrderedDictionary
            {
                ["at"] = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero),
                ["channel"] = MessageChannel.WhatsApp,
                ["url"] = new Uri("https://example.com/a b", UriKind.Absolute),
            });

            Assert.Equal("{\"at\":\"2030-01-02T03:04:05.0000000+00:00\",\"channel\":\"WhatsApp\",\"url\":\"https://example.com/a b\"}", json);
        }
    }
}
