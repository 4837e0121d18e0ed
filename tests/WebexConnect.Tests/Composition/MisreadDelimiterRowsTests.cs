using System;
using System.Collections.Generic;
using WebexConnect.Composition;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>
    /// The rows of a results file read with the wrong delimiter: the first says what is wrong and how to read the file, each row
    /// after it with the same header names that one. Before, Wait-ConnectDelivery and Get-ConnectMessage gave every row of
    /// such a file the same long error.
    /// </summary>
    public class MisreadDelimiterRowsTests
    {
        private const string Header = "Row;\"Destination\";\"MessageId\";\"Status\"";

        private static IReadOnlyList<KeyValuePair<string, object?>> OneColumn(string name, string cell) =>
            new[] { new KeyValuePair<string, object?>(name, cell) };

        private static bool IsMessageId(string name) => string.Equals(name, "MessageId", StringComparison.OrdinalIgnoreCase);

        [Fact]
        public void TheFirstRowSaysTheDelimiterAndTheRowsAfterItNameThatRow()
        {
            var rows = new MisreadDelimiterRows();

            Assert.Equal("the header 'Row;\"Destination\";\"MessageId\";\"Status\"' was read as one column: the file is separated by ';', " +
                "so read it with Import-Csv -Delimiter ';'", rows.ReasonFor(OneColumn(Header, "1;+447700900001;m-1;Queued"), 1, "row", IsMessageId));
            Assert.Equal("same reason as row 1 (the file's delimiter)", rows.ReasonFor(OneColumn(Header, "2;+447700900002;m-1;Queued"), 2, "row", IsMessageId));
            Assert.Equal("same reason as row 1 (the file's delimiter)", rows.ReasonFor(OneColumn(Header, "3;+447700900003;m-1;Queued"), 3, "row", IsMessageId));
        }

        [Fact]
        public void AnotherFilesHeaderIsSaidInFullAgain()
        {
            var rows = new MisreadDelimiterRows();
            rows.ReasonFor(OneColumn(Header, "1"), 1, "input", IsMessageId);

            var other = rows.ReasonFor(OneColumn("MessageId|Status", "m-9|Queued"), 2, "input", IsMessageId);

            Assert.Equal("the header 'MessageId|Status' was read as one column: the file is separated by '|', so read it with Import-Csv -Delimiter '|'", other);
            Assert.Equal("same reason as input 2 (the file's delimiter)", rows.ReasonFor(OneColumn("MessageId|Status", "m-10|Queued"), 3, "input", IsMessageId));
        }

        [Fact]
        public void ARowThatIsNotMisreadHasNoReason()
        {
            var rows = new MisreadDelimiterRows();
            rows.ReasonFor(OneColumn(Header, "1"), 1, "row", IsMessageId);

            Assert.Null(rows.ReasonFor(OneColumn("Name;Phone", "Ann;+447700900001"), 2, "row", IsMessageId));
            Assert.Null(rows.ReasonFor(new[] { new KeyValuePair<string, object?>("Name", "Ann"), new KeyValuePair<string, object?>("Phone", "1") }, 3, "row", IsMessageId));
        }
    }
}
