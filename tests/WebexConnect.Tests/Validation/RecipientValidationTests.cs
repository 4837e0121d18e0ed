using System.Collections.Generic;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using Xunit;
using static WebexConnect.Tests.Validation.ValidationAssert;

namespace WebexConnect.Tests.Validation
{
    /// <summary>Destination objects: numbers, email addresses, correlation IDs, substitutions, GTR IDs.</summary>
    public class RecipientValidationTests
    {
        private static IReadOnlyList<ValidationProblem> Sms(string number) =>
            MessageValidator.ValidateRecipient(MessageChannel.Sms, new Recipient(number));

        [Theory]
        [InlineData("+447700900123")]
        [InlineData("+12025550123")]
        [InlineData("+12345678")]
        [InlineData("+1234567")]         // 7 digits: E.164 has no 8-digit minimum
        [InlineData("+6834002")]         // Niue: a 4-digit number after +683
        [InlineData("+44")]              // the shortest this rule can tell: a country code and one digit
        [InlineData("+123456789012345")] // 15 digits, the longest
        public void E164NumbersAreAccepted(string number) => Valid(Sms(number));

        [Fact]
        public void ANumberWithSpacesSaysSoAndShowsTheE164Form()
        {
            var message = Single(Sms("+44 7700 900123"), "To");

            Assert.Equal("'+44 7700 900123' is not an E.164 number (it contains spaces): use + and up to 15 digits, no spaces (e.g. +447700900123)", message);
        }

        [Theory]
        [InlineData("447700900123", "the + is missing", "+447700900123")]
        [InlineData("00447700900123", "starts with 00", "+447700900123")]
        [InlineData("+44 (0)7700-900123", "the (0) must be left out", "e.g. +447700900123")]
        [InlineData("+1-202-555-0123", "separators", "e.g. +12025550123")]
        [InlineData("+44770090O123", "letters", "e.g. +447700900123")]
        [InlineData("+4", "1 digit, a country code with no number after it", "e.g. +447700900123")]
        [InlineData("+", "no digits", "e.g. +447700900123")]
        [InlineData("+1234567890123456", "16 digits, more than 15", "e.g. +447700900123")]
        [InlineData("+07700900123", "a country code cannot start with 0", "e.g. +447700900123 for a UK number: + and the country code in place of the 0")]
        [InlineData("+00447700900123", "the country code starts with 0", "e.g. +447700900123)")]
        [InlineData("+0447700900123", "the country code starts with 0", "e.g. +447700900123)")]   // a stray 0 before a country code
        [InlineData("07700900123", "written for calls within its country, with a 0 in front", "e.g. +447700900123 for a UK number: + and the country code in place of the 0")]
        [InlineData("015112345678", "written for calls within its country, with a 0 in front", "e.g. +4415112345678 for a UK number")]
        public void ABadNumberSaysWhatIsWrong(string number, string reason, string example)
        {
            var message = Single(Sms(number), "To");

            Assert.Contains(reason, message);
            Assert.Contains(example, message);
            Assert.StartsWith($"'{number}' is not an E.164 number", message);
        }

        [Theory]
        // A cell that holds a count, a flag or a code. Before: '0' and '01' were told to be national numbers ("e.g. +44 for a UK
        // number", "+441"), '1' and '12' that their + was missing ("e.g. +12 if the number starts with its country code").
        [InlineData("0", "'0' is not an E.164 number (it has 1 digit, too few for a phone number): use + and up to 15 digits, no spaces (e.g. +447700900123)")]
        [InlineData("1", "'1' is not an E.164 number (it has 1 digit, too few for a phone number): use + and up to 15 digits, no spaces (e.g. +447700900123)")]
        [InlineData("00", "'00' is not an E.164 number (it has 2 digits, too few for a phone number): use + and up to 15 digits, no spaces (e.g. +447700900123)")]
        [InlineData("012", "'012' is not an E.164 number (it has 3 digits, too few for a phone number): use + and up to 15 digits, no spaces (e.g. +447700900123)")]
        [InlineData("n/a", "'n/a' is not an E.164 number (it contains separators, it contains letters, it has no digits): use + and up to 15 digits, no spaces (e.g. +447700900123)")]
        // A + before a national number's 0. Before: "the country code starts with 0" and the generic example, no fix for this number.
        [InlineData("+0770 900001", "'+0770 900001' is not an E.164 number (it contains spaces, a country code cannot start with 0): use + and up to 15 digits, " +
            "no spaces (e.g. +44770900001 for a UK number: + and the country code in place of the 0)")]
        public void ATinyCellOrAPlusBeforeANationalZeroGetsAdviceThatFitsIt(string number, string expected) => Assert.Equal(expected, Single(Sms(number), "To"));

