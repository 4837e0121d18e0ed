using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Tab completion of a parameter no file gives and whose values cannot be listed (a duration, a rate, an ID, a sender):
    /// nothing. Without a completer, Tab offered the current folder's file names, as if the value were a path. An empty list,
    /// not null: null lets PowerShell fall back to file names.
    /// </summary>
    public sealed class NoFileNameCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) => Array.Empty<CompletionResult>();
    }
}
