using System;
using System.Collections.Generic;
using System.Linq;
using WebexConnect.Messages.Validation;
using Xunit;

namespace WebexConnect.Tests.Validation
{
    /// <summary>Assertions that print every problem found, so a failure shows what the user would see.</summary>
    internal static class ValidationAssert
    {
        internal static readonly DateTimeOffset Now = new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);

        internal static void Valid(IReadOnlyList<ValidationProblem> problems) =>
            Assert.True(problems.Count == 0, "expected no problem, got: " + Describe(problems));

        /// <summary>Exactly one problem, on the field; returns its message.</summary>
        internal static string Single(IReadOnlyList<ValidationProblem> problems, string field)
        {
            Assert.True(problems.Count == 1 && problems[0].Field == field,
                $"expected one problem on {field}, got: " + Describe(problems));
            return problems[0].Message;
        }

        internal static string Describe(IReadOnlyList<ValidationProblem> problems) =>
            problems.Count == 0 ? "(none)" : string.Join(" | ", problems.Select(p => p.ToString()));
    }
}
