using System;
using System.Collections.Generic;
using System.Linq;

namespace WebexConnect.Tests.Docs
{
    internal enum ArgumentKind
    {
        /// <summary>-Name, or -Name:value with the value in <see cref="InvocationArgument.Attached"/>.</summary>
        Parameter,

        /// <summary>A value: after a parameter it is that parameter's, otherwise it binds by position.</summary>
        Value,

        /// <summary>@name of a table the code does not write as @{...}: its parameters are known only when the code runs.</summary>
        Splat,
    }

    /// <summary>One argument of a call as PowerShell's binder receives it: adjacent pieces and comma lists are one value.</summary>
    internal sealed class InvocationArgument
    {
        public InvocationArgument(ArgumentKind kind, string text, int line, IReadOnlyList<string>? literals = null, InvocationArgument? attached = null)
        {
            Kind = kind;
            Text = text;
            Line = line;
            Literals = literals;
            Attached = attached;
        }

        public ArgumentKind Kind { get; }

        /// <summary>The parameter name without its dash, or the value as written (groups shortened to (...)).</summary>
        public string Text { get; }

        public int Line { get; }

        /// <summary>For a value written as constants (bare words, quoted text without $): each item of the list; else null.</summary>
        public IReadOnlyList<string>? Literals { get; }

        /// <summary>The value written after -Name: (null when there is no colon; empty text when nothing follows it).</summary>
        public InvocationArgument? Attached { get; }

        public override string ToString() => Kind switch
        {
            ArgumentKind.Parameter => "-" + Text + (Attached is null ? "" : ":" + Attached.Text),
            _ => Text,
        };
    }

    /// <summary>
    /// A call of one of our cmdlets in example code: the cmdlet name in command position (first in its
    /// pipeline element, after any "$x =" or call operator) and its arguments up to the end of the element:
    /// a pipe, a semicolon, the end of the enclosing (...) or {...}, or a line end that does not continue.
    /// </summary>
    internal sealed class CmdletInvocation
    {
        private CmdletInvocation(string cmdlet, int line, IReadOnlyList<InvocationArgument> arguments)
        {
            Cmdlet = cmdlet;
            Line = line;
            Arguments = arguments;
        }

        public string Cmdlet { get; }

        /// <summary>The line of the cmdlet name, 1-based within the code that was read.</summary>
        public int Line { get; }

        public IReadOnlyList<InvocationArgument> Arguments { get; }

        /// <summary>The -Name that starts each line after the call that was meant to continue it but does not.</summary>
        public IReadOnlyList<InvocationArgument> Stray { get; private init; } = Array.Empty<InvocationArgument>();

        public override string ToString() => string.Join(" ", Arguments.Select(a => a.ToString()).Prepend(Cmdlet));

        /// <summary>
        /// Every call of a cmdlet in <paramref name="cmdlets"/>, nested calls included, in <paramref name="code"/>.
        /// A splat of a table the code assigns once as <c>$name = @{ Key = value ... }</c> is read as -Key:value
        /// arguments, as PowerShell binds it: help examples splat to fit 80 columns, and stay checked.
        /// </summary>
        public static IReadOnlyList<CmdletInvocation> Find(string code, IReadOnlyCollection<string> cmdlets)
        {
            var tokens = ScriptTokenizer.Tokenize(code);
            return Find(tokens, cmdlets, SplatTables(tokens)).ToArray();
        }

        private static IEnumerable<CmdletInvocation> Find(IReadOnlyList<ScriptToken> tokens, IReadOnlyCollection<string> cmdlets, IReadOnlyDictionary<string, ScriptToken?> tables)
        {
            var elements = PipelineElements(tokens).ToList();
            for (var e = 0; e < elements.Count; e++)
            {
                var element = elements[e].Tokens;
                var head = CommandPosition(element);
                if (head >= element.Count || element[head].Kind != ScriptTokenKind.Word) continue;
                var name = element[head].Text;
                name = name.StartsWith("WebexConnect\\", StringComparison.OrdinalIgnoreCase) ? name.Substring("WebexConnect\\".Length) : name;
                var cmdlet = cmdlets.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
                if (cmdlet is null) continue;
                // Lines that start with -Name right after the call were meant to continue it: a backtick was
                // missing or not the last character on its line, so PowerShell runs them as commands of their own.
                var stray = elements.Skip(e + 1).TakeWhile(next => next.StartsLine && next.Tokens[0].Kind == ScriptTokenKind.Parameter)
                    .Select(next => ReadArguments(next.Tokens, tables)[0]).ToArray();
                yield return new CmdletInvocation(cmdlet, element[head].Line, ReadArguments(element.Skip(head + 1).ToList(), tables)) { Stray = stray };
            }
            // Each (...), {...} and "$(...)" holds statements of its own.
            foreach (var nested in tokens.Where(t => t.Children.Count > 0).SelectMany(t => Find(t.Children, cmdlets, tables)))
                yield return nested;
        }

