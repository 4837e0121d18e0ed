using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Messages.Validation;
using Xunit;

namespace WebexConnect.Tests.BadInput
{
    /// <summary>
    /// Every bad row of the corpus gets an error that names its row, its field and the rule; every good row
    /// in the same files passes, so a run sends it.
    /// </summary>
    public sealed class BadInputCorpusTests
    {
        public static IEnumerable<object[]> BadRows() =>
            BadInputCorpus.Cases.Where(c => !c.IsGood).Select(c => new object[] { c.File, c.Row });

        public static IEnumerable<object[]> GoodRows() =>
            BadInputCorpus.Cases.Where(c => c.IsGood).Select(c => new object[] { c.File, c.Row });

        [Theory]
        [MemberData(nameof(BadRows))]
        public void Bad_row_gets_an_error_naming_its_row_field_and_rule(string file, int row)
        {
            var testCase = BadInputCorpus.Find(file, row);
            var problems = testCase.Compose().Validate(BadInputCorpus.Now);
            var seen = ValidationProblems(problems);

            Assert.True(problems.Count > 0, $"{testCase}: expected a problem on {testCase.Field}, got none");
            var onField = problems.Where(p => p.Field == testCase.Field).ToArray();
            Assert.True(onField.Length > 0, $"{testCase}: expected a problem on {testCase.Field}, got: {seen}");
            Assert.True(onField.Any(p => p.Message.IndexOf(testCase.Word, StringComparison.OrdinalIgnoreCase) >= 0),
                $"{testCase}: expected the {testCase.Field} problem to say '{testCase.Word}', got: {seen}");

            var text = testCase.Compose().ErrorText(row, BadInputCorpus.Now)!;
            Assert.StartsWith($"Row {row}: ", text, StringComparison.Ordinal);
            Assert.Contains(testCase.Field + ": ", text, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(GoodRows))]
        public void Good_row_has_no_problem(string file, int row)
        {
            var testCase = BadInputCorpus.Find(file, row);
            var problems = testCase.Compose().Validate(BadInputCorpus.Now);
            Assert.True(problems.Count == 0, $"{testCase}: expected no problem, got: {ValidationProblems(problems)}");
        }

        [Fact]
        public void A_run_over_each_file_sends_exactly_its_good_rows_in_order()
        {
            foreach (var file in BadInputCorpus.Cases.GroupBy(c => c.File))
            {
                var sendable = file.Where(c => c.Compose().Validate(BadInputCorpus.Now).Count == 0).Select(c => c.Row).ToArray();
                var good = file.Where(c => c.IsGood).Select(c => c.Row).ToArray();
                Assert.True(good.Length > 0 && file.Any(c => !c.IsGood), $"{file.Key} should mix good and bad rows");
                Assert.Equal(good, sendable);
            }
        }

        [Fact]
        public void Corpus_has_at_least_100_bad_rows_covering_every_category()
        {
            var bad = BadInputCorpus.Cases.Where(c => !c.IsGood).ToArray();
            Assert.True(bad.Length >= 100, $"only {bad.Length} bad rows");

            var unknown = BadInputCorpus.Cases.Select(c => c.Category).Where(c => c != BadInputCorpus.Good && !BadInputCorpus.Categories.Contains(c)).Distinct();
            Assert.Empty(unknown);
            var missing = BadInputCorpus.Categories.Where(category => !bad.Any(c => c.Category == category));
            Assert.Empty(missing);
            Assert.All(bad, c => Assert.False(string.IsNullOrEmpty(c.Field) || string.IsNullOrEmpty(c.Word), $"{c} needs _field and _word"));
        }

        [Fact]
        public void Corpus_rows_are_distinct_inputs()
        {
            var repeated = BadInputCorpus.Cases.Where(c => !c.IsGood)
                .GroupBy(c => (c.File, c.Input))
                .Where(g => g.Count() > 1)
                .Select(g => string.Join(", ", g));
            Assert.Empty(repeated);
        }

        private static string ValidationProblems(IReadOnlyList<ValidationProblem> problems) =>
            problems.Count == 0 ? "(none)" : string.Join(" | ", problems.Select(p => InputEcho.Visible(p.ToString())));
    }
}
