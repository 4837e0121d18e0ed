using System.Collections.Generic;
using WebexConnect.Composition;
using WebexConnect.Messages;
using Xunit;

namespace WebexConnect.Tests.Composition
{
    /// <summary>
    /// A UTF-8 file read as Windows-1252 (Windows PowerShell 5.1's Import-Csv or Get-Content without -Encoding) is warned
    /// about as a file read as UTF-8 in the wrong encoding already was (U+FFFD). Before: "CafÃ©" and "donâ€™t" were sent.
    /// </summary>
    public sealed class MisreadCharactersTests
    {
        private static string? Warning(string text, IDictionary<string, string>? row = null) =>
            new MisreadCharacters().WarningFor(new SmsMessage { From = "ACME", Text = text },
                new Recipient("+447700900001", null, new Dictionary<string, string>(row ?? new Dictionary<string, string>())), 3);

        [Theory]
        [InlineData("Caf\u00C3\u00A9 opens at 9", "\u00C3\u00A9", "\u00E9")]                 // é
        [InlineData("don\u00E2\u20AC\u2122t be late", "\u00E2\u20AC\u2122", "\u2019")]       // ’
        [InlineData("tomorrow \u00E2\u20AC\u201C 9am", "\u00E2\u20AC\u201C", "\u2013")]      // –
        [InlineData("only \u00E2\u201A\u00AC5", "\u00E2\u201A\u00AC", "\u20AC")]             // €
        [InlineData("voil\u00C3\u00A0", "\u00C3\u00A0", "\u00E0")]                           // à: Ã and a no-break space
        [InlineData("20\u00C2\u00B0C", "\u00C2\u00B0", "\u00B0")]                            // °
        public void A_utf8_character_read_as_windows_1252_is_named_with_the_character_meant(string text, string misread, string meant)
        {
            var warning = Warning(text);

            Assert.NotNull(warning);
            Assert.StartsWith("Row 3: Text ('", warning);
            Assert.Contains($"has '{misread}' for '{meant}': the file is UTF-8, read as Windows-1252.", warning);
            Assert.Contains("-Encoding UTF8", warning);
        }

        [Fact]
        public void A_column_value_is_named_by_its_column()
        {
            var warning = Warning("Hi $(Name)", new Dictionary<string, string> { ["Name"] = "Jos\u00C3\u00A9" });

            Assert.StartsWith("Row 3: the column 'Name' ('Jos\u00C3\u00A9') has '\u00C3\u00A9'", warning);
        }

        [Theory]
        [InlineData("S\u00C3O PAULO")]           // Portuguese capitals
        [InlineData("C\u00C2BLE")]               // French capitals
        [InlineData("p\u00E2te \u00E0 tartiner")]
        [InlineData("Caf\u00E9 \u2019 \u2013 \u20AC5 \u00B0")]
        [InlineData("\u00C3")]                   // a lead at the very end
        [InlineData("\u00E2\u20AC")]             // a lead and one of its two continuations
        // Ã before a closing quote (” is byte 94: "Ã”" is how Ô misread shows). Before, both were taken for a misread file.
        [InlineData("Promo\u00E7\u00E3o s\u00F3 at\u00E9 \u201CAMANH\u00C3\u201D")]
        [InlineData("\u201CAT\u00C9 AMANH\u00C3\u201D")]
        public void Text_read_in_its_own_encoding_is_not_warned_about(string text) => Assert.Null(Warning(text));

        [Fact]
        public void A_misread_o_with_circumflex_is_still_warned_about_where_the_whole_text_was_misread()
        {
            // "Promoção até AMANHÃ”" meant "AMANHÔ", every accent read as two characters: what a misread file really holds.
            var warning = Warning("Promo\u00C3\u00A7\u00C3\u00A3o at\u00C3\u00A9 AV\u00C3\u201D");

            Assert.Contains("has '\u00C3\u00A7' for '\u00E7'", warning);
            Assert.NotNull(Warning("METR\u00C3\u201D"));
        }

        [Fact]
        public void A_replacement_character_still_gets_its_own_advice()
        {
            Assert.Contains("has U+FFFD", Warning("Caf\uFFFD"));
        }

        [Theory]
        [InlineData("Ren\uFFFDe", "Row 3: the column 'Name' ('Ren\uFFFDe') has U+FFFD (\uFFFD): the file is not UTF-8. Read it with -Encoding 1252 " +
            "(Windows PowerShell 5.1: Default) or save it as UTF-8. It is sent as it is (-WarningAction Stop stops before this row).")]
        [InlineData("Ren\u00C3\u00A9e", "Row 3: the column 'Name' ('Ren\u00C3\u00A9e') has '\u00C3\u00A9' for '\u00E9': the file is UTF-8, read as " +
            "Windows-1252. Read it with -Encoding UTF8, or save it as UTF-8 with BOM. It is sent as it is (-WarningAction Stop stops before this row).")]
        public void The_warning_names_the_column_once_and_the_encoding_to_read_it_with_in_three_lines_at_80_columns(string name, string expected)
        {
            // Before: some 500 characters on one line of a scheduled task's log, explaining how each PowerShell reads a file.
            var culture = System.Globalization.CultureInfo.CurrentCulture;
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("en-GB");
            try
            {
                var warning = Warning("Hi $(Name)", new Dictionary<string, string> { ["Name"] = name });
                Assert.Equal(expected, warning);
                Assert.True(("WARNING: " + warning).Length <= 3 * 80, $"{warning!.Length} characters");
            }
            finally { System.Globalization.CultureInfo.CurrentCulture = culture; }
        }

        [Fact]
        public void A_long_text_is_shown_only_around_the_misread_character()
        {
            var warning = Warning(new string('a', 40) + " Caf\u00C3\u00A9 " + new string('b', 40));
            Assert.StartsWith("Row 3: Text ('\u2026aaaaaaaa Caf\u00C3\u00A9 bbbbbbbbbb\u2026') has", warning);
        }

        [Theory]
        [InlineData("N\0a\0m\0e\0", "J\0o\0s\0\uFFFD\0", "Unicode")]
        [InlineData("\0N\0a\0m\0e", "\0J\0o\0s\0\uFFFD", "BigEndianUnicode")]
        public void A_utf16_file_read_as_utf8_is_told_in_two_lines_at_80_columns_with_the_encoding_that_reads_it(string column, string value, string encoding)
        {
            // Before: some 390 characters, the column's name and value each shown with a \u0000 beside every letter.
            var row = new Recipient("+447700900001", null, new Dictionary<string, string> { [column] = value });
            var warning = new MisreadCharacters().WarningFor(new SmsMessage { From = "ACME", Text = "Hi $(Name)" }, row, 3, column);

            Assert.Equal("Row 3: the column 'Name' has NULs: the file is UTF-16 without BOM, read as UTF-8. Read it with -Encoding " +
                encoding + " or save it as UTF-8.", warning);
            Assert.True(("WARNING: " + warning).Length <= 2 * 80, $"{warning!.Length} characters");
        }
    }
}
