using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Tab completion of Start-ConnectReceiptListener's -Address: the three addresses that say who may reach the listener,
    /// each with what it means. Before, Tab offered the current folder's file names.
    /// </summary>
    public sealed class ListenerAddressCompleter : IArgumentCompleter
    {
        private static readonly string[] Addresses = { "127.0.0.1", "0.0.0.0", "::" };

        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            ChannelNameCompleter.Complete(Addresses, wordToComplete, Describe);

        private static string Describe(string address) => address switch
        {
            "127.0.0.1" => "127.0.0.1: this computer only (the default)",
            "0.0.0.0" => "0.0.0.0: every IPv4 address of this computer; other computers can reach it",
            _ => ":: : every IPv4 and IPv6 address of this computer; other computers can reach it",
        };
    }
}
