using System;
using System.Collections.Generic;
using System.Linq;

namespace WebexConnect.Tests.Docs
{
    /// <summary>
    /// What PowerShell's parameter binder would say about a call before running it, from the cmdlet's
    /// attributes: each -Name must resolve to one parameter (name, alias or unambiguous prefix, common
    /// parameters included), a switch takes no separate value and any other parameter needs one, the named
    /// parameters must share a parameter set, positional values need a free position in such a set, and a
    /// constant given to an enum or [ValidateSet] parameter must be one of its values. Mandatory parameters
    /// are not required: pipeline input or a prompt may supply them.
    /// </summary>
    internal static class InvocationBinding
    {
        /// <summary>The problems PowerShell would report, each with the line of its argument; empty when the call binds.</summary>
        public static IReadOnlyList<(int Line, string Text)> Problems(CmdletMetadata cmdlet, CmdletInvocation invocation)
        {
            var problems = new List<(int Line, string Text)>();
            var named = new List<ParameterMetadata>();
            var bound = new HashSet<string>(StringComparer.Ordinal);
            var positional = new List<InvocationArgument>();
            foreach (var stray in invocation.Stray)
                problems.Add((stray.Line, $"-{stray.Text} starts a line the call does not continue to (a backtick must be the last character of the line before): PowerShell runs it as a command"));
            var arguments = invocation.Arguments;
            for (var i = 0; i < arguments.Count; i++)
            {
                var argument = arguments[i];
                if (argument.Kind == ArgumentKind.Value) { positional.Add(argument); continue; }
                if (argument.Kind == ArgumentKind.Splat) throw new InvalidOperationException("a splatted call cannot be checked: " + invocation);

                var next = i + 1 < arguments.Count && arguments[i + 1].Kind == ArgumentKind.Value ? arguments[i + 1] : null;
                var (parameter, problem) = Resolve(cmdlet, argument.Text);
                if (parameter is null)
                {
                    problems.Add((argument.Line, problem!));
                    if (next != null) i++; // most likely its value: do not report it again as positional
                    continue;
                }
                if (!bound.Add(parameter.Name)) problems.Add((argument.Line, $"-{argument.Text}: -{parameter.Name} is given more than once"));
                if (parameter.Declared != null) named.Add(parameter.Declared);
                if (argument.Attached != null)
                {
                    if (argument.Attached.Text.Length == 0) problems.Add((argument.Line, $"-{argument.Text}: no value after the colon"));
                    else problems.AddRange(ValueProblems(argument.Text, parameter, argument.Attached).Select(p => (argument.Line, p)));
                }
                else if (parameter.IsSwitch)
                {
                    if (next != null)
                    {
                        problems.Add((argument.Line, $"-{argument.Text} is a switch and takes no value: {next.Text} would bind by position instead; write -{argument.Text}:{next.Text}"));
                        i++;
                    }
                }
                else if (next is null) problems.Add((argument.Line, $"-{argument.Text} needs a value (\"Missing an argument for parameter '{parameter.Name}'\")"));
                else
                {
                    problems.AddRange(ValueProblems(argument.Text, parameter, next).Select(p => (next.Line, p)));
                    i++;
                }
            }

            problems.AddRange(SetProblems(cmdlet, invocation, named, bound, positional));
            return problems;
        }

        /// <summary>The named parameters must share a set, and that set must have a free position for each positional value.</summary>
        private static IEnumerable<(int Line, string Text)> SetProblems(
            CmdletMetadata cmdlet, CmdletInvocation invocation, IReadOnlyList<ParameterMetadata> named, ISet<string> bound, IReadOnlyList<InvocationArgument> positional)
        {
            var sets = cmdlet.ParameterSets.Where(set => named.All(p => InSet(p, set))).ToArray();
            if (sets.Length == 0)
            {
                // Only the parameters that narrow the choice explain it; those in every set do not.
                var narrowing = named.Where(p => SetsOf(cmdlet, p).Count() < cmdlet.ParameterSets.Count);
                yield return (invocation.Line, "no parameter set has all of " + string.Join(", ", narrowing.Select(p => $"-{p.Name} ({string.Join("|", SetsOf(cmdlet, p))})"))
                    + " (\"Parameter set cannot be resolved using the specified named parameters\")");
            }
            else if (positional.Count > 0 && !sets.Any(set => FreePositions(cmdlet, set, bound) >= positional.Count))
            {
                var extra = positional[Math.Min(positional.Count - 1, sets.Max(set => FreePositions(cmdlet, set, bound)))];
                yield return (extra.Line, $"{extra.Text}: no free positional parameter takes it (\"A positional parameter cannot be found that accepts argument\")");
            }
        }

