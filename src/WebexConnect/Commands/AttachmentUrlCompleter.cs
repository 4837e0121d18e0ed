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
    /// PowerShell offered the current folder's files, which led the admin to give one. Any other word gets an empty list
    /// (as <see cref="NoFileNameCompleter"/> gives): null would let PowerShell offer the files again.
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
            var typed = (wordToComplete ?? "").Trim('\'', '"');
            return Scheme.StartsWith(typed, StringComparison.OrdinalIgnoreCase)
                ? new[] { new CompletionResult(Scheme, Scheme, CompletionResultType.ParameterValue, Hint) }
                : Array.Empty<CompletionResult>();
        }
    }
}
