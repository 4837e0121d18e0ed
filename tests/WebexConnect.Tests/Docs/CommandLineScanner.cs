using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace WebexConnect.Tests.Docs
{
    /// <summary>
    /// Finds, in PowerShell example code, each call of one of our cmdlets and the parameter names given to
    /// it, so documentation cannot show a parameter that does not exist. Deliberately simple: quoted text is
    /// ignored, (...) and {...} are read as commands of their own, lines continue after a backtick or a pipe.
    /// </summary>
    internal static class CommandLineScanner
    {
        private static readonly Regex Quoted = new Regex(@"'[^']*'|""[^""]*""");
        private static readonly Regex Innermost = new Regex(@"[({][^(){}]*[)}]");
        private static readonly Regex Word = new Regex(@"(?<![\w$-])-(?<name>[A-Za-z]\w*)");
        private static readonly Regex CommandHead = new Regex(@"^\s*(?:\$[\w:]+\s*=\s*)?&?\s*(?<name>[A-Za-z]+-[A-Za-z]+)\b");

        /// <summary>Each call of a cmdlet in <paramref name="cmdlets"/>: its name and the parameter names written after it.</summary>
        public static IEnumerable<(string Cmdlet, string Parameter)> Calls(string code, ISet<string> cmdlets)
        {
            var joined = Regex.Replace(code.Replace("\r\n", "\n"), @"(`|\|)[ \t]*\n", "$1 ").Replace("`", " ");
            var text = Quoted.Replace(joined, "''");
            var commands = new List<string>();
            // Read nested groups inside out: each group is a command of its own, then stands as one value.
            while (Innermost.IsMatch(text))
                text = Innermost.Replace(text, m => { commands.Add(m.Value.Substring(1, m.Value.Length - 2)); return " value "; });
            commands.Add(text);

            foreach (var command in commands.SelectMany(c => c.Split('\n', '|', ';')))
            {
                // The command is the first word of the statement (after "$x =" or "&"); later words are its arguments.
                var head = CommandHead.Match(command);
                if (!head.Success || !cmdlets.Contains(head.Groups["name"].Value)) continue;
                foreach (Match word in Word.Matches(command.Substring(head.Length)))
                    yield return (head.Groups["name"].Value, word.Groups["name"].Value);
            }
        }
    }
}