        [Theory]
        // Outlook and phone apps wrap a copied number in directional marks; web pages and chats add zero-width spaces.
        [InlineData("\u200E+447700900004\u200E", "'\\u200E+447700900004\\u200E' is not an E.164 number (it contains invisible characters ('\\u200E')): use + and up to 15 digits, no spaces (e.g. +447700900004)")]
        [InlineData("\u202A+447700900005\u202C", "'\\u202A+447700900005\\u202C' is not an E.164 number (it contains invisible characters ('\\u202A', '\\u202C')): use + and up to 15 digits, no spaces (e.g. +447700900005)")]
        [InlineData("+447700\u200B900003", "'+447700\\u200B900003' is not an E.164 number (it contains invisible characters ('\\u200B')): use + and up to 15 digits, no spaces (e.g. +447700900003)")]
        [InlineData("\uFEFF+447700900012", "'\\uFEFF+447700900012' is not an E.164 number (it contains invisible characters ('\\uFEFF')): use + and up to 15 digits, no spaces (e.g. +447700900012)")]
        // Word's en and em dashes and a phone app's non-breaking hyphen are separators, as a hyphen is.
        [InlineData("+44\u20137700\u2013900008", "'+44\u20137700\u2013900008' is not an E.164 number (it contains separators): use + and up to 15 digits, no spaces (e.g. +447700900008)")]
        [InlineData("+44\u20147700\u2014900013", "'+44\u20147700\u2014900013' is not an E.164 number (it contains separators): use + and up to 15 digits, no spaces (e.g. +447700900013)")]
        [InlineData("+44\u20117700\u2011900016", "'+44\u20117700\u2011900016' is not an E.164 number (it contains separators): use + and up to 15 digits, no spaces (e.g. +447700900016)")]
        // A tel: link is a scheme, not letters; and the no-break space is written so that Find and Replace can be told what to look for.
        [InlineData("tel:+447700900009", "'tel:+447700900009' is not an E.164 number (it starts with tel:): use + and up to 15 digits, no spaces (e.g. +447700900009)")]
        [InlineData("TEL:+44-7700-900011", "'TEL:+44-7700-900011' is not an E.164 number (it starts with tel:, it contains separators): use + and up to 15 digits, no spaces (e.g. +447700900011)")]
        [InlineData("+44\u00A07700\u00A0900001", "'+44\\u00A07700\\u00A0900001' is not an E.164 number (it contains spaces): use + and up to 15 digits, no spaces (e.g. +447700900001)")]
        // A character that is neither is named, and no number is guessed around it.
        // A spreadsheet's text marks, written into the cell by an export or typed: named as such, and the number shown without
        // them. Before: "it contains other characters (...), the + is missing", beside a + the admin could see.
        [InlineData("'+447700900014", "''+447700900014' is not an E.164 number (it starts with the ' that a spreadsheet marks text with): use + and up to 15 digits, no spaces (e.g. +447700900014)")]
        [InlineData("=\"+447700900015\"", "'=\"+447700900015\"' is not an E.164 number (it is wrapped in the spreadsheet formula =\"...\"): use + and up to 15 digits, no spaces (e.g. +447700900015)")]
        [InlineData("=+447700900123", "'=+447700900123' is not an E.164 number (it starts with = as a spreadsheet formula does): use + and up to 15 digits, no spaces (e.g. +447700900123)")]
        [InlineData("+44#7700900123", "'+44#7700900123' is not an E.164 number (it contains other characters ('#')): use + and up to 15 digits, no spaces (e.g. +447700900123)")]
        public void ACharacterPastedFromOutlookAWebPageOrWordIsNamedAndTheDigitsShown(string number, string expected)
        {
            // Before: "\u200E+44..." said "it contains other characters, the + is missing", a + the admin could see; an en dash
            // was "other characters" with no number shown; "tel:+44..." was "letters, other characters, the + is missing".
            Assert.Equal(expected, Single(Sms(number), "To"));
        }

