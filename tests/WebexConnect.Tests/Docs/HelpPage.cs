using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace WebexConnect.Tests.Docs
{
    /// <summary>
    /// A cmdlet page in docs/, read the way PlatyPS 1.0 (schema 2024-05-01) reads it: front matter,
    /// "## " sections, "### " entries, and the yaml block of each parameter. Only what the tests check is
    /// parsed; a page this reader cannot follow fails the tests rather than passing them.
    /// </summary>
    internal sealed class HelpPage
    {
        private static readonly Regex Section = new Regex(@"^## (?<name>.+?)\s*$");
        private static readonly Regex Entry = new Regex(@"^### (?<name>.+?)\s*$");

        private HelpPage(string path, string text)
        {
            Path = path;
            var lines = text.Replace("\r\n", "\n").Split('\n');
            Lines = lines;
            var body = ReadFrontMatter(lines, FrontMatter);
            Title = lines.Skip(body).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?.Substring(2).Trim();

            string? section = null;
            string? entry = null;
            foreach (var line in lines.Skip(body))
            {
                var s = Section.Match(line);
                if (s.Success)
                {
                    section = s.Groups["name"].Value;
                    entry = null;
                    Sections[section] = new List<string>();
                    continue;
                }
                if (section is null) continue;
                var e = Entry.Match(line);
                if (e.Success)
                {
                    entry = e.Groups["name"].Value;
                    Entries(section)[entry] = new List<string>();
                    continue;
                }
                Sections[section].Add(line);
                if (entry != null) Entries(section)[entry].Add(line);
            }
        }

        public string Path { get; }

        public string FileName => System.IO.Path.GetFileName(Path);

        /// <summary>The page's lines as written, front matter included.</summary>
        public IReadOnlyList<string> Lines { get; }

        public Dictionary<string, string> FrontMatter { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public string? Title { get; }

        /// <summary>Each "## " section's lines, its "### " entries included.</summary>
        public Dictionary<string, List<string>> Sections { get; } = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        private Dictionary<string, Dictionary<string, List<string>>> EntriesBySection { get; } =
            new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);

        /// <summary>The "### " entries of a section, in page order, each with its lines.</summary>
        public Dictionary<string, List<string>> Entries(string section)
        {
            if (!EntriesBySection.TryGetValue(section, out var entries))
                EntriesBySection[section] = entries = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            return entries;
        }

        /// <summary>The section's text without its entries' headings, trimmed; empty when the section is missing.</summary>
        public string Text(string section) =>
            Sections.TryGetValue(section, out var lines) ? string.Join("\n", lines).Trim() : "";

        /// <summary>The documented parameters (### -Name under ## PARAMETERS) with their yaml facts.</summary>
        public IReadOnlyList<DocumentedParameter> Parameters =>
            Entries("PARAMETERS").Where(e => e.Key.StartsWith("-", StringComparison.Ordinal))
                .Select(e => DocumentedParameter.Read(e.Key.Substring(1), e.Value)).ToArray();

        /// <summary>The syntax blocks: set name (without " (Default)"), whether marked default, and the syntax text.</summary>
        public IReadOnlyList<(string Set, bool IsDefault, string Syntax)> SyntaxBlocks =>
            Entries("SYNTAX").Select(e =>
            {
                var isDefault = e.Key.EndsWith(" (Default)", StringComparison.Ordinal);
                var set = isDefault ? e.Key.Substring(0, e.Key.Length - " (Default)".Length) : e.Key;
                return (set, isDefault, string.Join("\n", CodeLines(e.Value)));
            }).ToArray();

        /// <summary>Each example's code (the lines inside its fences).</summary>
        public IReadOnlyList<(string Title, string Code)> Examples =>
            Entries("EXAMPLES").Select(e => (e.Key, string.Join("\n", CodeLines(e.Value)))).ToArray();

        public static HelpPage Load(string path) => new HelpPage(path, File.ReadAllText(path));

        /// <summary>The lines inside ``` fences.</summary>
        public static IEnumerable<string> CodeLines(IEnumerable<string> lines) => CodeBlocks(lines).SelectMany(b => b.Lines);

        /// <summary>Each ``` fenced block: the line number (1-based) of its first code line, its info string ("powershell"), its lines.</summary>
        public static IEnumerable<(int FirstLine, string Info, IReadOnlyList<string> Lines)> CodeBlocks(IEnumerable<string> lines)
        {
            List<string>? block = null;
            var info = "";
            var first = 0;
            var number = 0;
            foreach (var line in lines)
            {
                number++;
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    if (block is null)
                    {
                        (block, info, first) = (new List<string>(), line.Trim().Substring(3).Trim(), number + 1);
                        continue;
                    }
                    yield return (first, info, block);
                    block = null;
                    continue;
                }
                block?.Add(line);
            }
        }

        private static int ReadFrontMatter(string[] lines, Dictionary<string, string> into)
        {
            if (lines.Length == 0 || lines[0].Trim() != "---") return 0;
            for (var i = 1; i < lines.Length; i++)
            {
                if (lines[i].Trim() == "---") return i + 1;
                var colon = lines[i].IndexOf(':');
                if (colon > 0) into[lines[i].Substring(0, colon).Trim()] = lines[i].Substring(colon + 1).Trim();
            }
            return 0;
        }
    }

    /// <summary>A "### -Name" entry: its description and the facts of its yaml block.</summary>
    internal sealed class DocumentedParameter
    {
        public string Name { get; private set; } = "";

        public string Description { get; private set; } = "";

        public Dictionary<string, string> Scalars { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public List<string> Aliases { get; } = new List<string>();

        public List<string> AcceptedValues { get; } = new List<string>();

        /// <summary>One dictionary per "- Name: ..." item under ParameterSets.</summary>
        public List<Dictionary<string, string>> ParameterSets { get; } = new List<Dictionary<string, string>>();

        public bool HasYaml { get; private set; }

        /// <summary>How many ```yaml blocks the entry has; PlatyPS reads only the first.</summary>
        public int YamlBlockCount { get; private set; }

        /// <summary>The top-level keys of the yaml block, in order.</summary>
        public List<string> Keys { get; } = new List<string>();

        /// <summary>Every scalar of the yaml block (top level and inside ParameterSets) as written, quotes included.</summary>
        public List<(string Key, string Value)> RawScalars { get; } = new List<(string Key, string Value)>();

        public static DocumentedParameter Read(string name, List<string> lines)
        {
            var parameter = new DocumentedParameter { Name = name };
            var fence = lines.FindIndex(l => l.TrimStart().StartsWith("```yaml", StringComparison.Ordinal));
            parameter.YamlBlockCount = lines.Count(l => l.TrimStart().StartsWith("```yaml", StringComparison.Ordinal));
            parameter.Description = string.Join("\n", fence < 0 ? lines : lines.Take(fence)).Trim();
            if (fence < 0) return parameter;
            parameter.HasYaml = true;

            string? list = null;
            foreach (var line in lines.Skip(fence + 1).TakeWhile(l => !l.TrimStart().StartsWith("```", StringComparison.Ordinal)))
            {
                if (line.Length == 0) continue;
                if (!char.IsWhiteSpace(line[0]) && !line.StartsWith("-", StringComparison.Ordinal))
                {
                    var colon = line.IndexOf(':');
                    var key = line.Substring(0, colon).Trim();
                    var value = line.Substring(colon + 1).Trim();
                    list = value.Length == 0 ? key : null;
                    parameter.Keys.Add(key);
                    if (value.Length > 0) parameter.RawScalars.Add((key, value));
                    if (value != "[]" && value.Length > 0) parameter.Scalars[key] = Unquote(value);
                    continue;
                }
                var item = line.TrimStart();
                var isNewItem = item.StartsWith("- ", StringComparison.Ordinal);
                if (isNewItem) item = item.Substring(2);
                switch (list)
                {
                    case "Aliases":
                        parameter.RawScalars.Add((list, item));
                        parameter.Aliases.Add(Unquote(item));
                        break;
                    case "AcceptedValues":
                        parameter.RawScalars.Add((list, item));
                        parameter.AcceptedValues.Add(Unquote(item));
                        break;
                    case "ParameterSets":
                        if (isNewItem) parameter.ParameterSets.Add(new Dictionary<string, string>(StringComparer.Ordinal));
                        var colon = item.IndexOf(':');
                        if (colon > 0 && parameter.ParameterSets.Count > 0)
                        {
                            var setKey = item.Substring(0, colon).Trim();
                            var setValue = item.Substring(colon + 1).Trim();
                            parameter.RawScalars.Add((setKey, setValue));
                            parameter.ParameterSets[^1][setKey] = Unquote(setValue);
                        }
                        break;
                }
            }
            return parameter;
        }

        private static string Unquote(string value) =>
            value.Length >= 2 && (value[0] == '\'' || value[0] == '"') && value[^1] == value[0]
                ? value.Substring(1, value.Length - 2).Replace("''", "'")
                : value;
    }
}
