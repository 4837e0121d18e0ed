using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using WebexConnect.Receipts;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Tab completion of -Listener: the URLs of the receipt listeners this PowerShell runs, which -Listener takes
    /// (<see cref="ListenerArgumentAttribute"/>), oldest first. And of the sends' -NotifyUrl, where the same URL goes:
    /// without it, -NotifyUrl completed file names, and the admin typed the listener's port from its output.
    /// </summary>
    public sealed class RunningListenerCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = (wordToComplete ?? "").Trim('\'', '"');
            return RunningListeners.Running()
                .Where(l => l.Url.ToString().StartsWith(word, StringComparison.OrdinalIgnoreCase) ||
                            l.Port.ToString(CultureInfo.InvariantCulture).StartsWith(word, StringComparison.Ordinal))
                .Select(l => new CompletionResult(l.Url.ToString(), l.Url.ToString(), CompletionResultType.ParameterValue,
                    string.Format(CultureInfo.InvariantCulture, "Started {0:HH:mm:ss}, {1} {2} received", l.StartedAt, l.Received, l.Received == 1 ? "receipt" : "receipts")))
                .ToList();
        }
    }
}