        [Fact]
        public void AFullWidthPlusIsNamedNotCalledMissing()
        {
            var message = Single(Sms("\uFF0B447700900123"), "To");

            // Before, "it contains other characters ('＋')", as if a stray symbol, while full-width digits were named.
            Assert.Contains("(its + is the full-width '\uFF0B', not the plain ASCII +)", message);
            Assert.DoesNotContain("other characters", message);
            Assert.DoesNotContain("the + is missing", message);
            Assert.EndsWith("(e.g. +447700900123)", message);
        }

        [Theory]
        [InlineData("(555) 010-0002", "+5550100002")]
        [InlineData("447700900123", "+447700900123")]
        public void ANumberWithoutAPlusIsNotShownAsIfItsFirstDigitsWereTheCountryCode(string number, string digits)
        {
            // "(555) 010-0002" is a US number written the national way: "e.g. +5550100002" alone would be a Brazilian (+55)
            // number, and an admin who corrects the CSV as shown sends to a stranger.
            var message = Single(Sms(number), "To");

            Assert.Contains($"(e.g. {digits} if the number starts with its country code; if not, put the country code after the +)", message);
        }

        [Theory]
        [InlineData("447700900123", true)]     // a database's bigint, a spreadsheet's number: digits alone
        [InlineData("(555) 010-0002", false)]  // written by hand: the + can be typed into the cell
        [InlineData("07700900123", false)]     // national: the advice is the country code, not a +
        public void DigitsAloneSayHowToAddThePlusAsTheRowsAreSent(string number, bool advised)
        {
            // Invoke-Sqlcmd gives a bigint Phone column as [long]: "put the country code after the +" told a database user
            // to fix data whose column cannot hold a +.
            var message = Single(Sms(number), "To");

            const string advice = ". A column of numbers (a database's bigint, a spreadsheet's number) cannot hold the +: add it as the rows " +
                "are sent, -To { '+' + $_.Phone } when piping, -To ('+' + $r.Phone) in a loop";
            if (advised) Assert.EndsWith(advice, message);
            else Assert.DoesNotContain("column of numbers", message);
        }

        [Fact]
        public void ANumberWith00KeepsItsPlainExampleSince00IsFollowedByTheCountryCode()
        {
            Assert.EndsWith("(e.g. +447700900123)", Single(Sms("00447700900123"), "To"));
        }

        [Theory]
        [InlineData(MessageChannel.Sms)]
        [InlineData(MessageChannel.Rcs)]
        public void AnEmailAddressGivenAsANumberIsNamedAsOne(MessageChannel channel)
        {
            // Before: "(it contains separators, it contains letters, it contains other characters, the + is
            // missing, it has no digits)", a list that did not say an email address had reached the SMS cmdlet.
            var message = Single(MessageValidator.ValidateRecipient(channel, new Recipient("bob@example.com")), "To");

            Assert.Equal("'bob@example.com' is not an E.164 number but an email address: use + and up to 15 digits, no spaces " +
                "(e.g. +447700900123), or send it email with Send-ConnectEmail", message);
        }

        [Theory]
        [InlineData("4.47700900123E+11")]
        [InlineData("4.47701E+11")]
        [InlineData("+4.47700900123E+11")]
        [InlineData("4,47701E+11")]     // a comma-decimal Excel
        [InlineData("4E+11")]
        public void ANumberExcelSavedInScientificNotationSaysWhereToFixIt(string number)
        {
            // Before: "(it contains separators, it contains letters, the + is missing)", with no word of Excel.
            var message = Single(Sms(number), "To");

            Assert.Equal($"'{number}' is not an E.164 number but a number in scientific notation, as Excel saves a long number " +
                "(digits may be lost): format the column as Text in Excel, write the numbers with + and up to 15 digits " +
                "(e.g. +447700900123), and save the CSV again", message);
        }

        [Theory]
        [InlineData("+44E+11")]          // two digits before the E: not how Excel writes it
        [InlineData("E+11")]
        [InlineData("4.4E+")]
        [InlineData("4.4E-11")]
        public void OnlyScientificNotationIsCalledSo(string number) =>
            Assert.DoesNotContain("scientific notation", Single(Sms(number), "To"));

        [Theory]
        [InlineData("+447700900001,+447700900002", 2)]
        [InlineData("+447700900001; +447700900002; +33612345678", 3)]
        [InlineData("+447700900001 +447700900002", 2)]
        public void SeveralNumbersInOneFieldAreNamedAsSeveral(string numbers, int count)
        {
            // Before: "(it contains other characters, it has more than one +, it has 24 digits, more than 15)".
            var message = Single(Sms(numbers), "To");

            Assert.Equal($"'{numbers}' holds {count} numbers, not one: give each its own row, or pass them as a list " +
                "(-To '+447700900001', '+447700900002') to send the same message to all of them", message);
        }