        /// <summary>A constant given to an enum or [ValidateSet] parameter must be one of its values (a number converts to an enum too).</summary>
        private static IEnumerable<string> ValueProblems(string written, Bindable parameter, InvocationArgument value)
        {
            var accepted = parameter.Declared?.AcceptedValues ?? Array.Empty<string>();
            if (accepted.Count == 0 || value.Literals is null) yield break;
            foreach (var literal in value.Literals.Where(l => !accepted.Contains(l, StringComparer.OrdinalIgnoreCase) && !int.TryParse(l, out _)))
                yield return $"-{written}: '{literal}' is not one of its values ({string.Join(", ", accepted)})";
        }

        /// <summary>
        /// PowerShell's rule: an exact name or alias wins; otherwise every name and alias the text begins
        /// is a match, and more than one parameter matching is ambiguous unless exactly one of them is the
        /// cmdlet's own (PowerShell prefers it over the common parameters).
        /// </summary>
        private static (Bindable? Parameter, string? Problem) Resolve(CmdletMetadata cmdlet, string text)
        {
            var all = Bindable.Of(cmdlet);
            var exact = all.FirstOrDefault(p => p.Names.Any(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)));
            if (exact != null) return (exact, null);
            var matches = all.Where(p => p.Names.Any(n => n.StartsWith(text, StringComparison.OrdinalIgnoreCase))).ToArray();
            if (matches.Length > 1 && matches.Count(m => m.Declared != null) == 1) matches = matches.Where(m => m.Declared != null).ToArray();
            return matches.Length switch
            {
                1 => (matches[0], null),
                0 => (null, $"-{text}: {cmdlet.Name} has no such parameter (\"A parameter cannot be found that matches parameter name '{text}'\")"),
                _ => (null, $"-{text} is ambiguous: it could be {string.Join(", ", matches.Select(m => "-" + m.Name))}"),
            };
        }

        private static bool InSet(ParameterMetadata parameter, string set) =>
            parameter.Sets.Any(s => s.Set == set || s.Set == CmdletMetadata.AllSets);

        private static IEnumerable<string> SetsOf(CmdletMetadata cmdlet, ParameterMetadata parameter) =>
            cmdlet.ParameterSets.Where(set => InSet(parameter, set));

        /// <summary>How many parameters of <paramref name="set"/> have a position and are not bound by name.</summary>
        private static int FreePositions(CmdletMetadata cmdlet, string set, ISet<string> bound) =>
            cmdlet.ParametersIn(set).Count(p => !bound.Contains(p.Name)
                && p.Sets.Any(s => (s.Set == set || s.Set == CmdletMetadata.AllSets) && s.Position != null));

        /// <summary>A parameter a -Name can bind to: the cmdlet's own, or a common one.</summary>
        private sealed class Bindable
        {
            private Bindable(string name, IEnumerable<string> aliases, bool isSwitch, ParameterMetadata? declared)
            {
                Name = name;
                Names = aliases.Prepend(name).ToArray();
                IsSwitch = isSwitch;
                Declared = declared;
            }

            public string Name { get; }

            /// <summary>The name, then the aliases.</summary>
            public IReadOnlyList<string> Names { get; }

            public bool IsSwitch { get; }

            /// <summary>The cmdlet's own parameter; null for a common one (which is in every set).</summary>
            public ParameterMetadata? Declared { get; }

            public static IReadOnlyList<Bindable> Of(CmdletMetadata cmdlet) =>
                cmdlet.Parameters.Select(p => new Bindable(p.Name, p.Aliases, p.IsSwitch, p))
                    .Concat(CommonParameter.All.Concat(cmdlet.SupportsShouldProcess ? CommonParameter.ShouldProcess : Array.Empty<CommonParameter>())
                        .Select(c => new Bindable(c.Name, new[] { c.Alias }, c.IsSwitch, null)))
                    .ToArray();
        }
    }
}
