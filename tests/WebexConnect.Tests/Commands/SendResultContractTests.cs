using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using WebexConnect.Results;
using Xunit;

namespace WebexConnect.Tests.Commands
{
    /// <summary>
    /// Pins what an administrator sees of a SendResult: its public properties (scripts filter on them and
    /// Export-Csv writes them as columns) and the default table's columns.
    /// </summary>
    public class SendResultContractTests
    {
        private const string Properties = """
            Row Int64
            Channel MessageChannel
            Destination String
            CorrelationId String
            MessageId String
            Status SendStatus
            Code String
            Reason String
            Attempts Int32
            Batch Int64
            SubmittedAt Nullable`1
            ScheduledFor Nullable`1
            Parts Nullable`1
            RequestedReceipts String
            Copies String
            IsSuccess Boolean
            """;

        [Fact]
        public void ItsPublicPropertiesAreGetOnlyAndPinned()
        {
            var properties = typeof(SendResult).GetProperties(BindingFlags.Public | BindingFlags.Instance);

            Assert.All(properties, p => Assert.Null(p.GetSetMethod(nonPublic: true)));
            Assert.Equal(
                Lines(Properties).OrderBy(l => l, StringComparer.Ordinal),
                properties.Select(p => p.Name + " " + p.PropertyType.Name).OrderBy(l => l, StringComparer.Ordinal));
        }

        [Fact]
        public void ItsConstructorIsNotPublic()
        {
            Assert.Empty(typeof(SendResult).GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        }

        [Fact]
        public void TheDefaultTableStartsWithANarrowRowColumnAndShowsOnlyRealProperties()
        {
            var view = FormatView("WebexConnect.Results.SendResult");
            var headers = view.Descendants("TableColumnHeader").ToList();
            // A cell that prints the input's text escapes it in a script block ([string]$_.Destination): its property counts.
            var items = view.Descendants("TableColumnItem")
                .Select(i => (string?)i.Element("PropertyName") ?? Regex.Match((string)i.Element("ScriptBlock")!, @"\[string\]\$_\.(\w+)").Groups[1].Value)
                .ToList();

            // MessageId left the table so it fits 80 columns (Pester's Format.Tests.ps1 renders it); Format-List shows it.
            Assert.Equal(new[] { "Row", "Status", "Destination", "Code", "Reason" }, items);
            Assert.Equal(items, headers.Select(h => (string)h.Element("Label")!));
            Assert.InRange((int)headers[0].Element("Width")!, 5, 7);
            Assert.Equal("Right", (string)headers[0].Element("Alignment")!);
            Assert.All(items, name => Assert.NotNull(typeof(SendResult).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)));
        }

        /// <summary>The type's table view (it has a wide view too, for Format-Wide).</summary>
        private static XElement FormatView(string typeName)
        {
            var file = Path.Combine(RepoPaths.Root, "WebexConnect.format.ps1xml");
            return XDocument.Load(file).Descendants("View")
                .Single(v => (string)v.Element("ViewSelectedBy")!.Element("TypeName")! == typeName && v.Element("TableControl") != null);
        }

        private static string[] Lines(string text) =>
            text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
    }
}
