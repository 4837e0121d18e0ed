using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using WebexConnect.Commands;
using WebexConnect.Composition;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>How one CSV row becomes one destination object: who it goes to and which columns fill $(name).</summary>
    public class RecordComposerTests
    {
        private static readonly RecordComposer Sms = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), null);

        private static InputRow Row(params (string Name, object? Value)[] columns) =>
            new InputRow(columns.Select(c => new KeyValuePair<string, object?>(c.Name, c.Value)));

        private static ConnectDestination[] To(params string[] addresses) => addresses.Select(a => new ConnectDestination(a)).ToArray();

        [Theory]
        [InlineData("To")]
        [InlineData("Phone")]
        [InlineData("Mobile")]
        [InlineData("MobileNumber")]
        [InlineData("PhoneNumber")]
        [InlineData("MobilePhone")]
        [InlineData("Msisdn")]
        [InlineData("Number")]
        [InlineData("msisdn")]
        public void TheColumnThatBoundTheNumberIsNotSentAsASubstitution(string column)
        {
            // PowerShell bound -To from this column; the composer sees the same row with all its columns.
            var row = Row((column, "+447700900001"), ("Name", "Ann"));

            var composed = Sms.Compose(To("+447700900001"), null, row);

            Assert.Equal(new[] { "+447700900001" }, composed.Recipient.Addresses);
            Assert.Equal(new Dictionary<string, string> { ["Name"] = "Ann" }, composed.Recipient.Substitutions);
            Assert.Empty(composed.Problems);
        }

        [Fact]
        public void AUsualRowIsComposedInFewBytes()
        {
            // Composed for every row: its addresses, its destination, its substitutions and the record around them. The record
            // held every rarely used part of a row (notes, warnings, empty or unusable columns...) itself, 96 B; 48 B since
            // those are made only for a row that has any. Measured here: 248 B a row before, 200 B after.
            var sms = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), null);
            var row = Row(("Phone", "+447700900001"), ("Name", "Ann"), ("Code", "C1"));
            var to = To("+447700900001");
            sms.Compose(to, null, row);

            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++) sms.Compose(to, null, row);
            var perRow = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;

            Assert.InRange(perRow, 0, 224);
            var composed = sms.Compose(to, null, row);
            Assert.Empty(composed.Notes);
            Assert.Empty(composed.Warnings);
            Assert.Empty(composed.EmptyColumns);
            Assert.Empty(composed.UnusableColumns);
            Assert.Null(composed.RecipientAsGiven);
            Assert.Null(composed.RowColumnsWhenNamed);
            Assert.False(composed.IsMisreadRow);
        }

        [Fact]
        public void RowsOfDifferentColumnsInTurnEachKeepTheirOwnSubstitutionsAndChecks()
        {
            // The composer learns a layout of columns once for the rows that share it; objects of other shapes in the
            // same pipeline must not be read with the last one's.
            var sms = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), null, singleValued: PipelineColumns.SingleValued(typeof(SendConnectSmsCommand)));
            var csv = Row(("Phone", "+447700900001"), ("Name", "Ann"), ("Code", "C1"));
            var other = Row(("Name", "Bob"), ("Phone", "+447700900002"), ("CorrelationId", new[] { "a", "b" }));
            var reordered = Row(("Code", "C3"), ("Phone", "+447700900003"));

            for (var round = 0; round < 2; round++)
            {
                var first = sms.Compose(To("+447700900001"), null, csv);
                var second = sms.Compose(To("+447700900002"), null, other);
                var third = sms.Compose(To("+447700900003"), null, reordered);

                Assert.Equal(new Dictionary<string, string> { ["Name"] = "Ann", ["Code"] = "C1" }, first.Recipient.Substitutions);
                Assert.Empty(first.Problems);
                Assert.Equal(new Dictionary<string, string> { ["Name"] = "Bob" }, second.Recipient.Substitutions);
                Assert.Equal("CorrelationId", Assert.Single(second.Problems).Field);
                Assert.Equal(new Dictionary<string, string> { ["Code"] = "C3" }, third.Recipient.Substitutions);
                Assert.Empty(third.Problems);
            }
        }

        [Fact]
        public void ARowWithoutAnyDestinationColumnIsToldTheColumnNamesThatBind()
        {
            var sms = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), null, PipelineColumns.DestinationsOf(typeof(SendConnectSmsCommand)));
            var email = new RecordComposer(PipelineColumns.Of(typeof(SendConnectEmailCommand)), null, PipelineColumns.DestinationsOf(typeof(SendConnectEmailCommand)));

            var noNumber = Assert.Single(sms.Compose(null, null, Row(("Name", "Bob"), ("City", "York"))).Problems);
            var noAddress = Assert.Single(email.Compose(null, null, Row(("Name", "Bob"))).Problems);

            Assert.Equal("To", noNumber.Field);
            Assert.Equal("no destination: give -To, or a column named To, Phone, Mobile, MobileNumber, PhoneNumber, MobilePhone, Msisdn or Number (the row has the columns 'Name', 'City')", noNumber.Message);
            Assert.Equal("no destination: give -To, or a column named To, Email, EmailAddress, Mail, PrimarySmtpAddress or WindowsEmailAddress (the row has one column, 'Name')", noAddress.Message);
        }

        [Fact]
        public void ARowWhoseDestinationHeaderHasASpaceIsToldSoRatherThanGivenTheNamesItSeemsToHave()
        {
            // "Email ,Name": the admin sees Email in the file; PowerShell binds only the exact name.
            var email = new RecordComposer(PipelineColumns.Of(typeof(SendConnectEmailCommand)), null, PipelineColumns.DestinationsOf(typeof(SendConnectEmailCommand)));

            var problem = Assert.Single(email.Compose(null, null, Row(("Email ", "ann@example.com"), ("Name", "Ann"))).Problems);

            Assert.Equal("no destination: the column 'Email ' is not read as 'Email' because of the space around its name: remove the space from the CSV header", problem.Message);
        }

        [Theory]
        [InlineData("\uFEFFTo", "'\\uFEFFTo' is not read as 'To' because of the invisible '\\uFEFF' glued to its name (a second byte order mark, read as text: a downloaded or generated text saved again keeps its own): read the file with (Get-Content <file> -Raw).TrimStart([char]0xFEFF) | ConvertFrom-Csv, or save it again without it")]
        [InlineData("\u200BPhone", "'\\u200BPhone' is not read as 'Phone' because of the invisible '\\u200B' glued to its name: retype the name in the CSV header")]
        [InlineData("Mobile\u200E", "'Mobile\\u200E' is not read as 'Mobile' because of the invisible '\\u200E' glued to its name: retype the name in the CSV header")]
        [InlineData("\u00A0To", "'\\u00A0To' is not read as 'To' because of the space around its name: remove the space from the CSV header")]
        public void ARowWhoseDestinationHeaderHasAnInvisibleCharacterGluedToItIsToldWhichOne(string header, string expected)
        {
            // Before: "give -To, or a column named To, Phone, ... (the row has the columns '\uFEFFTo', 'Name')", no word of why To did not bind.
            var sms = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), null, PipelineColumns.DestinationsOf(typeof(SendConnectSmsCommand)));

            var problem = Assert.Single(sms.Compose(null, null, Row((header, "+447700900001"), ("Name", "Ann"))).Problems);

            Assert.Equal("no destination: the column " + expected, problem.Message);
        }

        [Theory]
        [InlineData("ORDER;phone;CorrelationId;name", "separated by ';', so read it with Import-Csv -Delimiter ';'")]
        [InlineData("\"Name\";\"Mobile\"", "separated by ';', so read it with Import-Csv -Delimiter ';'")]
        [InlineData("Name\tPhone", "separated by \"`t\", so read it with Import-Csv -Delimiter \"`t\"")]
        [InlineData("Phone|Name", "separated by '|', so read it with Import-Csv -Delimiter '|'")]
        [InlineData("Phone,Name", "separated by ',', so read it with Import-Csv -Delimiter ','")]
        public void ARowReadWithTheWrongDelimiterIsToldWhichDelimiterTheFileHas(string header, string advice)
        {
            // Import-Csv without -Delimiter ';' reads an Excel file saved in a comma-decimal locale as one column named after
            // the header line: every row of the file would otherwise be told only which column names bind.
            var sms = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), null, PipelineColumns.DestinationsOf(typeof(SendConnectSmsCommand)));

            var problem = Assert.Single(sms.Compose(null, null, Row((header, "x"))).Problems);

            Assert.Equal("To", problem.Field);
            Assert.StartsWith("no destination: the header '", problem.Message);
            Assert.EndsWith("' was read as one column: the file is " + advice, problem.Message);
        }

        [Fact]
        public void AColumnNameWithASeparatorButNoDestinationInItStillListsTheNamesThatBind()
        {
            var sms = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), null, PipelineColumns.DestinationsOf(typeof(SendConnectSmsCommand)));

            var problem = Assert.Single(sms.Compose(null, null, Row(("Name;City", "Ann;York"))).Problems);

            Assert.StartsWith("no destination: give -To, or a column named To, Phone", problem.Message);
        }

        [Fact]
        public void ARowWithManyColumnsNamesTheFirstEightAndCountsTheRest()
        {
            var sms = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), null, PipelineColumns.DestinationsOf(typeof(SendConnectSmsCommand)));
            var row = Row(Enumerable.Range(1, 11).Select(i => ("C" + i, (object?)"x")).ToArray());

            var problem = Assert.Single(sms.Compose(null, null, row).Problems);

            Assert.EndsWith("(the row has the columns 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8' and 3 more)", problem.Message);
        }

        [Fact]
        public void AColumnNamedLikeAParameterNoColumnSetsIsNamedInOneWarningPerRun()
        {
            var sms = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand), "Text"), null,
                parametersNotFromColumns: PipelineColumns.NotFromColumns(typeof(SendConnectSmsCommand), "Text"));
            // (An ExpireAt column was the example here until the module read each row's expiry from it: RowExpiryTests.)
            var tagged = Row(("Phone", "+447700900001"), ("Tag1", "spring"));

            var first = sms.Compose(To("+447700900001"), null, tagged);
            var second = sms.Compose(To("+447700900002"), null, Row(("Phone", "+447700900002"), ("tag1", "x"), ("Name", "Bob")));
            var third = sms.Compose(To("+447700900003"), null, tagged);

            Assert.Equal("The column 'Tag1' does not set -Tag1: a column cannot; give -Tag1 on the command line, for every row " +
                "(or run the command once per value). The column is only a substitution, for a $(Tag1) in the text or a template.", Assert.Single(first.Warnings));
            Assert.Empty(second.Warnings);
            Assert.Empty(third.Warnings);
            Assert.Equal("spring", first.Recipient.Substitutions["Tag1"]);
        }

        [Fact]
        public void AnExpiryColumnIsTheCommandsOwnNoSubstitutionAndWrittenApartIsWarnedAbout()
        {
            var sms = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand), "Text"), null,
                parametersNotFromColumns: PipelineColumns.NotFromColumns(typeof(SendConnectSmsCommand), "Text"), commandName: "Send-ConnectSms");

            var read = sms.Compose(To("+447700900001"), null, Row(("Phone", "+447700900001"), ("ExpireAt", "2030-01-01T08:00:00Z"), ("validity", "2h")));
            var apart = sms.Compose(To("+447700900002"), null, Row(("Phone", "+447700900002"), ("Expire At", "2030-01-01T08:00:00Z")));

            Assert.Empty(read.Warnings);
            Assert.Empty(read.Recipient.Substitutions);
            Assert.Equal("The column 'Expire At' is not read as 'ExpireAt': PowerShell binds a column only by its exact name, so no row takes its " +
                "value (it goes out as a substitution only). Add the column under that name on the way in: ... | Select-Object *, " +
                "@{ n = 'ExpireAt'; e = { $_.'Expire At' } } | Send-ConnectSms ...", Assert.Single(apart.Warnings));
        }

        [Fact]
        public void AnExpiryColumnBesideEitherExpiryOnTheCommandLineIsSaidToBeNotRead()
        {
            var sms = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand), "Text"), null,
                parametersNotFromColumns: PipelineColumns.NotFromColumns(typeof(SendConnectSmsCommand), "Text"),
                givenOnCommandLine: PipelineColumns.GivenOnCommandLine(typeof(SendConnectSmsCommand), "Text", new[] { "Validity" }));

            var record = sms.Compose(To("+447700900001"), null, Row(("Phone", "+447700900001"), ("ExpireAt", "2030-01-01T08:00:00Z")));

            Assert.Equal("The column 'ExpireAt' is not read: -Validity was given on the command line (or by $PSDefaultParameterValues), and it " +
                "sets every row. Leave out -Validity to take each row's own.", Assert.Single(record.Warnings));
        }

        [Fact]
        public void EachNewRowLayoutIsCountedOnceForWhatLooksForItsOwnColumns()
        {
            var sms = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand), "Text"), null);

            sms.Compose(To("+447700900001"), null, Row(("Phone", "+447700900001"), ("Name", "Ann")));
            sms.Compose(To("+447700900002"), null, Row(("Phone", "+447700900002"), ("Name", "Bob")));
            Assert.Equal(1, sms.Layouts);

            sms.Compose(To("+447700900003"), null, Row(("Phone", "+447700900003"), ("ExpireAt", "2030-01-01T08:00:00Z")));
            Assert.Equal(2, sms.Layouts);
        }

        [Fact]
        public void AParameterNamedColumnLeftOutOfSubstitutionColumnIsSaidToBeNotSentAndOneNamedThereIsNotWarnedAbout()
        {
            var notFromColumns = PipelineColumns.NotFromColumns(typeof(SendConnectSmsCommand), "Text");
            var leftOut = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand), "Text"), new[] { "Name" }, parametersNotFromColumns: notFromColumns);
            var named = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand), "Text"), new[] { "tag1" }, parametersNotFromColumns: notFromColumns);
            var row = Row(("Phone", "+447700900001"), ("Name", "Ann"), ("Tag1", "spring"));

            Assert.EndsWith("-Tag1 on the command line, for every row (or run the command once per value). The column is not sent.",
                Assert.Single(leftOut.Compose(To("+447700900001"), null, row).Warnings));
            Assert.Empty(named.Compose(To("+447700900001"), null, row).Warnings);
        }

        [Fact]
        public void ARowOfTheResultsFilePipedBackIsToldOnlyAsAResultNotWarnedAboutItsColumns()
        {
            // Import-Csv results.csv | Where-Object Status -eq Invalid | Send-ConnectSms ...: before, a warning that its
            // RequestedReceipts column "does not set -RequestedReceipt" came before the row's error, which says how to send again.
            var sms = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand), "Text"), null, PipelineColumns.DestinationsOf(typeof(SendConnectSmsCommand)),
                parametersNotFromColumns: PipelineColumns.NotFromColumns(typeof(SendConnectSmsCommand), "Text"));
            var result = Row(("Row", "2"), ("Channel", "Sms"), ("Destination", "not a number"), ("Status", "Invalid"), ("RequestedReceipts", ""));
            // An input row that happens to have such columns beside its number is an input row: its columns are still told.
            var input = Row(("Phone", "+447700900001"), ("Row", "2"), ("Destination", "x"), ("Status", "new"), ("RequestedReceipts", "read"));

            var piped = sms.Compose(null, null, result);
            var read = sms.Compose(To("+447700900001"), null, input);

            Assert.Empty(piped.Warnings);
            Assert.StartsWith("no destination: this is a send result, not an input row", Assert.Single(piped.Problems).Message);
            Assert.StartsWith("The column 'RequestedReceipts' does not set -RequestedReceipt", Assert.Single(read.Warnings));
        }

        [Fact]
        public void ARowWhoseDestinationColumnIsEmptyIsToldWhichColumn()
        {
            var sms = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), null, PipelineColumns.DestinationsOf(typeof(SendConnectSmsCommand)));

            var problem = Assert.Single(sms.Compose(null, null, Row(("Name", "Bob"), ("mobilephone", null))).Problems);

            Assert.Equal("no destination: the row's 'mobilephone' column is empty", problem.Message);
        }

        [Fact]
        public void ARowOfOnlyEmptyCellsIsToldAsARowASpreadsheetClearedNotAsAMissingNumber()
        {
            // ",,," as Excel saves a row whose cells were cleared: before, "the row's 'Phone' column is empty".
            var sms = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), null, PipelineColumns.DestinationsOf(typeof(SendConnectSmsCommand)));

            var blank = Assert.Single(sms.Compose(To(""), null, Row(("Name", ""), ("Phone", ""), ("Note", " "))).Problems);
            var noNumber = Assert.Single(sms.Compose(To(""), null, Row(("Name", "Ann"), ("Phone", ""), ("Note", ""))).Problems);

            Assert.Equal("no destination: every cell of the row is empty, as a spreadsheet saves a row it cleared but did not delete: " +
                "delete the row from the file, or leave such rows out on the way in: ... | Where-Object { $_.Phone } | the send command ...", blank.Message);
            Assert.Equal("no destination: the row's 'Phone' column is empty", noNumber.Message);
        }

        [Theory]
        [InlineData("Name;Phone;Note", "Ann;+447700900001;x", true)]
        [InlineData("Name\tPhone\tNote", "Ann\t+447700900001\tx", true)]
        [InlineData("Name;Telefon;Notiz", "Ann;+447700900001;x", true)]
        [InlineData("Mobil", "+447700900001", false)]
        public void ARowReadWithTheWrongDelimiterIsMisreadAsAWholeSoOnlyItsDelimiterIsTold(string header, string cell, bool misread)
        {
            // SendRun then tells the row's one problem: "$(Name) has no value: ... add the column" after the delimiter's
            // advice sent the admin to edit a file whose only fault was how it was read.
            var sms = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), null, PipelineColumns.DestinationsOf(typeof(SendConnectSmsCommand)));

            var composed = sms.Compose(null, null, Row((header, cell)));

            Assert.Equal(misread, composed.IsMisreadRow);
            Assert.Equal("To", Assert.Single(composed.Problems).Field);
        }

        [Fact]
        public void AnEmptyDestinationCellIsToldWhichColumnAsANullOneIs()
        {
            // "Phone,Name`n,Ann" | ConvertFrom-Csv binds '' to -To: it was "To: the number is empty", naming no column.
            var sms = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), null, PipelineColumns.DestinationsOf(typeof(SendConnectSmsCommand)));

            var problem = Assert.Single(sms.Compose(To(""), null, Row(("Phone", ""), ("Name", "Ann"))).Problems);
            var spaces = Assert.Single(sms.Compose(To("  "), null, Row(("Phone", "  "), ("Name", "Ann"))).Problems);

            Assert.Equal("no destination: the row's 'Phone' column is empty", problem.Message);
            Assert.Equal(problem.Message, spaces.Message);
            // A piped '' has no column to name, and -To '' on the command line is what the script gave: the address check words those.
            Assert.Empty(sms.Compose(To(""), null, InputRow.Empty).Problems);
            var given = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), null, PipelineColumns.DestinationsOf(typeof(SendConnectSmsCommand)),
                givenOnCommandLine: PipelineColumns.GivenOnCommandLine(typeof(SendConnectSmsCommand), "Text", new[] { "To" }));
            Assert.Equal(new[] { "" }, given.Compose(To(""), null, Row(("Phone", "+447700900001"))).Recipient.Addresses);
        }

        [Theory]
        [InlineData("")]
        [InlineData(null)]
        public void AnEmptyDestinationColumnGivesWayToTheRowsNextOneThatHoldsAnAddress(string? primary)
        {
            // A Get-Mailbox row: PowerShell binds PrimarySmtpAddress, the first alias the row has, empty or not.
            var email = new RecordComposer(PipelineColumns.Of(typeof(SendConnectEmailCommand)), null, PipelineColumns.DestinationsOf(typeof(SendConnectEmailCommand)));
            var bound = primary is null ? null : To(primary);

            var composed = email.Compose(bound, null, Row(("Name", "Bob"), ("PrimarySmtpAddress", primary), ("WindowsEmailAddress", " bob@example.com")));
            var neither = email.Compose(bound, null, Row(("Name", "Bob"), ("PrimarySmtpAddress", primary), ("WindowsEmailAddress", "")));
            var notAnAddress = email.Compose(bound, null, Row(("PrimarySmtpAddress", primary), ("WindowsEmailAddress", new Hashtable { ["a"] = 1 })));

            Assert.Empty(composed.Problems);
            Assert.Equal(new[] { "bob@example.com" }, composed.Recipient.Addresses);
            Assert.Equal(new[] { "Name" }, composed.Recipient.Substitutions.Keys);
            Assert.Equal("no destination: the row's 'PrimarySmtpAddress' and 'WindowsEmailAddress' columns are empty", Assert.Single(neither.Problems).Message);
            Assert.Equal("To", Assert.Single(notAnAddress.Problems).Field);
            Assert.Empty(notAnAddress.Recipient.Addresses);
        }

        [Theory]
        [InlineData("Email")]
        [InlineData("EmailAddress")]
        [InlineData("Mail")]
        public void EmailAliasesAndContentColumnsAreConsumedByTheEmailCmdlet(string column)
        {
            var email = new RecordComposer(PipelineColumns.Of(typeof(SendConnectEmailCommand)), null);
            var row = Row((column, "ann@example.com"), ("Subject", "Hello"), ("Html", "<p>Hi</p>"), ("Text", "Hi"), ("Team", "Blue"));

            var composed = email.Compose(To("ann@example.com"), null, row);

            Assert.Equal(new Dictionary<string, string> { ["Team"] = "Blue" }, composed.Recipient.Substitutions);
        }

        [Fact]
        public void TheRowsOtherColumnsBecomeItsSubstitutionsAndItsCorrelationIdIsKept()
        {
            var row = Row(("Phone", "+447700900001"), ("Name", "Ann"), ("City", "Leeds"), ("CorrelationId", "row-7"), ("Text", "Hi $(Name)"));

            var composed = Sms.Compose(To("+447700900001"), "row-7", row);

            Assert.Equal("row-7", composed.Recipient.CorrelationId);
            Assert.Equal(new Dictionary<string, string> { ["Name"] = "Ann", ["City"] = "Leeds" }, composed.Recipient.Substitutions);
        }

        [Fact]
        public void NullColumnsAreSentEmptyAndListedAsEmpty()
        {
            var sms = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), null);
            var named = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), new[] { "code", "Name" });
            var row = Row(("Phone", "+447700900001"), ("Name", "Dee"), ("Code", null), ("City", ""));

            var all = sms.Compose(new[] { new ConnectDestination("+447700900001") }, null, row);
            var picked = named.Compose(new[] { new ConnectDestination("+447700900001") }, null, row);

            Assert.Equal(new[] { "Code" }, all.EmptyColumns);
            Assert.Equal("", all.Recipient.Substitutions["Code"]);
            Assert.Equal(new[] { "Code" }, picked.EmptyColumns);
            Assert.Empty(sms.Compose(new[] { new ConnectDestination("+447700900001") }, null, Row(("Name", "Ann"), ("City", ""))).EmptyColumns);
        }

        [Fact]
        public void SubstitutionColumnPicksTheColumnsToSendWhateverTheirCase()
        {
            var composer = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), new[] { "name" });
            var row = Row(("Phone", "+447700900001"), ("Name", "Ann"), ("SecretNote", "do not send"));

            var composed = composer.Compose(To("+447700900001"), null, row);

            Assert.Equal(new Dictionary<string, string> { ["Name"] = "Ann" }, composed.Recipient.Substitutions);
            Assert.Empty(composed.Problems);
        }

        [Fact]
        public void ASubstitutionColumnTheRowLacksIsAProblemNamingTheColumn()
        {
            var composer = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), new[] { "Name", "Balance" });

            var composed = composer.Compose(To("+447700900001"), null, Row(("Phone", "+447700900001"), ("Name", "Ann")));

            var problem = Assert.Single(composed.Problems);
            Assert.Equal("SubstitutionColumn", problem.Field);
            Assert.Contains("Balance", problem.Message);
        }

        [Fact]
        public void APipedStringHasNoColumnsSoNoSubstitutions()
        {
            var composed = Sms.Compose(To("+447700900001"), null, InputRow.Empty);

            Assert.Equal(new[] { "+447700900001" }, composed.Recipient.Addresses);
            Assert.Empty(composed.Recipient.Substitutions);
            Assert.Null(composed.Recipient.CorrelationId);
        }

        [Fact]
        public void SeveralValuesInToMakeOneBulkDestinationObject()
        {
            var composed = Sms.Compose(To("+447700900001", "+447700900002", "+447700900003"), null, InputRow.Empty);

            Assert.Equal(new[] { "+447700900001", "+447700900002", "+447700900003" }, composed.Recipient.Addresses);
            Assert.Equal("+447700900001, +447700900002, +447700900003", composed.Recipient.ToString());
        }

        [Fact]
        public void NoDestinationAtAllIsAProblemOnTo()
        {
            var composed = Sms.Compose(Array.Empty<ConnectDestination>(), null, Row(("Name", "Ann")));

            Assert.Equal("To", Assert.Single(composed.Problems).Field);
        }

        [Fact]
        public void ANullAddressIsAProblemOnToNotACrash()
        {
            // What PowerShell binds for an object whose Mobile property is $null (an AD user without a number).
            Assert.Equal("To", Assert.Single(Sms.Compose(null, null, Row(("Name", "Ann"))).Problems).Field);
            Assert.Equal("To", Assert.Single(Sms.Compose(new ConnectDestination[] { null! }, null, InputRow.Empty).Problems).Field);
            Assert.Equal(new[] { "+447700900001" }, Sms.Compose(new[] { null!, new ConnectDestination("+447700900001") }, null, InputRow.Empty).Recipient.Addresses);
        }

        [Fact]
        public void AnEmptyCorrelationIdCellSendsNoCorrelationId()
        {
            Assert.Null(Sms.Compose(To("+447700900001"), "", InputRow.Empty).Recipient.CorrelationId);
        }

        [Fact]
        public void GtrIdsTravelWithTheRcsRecipientAndTheirColumnIsNotASubstitution()
        {
            var rcs = new RecordComposer(PipelineColumns.Of(typeof(SendConnectRcsCommand)), null);

            var composed = rcs.Compose(To("+447700900001"), null, Row(("Msisdn", "+447700900001"), ("GtrId", "g-1"), ("Name", "Ann")), new[] { "g-1" });

            Assert.Equal(new[] { "g-1" }, composed.Recipient.GtrIds);
            Assert.Equal(new[] { "Name" }, composed.Recipient.Substitutions.Keys);
        }

        [Fact]
        public void AddressesArePaddedInSpreadsheetsAndTrimmed()
        {
            Assert.Equal("+447700900001", new ConnectDestination("  +447700900001 ").Address);
        }

        [Fact]
        public void ACellsSpacesAtItsEndsAreNotSentAsPartOfItsSubstitution()
        {
            // A semicolon CSV's "Bernd ;" sent "Hi Bernd , ..." to the recipient; spaces inside a value stay.
            var named = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), new[] { "Name" });
            var row = Row(("Phone", "+447700900001"), ("Name", "Bernd "), ("City", "\t New York\u00A0"), ("Blank", "   "), ("Count", 3));

            var all = Sms.Compose(To("+447700900001"), null, row);
            var picked = named.Compose(To("+447700900001"), null, row);

            Assert.Equal(new[] { "Name=Bernd", "City=New York", "Blank=", "Count=3" }, all.Recipient.Substitutions.Select(s => s.Key + "=" + s.Value));
            Assert.Equal(new[] { "Name=Bernd" }, picked.Recipient.Substitutions.Select(s => s.Key + "=" + s.Value));
        }

        [Fact]
        public void CellValuesAreWrittenTheSameWhateverTheMachinesCulture()
        {
            var before = Thread.CurrentThread.CurrentCulture;
            try
            {
                Thread.CurrentThread.CurrentCulture = new CultureInfo("de-DE");
                var row = Row(("Phone", "+447700900001"), ("Balance", 1.5m), ("Due", new DateTime(2026, 3, 4, 5, 6, 7)), ("Empty", null));

                var substitutions = Sms.Compose(To("+447700900001"), null, row).Recipient.Substitutions;

                Assert.Equal("1.5", substitutions["Balance"]);
                Assert.Equal("2026-03-04 05:06:07", substitutions["Due"]);
                Assert.Equal("", substitutions["Empty"]);
            }
            finally
            {
                Thread.CurrentThread.CurrentCulture = before;
            }
        }

        [Fact]
        public void AHashtableRowGivesItsKeysAsColumns()
        {
            var row = InputRow.FromDictionary(new Hashtable { ["Phone"] = "+447700900001", ["Name"] = "Ann" });

            var composed = Sms.Compose(To("+447700900001"), null, row);

            Assert.Equal(new Dictionary<string, string> { ["Name"] = "Ann" }, composed.Recipient.Substitutions);
        }
    
        [Fact]
        public void EachRowKeepsItsOwnValuesWhenTheNextRowsHaveTheSameColumns()
        {
            // The composer reads every row into the same scratch lists and shares the column names between rows.
            var composer = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), null);

            var ann = composer.Compose(To("+447700900001"), null, Row(("Phone", "+447700900001"), ("Name", "Ann"), ("Code", "A1")));
            var bob = composer.Compose(To("+447700900002"), null, Row(("Phone", "+447700900002"), ("Name", "Bob"), ("Code", "B2")));
            var cy = composer.Compose(To("+447700900003"), null, Row(("Phone", "+447700900003"), ("Code", "C3"), ("City", "York")));

            Assert.Equal(new[] { "Name=Ann", "Code=A1" }, ann.Recipient.Substitutions.Select(s => s.Key + "=" + s.Value));
            Assert.Equal(new[] { "Name=Bob", "Code=B2" }, bob.Recipient.Substitutions.Select(s => s.Key + "=" + s.Value));
            Assert.Equal(new[] { "Code=C3", "City=York" }, cy.Recipient.Substitutions.Select(s => s.Key + "=" + s.Value));
            Assert.True(bob.Recipient.Substitutions.TryGetValue("Code", out var code) && code == "B2");
            // $(name) matches exactly, case included.
            Assert.False(bob.Recipient.Substitutions.ContainsKey("code"));
            Assert.Throws<KeyNotFoundException>(() => bob.Recipient.Substitutions["City"]);
        }

        [Fact]
        public void ARowWithManyColumnsOrARepeatedNameKeepsEveryValue()
        {
            var composer = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), null);
            var wide = Enumerable.Range(1, RowSubstitutions.MaxColumns + 4).Select(i => ("C" + i, (object?)("v" + i))).ToArray();

            var composed = composer.Compose(To("+447700900001"), null, Row(wide));

            Assert.Equal(wide.Length, composed.Recipient.Substitutions.Count);
            Assert.Equal("v12", composed.Recipient.Substitutions["C12"]);
            Assert.Equal(wide.Select(c => c.Item1), composed.Recipient.Substitutions.Keys);

            // A hashtable whose keys 1 and "1" read as the same name: one value, the later one, as a Dictionary does.
            var keys = new System.Collections.Specialized.OrderedDictionary();
            keys.Add(1, "first");
            keys.Add("1", "second");
            var row = InputRow.FromDictionary(keys);
            var repeated = composer.Compose(To("+447700900001"), null, row);
            Assert.Equal(new[] { "1=second" }, repeated.Recipient.Substitutions.Select(s => s.Key + "=" + s.Value));
        }
    }
}
