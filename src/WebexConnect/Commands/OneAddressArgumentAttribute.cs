using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// A list given to a parameter that takes one address (-ReplyTo): the addresses as one text, '; ' between them, for the
    /// message rules to tell ("holds 2 addresses, not one: -ReplyTo takes one address"), and a list of one as that address.
    /// Send-MailMessage's -ReplyTo takes several, and a script moved from it failed with "Cannot convert 'System.Object[]' to
    /// the type 'System.String' ... Specified method is not supported", which said nothing of the service taking one.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class OneAddressArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (!((inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is IList items)) return inputData;
            var addresses = new List<string>(items.Count);
            foreach (var item in items)
            {
                // Anything but text (a hashtable, an object) is left for PowerShell to refuse, as before.
                if (!((item is PSObject carried ? carried.BaseObject : item) is string address)) return inputData;
                if (!string.IsNullOrWhiteSpace(address)) addresses.Add(address.Trim());
            }
            return string.Join("; ", addresses);
        }
    }
}
