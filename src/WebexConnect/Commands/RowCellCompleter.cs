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
    /// Tab completion of a card's or chip's text or link typed inside a script block that runs for each row of a CSV
    /// (Import-Csv offers.csv | Send-ConnectRcs -Card { New-ConnectRcsCard -Title [Tab] }, or ForEach-Object { ... }): the
    /// row's cells, $_.Title, $_.ImageUrl, as the Import-Csv before that command names its columns. Anywhere else, nothing
    /// (no file names), as <see cref="NoFileNameCompleter"/>.
    /// </summary>
    public sealed class RowCellCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            if (CommandRunningTheBlock(commandAst) is not CommandAst runner) return Array.Empty<CompletionResult>();
            // "$_.Ti" never comes here: PowerShell completes it as a member of $_ itself.
            var word = (wordToComplete ?? "").Trim('\'', '"');
            return CsvColumnCompleter.ColumnsOf(runner)
                .Where(c => c.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(c => new CompletionResult("$_." + PowerShellWord.Of(c), "$_." + c,
                    CompletionResultType.ParameterValue, "This row's " + c + " cell, from the CSV file piped in"))
                .ToList();
        }

        /// <summary>The command given the script block that holds <paramref name="command"/> as an argument; null when it is in none.</summary>
        private static CommandAst? CommandRunningTheBlock(CommandAst command)
        {
            for (Ast? ast = command.Parent; ast is not null; ast = ast.Parent)
            {
                if (ast is not ScriptBlockExpressionAst block) continue;
                // -Card { ... } is an element of the command; -Card:{ ... } the argument of its parameter element.
                var parent = block.Parent is CommandParameterAst parameter ? parameter.Parent : block.Parent;
                return parent as CommandAst;
            }
            return null;
        }
    }
}
