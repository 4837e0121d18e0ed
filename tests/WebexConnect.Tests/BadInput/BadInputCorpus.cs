using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using WebexConnect.Messages;

namespace WebexConnect.Tests.BadInput
{
    /// <summary>One row of the corpus: where it is, what kind of mistake it holds, and how to build it.</summary>
    internal sealed class BadInputCase
    {
        private readonly Func<ComposedRow> _compose;

        internal BadInputCase(string file, int row, string category, string field, string word, string input, Func<ComposedRow> compose)
        {
            Input = input;
            File = file;
            Row = row;
            Category = category;
            Field = field;
            Word = word;
            _compose = compose;
        }

        internal string File { get; }

        /// <summary>The row's position in its file, counting data rows (or cases) from 1.</summary>
        internal int Row { get; }

        internal string Category { get; }

        /// <summary>The field a problem must name (empty for a good row).</summary>
        internal string Field { get; }

        /// <summary>A word the problem's message must contain (empty for a good row).</summary>
        internal string Word { get; }

        /// <summary>The row's input as written in its file, without the expectation columns.</summary>
        internal string Input { get; }

        internal bool IsGood => Category == BadInputCorpus.Good;

        internal ComposedRow Compose() => _compose();

        public override string ToString() => $"{File} row {Row} ({Category})";
    }

    /// <summary>The corpus of Fixtures/BadInput: every CSV and the RCS cases, read as a run would read them.</summary>
    internal static class BadInputCorpus
    {
        internal const string Good = "good";

        /// <summary>The fixed "now" the corpus dates ({{now+8d}}) are relative to.</summary>
        internal static readonly DateTimeOffset Now = new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);

        internal static readonly string[] Categories =
        {
            "number", "address", "empty", "oversize", "enum", "date", "carousel", "suggestions", "conflict",
            "encoding", "longline", "hostile", "url", "control", "whitespace", "sender",
        };

        internal const string SmsFrom = "ConnectCo";
        internal const string EmailFrom = "news@mail.example.com";

        internal static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "BadInput");

        private static readonly Lazy<IReadOnlyList<BadInputCase>> AllCases = new Lazy<IReadOnlyList<BadInputCase>>(Load);

        internal static IReadOnlyList<BadInputCase> Cases => AllCases.Value;

        internal static BadInputCase Find(string file, int row) => Cases.Single(c => c.File == file && c.Row == row);

        private static IReadOnlyList<BadInputCase> Load()
        {
            var cases = new List<BadInputCase>();
            cases.AddRange(Csv("sms.csv", (row, now) => CsvRowComposer.Sms(row, SmsFrom, now)));
            cases.AddRange(Csv("sms-utf8-bom.csv", (row, now) => CsvRowComposer.Sms(row, SmsFrom, now)));
            cases.AddRange(Csv("sms-utf16le.csv", (row, now) => CsvRowComposer.Sms(row, SmsFrom, now)));
            cases.AddRange(Csv("sms-windows1252.csv", (row, now) => CsvRowComposer.Sms(row, SmsFrom, now)));
            cases.AddRange(Csv("sms-long-lines.csv", (row, now) => CsvRowComposer.Sms(row, SmsFrom, now)));
            cases.AddRange(Csv("email.csv", (row, now) => CsvRowComposer.Email(row, EmailFrom, now)));
            cases.AddRange(Csv("email-headers.csv", (row, now) => CsvRowComposer.Email(row, EmailFrom, now)));
            cases.AddRange(Rcs("rcs.json"));
            return cases;
        }

        internal static List<Dictionary<string, string>> ReadCsv(string file) =>
            CsvText.Read(System.IO.File.ReadAllBytes(Path.Combine(Folder, file)));

        private static IEnumerable<BadInputCase> Csv(string file, Func<IReadOnlyDictionary<string, string>, DateTimeOffset, ComposedRow> compose)
        {
            var rows = ReadCsv(file);
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                yield return new BadInputCase(file, i + 1, row["_category"], row["_field"], row["_word"],
                    string.Join(",", row.Where(cell => !cell.Key.StartsWith("_", StringComparison.Ordinal)).Select(cell => cell.Key + "=" + cell.Value)),
                    () => compose(row, Now));
            }
        }

        private static IEnumerable<BadInputCase> Rcs(string file)
        {
            var document = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(Folder, file)));
            var defaults = document.RootElement.GetProperty("defaults");
            var i = 0;
            foreach (var testCase in document.RootElement.GetProperty("cases").EnumerateArray())
            {
                i++;
                var element = testCase;
                yield return new BadInputCase(file, i, element.GetProperty("category").GetString()!,
                    Optional(element, "field"), Optional(element, "word"),
                    string.Join(",", element.EnumerateObject().Where(p => p.Name is not ("category" or "field" or "word")).Select(p => p.ToString())),
                    () => RcsCaseComposer.Compose(defaults, element, Now));
            }
        }

        private static string Optional(JsonElement e, string name) =>
            e.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";
    }
}