        /// <summary>
        /// Each variable's name (without $) and the @{...} assigned to it; null when the code names that variable anywhere
        /// else: assigned again, or changed after ($p.Txet = 1, $p['To'] = ..., $p += @{...}, $p.Remove('From')), its keys
        /// are known only when the code runs, and PowerShell binds those.
        /// </summary>
        private static IReadOnlyDictionary<string, ScriptToken?> SplatTables(IReadOnlyList<ScriptToken> tokens)
        {
            var tables = new Dictionary<string, ScriptToken?>(StringComparer.OrdinalIgnoreCase);
            var named = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            void Collect(IReadOnlyList<ScriptToken> level)
            {
                foreach (var variable in level.Where(t => t.Kind == ScriptTokenKind.Variable))
                    named[variable.Text.Substring(1)] = named.TryGetValue(variable.Text.Substring(1), out var count) ? count + 1 : 1;
                foreach (var (element, _) in PipelineElements(level))
                {
                    if (element.Count != 3 || element[0].Kind != ScriptTokenKind.Variable || element[1].Kind != ScriptTokenKind.Word
                        || element[1].Text != "=" || element[2].Kind != ScriptTokenKind.Group || element[2].Text != "@{") continue;
                    var name = element[0].Text.Substring(1);
                    tables[name] = tables.ContainsKey(name) ? null : element[2];
                }
                foreach (var token in level.Where(t => t.Children.Count > 0)) Collect(token.Children);
            }
            Collect(tokens);
            foreach (var name in tables.Keys.Where(name => named[name] > 1).ToList()) tables[name] = null;
            return tables;
        }

        /// <summary>A table's "Key = value" lines as the -Key:value arguments PowerShell binds; null when one is not that shape.</summary>
        private static IReadOnlyList<InvocationArgument>? SplattedArguments(ScriptToken table)
        {
            var arguments = new List<InvocationArgument>();
            var entry = new List<ScriptToken>();
            foreach (var token in table.Children.Append(new ScriptToken(ScriptTokenKind.NewLine, "\n", 0, true)))
            {
                if (token.Kind != ScriptTokenKind.NewLine && token.Kind != ScriptTokenKind.StatementEnd)
                {
                    entry.Add(token);
                    continue;
                }
                if (entry.Count == 0) continue;
                if (entry.Count < 3 || entry[0].Kind is not (ScriptTokenKind.Word or ScriptTokenKind.String) || entry[1].Text != "=") return null;
                var at = 2;
                var value = ReadValue(entry, ref at);
                // More after the value (Text = 'a' + $b) is an expression: its value is known only when it runs.
                if (at < entry.Count) value = new InvocationArgument(ArgumentKind.Value, string.Concat(entry.Skip(2).Select(Shown)), entry[2].Line);
                arguments.Add(new InvocationArgument(ArgumentKind.Parameter, entry[0].Text, entry[0].Line, attached: value));
                entry = new List<ScriptToken>();
            }
            return arguments;
        }

        /// <summary>
        /// Splits statements at | ; &amp;&amp; || and at line ends, except a line end after a pipe or a comma, or
        /// before a line that starts with a pipe (PowerShell 7). A backtick line end never reaches here.
        /// </summary>
        private static IEnumerable<(List<ScriptToken> Tokens, bool StartsLine)> PipelineElements(IReadOnlyList<ScriptToken> tokens)
        {
            var current = new List<ScriptToken>();
            var startsLine = true;
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                // A line end with nothing before it in the element is a blank line or follows a pipe.
                var ends = token.Kind switch
                {
                    ScriptTokenKind.Pipe or ScriptTokenKind.StatementEnd => true,
                    ScriptTokenKind.NewLine => current.Count > 0 && current[^1].Kind != ScriptTokenKind.Comma
                        && tokens.Skip(i + 1).FirstOrDefault(t => t.Kind != ScriptTokenKind.NewLine)?.Kind != ScriptTokenKind.Pipe,
                    _ => false,
                };
                if (ends)
                {
                    if (current.Count > 0) yield return (current, startsLine);
                    current = new List<ScriptToken>();
                    startsLine = token.Kind == ScriptTokenKind.NewLine;
                }
                else if (token.Kind != ScriptTokenKind.NewLine) current.Add(token);
            }
            if (current.Count > 0) yield return (current, startsLine);
        }

