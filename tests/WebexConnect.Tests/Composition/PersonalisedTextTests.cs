using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using WebexConnect.Commands;
using WebexConnect.Composition;
using WebexConnect.Messages;
using WebexConnect.Messages.Validation;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>
    /// The texts as each recipient gets them: a $(name) nothing fills, values that are not one scalar, and length
    /// limits after substitution (issue 15).
    /// </summary>
    public class PersonalisedTextTests
    {
        private static readonly RecordComposer Sms = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), null);

        private static ComposedRecord Record(params (string Name, object? Value)[] columns) =>
            Sms.Compose(new[] { new ConnectDestination("+447700900001") }, null,
                new InputRow(columns.Select(c => new KeyValuePair<string, object?>(c.Name, c.Value))));

        private static SmsMessage Text(string text, IReadOnlyDictionary<string, string>? global = null) =>
            new SmsMessage { From = "ACME", Text = text, Substitutions = global ?? new Dictionary<string, string>() };

        private static string[] Problems(ConnectMessage message, ComposedRecord record, bool allowMissing = false) =>
            new PersonalisedText(allowMissing).Problems(message, record).Select(p => p.ToString()).ToArray();

        [Fact]
        public void AnEmailsValueItsEncodingCannotWriteIsAProblemNamingTheVariableAndTheCharacter()
        {
            var email = new RecordComposer(PipelineColumns.Of(typeof(SendConnectEmailCommand)), null);
            ComposedRecord Row(string name) => email.Compose(new[] { new ConnectDestination("ann@example.com") }, null,
                new InputRow(new[] { new KeyValuePair<string, object?>("Name", name) }));
            var latin1 = new EmailMessage { From = "news@example.com", Subject = "News", Text = "Dear $(Name)", Encoding = "iso-8859-1" };

            Assert.Equal(new[]
            {
                "Text: $(Name) is 'Łukasz' in this row, which holds 'Ł' (U+0141): -Encoding iso-8859-1 cannot write it, and readers " +
                "would see '?' in its place. Give -Encoding utf-8, which writes every character",
            }, Problems(latin1, Row("Łukasz")));
            Assert.Empty(Problems(latin1, Row("Zoë")));
            Assert.Empty(Problems(new EmailMessage { From = "news@example.com", Subject = "News", Text = "Dear $(Name)", Encoding = "utf-8" }, Row("Łukasz")));
        }

        [Fact]
        public void ALineBreakASubstitutionBringsIntoASubjectNamesTheColumnsAndTheirJoin()
        {
            // Before: "after substitution it contains a line break", with no column named and nothing to do.
            var email = new RecordComposer(PipelineColumns.Of(typeof(SendConnectEmailCommand)), null);
            ComposedRecord Row(params (string Name, string Value)[] cells) => email.Compose(new[] { new ConnectDestination("ann@example.com") }, null,
                new InputRow(cells.Select(c => new KeyValuePair<string, object?>(c.Name, c.Value))));
            var order = new EmailMessage { From = "news@example.com", Subject = "Order $(Item) from $(Shop)", Text = "T" };

            Assert.Equal(new[]
            {
                "Subject: after substitution it contains a line break (U+000A) at position 8: Subject must be one line: the row's 'Item' " +
                "cell ($(Item)) and the row's 'Shop' cell ($(Shop)) have several lines: join them into one: ... | ForEach-Object { " +
                "$_.Item = $_.Item -replace '\\s*\\r?\\n\\s*', ' '; $_.Shop = $_.Shop -replace '\\s*\\r?\\n\\s*', ' '; $_ } | Send-ConnectEmail",
            }, Problems(order, Row(("Item", "a\nb"), ("Shop", "c\r\nd"))));
            Assert.Empty(Problems(order, Row(("Item", "a b"), ("Shop", "c"))));
        }

        [Fact]
        public void AVariableNothingFillsIsAProblemNamingTheColumnItIsNear()
        {
            // Before: "... no key named 'Nmae'. Fix the spelling, add the column, or give -AllowMissingSubstitution to send it as
            // written", and the admin had to see for themselves that the row has Name.
            Assert.Equal(new[] { "Text: $(Nmae) has no value: the row has no column named 'Nmae', but has 'Name': write $(Name) instead" },
                Problems(Text("Hi $(Nmae)"), Record(("Name", "Ann"), ("City", "Leeds"))));
            Assert.Equal(new[] { "Text: $(FirstNmae) has no value: the row has no column named 'FirstNmae', but has 'FirstName': write $(FirstName) instead" },
                Problems(Text("Hi $(FirstNmae)"), Record(("FirstName", "Ann"))));
            // A -Substitution key is named as one, and -Substitution is named only when it was given.
            Assert.Equal(new[] { "Text: $(Shp) has no value: the row has no column and -Substitution no key named 'Shp', but -Substitution has 'Shop': write $(Shop) instead" },
                Problems(Text("Hi $(Shp)", new Dictionary<string, string> { ["Shop"] = "ACME" }), Record(("Name", "Ann"))));
        }

        [Fact]
        public void AVariableNearNoneListsTheFewNamesThereAreOrOnlyWhatToDo()
        {
            Assert.Equal(new[]
            {
                "Text: $(Code) has no value: the row has no column named 'Code' (names with a value: $(Name), $(City)). " +
                "Correct the name, add the column, or give -AllowMissingSubstitution to send it as written",
            }, Problems(Text("Hi $(Code)"), Record(("Name", "Ann"), ("City", "Leeds"))));
            // Dozens of a directory object's properties would bury the advice.
            var many = Record(Enumerable.Range(1, 7).Select(i => ("Column" + i, (object?)"x")).ToArray());
            Assert.Equal(new[]
            {
                "Text: $(Code) has no value: the row has no column named 'Code'. " +
                "Correct the name, add the column, or give -AllowMissingSubstitution to send it as written",
            }, Problems(Text("Hi $(Code)"), many));
            // Short names are near nothing: $(A) does not mean a column B.
            Assert.DoesNotContain("write", Assert.Single(Problems(Text("Hi $(A)"), Record(("B", "x")))));
        }

        [Fact]
        public void AOneRowCallsVariableIsToldToComeFromSubstitutionNotFromAColumn()
        {
            // Before: foreach ($u in Import-Csv ...) { Send-ConnectSms -To $u.Phone -Text 'Hi $(Name)' } was told "the row has no
            // column named 'Name'" of a CSV that has one, and to add the column: a call with nothing piped has no row's columns.
            string[] OneRow(SmsMessage message) => new PersonalisedText(false) { NothingPiped = true }.Problems(message, Record()).Select(p => p.ToString()).ToArray();

            Assert.Equal(new[]
            {
                "Text: $(Name) has no value: nothing was piped, so no row's column fills it, and -Substitution has no key named 'Name'. " +
                "Give -Substitution @{ Name = '...' } (in a loop over rows, -Substitution $u gives the row's columns), or " +
                "-AllowMissingSubstitution to send it as written",
            }, OneRow(Text("Hi $(Name)")));
            Assert.Equal(new[]
            {
                "Text: $(Nmae) has no value: nothing was piped, so no row's column fills it, and -Substitution has no key named 'Nmae', " +
                "but it has 'Name': write $(Name) instead",
            }, OneRow(Text("Hi $(Nmae)", new Dictionary<string, string> { ["Name"] = "Ann" })));
            // A piped row keeps the row's words.
            Assert.StartsWith("Text: $(Name) has no value: the row has no column named 'Name'", Assert.Single(Problems(Text("Hi $(Name)"), Record())));
        }

        [Fact]
        public void OnlyNamesOneOrTwoChangesAwayAreNear()
        {
            Assert.Equal("Name", NearestName.To("Nmae", new[] { "Email", "Name" }));
            Assert.Equal("Name", NearestName.To("Nme", new[] { "Name" }));
            Assert.Null(NearestName.To("Nm", new[] { "Name" }));
            Assert.Null(NearestName.To("Code", new[] { "City", "Name" }));
            Assert.Equal("LastName", NearestName.To("LastNmae", new[] { "FirstName", "LastName" }));
            Assert.Null(NearestName.To("Town", new[] { "Country" }));
        }

        [Fact]
        public void AColumnOrAGlobalValueFillsIt()
        {
            Assert.Empty(Problems(Text("Hi $(Name)"), Record(("Name", "Ann"))));
            Assert.Empty(Problems(Text("Hi $(Shop)", new Dictionary<string, string> { ["Shop"] = "ACME" }), Record()));
            // An empty cell is a value.
            Assert.Empty(Problems(Text("Hi $(Name)"), Record(("Name", ""))));
        }

        [Fact]
        public void AColumnThatIsNullIsNoValueUnlessMissingValuesAreAllowed()
        {
            // Import-Csv gives $null for the fields a short line lacks: "Your code is " must not go out unnoticed.
            foreach (var nothing in new object?[] { null, DBNull.Value, new System.Management.Automation.PSObject(DBNull.Value) })
            {
                var problem = Assert.Single(Problems(Text("Your code is $(Code)"), Record(("Name", "Dee"), ("Code", nothing))));
                Assert.StartsWith("Text: $(Code) has no value: the row's column 'Code' is empty ($null", problem);
                Assert.EndsWith("give -AllowMissingSubstitution to send it empty", problem);

                Assert.Empty(Problems(Text("Your code is $(Code)"), Record(("Code", nothing)), allowMissing: true));
                // A text that does not use the column does not care.
                Assert.Empty(Problems(Text("Hi $(Name)"), Record(("Name", "Dee"), ("Code", nothing))));
            }
        }

        [Fact]
        public void NamesMatchExactlyAndACaseOnlyDifferenceIsPointedOut()
        {
            var problem = Assert.Single(Problems(Text("Hi $(name)"), Record(("Name", "Ann"))));

            Assert.Equal("Text: $(name) has no value: the row has no column named 'name' (there is 'Name': names are case-sensitive): write $(Name) instead", problem);
        }

        [Fact]
        public void AllowMissingLetsItThroughAsWritten()
        {
            Assert.Empty(Problems(Text("Hi $(Nmae)"), Record(("Name", "Ann")), allowMissing: true));
        }

        [Fact]
        public void EachMissingVariableIsNamedOnce()
        {
            var problems = Problems(Text("$(A) $(B) $(A)"), Record());

            Assert.Equal(2, problems.Length);
            Assert.StartsWith("Text: $(A) has no value", problems[0]);
            Assert.StartsWith("Text: $(B) has no value", problems[1]);
        }

        [Fact]
        public void AListColumnIsLeftOutAndIsAProblemOnlyWhenAVariableUsesIt()
        {
            var record = Record(("Name", "Ann"), ("Groups", new object[] { "Sales", "Staff" }));

            Assert.False(record.Recipient.Substitutions.ContainsKey("Groups"));
            Assert.Empty(Problems(Text("Hi $(Name)"), record));
            var problem = Assert.Single(Problems(Text("Hi $(Groups)"), record, allowMissing: true));
            Assert.StartsWith("Text: $(Groups) would be filled from the column 'Groups', which holds an array of 2 values", problem);
        }

        [Fact]
        public void TheSmsLimitIsCheckedOnTheTextAsSentAndSaysItGrewThroughSubstitution()
        {
            var problem = Assert.Single(Problems(Text("Hi $(Story)"), Record(("Story", new string('x', 5000)))));

            Assert.Equal("Text: has 5003 characters after substitution: at most 4000 are allowed", problem);
        }

        [Fact]
        public void AnUnchangedTextIsLeftToTheMessageRules()
        {
            // With -AllowMissingSubstitution the text goes as written: MessageValidator already judged that text.
            Assert.Empty(Problems(Text(new string('x', 4001) + "$(None)"), Record(), allowMissing: true));
        }

        [Fact]
        public void TextEncodingIsCheckedOnTheSubstitutedText()
        {
            var message = new SmsMessage { From = "ACME", Text = "Hi $(Name)", Encoding = SmsEncoding.Text };

            Assert.StartsWith("Text: Text encoding (GSM-7) cannot carry 'Ł'", Assert.Single(Problems(message, Record(("Name", "Łucja")))));
            Assert.Empty(Problems(new SmsMessage { From = "ACME", Text = "Hi $(Name)" }, Record(("Name", "Łucja"))));
        }

        [Fact]
        public void RcsAndEmailTextsHaveTheirLimitsAfterSubstitution()
        {
            var story = Record(("Story", new string('x', 1100)));
            var rcs = new RcsMessage
            {
                From = "app-1",
                Text = "$(Story)",
                Suggestions = new[] { new RcsSuggestion { Type = RcsSuggestionType.Reply, DisplayText = "Go $(Story)" } },
            };

            Assert.Equal(new[]
            {
                "Text: has 1100 characters after substitution: at most 1024 are allowed",
                "Suggestion[0].DisplayText: has 1103 characters after substitution: at most 25 are allowed",
            }, Problems(rcs, story));

            var email = new EmailMessage { From = "news@example.com", Subject = "For $(Nmae)", Html = "<p>$(Story)</p>" };
            var html = Record(("Story", new string('x', 600 * 1024)));
            Assert.Equal(new[]
            {
                "Subject: $(Nmae) has no value: the row has no column named 'Nmae' (names with a value: $(Story)). " +
                "Correct the name, add the column, or give -AllowMissingSubstitution to send it as written",
                "Html: is 614407 bytes as UTF-8 after substitution: at most 512000 bytes (500 KB) are allowed",
            }, Problems(email, html));
        }

        [Fact]
        public void An_rcs_text_or_sms_fallback_its_values_leave_empty_is_a_problem_naming_the_empty_cells()
        {
            // Before: sent, an empty RCS message or an empty SMS for a phone without RCS.
            var rcs = new RecordComposer(PipelineColumns.Of(typeof(SendConnectRcsCommand)), null);
            ComposedRecord Row(string note, string sms) => rcs.Compose(new[] { new ConnectDestination("+447700900001") }, null,
                new InputRow(new[] { new KeyValuePair<string, object?>("Note", note), new KeyValuePair<string, object?>("Sms", sms) }));
            var message = new RcsMessage { From = "app-1", Text = "$(Note)", SmsFallback = true, FallbackSenderId = "ACME", FallbackText = "$(Sms) $(Note)" };

            Assert.Equal(new[]
            {
                "Text: Text is empty after substitution, as the row's 'Note' cell ($(Note)) is empty. Fill it, or leave the row out",
                "FallbackText: FallbackText is empty after substitution, as the row's 'Sms' cell ($(Sms)) and the row's 'Note' cell ($(Note)) " +
                "are empty. Fill them, or send the row without -SmsFallback",
            }, Problems(message, Row("", " ")));
            Assert.Equal(new[]
            {
                "FallbackText: FallbackText is empty after substitution, as -Substitution's 'Code' ($(Code)) is empty. Fill it, or send the row without -SmsFallback",
            }, Problems(new RcsMessage
            {
                From = "app-1", Text = "Hi", SmsFallback = true, FallbackSenderId = "ACME", FallbackText = "$(Code)",
                Substitutions = new Dictionary<string, string> { ["Code"] = "" },
            }, Row("x", "y")));
            // A text some values leave partly empty is sent, as an SMS's is: 'Hi ' for a row without a name.
            Assert.Empty(Problems(new RcsMessage { From = "app-1", Text = "Hi $(Note)", SmsFallback = true, FallbackSenderId = "ACME", FallbackText = "Hi $(Sms)" }, Row("", "")));
        }

        [Fact]
        public void AnEmailOver10MBAfterSubstitutionIsRefused()
        {
            var email = new EmailMessage { From = "news@example.com", Subject = "News", Text = "$(Story)" };

            Assert.Empty(Problems(email, Record(("Story", new string('x', 1000)))));
            var problem = Assert.Single(Problems(email, Record(("Story", new string('x', 8 * 1024 * 1024)))));
            Assert.StartsWith("Text: the email would be about 11492", problem);
            Assert.EndsWith("bytes once encoded after substitution: at most 10485760 bytes (10 MB) are allowed", problem);
        }

        [Fact]
        public void TheStandardChecksIncludeThemWithTheRowNumber()
        {
            var invalid = MessageChecks.Standard().Check(7, Text("Hi $(Nmae)"), Record(("Name", "Ann")), null);

            Assert.NotNull(invalid);
            Assert.StartsWith("Row 7: Text: $(Nmae) has no value", invalid!.Reason);
            Assert.Null(MessageChecks.Standard(allowMissingSubstitution: true).Check(7, Text("Hi $(Nmae)"), Record(("Name", "Ann")), null));
        }
    }

    /// <summary>Which values are one scalar, and how they are written (issue 15).</summary>
    public class SubstitutionScalarTests
    {
        public static TheoryData<object?, string> Scalars() => new TheoryData<object?, string>
        {
            { null, "" },
            { DBNull.Value, "" },
            { "Ann", "Ann" },
            { 'x', "x" },
            { true, "True" },
            { 1.5, "1.5" },
            { 1200, "1200" },
            { 12.50m, "12.50" },
            { new DateTime(2026, 1, 31, 18, 30, 0), "2026-01-31 18:30:00" },
            { new DateTimeOffset(2026, 1, 31, 18, 30, 0, TimeSpan.FromHours(1)), "2026-01-31 18:30:00 +01:00" },
            { DayOfWeek.Monday, "Monday" },
            { new Guid("6f7c2a1e-4b7d-4f52-9a0e-3f1c8d2b5e71"), "6f7c2a1e-4b7d-4f52-9a0e-3f1c8d2b5e71" },
        };

        [Theory]
        [MemberData(nameof(Scalars))]
        public void AScalarIsWrittenWithTheInvariantCulture(object? value, string expected)
        {
            var culture = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
                Assert.True(SubstitutionText.TryOf(value, out var text));
                Assert.Equal(expected, text);
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
            }
        }

        public static TheoryData<object, string> NotScalars() => new TheoryData<object, string>
        {
            { new object[] { "a", 1 }, "an array of 2 values" },
            { new[] { "one" }, "an array of 1 value" },
            { new Hashtable { ["a"] = 1 }, "a hashtable (dictionary)" },
            { new Uri("https://example.com"), "an object of type System.Uri" },
        };

        [Theory]
        [MemberData(nameof(NotScalars))]
        public void AnythingElseIsRefusedAndDescribed(object value, string described)
        {
            Assert.False(SubstitutionText.TryOf(value, out _));
            Assert.Equal(described, SubstitutionText.Describe(value));
        }

        [Fact]
        public void TheFirstSubstitutionThatIsNotOneValueIsNamed()
        {
            Assert.Null(SubstitutionText.FirstNonScalar(new Hashtable { ["Shop"] = "ACME", ["Year"] = 2026 }, out _));
            Assert.Equal("'Shop' holds an array of 2 values", SubstitutionText.FirstNonScalar(new Hashtable { ["Shop"] = new[] { "a", "b" } }, out var key));
            Assert.Equal("Shop", key);
        }

        [Fact]
        public void ASubstitutionColumnThatIsNotOneValueIsAProblem()
        {
            var composer = new RecordComposer(PipelineColumns.Of(typeof(SendConnectSmsCommand)), new[] { "Groups" });
            var record = composer.Compose(new[] { new ConnectDestination("+447700900001") }, null,
                new InputRow(new[] { new KeyValuePair<string, object?>("Groups", new[] { "a", "b" }) }));

            var problem = Assert.Single(record.Problems);
            Assert.Equal("SubstitutionColumn: the column 'Groups' holds an array of 2 values: a substitution must be one string, number, true/false or date", problem.ToString());
        }
    }
}
