using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using WebexConnect.Messages;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Reads -RequestedReceipt of Send-ConnectSms, Send-ConnectEmail and Send-ConnectRcs before its ValidateSet, and never lets
    /// that refuse a value: a name the channel has no receipt for ('yes' from a CSV cell) is kept for the command to name
    /// (<see cref="RefusedText"/>) and binds as no receipt meanwhile; an empty cell is none asked (the service's default).
    /// </summary>
    /// <remarks>
    /// The ValidateSet stays, so Tab still offers the receipts and the help lists them; but its refusal ended the statement, so
    /// a script's loop of one-row calls (Send-ConnectSms -To $u.Phone ... -RequestedReceipt $u.Receipt) lost that row's result.
    /// An empty list passes the ValidateSet.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class RequestedReceiptArgumentAttribute : ArgumentTransformationAttribute
    {
        private const string Parameter = "RequestedReceipt";

        private readonly MessageChannel _channel;

        /// <param name="channel">The channel whose receipts the parameter takes.</param>
        public RequestedReceiptArgumentAttribute(MessageChannel channel) => _channel = channel;

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            RefusedArguments.Clear(Parameter);
            // $null (a loop's -RequestedReceipt $u.Receipt of a row without the column) is an empty cell: none asked for. The
            // ValidateSet refused it before, ending the loop's statement without the row's result.
            if (value is null) return Array.Empty<string>();
            var items = value is IEnumerable list && value is not string ? list : new[] { value };
            var names = new List<string>();
            foreach (var item in items)
            {
                var name = Convert.ToString(item is PSObject element ? element.BaseObject : item, CultureInfo.InvariantCulture) ?? "";
                if (string.IsNullOrWhiteSpace(name)) continue;
                // The channel's own spelling: ' delivered ' passes the ValidateSet as DELIVERED.
                if (ReceiptTypes.Normalize(_channel, name) is not string known)
                {
                    RefusedArguments.Set(Parameter, name);
                    return Array.Empty<string>();
                }
                names.Add(known);
            }
            return names.ToArray();
        }

        /// <summary>The name -RequestedReceipt was given that its channel has no receipt for; null when it read every name.</summary>
        public static string? RefusedText(IReadOnlyList<string>? bound) => bound is { Count: 0 } ? RefusedArguments.Of(Parameter) : null;
    }
}