        /// <summary>Where the command name is: after "[type] $x.y =" and after the call operators &amp; and dot.</summary>
        private static int CommandPosition(List<ScriptToken> element)
        {
            var at = 0;
            var i = 0;
            while (i < element.Count && element[i].Kind == ScriptTokenKind.Group && element[i].Text == "[") i++;
            if (i < element.Count && element[i].Kind == ScriptTokenKind.Variable)
            {
                i++;
                while (i < element.Count && !element[i].Spaced && IsValue(element[i])) i++;
                if (i < element.Count && element[i].Kind == ScriptTokenKind.Word && IsAssignment(element[i].Text)) at = i + 1;
            }
            if (at < element.Count && element[at].Kind == ScriptTokenKind.Word && (element[at].Text == "&" || element[at].Text == ".")) at++;
            return at;
        }

        private static bool IsAssignment(string word) => word is "=" or "+=" or "-=" or "*=" or "/=" or "%=" or "??=";

        private static bool IsValue(ScriptToken token) =>
            token.Kind is ScriptTokenKind.Word or ScriptTokenKind.Variable or ScriptTokenKind.String or ScriptTokenKind.Group;

        private static IReadOnlyList<InvocationArgument> ReadArguments(List<ScriptToken> tokens, IReadOnlyDictionary<string, ScriptToken?> tables)
        {
            var arguments = new List<InvocationArgument>();
            var i = 0;
            while (i < tokens.Count)
            {
                var token = tokens[i];
                switch (token.Kind)
                {
                    case ScriptTokenKind.Parameter when token.HasColon:
                        i++;
                        // -Name: value, the value may follow after spaces; -Name: alone is PowerShell's own error.
                        var attached = i < tokens.Count && IsValue(tokens[i]) ? ReadValue(tokens, ref i) : new InvocationArgument(ArgumentKind.Value, "", token.Line);
                        arguments.Add(new InvocationArgument(ArgumentKind.Parameter, token.Text, token.Line, attached: attached));
                        break;
                    case ScriptTokenKind.Parameter:
                        arguments.Add(new InvocationArgument(ArgumentKind.Parameter, token.Text, token.Line));
                        i++;
                        break;
                    case ScriptTokenKind.Splat when tables.TryGetValue(token.Text.Substring(1), out var table) && table != null
                        && SplattedArguments(table) is { } splatted:
                        arguments.AddRange(splatted);
                        i++;
                        break;
                    case ScriptTokenKind.Splat:
                        arguments.Add(new InvocationArgument(ArgumentKind.Splat, token.Text, token.Line));
                        i++;
                        break;
                    case ScriptTokenKind.Redirection:
                        // 2>&1 stands alone; > file takes the next value as its target.
                        i++;
                        if (!token.Text.Contains('&') && i < tokens.Count && IsValue(tokens[i])) ReadValue(tokens, ref i);
                        break;
                    case var _ when IsValue(token):
                        arguments.Add(ReadValue(tokens, ref i));
                        break;
                    default:
                        i++; // a stray comma or line end: not an argument
                        break;
                }
            }
            return arguments;
        }

        /// <summary>One value: adjacent pieces ((Get-Date).Date, $x.Name) and a comma list (a, b) are one argument.</summary>
        private static InvocationArgument ReadValue(List<ScriptToken> tokens, ref int i)
        {
            var line = tokens[i].Line;
            var items = new List<List<ScriptToken>>();
            while (true)
            {
                var item = new List<ScriptToken> { tokens[i++] };
                while (i < tokens.Count && !tokens[i].Spaced && IsValue(tokens[i])) item.Add(tokens[i++]);
                items.Add(item);
                var comma = i;
                while (comma < tokens.Count && (tokens[comma].Kind == ScriptTokenKind.Comma || tokens[comma].Kind == ScriptTokenKind.NewLine)) comma++;
                if (i >= tokens.Count || tokens[i].Kind != ScriptTokenKind.Comma || comma >= tokens.Count || !IsValue(tokens[comma])) break;
                i = comma;
            }
            var text = string.Join(", ", items.Select(item => string.Concat(item.Select(Shown))));
            var literals = items.All(item => item.Count == 1 && IsLiteral(item[0])) ? items.Select(item => item[0].Text).ToArray() : null;
            return new InvocationArgument(ArgumentKind.Value, text, line, literals);
        }

        /// <summary>A constant: a bare word, or a string that expands nothing (double quotes without $ inside).</summary>
        private static bool IsLiteral(ScriptToken token) =>
            token.Kind == ScriptTokenKind.Word || (token.Kind == ScriptTokenKind.String && !(token.Expandable && token.Text.Contains('$')));

        private static string Shown(ScriptToken token) => token.Kind switch
        {
            ScriptTokenKind.String when token.Expandable => "\"" + token.Text + "\"",
            ScriptTokenKind.String => "'" + token.Text + "'",
            ScriptTokenKind.Group => token.Text + "..." + ScriptToken.Closer(token.Text),
            _ => token.Text,
        };
    }
}
