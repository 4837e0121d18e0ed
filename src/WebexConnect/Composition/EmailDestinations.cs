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
        private NamedAddress? _firstNamed;
        private bool _named;

        /// <summary>The destinations to send to; <paramref name="given"/> itself when no value needs reading (the usual row).</summary>
        public IReadOnlyList<ConnectDestination>? Of(IReadOnlyList<ConnectDestination>? given)
        {
            if (given is null || given.Count == 0) return given;
            if (ReferenceEquals(given, _given)) return _read;
            if (AllPlain(given)) return given;
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
                    if (entry.Name is not null && _firstNamed is null) _firstNamed = entry;
                    read.Add(new ConnectDestination(entry.Address));
                }
            }
            _given = given;
            _read = read;
            return read;
        }

        /// <summary>
        /// Once per run, at the first display name met in -To: that it is not sent, for -Verbose. Null otherwise.
        /// </summary>
        public string? NameNote()
        {
            if (_named || _firstNamed is not NamedAddress named) return null;
            _named = true;
            return $"To: the display name {Messages.Validation.InputEcho.Quote(named.Name!)} is not sent, nor any other in -To: the service " +
                $"takes addresses only, so the email goes to {named.Address} by its address alone.";
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
