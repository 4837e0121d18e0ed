using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace WebexConnect.Tests.Docs
{
    /// <summary>
    /// Every call of the module's cmdlets that the docs, the example scripts and the README show would bind
    /// in PowerShell: no "A parameter cannot be found", no "Parameter set cannot be resolved" for a user
    /// who copies it. Checked against the compiled cmdlets' attributes, so a renamed parameter or a moved
    /// parameter set fails here until the docs follow.
    /// </summary>
    public class ExampleInvocationTests
    {
        /// <summary>Calls the checker cannot see through (a splatted @hashtable); a few are fine, each is listed.</summary>
        private const int MostSkipped = 3;

        private readonly ITestOutputHelper _output;

        public ExampleInvocationTests(ITestOutputHelper output) => _output = output;

        private static Survey Examples { get; } = Survey.Take();

        [Fact]
        public void EveryExampleCallBindsToItsCmdlet()
        {
            _output.WriteLine($"{Examples.Checked.Count} calls checked in {DocumentedExamples.All.Count} code blocks, {Examples.Skipped.Count} skipped");
            foreach (var (source, invocation, _) in Examples.Checked) _output.WriteLine($"{source.Where(invocation.Line)}: {invocation}");
            // Unreadable code (an unclosed quote or bracket) fails a user's PowerShell as surely as a wrong parameter.
            var wrong = Examples.Unreadable.Concat(Examples.Checked.SelectMany(c => c.Problems.Select(p =>
                $"{c.Source.Where(p.Line)}: {c.Invocation.Cmdlet}: {p.Text}\n    in: {c.Invocation}"))).ToArray();
            Assert.True(wrong.Length == 0, "Examples PowerShell would refuse to run:\n" + string.Join("\n", wrong));
            Assert.True(Examples.Checked.Count >= 40, $"Only {Examples.Checked.Count} calls found: the checker is not reading the examples");
        }

        [Fact]
        public void OnlyAFewCallsAreTooDynamicToCheck()
        {
            foreach (var skipped in Examples.Skipped) _output.WriteLine("skipped (splatted): " + skipped);
            Assert.True(Examples.Skipped.Count <= MostSkipped,
                $"{Examples.Skipped.Count} calls splat their parameters and cannot be checked; show the parameters instead:\n" + string.Join("\n", Examples.Skipped));
        }

        [Fact]
        public void EveryCmdletIsShownInACheckedExample()
        {
            var shown = Examples.Checked.Select(c => c.Invocation.Cmdlet).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var missing = CmdletMetadata.All.Select(c => c.Name).Where(n => !shown.Contains(n)).ToArray();
            Assert.True(missing.Length == 0, "Cmdlets no checked example calls: " + string.Join(", ", missing));
        }

        private sealed class Survey
        {
            public List<(ExampleCode Source, CmdletInvocation Invocation, IReadOnlyList<(int Line, string Text)> Problems)> Checked { get; } = new();

            public List<string> Skipped { get; } = new();

            public List<string> Unreadable { get; } = new();

            public static Survey Take()
            {
                var survey = new Survey();
                var cmdlets = CmdletMetadata.All.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
                foreach (var example in DocumentedExamples.All)
                {
                    IReadOnlyList<CmdletInvocation> invocations;
                    try
                    {
                        invocations = CmdletInvocation.Find(example.Code, cmdlets.Keys);
                    }
                    catch (ScriptSyntaxException e)
                    {
                        survey.Unreadable.Add($"{example.Where(e.Line)}: {e.Problem}");
                        continue;
                    }
                    foreach (var invocation in invocations.OrderBy(i => i.Line))
                    {
                        if (invocation.Arguments.Any(a => a.Kind == ArgumentKind.Splat)) survey.Skipped.Add($"{example.Where(invocation.Line)}: {invocation}");
                        else survey.Checked.Add((example, invocation, InvocationBinding.Problems(cmdlets[invocation.Cmdlet], invocation)));
                    }
                }
                return survey;
            }
        }
    }
}
