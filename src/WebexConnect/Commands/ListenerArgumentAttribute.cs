using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using WebexConnect.Receipts;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Lets -Listener take a running listener by what the console showed of it: its Url (http://127.0.0.1:8080/) or its
    /// port (8080). A listener whose variable is gone (a script that ended, a Start-ConnectReceiptListener not assigned)
    /// still holds its port, and Stop-ConnectReceiptListener wanted the object: only Remove-Module WebexConnect, which
    /// closes the sessions too, could free it. A listener object, or anything else, is left to PowerShell's binder.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ListenerArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            ConnectReceiptListener? found;
            switch (value)
            {
                case int port:
                    found = RunningListeners.OnPort(port);
                    break;
                case string text when int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port):
                    found = RunningListeners.OnPort(port);
                    break;
                case string text when Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url):
                    found = RunningListeners.At(url);
                    break;
                case Uri url when url.IsAbsoluteUri:
                    found = RunningListeners.At(url);
                    break;
                default:
                    return inputData;
            }
            if (found != null) return found;

            var running = RunningListeners.Running();
            throw new ArgumentTransformationMetadataException(
                $"No receipt listener that this PowerShell started is running at {value}. " + (running.Count == 0
                    ? "None is running."
                    : "Running: " + string.Join(", ", running.Select(l => l.Url.ToString())) + "."));
        }
    }
}
