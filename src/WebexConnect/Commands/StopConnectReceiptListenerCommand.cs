using System.Management.Automation;
using WebexConnect.Composition;
using WebexConnect.Receipts;

namespace WebexConnect.Commands
{
    /// <summary>Stop-ConnectReceiptListener: stops a receipt listener and frees its port; the receipts it kept stay readable.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "ConnectReceiptListener", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class StopConnectReceiptListenerCommand : PSCmdlet
    {
        /// <summary>
        /// The listener Start-ConnectReceiptListener returned, or the Url or port of one that runs. By default, the one
        /// this session runs (as Wait-ConnectDelivery takes it).
        /// </summary>
        [Parameter(Position = 0, ValueFromPipeline = true, HelpMessage = "The listener Start-ConnectReceiptListener returned, or its Url or port.")]
        [ValidateNotNull]
        [ListenerArgument]
        [ArgumentCompleter(typeof(RunningListenerCompleter))]
        public ConnectReceiptListener? Listener { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing() => DebugSwitch.Apply(this);

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var listener = Listener ?? TheRunningListener.Of(this,
                "give -Listener with the Url or the port of the one to stop, one command for each.");
            if (listener is null)
            {
                // Not an error: what the admin wanted, no listener holding a port, is so (as for one already stopped).
                WriteWarning("No receipt listener is running in this session: there is none to stop.");
                return;
            }
            if (!listener.IsRunning)
            {
                WriteVerbose($"The listener at {listener.Url} is already stopped.");
                return;
            }
            if (!ShouldProcess(listener.Url.ToString(), "Stop listening for delivery receipts")) return;
            RunningListeners.Stop(listener);
            WriteVerbose($"Stopped the listener at {listener.Url}: {Counted.Of(listener.Received, "receipt")} received, {Counted.Of(listener.Refused, "request")} refused" +
                (listener.Repeated > 0 ? $", {Counted.Of(listener.Repeated, "signed webhook")} posted again (the same body and signature) and not kept twice." : "."));
        }
    }
}
