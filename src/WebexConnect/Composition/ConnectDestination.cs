using System;
using System.Globalization;
using System.Management.Automation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A phone number or email address given to -To. It has its own type, not string, so that PowerShell
    /// binds a CSV row by its column name and refuses a row without one, instead of turning the whole row
    /// into the text "@{Name=...}" and sending that as a number.
    /// </summary>
    public sealed class ConnectDestination
    {
        /// <summary>Creates a destination from an E.164 number (+447700900001) or an email address.</summary>
        public ConnectDestination(string address)
        {
            if (address is null) throw new ArgumentNullException(nameof(address));
            // Spreadsheet exports often pad cells; the spaces are never part of an address.
            Address = address.Trim();
        }

        /// <summary>The address as it will be sent.</summary>
        public string Address { get; }

        /// <inheritdoc />
        public override string ToString() => Address;

        /// <summary>
        /// The destination a plain value piped by itself gives ('+447700900001' | Send-ConnectSms): -To binds by
        /// property name only (binding by value too costs six exceptions per CSV row), so -InputObject receives
        /// the string and this turns it into the destination. Null for a row (an object with columns) or nothing.
        /// </summary>
        internal static ConnectDestination[]? FromPipedValue(PSObject? piped)
        {
            var value = piped?.BaseObject;
            if (value is string text) return new[] { new ConnectDestination(text) };
            // A number read from a spreadsheet (447700900001) is a number too; a bool or a date is no address.
            if (value is long || value is int || value is decimal || value is double)
                return new[] { new ConnectDestination(Convert.ToString(value, CultureInfo.InvariantCulture)!) };
            return null;
        }
    }
}
