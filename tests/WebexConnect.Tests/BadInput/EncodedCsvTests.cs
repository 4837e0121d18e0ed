using System;
using System.Linq;
using System.Text;
using WebexConnect.Composition;
using Xunit;

namespace WebexConnect.Tests.BadInput
{
    /// <summary>
    /// The same three rows saved as UTF-8 with a BOM, UTF-16 LE and Windows-1252, and a file with very long
    /// lines: what Import-Csv gives from each is validated correctly, names survive where the encoding allows,
    /// and a number damaged by a wrong encoding is reported clearly.
    /// </summary>
    public sealed class EncodedCsvTests
    {
        private static readonly string[] Names = { "José", "Zoë", "Renée" };
        private static readonly string[] Numbers = { "+447700900123", "+44\u00A07700\u00A0900123", "+14155550100" };

        [Theory]
        [InlineData("sms-utf8-bom.csv")]
        [InlineData("sms-utf16le.csv")]
        public void A_file_with_a_byte_order_mark_reads_with_clean_headers_names_and_numbers(string file)
        {
            var rows = BadInputCorpus.ReadCsv(file);

            Assert.Equal("_category", rows[0].Keys.First()); // the BOM is not glued to the first header
            Assert.Equal(Names, rows.Select(r => r["Name"]));
            Assert.Equal(Numbers, rows.Select(r => r["To"]));
        }

        [Fact]
        public void A_windows_1252_file_read_as_utf8_keeps_ascii_numbers_and_turns_accents_into_replacement_characters()
        {
            // PowerShell 7's Import-Csv reads a file without a BOM as UTF-8, as this reader does.
            var rows = BadInputCorpus.ReadCsv("sms-windows1252.csv");

            Assert.Equal(new[] { "Jos\uFFFD", "Zo\uFFFD", "Ren\uFFFDe" }, rows.Select(r => r["Name"]));
            Assert.Equal("+447700900123", rows[0]["To"]);
            Assert.Equal("+14155550100", rows[2]["To"]);
            Assert.Equal("+44\uFFFD7700\uFFFD900123", rows[1]["To"]);
        }

        [Fact]
        public void A_number_damaged_by_the_wrong_encoding_is_reported_on_its_row_and_the_others_are_sent()
        {
            var rows = BadInputCorpus.Cases.Where(c => c.File == "sms-windows1252.csv").ToArray();
            var problems = rows.Select(c => c.Compose().Validate(BadInputCorpus.Now)).ToArray();

            Assert.Empty(problems[0]);
            Assert.Empty(problems[2]);
            var text = RowErrorText.Format(2, problems[1]);
            Assert.Equal(
                "Row 2: To: '+44\uFFFD7700\uFFFD900123' is not an E.164 number (it contains other characters ('\uFFFD')): use + and up to 15 digits, no spaces (e.g. +447700900123)",
                text);
        }

        [Fact]
        public void Reading_the_windows_1252_file_with_its_own_encoding_gives_the_names_back()
        {
            // Import-Csv -Encoding 1252 (PowerShell 7.4+) or Windows PowerShell's Default encoding.
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            var bytes = System.IO.File.ReadAllBytes(System.IO.Path.Combine(BadInputCorpus.Folder, "sms-windows1252.csv"));
            var rows = CsvText.Parse(Encoding.GetEncoding(1252).GetString(bytes));

            Assert.Equal(Names, rows.Select(r => r["Name"]));
            Assert.Equal(Numbers, rows.Select(r => r["To"]));
        }

        [Fact]
        public void A_very_long_line_with_quotes_and_commas_is_one_field_and_the_rows_after_it_are_intact()
        {
            var rows = BadInputCorpus.ReadCsv("sms-long-lines.csv");

            Assert.Equal(5, rows.Count);
            Assert.Equal(72_000, rows[1]["Text"].Length);
            Assert.StartsWith("long line, with \"quotes\" and commas long line", rows[1]["Text"], StringComparison.Ordinal);
            Assert.Equal(new[] { "Di", "Ann", "Bob", "Cy", "Ed" }, rows.Select(r => r["Name"]));
            Assert.Equal("+14155550100", rows[2]["To"]);
            Assert.Equal(3_999, rows[3]["Text"].Length);
        }

        [Theory]
        [InlineData(new byte[0])]
        [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
        [InlineData(new byte[] { (byte)'T', (byte)'o', (byte)'\r', (byte)'\n' })]
        public void An_empty_or_header_only_file_gives_no_rows(byte[] bytes)
        {
            Assert.Empty(CsvText.Read(bytes));
        }
    }
}
