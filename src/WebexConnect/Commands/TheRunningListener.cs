using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using WebexConnect.Receipts;

namespace WebexConnect.Commands
{
    /// <summary>
    /// The listener a command without -Listener means: the one this session runs, as the send cmdlets take the current
    /// session. Before, Wait-ConnectDelivery and Stop-ConnectReceiptListener made -Listener mandatory: PowerShell prompted
    /// "Listener:" in a console, and a scheduled task failed on "missing mandatory parameters", although only one
    /// listener could be meant.
    /// </summary>
    internal static class TheRunningListener
    {
        /// <summary>
        /// The one running listener the caller's runspace started (not a thread job's or a -Parallel block's); null when none
        /// runs (each command says what that means for it). Several end <paramref name="cmdlet"/> (ReceiptListenerAmbiguous),
        /// naming their Urls and then <paramref name="howToName"/>.
        /// </summary>
        public static ConnectReceiptListener? Of(PSCmdlet cmdlet, string howToName)
        {
            var running = RunningListeners.RunningIn(Runspace.DefaultRunspace);
            if (running.Count <= 1) return running.FirstOrDefault();
            cmdlet.ThrowTerminatingError(ImportedCommandNames.In(cmdlet, new ErrorRecord(new InvalidOperationException(
                $"{running.Count} receipt listeners are running in this session ({string.Join(", ", running.Select(l => l.Url.ToString()))}): " +
                howToName), "ReceiptListenerAmbiguous", ErrorCategory.InvalidOperation, null)));
            return null; // Not reached: ThrowTerminatingError throws.
        }
    }
}
