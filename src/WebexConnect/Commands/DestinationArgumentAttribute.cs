using System;
using System.Collections;
using System.Linq;
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
            var first = value is object[] items && items.Length > 0 ? items[0] : inputData;
            if (IsObject(first is PSObject item ? item.BaseObject : first))
                throw new ArgumentTransformationMetadataException(IsBodyDestination(first) ? DestinationObjectMessage(_key, _cmdlet) : RowsMessage(first));
            // An address that is an object whose text is the address: on-premises Exchange's Get-Mailbox gives PrimarySmtpAddress
            // as an SmtpAddress. PowerShell cannot convert it, left -To unbound, and the row was "no destination: the column is
            // empty". Numbers, lists and destinations keep PowerShell's own conversion.
            if (value is not null && !(value is IEnumerable) && !(value is ConnectDestination) && !value.GetType().IsPrimitive && !(value is decimal))
                return new[] { new ConnectDestination(value.ToString() ?? "") };
            return inputData;
        }

        /// <summary>
        /// Whether the object is one of a request body's destination objects: it has a list of addresses under msisdn or email
        /// (a CSV row's Email column holds one address).
        /// </summary>
        private static bool IsBodyDestination(object? value)
        {
            var row = PSObject.AsPSObject(value!);
            return IsList(InputRow.ValueOf(row, "msisdn")) || IsList(InputRow.ValueOf(row, "email"));
        }

        private static bool IsList(object? value) => (value is PSObject wrapped ? wrapped.BaseObject : value) is IEnumerable and not string;

        /// <summary>
        /// The rows of a CSV (or any objects) given to -To instead of piped: before, the message spoke of a request body's
        /// destination objects, which a CSV row is not. It names the row's column that holds the addresses, when it has one.
        /// </summary>
        private string RowsMessage(object? row)
        {
            var input = PSObject.AsPSObject(row!);
            var column = AddressColumns.FirstOrDefault(name => InputRow.ValueOf(input, name) is not null);
            return "-To takes the numbers or email addresses themselves ('+447700900001', or several), not rows or other objects. " +
                $"To send each row its own message, with its columns as $(variables), pipe the rows: Import-Csv people.csv | {_cmdlet} ...; " +
                $"to send one message to all of them, give their addresses: -To $rows.{column ?? "<column>"}";
        }

        // The column names the send cmdlets bind as the destination, in the order they are looked for.
        private static readonly string[] AddressColumns =
            { "To", "Phone", "Mobile", "MobileNumber", "PhoneNumber", "MobilePhone", "Msisdn", "Number", "Email", "EmailAddress", "Mail", "PrimarySmtpAddress",
              "WindowsEmailAddress" };

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
