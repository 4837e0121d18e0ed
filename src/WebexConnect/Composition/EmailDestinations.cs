using System.Collections.Generic;

namespace WebexConnect.Composition
{
    /// <summary>
    /// Send-ConnectEmail's -To with each value read as an address line (<see cref="AddressLine"/>): a Mail column exported
    /// from Outlook or Exchange ('Jane Doe &lt;jane@contoso.com&gt;') gives its address, and a cell that lists several
    /// ('ann@contoso.com; bob@contoso.com') gives them all to its row's one destination, as -To 'ann@...', 'bob@...' does.
    /// Before, both rows were Invalid. The service's "to" holds addresses only, so a display name is not sent.
    /// </summary>
    internal sealed class EmailDestinations
    {
        // The command line's -To is the same array for every row: read once.
        private IReadOnlyList<ConnectDestination>? _given;
        private IReadOnlyList<ConnectDestination>? _read;
        // The first display name of the value read last (_read's), and the last row that gave one, while none was said: the
        // note is said at that row only, and only once it is sent. Before, the first name ever met was said at whichever row
        // was sent next, so a name in a row found Invalid was said of the next row, and of an address no email went to.
        private NamedAddress? _readNamed;
        private NamedAddress? _named;
        private long _namedRow;
        private bool _said;

        /// <summary>The destinations to send to; <paramref name="given"/> itself when no value needs reading (the usual row).</summary>
        /// <param name="given">The row's -To.</param>
        /// <param name="row">The row's number, for <see cref="NameNote"/> to say a display name at the row that wrote it.</param>
        public IReadOnlyList<ConnectDestination>? Of(IReadOnlyList<ConnectDestination>? given, long row)
        {
            if (given is null || given.Count == 0) return given;
            if (!ReferenceEquals(given, _given))
            {
                if (AllPlain(given)) return given;
                _read = Read(given, out _readNamed);
                _given = given;
            }
            if (!_said && _readNamed is not null)
            {
                _named = _readNamed;
                _namedRow = row;
            }
            return _read;
        }

        private static List<ConnectDestination> Read(IReadOnlyList<ConnectDestination> given, out NamedAddress? firstNamed)
        {
            firstNamed = null;
            var read = new List<ConnectDestination>(given.Count + 1);
            foreach (var destination in given)
            {
                // Exchange's EmailAddresses ('SMTP:ann@contoso.com;smtp:ann@contoso.onmicrosoft.com') stays whole: the check
                // knows it as a list of proxy addresses and names the primary one, which the row's addresses one by one did not.
                if (destination is null || AddressLine.IsPlain(destination.Address) || IsProxyList(destination.Address))
                {
                    read.Add(destination!);
                    continue;
                }
                var entries = AddressLine.Read(destination.Address);
                // Only separators (';'): the value as it is, for the checks to say it holds no address.
                if (entries.Count == 0) read.Add(destination);
                foreach (var entry in entries)
                {
                    var address = entry.ToSend;
                    // A name around a bad address is refused with it, as written: no email goes there to say the name of.
                    if (entry.Name is not null && firstNamed is null && ReferenceEquals(address, entry.Address)) firstNamed = entry;
                    read.Add(new ConnectDestination(address));
                }
            }
            return read;
        }

        /// <summary>
        /// Once per run, at the first display name met in -To of a row that is sent: that it is not sent, for -Verbose. Null
        /// otherwise, and for a row other than the one that wrote it. Under <paramref name="preview"/> (-WhatIf, -PayloadOnly)
        /// the email "would go" to the address: it goes nowhere.
        /// </summary>
        public string? NameNote(long row, bool preview)
        {
            if (_said || row != _namedRow || _named is not NamedAddress named) return null;
            _said = true;
            return $"To: the display name {Messages.Validation.InputEcho.Quote(named.Name!)} is not sent, nor any other in -To: the service " +
                $"takes addresses only, so the email {(preview ? "would go" : "goes")} to {named.Address} by its address alone.";
        }

        private static bool IsProxyList(string value) => value.IndexOf("smtp:", System.StringComparison.OrdinalIgnoreCase) >= 0;

        private static bool AllPlain(IReadOnlyList<ConnectDestination> given)
        {
            for (var i = 0; i < given.Count; i++)
                if (given[i] is not null && !AddressLine.IsPlain(given[i].Address)) return false;
            return true;
        }
    }
}