        [Fact]
        public void SeveralAddressesInOneFieldAreNamedAsSeveral()
        {
            var message = Single(MessageValidator.ValidateRecipient(MessageChannel.Email, new Recipient("ann@example.com; bob@example.com")), "To");

            Assert.Equal("'ann@example.com; bob@example.com' holds 2 addresses, not one: give each its own row, or pass them as a list " +
                "(-To 'ann@example.com', 'bob@example.com') to send the same email to all of them", message);
        }

        [Theory]
        [InlineData("Jane <jane@example.com", "its < has no closing >")]
        [InlineData("jane@example.com>", "its > has no opening <")]
        [InlineData("\"Doe, Jane <jane@example.com>", "its \" has no closing \"")]
        public void AnAddressWhoseDisplayNameIsNotClosedIsToldWhatIsOpen(string value, string open)
        {
            // Before: "it has a display name or angle brackets: use a bare address", where display names are welcome.
            var message = Single(MessageValidator.ValidateRecipient(MessageChannel.Email, new Recipient(value)), "To");

            Assert.Equal($"'{value}' is not an email address: {open} (a display name is written Jane Doe <jane@example.com>, or " +
                "\"Doe, Jane\" <jane@example.com>)", message);
        }

        [Theory]
        [InlineData("ann@example.com bob@example.com", "2", "'ann@example.com; bob@example.com'")]
        [InlineData(" ann@example.com \t bob@example.com  cy@example.com", "3", "'ann@example.com; bob@example.com; cy@example.com'")]
        [InlineData("Jane Doe <jane@example.com> Bob<bob@example.com> cy@x.com", "3", "'Jane Doe <jane@example.com>; Bob<bob@example.com>; cy@x.com'")]
        public void AddressesApartBySpacesAreToldWhichSeparatorsWorkAndShownSeparated(string value, string count, string separated)
        {
            // Before: "give each its own row, or pass them as a list", to an admin whose one cell lacked only the ';'.
            var message = Single(MessageValidator.ValidateRecipient(MessageChannel.Email, new Recipient(value)), "To");

            Assert.EndsWith($"' holds {count} addresses apart by spaces, which do not separate addresses: write ';' or ',' between them, " +
                $"here {separated}, to send the same email to each of them, or give each its own row", message);
        }

        [Fact]
        public void AddressesApartBySpacesAreShownSeparatedWholeToBeCopied()
        {
            // Before: the value to write was cut at 60 characters like any quoted value ("...; cy@exam…' (66 characters)").
            var message = Single(MessageValidator.ValidateRecipient(MessageChannel.Email,
                new Recipient("Jane Doe <jane@example.com> Bob <bob@example.com> cy@example.com")), "To");

            Assert.Contains("here 'Jane Doe <jane@example.com>; Bob <bob@example.com>; cy@example.com', to send", message);
        }

        [Theory]
        [InlineData("+447700900001\n+447700900002\n", "numbers", "message")]
        [InlineData("+447700900001\r\n+447700900002", "numbers", "message")]
        [InlineData("ann@example.com\nbob@example.com\n", "addresses", "email")]
        public void ALineOfValuesReadWholeIsNamedAsLinesOfAFile(string values, string kind, string what)
        {
            // Get-Content numbers.txt -Raw | Send-ConnectSms: the whole file is one row. Before: "(it contains spaces, it has
            // more than one +, it has 24 digits, more than 15)", or for addresses "it contains spaces".
            var channel = kind == "numbers" ? MessageChannel.Sms : MessageChannel.Email;
            var message = Single(MessageValidator.ValidateRecipient(channel, new Recipient(values)), "To");

            Assert.EndsWith($" holds 2 {kind}, one a line, not one: read the file with Get-Content without -Raw, which gives one row " +
                $"a line, or pass them as a list (-To (Get-Content <file>)) to send the same {what} to all of them", message);
        }

        [Theory]
        [InlineData("+44 7700 900123")]      // a number written with spaces is one number, told as before
        [InlineData("+447700900001,07700900002")]
        public void AFieldIsSeveralOnlyWhenEachPartIsGood(string numbers) =>
            Assert.DoesNotContain("holds", Single(Sms(numbers), "To"));

