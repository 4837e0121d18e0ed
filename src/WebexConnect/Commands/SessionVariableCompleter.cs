using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using WebexConnect.Results;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Tab completion of -Session: the variables of this PowerShell that hold a session from Connect-WebexConnect -PassThru
    /// ($eu, $us), and nothing else. Before, Tab offered the current folder's file names, which -Session never takes.
    /// </summary>
    public sealed class SessionVariableCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = (wordToComplete ?? "").TrimStart('$');
            // The variables as the prompt sees them: this runspace, the scope the completion runs in.
            using var powershell = PowerShell.Create(RunspaceMode.CurrentRunspace);
            var variables = powershell.AddCommand(@"Microsoft.PowerShell.Utility\Get-Variable").AddParameter("ErrorAction", "Ignore").Invoke<PSVariable>();
            return variables
                .Where(v => v.Value is ConnectSession || (v.Value as PSObject)?.BaseObject is ConnectSession)
                .Where(v => v.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase)
                .Select(v => new CompletionResult("$" + v.Name, "$" + v.Name, CompletionResultType.Variable, Describe(v)))
                .ToList();
        }

        private static string Describe(PSVariable variable)
        {
            var session = variable.Value as ConnectSession ?? (ConnectSession)((PSObject)variable.Value).BaseObject;
            return string.Format(CultureInfo.InvariantCulture, "{0}, connected {1:HH:mm:ss}", session, session.ConnectedAt.ToLocalTime());
        }
    }
}
