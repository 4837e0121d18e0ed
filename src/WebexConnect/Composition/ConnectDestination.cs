using System;

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
    }
}
