using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using WebexConnect.Composition;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Tab completion of a parameter whose values are column names (-SubstitutionColumn, -ToProperty): the columns of the
    /// CSV file that an Import-Csv earlier in the same pipeline reads, as Import-Csv itself names them. Without it the
    /// tab key offered the current folder's file names, which are never right here.
    /// </summary>
    /// <remarks>
    /// Only what can be known without running the user's code: Import-Csv's arguments must be constants (a path, a
    /// delimiter, -Header names, -UseCulture, -Encoding), variables that hold text ($csv, $env:CSV) or strings made of
    /// those ("$HOME\june.csv"), as an admin sets a path at the prompt before the pipeline; anything else, or a file
    /// that cannot be read, completes nothing.
    /// </remarks>
    public sealed class CsvColumnCompleter : IArgumentCompleter
    {
        private static readonly string[] ImportCsvNames = { "Import-Csv", "ipcsv", @"Microsoft.PowerShell.Utility\Import-Csv" };

        // The Import-Csv parameters that decide which columns it reads; none of them runs code.
        private static readonly string[] ColumnParameters = { "Path", "LiteralPath", "Delimiter", "UseCulture", "Header", "Encoding" };

        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = (wordToComplete ?? "").Trim('\'', '"');
            return ColumnsOf(commandAst).Where(c => c.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(c => new CompletionResult(PowerShellWord.Of(c), c,
                    CompletionResultType.ParameterValue, "A column of the CSV file piped in"))
                .ToList();
        }

        /// <summary>
        /// The columns of the CSV file that an Import-Csv before <paramref name="commandAst"/> in its pipeline reads; none
        /// when there is none, or it cannot be known without running the user's code.
        /// </summary>
        internal static IReadOnlyList<string> ColumnsOf(CommandAst commandAst)
        {
            // What Import-Csv could not read (no such file, a file in use, a column named twice) is the completion's
            // business, not the admin's: $Error[0] stays the last error of their own commands.
            ArrayList? errors = null;
            object?[]? before = null;
            IReadOnlyList<string> columns;
            try
            {
                errors = Engine()?.SessionState.PSVariable.GetValue("Error") as ArrayList;
                before = errors?.ToArray();
                columns = ColumnsPipedInto(commandAst);
            }
            catch (Exception ex) when (ex is RuntimeException || ex is InvalidOperationException || ex is ArgumentException)
            {
                // Nothing known: no columns, and so no file names either (a completer that throws gets PowerShell's file names instead).
                return Array.Empty<string>();
            }
            finally
            {
                // Put back as it was, not only without the new entries: a full $Error (256, as in a long session) dropped its
                // oldest entries to make room for them.
                if (errors is not null && before is not null && Changed(errors, before))
                {
                    errors.Clear();
                    errors.AddRange(before);
                }
            }
            return columns;
        }

        private static bool Changed(ArrayList errors, object?[] before) =>
            errors.Count != before.Length || (before.Length > 0 && (!ReferenceEquals(errors[0], before[0]) || !ReferenceEquals(errors[errors.Count - 1], before[before.Length - 1])));

        /// <summary>The column names of the Import-Csv before <paramref name="command"/> in its pipeline; none when there is none.</summary>
        private static IReadOnlyList<string> ColumnsPipedInto(CommandAst command)
        {
            if (command.Parent is not PipelineAst pipeline) return Array.Empty<string>();
            var before = pipeline.PipelineElements.TakeWhile(e => !ReferenceEquals(e, command));
            var importCsv = before.OfType<CommandAst>()
                .LastOrDefault(c => ImportCsvNames.Contains(c.GetCommandName() ?? "", StringComparer.OrdinalIgnoreCase));
            if (importCsv is null) return Array.Empty<string>();

            var bound = StaticParameterBinder.BindCommand(importCsv, true);
            var arguments = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var name in ColumnParameters)
            {
                if (!bound.BoundParameters.TryGetValue(name, out var parameter)) continue;
                // A constant (a switch such as -UseCulture has only that), an array of them (-Header A,B), or text that
                // variables hold.
                arguments[name] = parameter.ConstantValue ?? TextOfVariables(parameter.Value) ?? parameter.Value?.SafeGetValue();
            }
            if (arguments["Header"] is object header)
                return LanguagePrimitives.ConvertTo<string[]>(header);
            if (!arguments.ContainsKey("Path") && !arguments.ContainsKey("LiteralPath")) return Array.Empty<string>();

            // Import-Csv itself, in this runspace (so a relative path is relative to the current location), reads the
            // header and the first row only.
            using var powershell = PowerShell.Create(RunspaceMode.CurrentRunspace);
            powershell.AddCommand(@"Microsoft.PowerShell.Utility\Import-Csv").AddParameters(arguments).AddParameter("ErrorAction", "Ignore")
                .AddCommand(@"Microsoft.PowerShell.Utility\Select-Object").AddParameter("First", 1);
            var first = powershell.Invoke().FirstOrDefault() ?? RowOfHeaderOnly(arguments);
            return first is null ? Array.Empty<string>() : first.Properties.Select(p => p.Name).ToList();
        }

        /// <summary>
        /// A file of a header and no rows yet (a template, a list still to be filled) gives Import-Csv no object to name
        /// its columns: its first lines (the header, after a #TYPE line if any) and a made-up row give ConvertFrom-Csv one,
        /// read with the same delimiter. Null for an empty file.
        /// </summary>
        private static PSObject? RowOfHeaderOnly(Hashtable arguments)
        {
            using var powershell = PowerShell.Create(RunspaceMode.CurrentRunspace);
            powershell.AddCommand(@"Microsoft.PowerShell.Management\Get-Content").AddParameter("TotalCount", 2).AddParameter("ErrorAction", "Ignore");
            foreach (var name in new[] { "Path", "LiteralPath", "Encoding" })
                if (arguments.ContainsKey(name)) powershell.AddParameter(name, arguments[name]);
            // Two lines in all, however many files a wildcard -Path names.
            powershell.AddCommand(@"Microsoft.PowerShell.Utility\Select-Object").AddParameter("First", 2);
            var lines = powershell.Invoke().Select(line => line.BaseObject as string).Where(line => !string.IsNullOrWhiteSpace(line)).ToList();
            if (lines.Count == 0) return null;

            powershell.Commands.Clear();
            powershell.AddCommand(@"Microsoft.PowerShell.Utility\ConvertFrom-Csv").AddParameter("InputObject", lines.Append("x").ToArray());
            foreach (var name in new[] { "Delimiter", "UseCulture" })
                if (arguments.ContainsKey(name)) powershell.AddParameter(name, arguments[name]);
            return powershell.Invoke().FirstOrDefault();
        }

        /// <summary>
        /// This runspace's $ExecutionContext, which reads variables in the scope of the completion (the prompt's), env: and all.
        /// </summary>
        private static EngineIntrinsics? Engine()
        {
            using var powershell = PowerShell.Create(RunspaceMode.CurrentRunspace);
            return powershell.AddCommand(@"Microsoft.PowerShell.Utility\Get-Variable").AddParameter("Name", "ExecutionContext")
                .AddParameter("ValueOnly").Invoke<EngineIntrinsics>().FirstOrDefault();
        }

        /// <summary>
        /// The text of <paramref name="argument"/> when it is a variable ($csv) or a string of variables ("$HOME\june.csv")
        /// whose values are text: reading a variable runs nothing, and text, unlike an object's ToString, runs no code when
        /// it is bound or expanded. Null for anything else.
        /// </summary>
        private static string? TextOfVariables(Ast? argument)
        {
            var variables = argument switch
            {
                VariableExpressionAst variable when !variable.Splatted => new[] { variable },
                ExpandableStringExpressionAst text when text.NestedExpressions.All(e => e is VariableExpressionAst) =>
                    text.NestedExpressions.Cast<VariableExpressionAst>().ToArray(),
                _ => null,
            };
            if (variables is null) return null;

            var engine = Engine();
            if (engine is null) return null;
            string? TextOf(VariableExpressionAst variable)
            {
                var value = engine.SessionState.PSVariable.GetValue(variable.VariablePath.UserPath);
                // A cmdlet's output is wrapped ($csv = Join-Path $folder june.csv): the text is inside.
                return (value is PSObject wrapped ? wrapped.BaseObject : value) as string;
            }

            if (variables.Any(v => TextOf(v) is null)) return null;
            return argument is ExpandableStringExpressionAst expandable
                ? engine.InvokeCommand.ExpandString(expandable.Value)
                : TextOf(variables[0]);
        }
    }
}
