using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Reads a list of names given a row's cell (-SubstitutionColumn $r.Columns, Send-ConnectMessage -RequestedReceipt
    /// $r.Receipt): an empty cell, one of spaces, $null in the list and a database's NULL (DBNull) are no name, and a list left
    /// with none binds as the parameter left out. The names are trimmed, as a CSV cell's are.
    /// </summary>
    /// <remarks>
    /// These parameters had ValidateNotNullOrEmpty, whose refusal of a loop's empty cell ended the statement without the row's
    /// result, where Send-ConnectSms's -RequestedReceipt '' asked for none (RequestedReceiptArgumentAttribute). A name list
    /// written on the command line is read as before.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class BlankCellArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <summary>
        /// True for a parameter that takes one name (Send-ConnectMessage -DestinationKey $keys[$r.Channel]): a blank cell, a
        /// DBNull or $null binds as the parameter left out; any other value passes as given, for the binder and the command.
        /// </summary>
        public bool OneName { get; set; }

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is null) return null;
            if (OneName) return value is DBNull || value is string text && string.IsNullOrWhiteSpace(text) ? null : inputData;
            var items = value is IEnumerable list && value is not string ? list : new[] { value };
            var names = new List<string>();
            foreach (var item in items)
            {
                var element = item is PSObject inner ? inner.BaseObject : item;
                if (element is null || element is DBNull) continue;
                var name = Convert.ToString(element, CultureInfo.InvariantCulture) ?? "";
                if (!string.IsNullOrWhiteSpace(name)) names.Add(name.Trim());
            }
            return names.Count == 0 ? null : names.ToArray();
        }
    }
}
