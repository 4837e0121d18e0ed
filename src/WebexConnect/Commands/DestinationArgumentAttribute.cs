using System;
using System.Collections;
using System.Management.Automation;
using WebexConnect.Composition;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Makes a lone string (a CSV cell) a -To value before PowerShell's binder looks at its type. The binder first
    /// tries each pipeline parameter without converting anything; a string is no ConnectDestination, so -To would
    /// fail that stage, and then, finding nothing bound in the default parameter set, the binder repeats every
    /// property lookup in the other sets before it converts the cell in a later stage. Measured in PowerShell 7.6.10
    /// with do-nothing cmdlets shaped like Send-ConnectSms: 1.5 µs per row, a third of what binding a row costs.
    /// The result is what PowerShell's own conversion gives (the public constructor); anything else is left to it,
    /// except the API's destination objects that a script moved from Invoke-RestMethod hands over (below).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class DestinationArgumentAttribute : ArgumentTransformationAttribute
    {
        private readonly string _key;
        private readonly string _cmdlet;

        /// <param name="key">The member of the cmdlet's destination objects that holds the addresses (msisdn, email).</param>
        /// <param name="cmdlet">The cmdlet the advice pipes to, so that it can be run as written.</param>
        public DestinationArgumentAttribute(string key, string cmdlet)
        {
            _key = key;
            _cmdlet = cmdlet;
        }

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is string address) return new[] { new ConnectDestination(address) };
            if (IsObject(value) || (value is object[] items && items.Length > 0 && IsObject(items[0] is PSObject item ? item.BaseObject : items[0])))
                throw new ArgumentTransformationMetadataException(DestinationObjectMessage(_key, _cmdlet));
            return inputData;
        }

        /// <summary>
        /// A hashtable or an object, such as the request body's "to" entries ({"msisdn": [...], "correlationId": ...,
        /// "substitutions": {...}}): PowerShell could only say 'Cannot convert the "System.Collections.Hashtable" value
        /// ... to type "WebexConnect.Composition.ConnectDestination"'. Taking just its addresses would drop the
        /// destination's own correlation ID and substitutions without a word, so the message says how to give them.
        /// </summary>
        private static bool IsObject(object? value) => value is IDictionary || value is PSCustomObject;

        /// <summary>
        /// Worded with the cmdlet's own key and name: Send-ConnectEmail's said $destination.msisdn and Send-ConnectSms,
        /// advice an admin moving an email script could not run as written.
        /// </summary>
        internal static string DestinationObjectMessage(string key, string cmdlet) =>
            "-To takes the numbers or email addresses themselves ('+447700900001', or several), not an object such as the " +
            $"destination objects of a request body ({{\"{key}\": [...], \"correlationId\": ..., \"substitutions\": {{...}}}}). Give the " +
            $"addresses, -To $destination.{key}; or pipe one object per destination with its addresses as To, its CorrelationId " +
            $"and a property for each substitution, e.g. $body.to | ForEach-Object {{ [pscustomobject]@{{ To = $_.{key}; " +
            $"CorrelationId = $_.correlationId; Name = $_.substitutions.name }} }} | {cmdlet} ...";
    }
}
