using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Tab completion of Send-ConnectEmail's -Attachment: the https:// its URLs start with, and never this computer's files.
    /// The service fetches each attachment from a public URL, and a file on this computer is refused; without a completer,
    /// PowerShell offered the current folder's files, which led the admin to give one. A completer that offers nothing
    /// lets PowerShell offer the files again, so a word that is no start of https:// is offered back as typed.
    /// </summary>
    public sealed class AttachmentUrlCompleter : IArgumentCompleter
    {
        private const string Scheme = "https://";

        private const string Hint = "A public https URL that ends with the file's name (https://files.example.com/invoice.pdf): the service " +
            "fetches each attachment from it. A file on this computer is refused: publish it on a web server first.";

        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = wordToComplete ?? "";
            var typed = word.Trim('\'', '"');
            if (Scheme.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                return new[] { new CompletionResult(Scheme, Scheme, CompletionResultType.ParameterValue, Hint) };
            return new[] { new CompletionResult(word, typed, CompletionResultType.ParameterValue, Hint) };
        }
    }
}