        [Fact]
        public void APhoneNumberGivenAsAnEmailAddressIsNamedAsOne()
        {
            var message = Single(MessageValidator.ValidateRecipient(MessageChannel.Email, new Recipient("+447700900001")), "To");

            Assert.Equal("'+447700900001' is not an email address (the @ is missing: it is a phone number; Send-ConnectSms sends to " +
                "numbers): use a bare address such as name@example.com", message);
        }

        [Fact]
        public void ANumberIsNeverRewrittenInTheRecipient()
        {
            var recipient = new Recipient("+44 7700 900123");
            MessageValidator.ValidateRecipient(MessageChannel.Sms, recipient);
            Assert.Equal("+44 7700 900123", recipient.Addresses[0]);
        }

        [Fact]
        public void RcsNumbersFollowTheSameRule()
        {
            Single(MessageValidator.ValidateRecipient(MessageChannel.Rcs, new Recipient("7700900123")), "To");
            Valid(MessageValidator.ValidateRecipient(MessageChannel.Rcs, new Recipient("+447700900123")));
        }

        [Theory]
        [InlineData("ann@example.com")]
        [InlineData("ann.o'neil+news@mail.example.co.uk")]
        [InlineData("jürgen@müller.de")]
        // An emoji is two UTF-16 units but one visible character: not the invisible kind refused below.
        [InlineData("ann\U0001F600@example.com")]
        public void EmailAddressesAreAccepted(string address) =>
            Valid(MessageValidator.ValidateRecipient(MessageChannel.Email, new Recipient(address)));

        [Theory]
        [InlineData("ann.example.com", "the @ is missing")]
        [InlineData("ann@@example.com", "more than one @")]
        [InlineData("ann @example.com", "contains spaces")]
        [InlineData("ann@example", "the domain has no dot")]
        [InlineData("ann@example..com", "misplaced dot")]
        [InlineData("@example.com", "nothing before the @")]
        [InlineData("ann.@example.com", "misplaced dot")]
        [InlineData("ann@exa_mple.com", "invalid character")]
        [InlineData("ann@example.c", "top-level domain")]
        [InlineData("ann@example.123", "top-level domain")]
        [InlineData("ann@.example.com", "misplaced dot")]
        [InlineData("ann@example.com.", "misplaced dot")]
        [InlineData("ann@-example.com", "invalid character or label")]
        [InlineData("ann@example-.com", "invalid character or label")]
        [InlineData("ann@", "nothing after the @")]
        [InlineData("ann(x)@example.com", "needs quoting")]
        [InlineData("", "empty")]
        // Invisible in a console or a log, so the address looks right: the domain part already refuses them.
        [InlineData("an\u200Bn@example.com", "invisible or control character, U+200B at position 3")]
        [InlineData("an\u200En@example.com", "invisible or control character, U+200E")]
        [InlineData("an\u00ADn@example.com", "invisible or control character, U+00AD")]
        [InlineData("\uFEFFann@example.com", "invisible or control character, U+FEFF at position 1")]
        [InlineData("an\u0001n@example.com", "invisible or control character, U+0001")]
        public void ABadEmailAddressSaysWhatIsWrong(string address, string reason)
        {
            var message = Single(MessageValidator.ValidateRecipient(MessageChannel.Email, new Recipient(address)), "To");

            Assert.Contains(reason, message);
            Assert.Contains("name@example.com", message);
        }

        [Fact]
        public void AnAddressWithADisplayNameWhereNoneIsReadShowsTheBareAddress() =>
            // Send-ConnectMessage's "to", which is sent as given: Send-ConnectEmail reads the name off first (AddressLine).
            Assert.Equal("'Ann <ann@example.com>' is not an email address (it has a display name or angle brackets): give the address alone, here 'ann@example.com'",
                Single(MessageValidator.ValidateRecipient(MessageChannel.Email, new Recipient("Ann <ann@example.com>")), "To"));

        [Fact]
        public void AGoodEmailAddressIsCheckedWithoutAllocating()
        {
            // Every row's address is checked: before, its parts were cut out as strings, split and walked with LINQ
            // enumerators, 536 bytes for this address.
            const string address = "ann.o'neil+news@mail.example.co.uk";
            Assert.Null(EmailAddressRule.Check(address));

            var before = System.GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++) EmailAddressRule.Check(address);
            var allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
        }

