using System;
using System.Collections.Generic;
using System.Globalization;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// An address given more than once in one row (-To '+447700900001','+447700900001') is sent once: the
    /// service would deliver (and bill) one message per entry, and no one means to text a person twice in
    /// one row. What was dropped is said in a note the cmdlet writes to the verbose stream.
    /// </summary>
    /// <remarks>
    /// Compared without regard to case: an email address's domain is case-insensitive and mail systems
    /// treat the local part the same way in practice; a phone number has no case.
    /// </remarks>
    internal static class RepeatedAddresses
    {
        /// <remarks>Returns <paramref name="addresses"/> itself when nothing repeats: the caller made it for this row.</remarks>
        public static string[] SendOnce(string[] addresses, out IReadOnlyList<string> notes)
        {
            if (addresses.Length <= 1)
            {
                // The usual row: one address, nothing to repeat, and no table of them for it.
                notes = Array.Empty<string>();
                return addresses;
            }

            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var kept = new List<string>(addresses.Length);
            foreach (var address in addresses)
            {
                if (seen.TryGetValue(address, out var count)) seen[address] = count + 1;
                else
                {
                    seen.Add(address, 1);
                    kept.Add(address);
                }
            }

            if (kept.Count == addresses.Length)
            {
                notes = Array.Empty<string>();
                return addresses;
            }

            var said = new List<string>();
            foreach (var address in kept)
            {
                if (seen[address] > 1)
                    said.Add($"To: {InputEcho.Quote(address)} is given {seen[address].ToString(CultureInfo.InvariantCulture)} times; it is sent once");
            }
            notes = said;
            return kept.ToArray();
        }
    }
}
