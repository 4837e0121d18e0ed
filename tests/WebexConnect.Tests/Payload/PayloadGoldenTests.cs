using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using WebexConnect.Engine.Payload;
using Xunit;

namespace WebexConnect.Tests.Payload
{
    /// <summary>Every request example of the vendor's v2 page, rebuilt from the model, matches its golden file.</summary>
    public class PayloadGoldenTests
    {
        private static readonly string FixtureFolder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Payloads");

        public static IEnumerable<object[]> Examples => SeedRequests.Names.Select(name => new object[] { name });

        [Theory]
        [MemberData(nameof(Examples))]
        public void Wire_body_matches_the_golden_file(string example)
        {
            var (message, recipients) = SeedRequests.Build(example);

            var body = PayloadWriter.Write(MessageShape.Of(message), recipients);

            JsonAssert.Equivalent(Expected(example), Encoding.UTF8.GetString(body));
        }

        [Theory]
        [MemberData(nameof(Examples))]
        public void Rendered_body_for_people_matches_the_golden_file(string example)
        {
            var (message, recipients) = SeedRequests.Build(example);

            var rendered = PayloadWriter.Render(message, recipients);

            JsonAssert.Equivalent(Expected(example), rendered);
            Assert.Contains("\n", rendered);
        }

        [Fact]
        public void Every_golden_file_has_an_example_that_builds_it()
        {
            var files = Directory.GetFiles(FixtureFolder, "*.json").Select(Path.GetFileNameWithoutExtension).OrderBy(n => n);

            Assert.Equal(SeedRequests.Names.OrderBy(n => n), files);
        }

        private static string Expected(string example) => File.ReadAllText(Path.Combine(FixtureFolder, example + ".json"));
    }
}
