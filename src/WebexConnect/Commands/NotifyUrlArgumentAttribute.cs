using System;
using System.Management.Automation;
using WebexConnect.Receipts;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Lets -NotifyUrl take the listener itself (-NotifyUrl $listener), which shows as its URL everywhere, besides
    /// a URL. PowerShell's own conversion refused it: "Cannot convert the "http://127.0.0.1:.../" value of type
    /// ConnectReceiptListener to type System.Uri".
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class NotifyUrlArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
            (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is ConnectReceiptListener listener ? listener.Url : inputData;
    }
}
