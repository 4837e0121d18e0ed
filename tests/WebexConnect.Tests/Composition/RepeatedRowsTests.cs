using System.Collections.Generic;
using System.Linq;
using WebexConnect.Composition;
using WebexConnect.Engine;
using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>
    /// A row that sends exactly what an earlier row sent, found whether its texts are the same objects or copies, and
    /// judged by what its request carries: not by the columns no $(name) uses.
    /// </summary>
    public class RepeatedRowsTests
    {
        private static readonly EmailMessage Newsletter = new EmailMessage { From = "news@example.com", Subject = "News", Html = "<p>Hi $(Name)</p>" };

        private static Recipient To(string address, string name) =>
            new Recipient(address, substitutions: new Dictionary<string, string> { ["Name"] = name });

        private static Recipient To(string address, params (string Column, string Value)[] values) =>
            new Recipient(address, substitutions: values.ToDictionary(v => v.Column, v => v.Value));

        private static SmsMessage Sms(string text) => new SmsMessage { From = "ACME", Text = text };

        // The advice's Sort-Object properties for an email's To and Cc, as SentColumns writes them: the Pester tests run them.
        private static string AddressesOf(string cell) =>
            "(((" + cell + " -join ';') -replace '\"[^\"]*\"').ToUpperInvariant() -split '[;,\\r\\n]' -replace '^[^<]*<\\s*|\\s*>.*$|^\\s+|\\s+$' -like '*@*')";

        private static readonly string EmailSort = "{" + AddressesOf("$_.Email") + " -join ';'}";
        private static readonly string CcSort = "{$sent = " + AddressesOf("$_.Email") + "; (" + AddressesOf("$_.Cc") + ".Where({ $_ -notin $sent }) | Sort-Object -Unique) -join ';'}";

        /// <summary>The engine's own answer, as the cmdlets ask it, once per message object.</summary>
        private static RepeatedRows Rows() => new RepeatedRows(new LastSentSubstitutions(new ConnectEngine().SubstitutionsSent).Of);

        [Fact]
        public void ARepeatIsFoundWhetherTheRowsShareTheirTextsOrCopyThem()
        {
            var html = "<p>Hi $(Name)</p>";
            var shared = new object?[] { "News", null, html };
            var repeated = Rows();

            Assert.Null(repeated.RepeatOf(shared, Newsletter, To("ann@example.com", "Ann"), 1));
            Assert.Null(repeated.RepeatOf(shared, Newsletter, To("bob@example.com", "Bob"), 2));
            // A column's cell: equal text, another string object.
            Assert.Equal(1, repeated.RepeatOf(new object?[] { "News", null, new string(html.ToCharArray()) }, Newsletter, To("ANN@example.com", "Ann"), 3));
        }

        [Fact]
        public void RowsWithOtherTextsOrValuesAreNoRepeat()
        {
            var repeated = Rows();
            var first = new object?[] { "News", null, "<p>Hi $(Name)</p>" };

            Assert.Null(repeated.RepeatOf(first, Newsletter, To("ann@example.com", "Ann"), 1));
            Assert.Null(repeated.RepeatOf(new object?[] { "News", null, "<p>Hello $(Name)</p>" }, Newsletter, To("ann@example.com", "Ann"), 2));
            Assert.Null(repeated.RepeatOf(first, Newsletter, To("ann@example.com", "Anne"), 3));
            // The texts of row 1 again, after other texts: still a repeat of row 1.
            Assert.Equal(1, repeated.RepeatOf(first, Newsletter, To("ann@example.com", "Ann"), 4));
        }

        [Fact]
        public void ColumnsNoVariableUsesDoNotTellRowsApart()
        {
            // Two exports pasted together: the same person and text, another Id and ExportedAt. Before, the rows had other
            // values, so no repeat was said, and the customer got the same SMS twice.
            var text = "Hi $(Name), your order has shipped";
            var repeated = Rows();

            Assert.Null(repeated.RepeatOf(new object?[] { text }, Sms(text), To("+447700900001", ("Id", "1"), ("Name", "Ann"), ("ExportedAt", "Monday")), 1));
            Assert.Null(repeated.RepeatOf(new object?[] { text }, Sms(text), To("+447700900002", ("Id", "2"), ("Name", "Bob"), ("ExportedAt", "Monday")), 2));
            Assert.Equal(1, repeated.RepeatOf(new object?[] { text }, Sms(text), To("+447700900001", ("Id", "3"), ("Name", "Ann"), ("ExportedAt", "Tuesday")), 3));
        }

        [Fact]
        public void AColumnAVariableUsesStillTellsRowsApart()
        {
            var text = "Your code is $(Code)";
            var repeated = Rows();

            Assert.Null(repeated.RepeatOf(new object?[] { text }, Sms(text), To("+447700900001", ("Id", "1"), ("Code", "A1")), 1));
            Assert.Null(repeated.RepeatOf(new object?[] { text }, Sms(text), To("+447700900001", ("Id", "1"), ("Code", "B2")), 2));
        }

        [Fact]
        public void ATemplateSendsEveryColumnSoEveryColumnCounts()
        {
            // The template's text is in Webex Connect and may use any name: rows with another Id send something else.
            var template = new SmsMessage { From = "ACME", Template = new MessageTemplate { Id = "T1" } };
            var repeated = Rows();

            Assert.Null(repeated.RepeatOf(new object?[] { null }, template, To("+447700900001", ("Id", "1")), 1));
            Assert.Null(repeated.RepeatOf(new object?[] { null }, template, To("+447700900001", ("Id", "2")), 2));
            Assert.Equal(1, repeated.RepeatOf(new object?[] { null }, template, To("+447700900001", ("Id", "1")), 3));
        }

        [Fact]
        public void ATextColumnsRowsAskTheEngineOnceNotOncePerRow()
        {
            // A Text column gives each row a message of its own; asking the engine of each serialised every row's message
            // once more. The first answer tells of the rest: Id is used by no part of the message that every row shares.
            var asked = 0;
            var repeated = new RepeatedRows(m => { asked++; return new ConnectEngine().SubstitutionsSent(m); });

            for (var i = 1; i <= 100; i++)
            {
                var text = "Hi $(Name), your code is C" + i;
                Assert.Null(repeated.RepeatOf(new object?[] { text }, Sms(text), To("+4477009" + i.ToString("D5"), ("Id", "I" + i), ("Name", "N" + i)), i));
            }
            var again = "Hi $(Name), your code is C7";
            Assert.Equal(7, repeated.RepeatOf(new object?[] { again }, Sms(again), To("+447700900007", ("Id", "other"), ("Name", "N7")), 101));

            Assert.Equal(1, asked);
        }

        [Fact]
        public void ANameTheCommandLinesPartUsesCountsForEveryRowThoughItsTextDoesNotWriteIt()
        {
            // -CallbackData 'order $(Id)' sends each row's Id: rows with another Id send something else, asked or told.
            var repeated = new RepeatedRows(new ConnectEngine().SubstitutionsSent);
            SmsMessage Message(string text) => new SmsMessage { From = "ACME", Text = text, CallbackData = "order $(Id)" };

            for (var i = 1; i <= 3; i++)
            {
                var text = "Hi $(Name) " + i;
                Assert.Null(repeated.RepeatOf(new object?[] { text }, Message(text), To("+447700900001", ("Id", "1"), ("Name", "Ann")), i));
                Assert.Null(repeated.RepeatOf(new object?[] { text }, Message(text), To("+447700900001", ("Id", "2"), ("Name", "Ann")), i + 10));
            }
            Assert.Equal(1, repeated.RepeatOf(new object?[] { "Hi $(Name) 1" }, Message("Hi $(Name) 1"), To("+447700900001", ("Id", "1"), ("Name", "Ann")), 20));
            Assert.Equal(1, repeated.MessagesAsked);
        }

        [Fact]
        public void AContentThatIsNoTextIsAskedAboutAsItIs()
        {
            // A row's own card object may use any name: nothing is told of it without the engine.
            var repeated = Rows();
            var card = new object();

            repeated.RepeatOf(new object?[] { "Hi", card }, Sms("Hi"), To("+447700900001", ("Id", "1")), 1);
            repeated.RepeatOf(new object?[] { "Hi", card }, Sms("Hi"), To("+447700900002", ("Id", "1")), 2);

            Assert.Equal(2, repeated.MessagesAsked);
        }

        [Fact]
        public void RowsThatShareAMessageAskOnce()
        {
            var repeated = Rows();
            var message = Sms("Hi $(Name)");

            for (var i = 1; i <= 100; i++) repeated.RepeatOf(new object?[] { "Hi $(Name)" }, message, To("+4477009" + i.ToString("D5"), ("Id", "I" + i), ("Name", "N")), i);

            Assert.Equal(1, repeated.MessagesAsked);
        }

        [Fact]
        public void ARowWithoutValuesAsksNothingOfTheEngine()
        {
            var repeated = new RepeatedRows(_ => throw new Xunit.Sdk.XunitException("asked"));
            Assert.Null(repeated.RepeatOf(new object?[] { "Hi" }, Sms("Hi"), new Recipient("+447700900001"), 1));
            Assert.Equal(1, repeated.RepeatOf(new object?[] { "Hi" }, Sms("Hi"), new Recipient("+447700900001"), 2));
        }

        private static InputRow Row(params (string Column, string Value)[] cells) =>
            new InputRow(cells.Select(c => new KeyValuePair<string, object?>(c.Column, c.Value)).ToList());

        [Fact]
        public void TheWarningNamesTheColumnsThatAreNotSentAndSortsByThoseThatAre()
        {
            var text = "Hi $(Name)";
            var recipient = To("+447700900001", ("Id", "3"), ("Name", "Ann"), ("First Name", "Ann"), ("Dept", "Ops"));
            var row = Row(("Id", "3"), ("phone", "+447700900001"), ("Name", "Ann"), ("First Name", "Ann"), ("Dept", "Ops"));
            var columns = Rows().ColumnsOf(row, new[] { "To", "Phone", "Text", "CorrelationId" }, "phone", Sms(text), recipient);

            Assert.Equal(new[] { "phone", "Name" }, columns.Sent);
            Assert.Equal(new[] { "Id", "First Name", "Dept" }, columns.NotSent);
            var warning = RepeatedRows.Warning(3, 1, recipient, columns, "Send-ConnectSms");
            Assert.Contains("with the same values (its columns 'Id', 'First Name', 'Dept' are not sent, so they do not count).", warning);
            Assert.Contains("| Sort-Object {([string]$_.phone).Trim()},{([string]$_.Name).Trim()} -Unique -CaseSensitive | before Send-ConnectSms", warning);
        }

        [Fact]
        public void TheSortExampleReadsANameThatIsNoPlainWordInQuotes()
        {
            // $_.Due-Date subtracts Date, and $_.First Name is no member at all.
            var recipient = To("+447700900001", ("First Name", "Ann"), ("Code [new]", "A1"), ("Due-Date", "May"), ("Id", "1"));
            var row = Row(("Phone", "+447700900001"), ("First Name", "Ann"), ("Code [new]", "A1"), ("Due-Date", "May"), ("Id", "1"));
            var columns = Rows().ColumnsOf(row, new[] { "Phone" }, "Phone", Sms("Hi $(First Name), $(Code [new]) by $(Due-Date)"), recipient);

            Assert.Contains("| Sort-Object {([string]$_.Phone).Trim()},{([string]$_.'First Name').Trim()},{([string]$_.'Code [new]').Trim()}," +
                "{([string]$_.'Due-Date').Trim()} -Unique -CaseSensitive |", RepeatedRows.Warning(2, 1, recipient, columns, "Send-ConnectSms"));
        }

        [Fact]
        public void WhenEveryColumnIsSentTheExampleStillNamesEachOneAsItIsCompared()
        {
            // Sort-Object * -Unique compared the cells as written and without regard to case: it kept '+447700900001 ' beside
            // '+447700900001' (both sent as +447700900001), and merged Ann and ANN (two texts).
            var recipient = To("+447700900001", ("Name", "Ann"));
            var row = Row(("Phone", "+447700900001"), ("Name", "Ann"), ("Text", "Hi $(Name)"));
            var warning = RepeatedRows.Warning(2, 1, recipient, Rows().ColumnsOf(row, new[] { "Phone", "Text" }, "Phone", Sms("Hi $(Name)"), recipient), "Send-ConnectSms");

            Assert.Contains("with the same values. It is sent again", warning);
            Assert.Contains("| Sort-Object {([string]$_.Phone).Trim()},{([string]$_.Name).Trim()},Text -Unique -CaseSensitive |", warning);
        }

        [Fact]
        public void AnEmailAddressIsComparedInAnyCaseAsTheCheckComparesIt()
        {
            var message = new EmailMessage { From = "news@example.com", Subject = "News", Text = "Hi $(Name)" };
            var repeated = Rows();
            Assert.Null(repeated.RepeatOf(new object?[] { "News", "Hi $(Name)", null }, message, To("ann@example.com", "Ann"), 1));
            Assert.Equal(1, repeated.RepeatOf(new object?[] { "News", "Hi $(Name)", null }, message, To("Ann@Example.COM", "Ann"), 2));
            // A value's case is another text: no repeat.
            Assert.Null(repeated.RepeatOf(new object?[] { "News", "Hi $(Name)", null }, message, To("ann@example.com", "ANN"), 3));

            var recipient = To("Ann@Example.COM", "Ann");
            var columns = repeated.ColumnsOf(Row(("Email", "Ann@Example.COM "), ("Name", "Ann")), new[] { "Email", "Subject" }, "Email", message, recipient);
            Assert.Contains("| Sort-Object " + EmailSort + ",{([string]$_.Name).Trim()} -Unique -CaseSensitive |",
                RepeatedRows.Warning(2, 1, recipient, columns, "Send-ConnectEmail"));
        }

        [Fact]
        public void ACopyAddressCellIsComparedTrimmedAndInAnyCase()
        {
            // 'Boss@Example.com ' is sent as Boss@Example.com, the same mailbox as boss@example.com: the boss got the email twice.
            var message = new EmailMessage { From = "news@example.com", Subject = "Invoice", Text = "Your invoice" };
            var repeated = new RepeatedRows(new LastSentSubstitutions(new ConnectEngine().SubstitutionsSent).Of, new[] { new ListCell(4, ListCell.Listing.Addresses, "Cc"), new ListCell(5, ListCell.Listing.Addresses, "Bcc") });
            object?[] Content(string cc) => new object?[] { "Invoice", "Your invoice", null, null, cc, null, null };

            Assert.Null(repeated.RepeatOf(Content("boss@example.com"), message, new Recipient("ann@example.com"), 1));
            Assert.Null(repeated.RepeatOf(Content("audit@example.com"), message, new Recipient("ann@example.com"), 2));
            Assert.Equal(1, repeated.RepeatOf(Content("Boss@Example.com "), message, new Recipient("ann@example.com"), 3));
        }

        [Fact]
        public void ACopyAddressCellIsComparedWithoutMakingAnythingForIt()
        {
            // A Cc column is read on every row: its addresses are hashed where they lie, not split into a list of new strings.
            var message = new EmailMessage { From = "news@example.com", Subject = "Invoice", Text = "Your invoice" };
            var repeated = new RepeatedRows(new LastSentSubstitutions(new ConnectEngine().SubstitutionsSent).Of, new[] { new ListCell(4, ListCell.Listing.Addresses, "Cc") });
            var ann = new Recipient("ann@example.com");
            var rows = Enumerable.Range(0, 100).Select(i => new object?[] { "Invoice", "Your invoice", null, null,
                (i % 2 == 0 ? "c@example.com, B@example.com;" : " a@example.com;b@example.com ;c@example.com") + "; a@example.com", null, null }).ToList();
            Assert.Null(repeated.RepeatOf(new object?[] { "Invoice", "Your invoice", null, null, "a@example.com;b@example.com;c@example.com", null, null }, message, ann, 1));
            Assert.Equal(1, repeated.RepeatOf(rows[0], message, ann, 2));

            var before = System.GC.GetAllocatedBytesForCurrentThread();
            for (var i = 1; i < rows.Count; i++) repeated.RepeatOf(rows[i], message, ann, i + 2);
            var allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
            Assert.Equal(rows.Count, repeated.ContentsHashed - 1);
        }

        [Fact]
        public void ABccCellThatRepeatsTheCommandLinesCcIsNoCopyButTheCcAloneMakesNoRepeat()
        {
            // -Cc boss goes in every row's Cc, so a Bcc cell naming the boss sends no copy (OverlappingCopies): the same email
            // as the row without it. Before, only cells given by columns were compared, and Dan got it twice unwarned.
            var message = new EmailMessage { From = "news@example.com", Subject = "Invoice", Text = "Your invoice", Cc = new[] { "boss@example.com" } };
            var repeated = new RepeatedRows(new LastSentSubstitutions(new ConnectEngine().SubstitutionsSent).Of,
                new[] { new ListCell(4, ListCell.Listing.Addresses, "Cc").GivenForRun(), new ListCell(5, ListCell.Listing.Addresses, "Bcc") });
            const string Cc = "boss@example.com";
            object?[] Content(string? bcc) => new object?[] { "Invoice", "Your invoice", null, null, Cc, bcc, null };

            Assert.Null(repeated.RepeatOf(Content(null), message, new Recipient("dan@example.com"), 1));
            // The boss's own row: -Cc copies them on every row, as asked, and that is no repeat.
            Assert.Null(repeated.RepeatOf(Content(null), message, new Recipient("boss@example.com"), 2));
            Assert.Null(repeated.RepeatOf(Content("audit@example.com"), message, new Recipient("dan@example.com"), 3));
            Assert.Equal(1, repeated.RepeatOf(Content(" Boss@Example.com"), message, new Recipient("dan@example.com"), 4));
        }

        [Fact]
        public void ACcCellThatRepeatsTheCommandLinesBccIsARepeatOfTheRowWithoutIt()
        {
            // -Bcc boss copies the boss on every row; a Cc cell naming the boss takes that copy's place (OverlappingCopies), so the
            // row reaches Dan and the boss as the row without it does. Before, 'Cc=' and 'Cc=boss' were two emails unwarned, while
            // the mirror ('Bcc=' and 'Bcc=boss' with -Cc boss) was a repeat.
            var message = new EmailMessage { From = "news@example.com", Subject = "Invoice", Text = "Your invoice", Bcc = new[] { "boss@example.com" } };
            var repeated = new RepeatedRows(new LastSentSubstitutions(new ConnectEngine().SubstitutionsSent).Of,
                new[] { new ListCell(4, ListCell.Listing.Addresses, "Cc"), new ListCell(5, ListCell.Listing.Addresses, "Bcc").GivenForRun() });
            const string Bcc = "boss@example.com";
            object?[] Content(string? cc) => new object?[] { "Invoice", "Your invoice", null, null, cc, Bcc, null };

            Assert.Null(repeated.RepeatOf(Content(null), message, new Recipient("dan@example.com"), 1));
            // The boss's own row, and a Cc of someone else: no repeat.
            Assert.Null(repeated.RepeatOf(Content(null), message, new Recipient("boss@example.com"), 2));
            Assert.Null(repeated.RepeatOf(Content("audit@example.com"), message, new Recipient("dan@example.com"), 3));
            // Ann's Cc names the boss, whom -Bcc copies anyway: no repeat of the boss's own row 2 either.
            Assert.Null(repeated.RepeatOf(Content("boss@example.com"), message, new Recipient("ann@example.com"), 4));
            Assert.Equal(1, repeated.RepeatOf(Content(" Boss@Example.com"), message, new Recipient("dan@example.com"), 5));

            var recipient = new Recipient("dan@example.com");
            var columns = repeated.ColumnsOf(Row(("Email", "dan@example.com"), ("Cc", " Boss@Example.com")), new[] { "Email", "Cc" }, "Email", message, recipient);
            Assert.Contains("{$sent = " + "((($_.Email -join ';')", RepeatedRows.Warning(5, 1, recipient, columns, "Send-ConnectEmail"));
            Assert.Contains("+ @('BOSS@EXAMPLE.COM'); (((($_.Cc -join ';')", RepeatedRows.Warning(5, 1, recipient, columns, "Send-ConnectEmail"));
        }

        [Fact]
        public void RowsForAnotherTimeAreNoRepeat()
        {
            // A reminder at 09:00 and another at 17:00 are two reminders. Before, the second was called a repeat of the first.
            SmsMessage At(int hour) => new SmsMessage { From = "ACME", Text = "Reminder", SendAt = new System.DateTimeOffset(2026, 12, 8, hour, 0, 0, System.TimeSpan.Zero) };
            var repeated = Rows();

            Assert.Null(repeated.RepeatOf(new object?[] { "Reminder" }, At(9), new Recipient("+447700900001"), 1));
            Assert.Null(repeated.RepeatOf(new object?[] { "Reminder" }, At(17), new Recipient("+447700900001"), 2));
            Assert.Null(repeated.RepeatOf(new object?[] { "Reminder" }, Sms("Reminder"), new Recipient("+447700900001"), 3));
            Assert.Equal(2, repeated.RepeatOf(new object?[] { "Reminder" }, At(17), new Recipient("+447700900001"), 4));
        }

        [Fact]
        public void RowsThatDifferOnlyInTheirCorrelationIdAreARepeat()
        {
            // The recipient never sees the ID: two rows under two IDs gave the customer the same SMS twice, unwarned.
            var repeated = Rows();

            Assert.Null(repeated.RepeatOf(new object?[] { "Shipped" }, Sms("Shipped"), new Recipient("+447700900001", "order-1"), 1));
            Assert.Equal(1, repeated.RepeatOf(new object?[] { "Shipped" }, Sms("Shipped"), new Recipient("+447700900001", "order-2"), 2));
        }

        [Fact]
        public void ColumnsThatChangeNothingTheRecipientReadsAreNamedAndLeftOutOfTheSort()
        {
            var recipient = new Recipient("+447700900001", "order-2");
            var row = Row(("Id", "2"), ("Phone", "+447700900001"), ("CorrelationId", "order-2"), ("ExpireAt", "2026-12-08T17:00:00Z"), ("SendAt", "2026-12-08T09:00:00Z"));
            var columns = Rows().ColumnsOf(row, new[] { "Phone", "CorrelationId", "SendAt", "ExpireAt", "Validity" }, "Phone", Sms("Shipped"), recipient);

            Assert.Equal(new[] { "Phone", "SendAt" }, columns.Sent);
            Assert.Equal(new[] { "CorrelationId", "ExpireAt" }, columns.Unread);
            var warning = RepeatedRows.Warning(2, 1, recipient, columns, "Send-ConnectSms");
            Assert.Contains("with the same values (its column 'Id' is not sent and its columns 'CorrelationId', 'ExpireAt' change nothing its recipient reads, so they do not count).", warning);
            // ISO 8601 by a cast, in no culture's calendar, as the module reads it; other text by -as, in the current culture's.
            Assert.Contains("| Sort-Object {([string]$_.Phone).Trim()},{$text = \"$($_.SendAt)\".Trim(); if ($text -match '^\\d+$') { 1000 * $text } " +
                "elseif ($at = if ($text -match '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,7})?)?)?\\s*(?<offset>Z|[+-]\\d{2}(:?\\d{2})?)?$') " +
                "{ try { [datetimeoffset]$text } catch {} } else { $_.SendAt -as [datetimeoffset] }) { $at.ToUnixTimeMilliseconds() } else { $text }} -Unique -CaseSensitive |", warning);
        }

        [Fact]
        public void AColumnTheCommandLineOverridesIsNotSentWhateverItHolds()
        {
            // -ExpireAt, -CorrelationId and -Cc given: their columns are not read, the command line's values go with every row.
            // Before, the ExpireAt column was said to "change nothing its recipient reads", and the advice sorted by the Cc column,
            // keeping two rows that sent the same (both with the command line's Cc).
            var message = new EmailMessage { From = "news@example.com", Subject = "Invoice", Text = "Your invoice" };
            var repeated = new RepeatedRows(new LastSentSubstitutions(new ConnectEngine().SubstitutionsSent).Of, new[] { new ListCell(4, ListCell.Listing.Addresses, "Cc") });
            var row = Row(("Email", "ann@example.com"), ("ExpireAt", "2099-01-01"), ("CorrelationId", "a"), ("Cc", "boss@example.com"), ("Subject", "Invoice"));

            var columns = repeated.ColumnsOf(row, new[] { "Email", "Subject" }, "Email", message, new Recipient("ann@example.com"));

            Assert.Equal(new[] { "Email", "Subject" }, columns.Sent);
            Assert.Empty(columns.Unread);
            Assert.Equal(new[] { "ExpireAt", "CorrelationId", "Cc" }, columns.NotSent);
            var warning = RepeatedRows.Warning(2, 1, new Recipient("ann@example.com"), columns, "Send-ConnectEmail");
            Assert.Contains("(its columns 'ExpireAt', 'CorrelationId', 'Cc' are not sent, so they do not count).", warning);
            Assert.Contains("| Sort-Object " + EmailSort + ",Subject -Unique -CaseSensitive |", warning);
        }

        [Fact]
        public void ASendAtIsTheMomentTheRequestNamesHoweverItIsWritten()
        {
            // '2026-12-24 09:00' here and '2026-12-24T08:00:00Z' are one moment, and the request names it to the millisecond:
            // a time a fraction of a millisecond on is the same sendAt, sent twice.
            SmsMessage At(System.DateTimeOffset at) => new SmsMessage { From = "ACME", Text = "Reminder", SendAt = at };
            var nine = new System.DateTimeOffset(2026, 12, 24, 9, 0, 0, System.TimeSpan.FromHours(1));
            var repeated = Rows();

            Assert.Null(repeated.RepeatOf(new object?[] { "Reminder" }, At(nine), new Recipient("+447700900001"), 1));
            Assert.Null(repeated.RepeatOf(new object?[] { "Reminder" }, At(nine.AddMilliseconds(1)), new Recipient("+447700900001"), 2));
            Assert.Equal(1, repeated.RepeatOf(new object?[] { "Reminder" }, At(nine.ToOffset(System.TimeSpan.Zero).AddTicks(4000)), new Recipient("+447700900001"), 3));
        }

        [Fact]
        public void ACopyAddressCellIsTheSetOfAddressesItSends()
        {
            // CopyAddresses splits a cell at ';' and ',', trims each address and sends it once: these cells copy the same two
            // mailboxes. Before, they were two messages, and the copies got the email twice unwarned.
            var message = new EmailMessage { From = "news@example.com", Subject = "Invoice", Text = "Your invoice" };
            var repeated = new RepeatedRows(new LastSentSubstitutions(new ConnectEngine().SubstitutionsSent).Of, new[] { new ListCell(4, ListCell.Listing.Addresses, "Cc") });
            object?[] Content(string cc) => new object?[] { "Invoice", "Your invoice", null, null, cc, null, null };
            var row = 0;
            long? Send(string cc) => repeated.RepeatOf(Content(cc), message, new Recipient("ann@example.com"), ++row);

            Assert.Null(Send("a@example.com;b@example.com"));
            Assert.Null(Send("a@example.com"));
            Assert.Null(Send("a@example.com;c@example.com"));
            Assert.Null(Send("CN=Boss,OU=Users;a@example.com"));
            Assert.Equal(1, Send(" B@example.com,  a@example.com ;"));
            Assert.Equal(1, Send("b@example.com\na@example.com;A@example.com"));
            Assert.Equal(2, Send("a@example.com; a@example.com"));
            Assert.Equal(4, Send(" CN=Boss,OU=Users;a@example.com"));
            // No distinguished name (it has no DC=): both cells send the three values CN=Boss, OU=Users and a@example.com, as
            // CopyAddresses reads them (and both rows are Invalid for the first two).
            Assert.Equal(4, Send("CN=Boss;OU=Users,a@example.com"));
            Assert.Null(repeated.RepeatOf(Content(null!), message, new Recipient("ann@example.com"), ++row));
            Assert.Equal(row, Send(" ;, \r\n"));

            var columns = repeated.ColumnsOf(Row(("Email", "ann@example.com"), ("Cc", "b@example.com, a@example.com")), new[] { "Email", "Cc" }, "Email", message, new Recipient("ann@example.com"));
            Assert.Contains("| Sort-Object " + EmailSort + "," + CcSort + " -Unique -CaseSensitive |",
                RepeatedRows.Warning(2, 1, new Recipient("ann@example.com"), columns, "Send-ConnectEmail"));
        }

        [Fact]
        public void ACopyWrittenWithADisplayNameIsTheAddressItSends()
        {
            // CopyAddresses sends jane@example.com for 'Jane Doe <jane@example.com>' (AddressLine): the same copy as the bare
            // address. Before, the cells were compared as written, and Jane got the same email twice unwarned.
            var message = new EmailMessage { From = "news@example.com", Subject = "Invoice", Text = "Your invoice" };
            var repeated = new RepeatedRows(new LastSentSubstitutions(new ConnectEngine().SubstitutionsSent).Of, new[] { new ListCell(4, ListCell.Listing.Addresses, "Cc") });
            var row = 0;
            long? Send(string cc) => repeated.RepeatOf(new object?[] { "Invoice", "Your invoice", null, null, cc, null, null }, message, new Recipient("ann@example.com"), ++row);

            Assert.Null(Send("jane@example.com"));
            Assert.Equal(1, Send("Jane Doe <Jane@Example.com>"));
            Assert.Equal(1, Send("\"Doe, Jane\" < jane@example.com >; jane@example.com"));
            Assert.Null(Send("\"Doe, Jane\" <jane@example.com>; bob@example.com"));
            Assert.Equal(4, Send("bob@example.com, Jane <jane@example.com>"));
            Assert.Null(Send("Jane <jane@example.org>"));

            var columns = repeated.ColumnsOf(Row(("Email", "ann@example.com"), ("Cc", "Jane <jane@example.com>")), new[] { "Email", "Cc" }, "Email", message, new Recipient("ann@example.com"));
            Assert.Contains(CcSort,
                RepeatedRows.Warning(2, 1, new Recipient("ann@example.com"), columns, "Send-ConnectEmail"));
        }

        [Fact]
        public void ABccThatRepeatsTheCcIsSentInTheCcOnly()
        {
            // OverlappingCopies keeps an address in To, then Cc, then Bcc: a Bcc that repeats the Cc sends nothing more. Before, the
            // row with it and the row without it were two emails, and Dan and his boss got the same email twice unwarned.
            var message = new EmailMessage { From = "news@example.com", Subject = "Invoice", Text = "Your invoice" };
            var cells = new[] { new ListCell(4, ListCell.Listing.Addresses, "Cc"), new ListCell(5, ListCell.Listing.Addresses, "Bcc") };
            var repeated = new RepeatedRows(new LastSentSubstitutions(new ConnectEngine().SubstitutionsSent).Of, cells);
            var row = 0;
            long? Send(string? cc, string? bcc) => repeated.RepeatOf(new object?[] { "Invoice", "Your invoice", null, null, cc, bcc, null }, message, new Recipient("dan@example.com"), ++row);

            Assert.Null(Send("boss@example.com", null));
            Assert.Equal(1, Send("boss@example.com", "Boss@Example.com"));
            Assert.Equal(1, Send("boss@example.com", " ; Boss <boss@example.com>; dan@example.com"));
            // Who is copied how is another email to Dan: his Cc line names the boss or it does not.
            Assert.Null(Send(null, "boss@example.com"));
            Assert.Null(Send("boss@example.com", "audit@example.com"));
            Assert.Null(Send("boss@example.com;audit@example.com", "audit@example.com"));
            Assert.Equal(6, Send("audit@example.com, boss@example.com", null));

            // The advice compares the Bcc without the row's To and Cc, whichever column comes first.
            var columns = repeated.ColumnsOf(Row(("Bcc", "boss@example.com"), ("Email", "dan@example.com"), ("Cc", "boss@example.com")), new[] { "Email", "Cc", "Bcc" }, "Email",
                message, new Recipient("dan@example.com"));
            Assert.Contains("| Sort-Object {$sent = " + AddressesOf("$_.Email") + " + " + AddressesOf("$_.Cc") + "; (" + AddressesOf("$_.Bcc") + ".Where({ $_ -notin $sent }) | Sort-Object -Unique) -join ';'},",
                RepeatedRows.Warning(2, 1, new Recipient("dan@example.com"), columns, "Send-ConnectEmail"));
        }

        [Fact]
        public void AnAttachmentCellIsTheUrlsItSends()
        {
            // EmailAttachments.ReadCell sends each URL of a cell without the spaces and separators around it. Before, the cells were
            // compared as written: ' https://…/a.pdf' and 'https://…/a.pdf' attached the same file twice, unwarned.
            var message = new EmailMessage { From = "news@example.com", Subject = "Invoice", Text = "Your invoice" };
            var attachment = new ListCell(6, ListCell.Listing.Urls, "Attachment", new[] { "Attachment", "Attachments" });
            var repeated = new RepeatedRows(new LastSentSubstitutions(new ConnectEngine().SubstitutionsSent).Of, new[] { attachment });
            var row = 0;
            long? Send(string? cell) => repeated.RepeatOf(new object?[] { "Invoice", "Your invoice", null, null, null, null, cell }, message, new Recipient("ann@example.com"), ++row);

            Assert.Null(Send(" https://files.example.com/a.pdf"));
            Assert.Equal(1, Send("https://files.example.com/a.pdf ;"));
            // Another file: a URL's path is compared in its case, as the server that serves it does.
            Assert.Null(Send("https://files.example.com/A.pdf"));
            Assert.Null(Send("https://files.example.com/a.pdf; https://files.example.com/b.pdf"));
            Assert.Equal(4, Send("https://files.example.com/a.pdf|https://files.example.com/b.pdf "));
            // In another order: the email lists them so.
            Assert.Null(Send("https://files.example.com/b.pdf; https://files.example.com/a.pdf"));
            // A blank cell attaches nothing, as no cell does.
            Assert.Null(Send("  "));
            Assert.Equal(7, Send(null));

            var columns = repeated.ColumnsOf(Row(("Email", "ann@example.com"), ("Attachments", " https://files.example.com/a.pdf")), new[] { "Email", "Attachments" }, "Email",
                message, new Recipient("ann@example.com"));
            Assert.Contains("| Sort-Object " + EmailSort + ",{((\"$($_.Attachments)\" -split '(?<=[;,|\\s])(?=[a-z]+://)') " +
                "-replace '^[;,|\\s]+|[;,|\\s]+$' -ne '') -join ' '} -Unique -CaseSensitive |", RepeatedRows.Warning(2, 1, new Recipient("ann@example.com"), columns, "Send-ConnectEmail"));
        }

        private static RepeatedRows WithCopies() => new RepeatedRows(new LastSentSubstitutions(new ConnectEngine().SubstitutionsSent).Of,
            new[] { new ListCell(4, ListCell.Listing.Addresses, "Cc"), new ListCell(5, ListCell.Listing.Addresses, "Bcc") });

        private static object?[] Copying(string? cc, string? bcc = null) => new object?[] { "News", "Newsletter $(Issue)", null, null, cc, bcc, null };

        private static readonly EmailMessage Copied = new EmailMessage { From = "news@example.com", Subject = "News", Text = "Newsletter $(Issue)" };

        [Fact]
        public void SomeoneOneRowCopiesAndAnotherSendsTheSameEmailToIsARepeat()
        {
            // The service delivers every Cc and Bcc entry as a recipient of its own: the boss, copied on Ann's newsletter and
            // sent his own, got it twice. Before, the rows' destinations differed and nothing was said.
            var repeated = WithCopies();
            Assert.Null(repeated.RepeatOf(Copying("boss@example.com"), Copied, To("ann@example.com", ("Issue", "7")), 1));
            Assert.Equal(1, repeated.RepeatOf(Copying(null), Copied, To("Boss@Example.com", ("Issue", "7")), 2));
            Assert.Equal("Row 2 repeats row 1: the same message to Boss@Example.com, whom row 1 copies (its Cc), with the same values. " +
                "It is sent again, as every row is sent once (with -WarningAction Stop the command stops here instead). " +
                "To send it once, first remove Boss@Example.com from row 1's Cc, or remove row 2.",
                repeated.WarningFor(2, 1, To("Boss@Example.com", ("Issue", "7")), null, "Send-ConnectEmail"));

            // The other way round, a blind copy, and the row sent to them with copies of its own.
            repeated = WithCopies();
            Assert.Null(repeated.RepeatOf(Copying("audit@example.com"), Copied, To("boss@example.com", ("Issue", "7")), 1));
            Assert.Equal(1, repeated.RepeatOf(Copying(null, "team@example.com; Boss@Example.com "), Copied, To("ann@example.com", ("Issue", "7")), 2));
            Assert.Equal("Row 2 repeats row 1: the same message to Boss@Example.com, whom row 2 copies (its Bcc) after row 1 sent it to them, with the same values. " +
                "It is sent again unless you answer No to its confirmation (with -WarningAction Stop the command stops here instead). " +
                "To send such rows once without being asked, first remove Boss@Example.com from row 2's Bcc, or remove row 1.",
                repeated.WarningFor(2, 1, To("ann@example.com", ("Issue", "7")), null, "Send-ConnectEmail", confirming: true));

            // A repeated row is still said as one.
            Assert.Null(repeated.RepeatOf(Copying("x@example.com"), Copied, To("carl@example.com", ("Issue", "7")), 3));
            Assert.Equal(3, repeated.RepeatOf(Copying("X@example.com"), Copied, To("carl@example.com", ("Issue", "7")), 4));
            Assert.StartsWith("Row 4 repeats row 3: the same message to carl@example.com with the same values.", repeated.WarningFor(4, 3, To("carl@example.com", ("Issue", "7")), null, "Send-ConnectEmail"));
        }

        [Fact]
        public void CopiesOfEmailsThatDifferOrThatEveryRowMakesAreNoRepeat()
        {
            var repeated = WithCopies();
            // Each user's email copied to their manager: two emails, each to its own To, that the admin asked to copy.
            Assert.Null(repeated.RepeatOf(Copying("boss@example.com"), Copied, To("ann@example.com", ("Issue", "7")), 1));
            Assert.Null(repeated.RepeatOf(Copying("boss@example.com"), Copied, To("bob@example.com", ("Issue", "7")), 2));
            // The manager's own email, with another value: another email.
            Assert.Null(repeated.RepeatOf(Copying(null), Copied, To("boss@example.com", ("Issue", "8")), 3));
            // At another time: another email.
            var later = new EmailMessage { From = "news@example.com", Subject = "News", Text = "Newsletter $(Issue)", SendAt = new System.DateTimeOffset(2026, 12, 8, 9, 0, 0, System.TimeSpan.Zero) };
            Assert.Null(repeated.RepeatOf(Copying(null), later, To("boss@example.com", ("Issue", "7")), 4));
            // A copy of the row's own To goes in To only (OverlappingCopies): sent once, no repeat of itself.
            Assert.Null(repeated.RepeatOf(Copying("dan@example.com"), Copied, To("dan@example.com", ("Issue", "9")), 5));
        }

        [Fact]
        public void ARowThatCopiesItsOwnToIsTheSameEmailAsOneWithoutThatCopy()
        {
            // OverlappingCopies drops a Cc that is the row's To: 'dan' with Cc 'dan', then 'dan' with no Cc, is one email twice.
            // Before, the rows counted as having other copies, and Dan got it twice unwarned.
            var repeated = WithCopies();
            Assert.Null(repeated.RepeatOf(Copying("dan@example.com"), Copied, To("dan@example.com", ("Issue", "7")), 1));
            Assert.Equal(1, repeated.RepeatOf(Copying(null), Copied, To("Dan@example.com", ("Issue", "7")), 2));
            Assert.StartsWith("Row 2 repeats row 1: the same message to Dan@example.com with the same values.",
                repeated.WarningFor(2, 1, To("Dan@example.com", ("Issue", "7")), null, "Send-ConnectEmail"));

            // The other way round, and with a copy left that both rows send.
            repeated = WithCopies();
            Assert.Null(repeated.RepeatOf(Copying("boss@example.com"), Copied, To("dan@example.com", ("Issue", "7")), 1));
            Assert.Equal(1, repeated.RepeatOf(Copying("DAN@example.com; boss@example.com"), Copied, To("dan@example.com", ("Issue", "7")), 2));
            repeated = WithCopies();
            Assert.Null(repeated.RepeatOf(Copying(null), Copied, To("dan@example.com", ("Issue", "7")), 1));
            Assert.Equal(1, repeated.RepeatOf(Copying(null, "dan@example.com"), Copied, To("dan@example.com", ("Issue", "7")), 2));

            // A copy that is not the row's To still tells the emails apart.
            repeated = WithCopies();
            Assert.Null(repeated.RepeatOf(Copying("dan@example.com; boss@example.com"), Copied, To("dan@example.com", ("Issue", "7")), 1));
            Assert.Null(repeated.RepeatOf(Copying(null), Copied, To("dan@example.com", ("Issue", "7")), 2));
        }

        [Fact]
        public void ARowThatCopiesItsOwnToIsComparedWithoutMakingAnythingForIt()
        {
            var repeated = WithCopies();
            var rows = Enumerable.Range(0, 100).Select(i => Copying(i % 2 == 0 ? "dan@example.com; boss@example.com" : "boss@example.com ; DAN@example.com")).ToList();
            var dan = To("dan@example.com", ("Issue", "7"));
            Assert.Null(repeated.RepeatOf(Copying("boss@example.com"), Copied, dan, 1));
            Assert.Equal(1, repeated.RepeatOf(rows[0], Copied, dan, 2));

            var before = System.GC.GetAllocatedBytesForCurrentThread();
            for (var i = 1; i < rows.Count; i++) repeated.RepeatOf(rows[i], Copied, dan, i + 2);
            var allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
        }

        [Fact]
        public void ANewslettersHtmlIsNotHashedAgainForEveryRow()
        {
            // Before, every row hashed its 1 MB HTML character by character: about a second for these 1,000 rows.
            var content = new object?[] { "News", null, new string('x', 1024 * 1024) };
            var repeated = Rows();
            Assert.Null(repeated.RepeatOf(content, Newsletter, To("u0@example.com", "N0"), 1));

            for (var i = 1; i <= 1000; i++) Assert.Null(repeated.RepeatOf(content, Newsletter, To("u" + i + "@example.com", "N" + i), i + 1));

            Assert.Equal(1, repeated.ContentsHashed);
            // A row with texts of its own (a column's) is hashed again.
            repeated.RepeatOf(new object?[] { "News", null, new string('x', 1024 * 1024) }, Newsletter, To("u0@example.com", "N0"), 1002);
            Assert.Equal(2, repeated.ContentsHashed);
        }
    }
}
