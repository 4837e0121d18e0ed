using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace WebexConnect.Tests.Docs
{
    /// <summary>A piece of example code a user may copy, and where it starts (file relative to the repository, 1-based line).</summary>
    internal sealed class ExampleCode
    {
        public ExampleCode(string file, int firstLine, string code)
        {
            File = file;
            FirstLine = firstLine;
            Code = code;
        }

        public string File { get; }

        public int FirstLine { get; }

        public string Code { get; }

        /// <summary>"docs/x.md:12" for a line of the code (1-based within it).</summary>
        public string Where(int line) => $"{File}:{FirstLine + line - 1}";
    }

    /// <summary>
    /// Every place the repository shows PowerShell to copy: the powershell blocks of docs/*.md (the cmdlet
    /// pages' examples; their SYNTAX blocks are plain ``` and are not code), the indented blocks of the
    /// about_ topic (plain text help has no fences), the scripts in docs/examples and the README's blocks.
    /// </summary>
    internal static class DocumentedExamples
    {
        private static readonly string[] PowerShellInfo = { "powershell", "pwsh", "ps", "ps1" };

        public static IReadOnlyList<ExampleCode> All { get; } = Read().ToArray();

        private static IEnumerable<ExampleCode> Read()
        {
            var docs = Path.Combine(RepoPaths.Root, "docs");
            foreach (var page in Directory.GetFiles(docs, "*.md").OrderBy(p => p, StringComparer.Ordinal))
            {
                var name = "docs/" + Path.GetFileName(page);
                var lines = File.ReadAllLines(page);
                foreach (var block in Fenced(name, lines)) yield return block;
                if (Path.GetFileName(page).StartsWith("about_", StringComparison.Ordinal))
                    foreach (var block in Indented(name, lines)) yield return block;
            }
            foreach (var script in Directory.GetFiles(Path.Combine(docs, "examples"), "*.ps1").OrderBy(p => p, StringComparer.Ordinal))
                yield return new ExampleCode("docs/examples/" + Path.GetFileName(script), 1, File.ReadAllText(script));
            foreach (var block in Fenced("README.md", File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md")))) yield return block;
        }

        private static IEnumerable<ExampleCode> Fenced(string file, string[] lines) =>
            HelpPage.CodeBlocks(lines).Where(b => PowerShellInfo.Contains(b.Info, StringComparer.OrdinalIgnoreCase))
                .Select(b => new ExampleCode(file, b.FirstLine, string.Join("\n", b.Lines)));

        /// <summary>Markdown's indented code: lines indented 4 or more, starting after a blank line (else it continues a paragraph).</summary>
        private static IEnumerable<ExampleCode> Indented(string file, string[] lines)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                if (!IsIndented(lines[i]) || (i > 0 && lines[i - 1].Trim().Length > 0)) continue;
                var first = i;
                while (i < lines.Length && (IsIndented(lines[i]) || lines[i].Trim().Length == 0)) i++;
                yield return new ExampleCode(file, first + 1, string.Join("\n", lines.Skip(first).Take(i - first).Select(l => l.Length >= 4 ? l.Substring(4) : l)));
            }
        }

        private static bool IsIndented(string line) => line.StartsWith("    ", StringComparison.Ordinal) && line.Trim().Length > 0;
    }
}