        [Fact]
        public void AValidDestinationOfARowIsCheckedWithoutAllocating()
        {
            // Every row's destination is checked, and the usual one has no problem: before, each check made a list for
            // problems (24 B a row) that stayed empty.
            var recipient = new Recipient("+447700900001", "order-1", new Dictionary<string, string> { ["Name"] = "Ann" });
            Valid(MessageValidator.ValidateRecipient(MessageChannel.Sms, recipient));

            var before = System.GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++) MessageValidator.ValidateRecipient(MessageChannel.Sms, recipient);
            var allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
        }

        [Fact]
        public void EachDestinationsProblemsAreItsOwnThoughTheCheckReusesItsList()
        {
            // The list the checks fill is this thread's, emptied for each destination: what one check found is neither
            // carried into the next one's nor taken from a result already handed back.
            var bad = MessageValidator.ValidateRecipient(MessageChannel.Sms, new Recipient(new[] { "447700900001", "+44 7700" }));
            var good = MessageValidator.ValidateRecipient(MessageChannel.Sms, new Recipient("+447700900002"));
            var other = MessageValidator.ValidateRecipient(MessageChannel.Email, new Recipient("ann@"));

            Assert.Equal(new[] { "To[0]", "To[1]" }, System.Linq.Enumerable.Select(bad, p => p.Field));
            Valid(good);
            Assert.Equal("To", Assert.Single(other).Field);
        }

        [Fact]
        public void ADestinationWithoutAddressesIsAProblem()
        {
            var message = Single(MessageValidator.ValidateRecipient(MessageChannel.Sms, new Recipient(new string[0])), "To");
            Assert.Contains("no number", message);
        }

        [Fact]
        public void BulkAddressesAreNamedByTheirIndex()
        {
            var recipient = new Recipient(new[] { "+447700900001", "+447700900002", "447700900003", "+44 7700 900004" });

            var problems = MessageValidator.ValidateRecipient(MessageChannel.Sms, recipient);

            Assert.Equal(new[] { "To[2]", "To[3]" }, System.Linq.Enumerable.Select(problems, p => p.Field));
            Assert.Contains("'447700900003'", problems[0].Message);
        }

        [Fact]
        public void CorrelationIdIsLimitedTo50BytesOfUtf8()
        {
            Valid(MessageValidator.ValidateRecipient(MessageChannel.Sms, new Recipient("+447700900123", new string('x', 50))));

            // 25 characters, but 50 bytes plus one: accented letters take two bytes.
            var message = Single(MessageValidator.ValidateRecipient(MessageChannel.Sms,
                new Recipient("+447700900123", new string('é', 25) + "x")), "CorrelationId");
            Assert.Contains("51 bytes", message);
            Assert.Contains("50", message);
        }

        [Fact]
        public void SubstitutionNamesMustNotBeEmpty()
        {
            Valid(MessageValidator.ValidateRecipient(MessageChannel.Sms, new Recipient("+447700900123", null,
                new Dictionary<string, string> { ["name"] = "" })));
            Single(MessageValidator.ValidateRecipient(MessageChannel.Sms, new Recipient("+447700900123", null,
                new Dictionary<string, string> { [" "] = "Ann" })), "Substitutions");
        }

        [Fact]
        public void GtrIdsGoOnePerRcsNumber()
        {
            var numbers = new[] { "+447700900001", "+447700900002" };
            Valid(MessageValidator.ValidateRecipient(MessageChannel.Rcs, new Recipient(numbers, gtrIds: new[] { "g1", "g2" })));
            Valid(MessageValidator.ValidateRecipient(MessageChannel.Rcs, new Recipient(numbers)));

            var message = Single(MessageValidator.ValidateRecipient(MessageChannel.Rcs, new Recipient(numbers, gtrIds: new[] { "g1" })), "GtrId");
            Assert.Contains("1 GTR IDs for 2 numbers", message);
            Single(MessageValidator.ValidateRecipient(MessageChannel.Sms, new Recipient(numbers, gtrIds: new[] { "g1", "g2" })), "GtrId");
        }

        [Fact]
        public void AnEmptyOrNullGtrIdAmongOthersIsAProblem()
        {
            var numbers = new[] { "+447700900001", "+447700900002" };

            Assert.Contains("$null", Single(MessageValidator.ValidateRecipient(MessageChannel.Rcs, new Recipient(numbers, gtrIds: new[] { "g1", null! })), "GtrId[1]"));
            Assert.Contains("empty", Single(MessageValidator.ValidateRecipient(MessageChannel.Rcs, new Recipient(numbers, gtrIds: new[] { " ", "g2" })), "GtrId[0]"));
        }
    }
}
