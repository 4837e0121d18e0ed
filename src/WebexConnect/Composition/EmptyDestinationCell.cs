using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A row whose destination column PowerShell bound is empty ('' or $null). PowerShell's binder takes the first of -To's
    /// name and aliases that the object has, empty or not: a Get-Mailbox row with PrimarySmtpAddress '' and
    /// WindowsEmailAddress 'bob@example.com' bound '' and was "the address is empty", though it holds one. Every destination
    /// column of a row is an address of that row's one recipient, so the next one that holds an address, in the binder's
    /// order, is sent to; with none, the row is Invalid naming its empty columns, as a $null column already was.
    /// </summary>
    internal static class EmptyDestinationCell
    {
        /// <summary>True when every address PowerShell bound is empty (the cell was '' or only spaces).</summary>
        public static bool AllEmpty(string[] addresses)
        {
            for (var i = 0; i < addresses.Length; i++)
                if (addresses[i].Length > 0) return false;
            return true;
        }

        /// <summary>
        /// The addresses of the first of <paramref name="destinationColumns"/> (in binding order) that the row has and that
        /// holds one; empty when the row has such columns and all are empty; null when it has none (a piped '' is no column).
        /// </summary>
        public static string[]? NextFilled(InputRow row, IReadOnlyList<string> destinationColumns)
        {
            var hasColumn = false;
            foreach (var name in destinationColumns)
            {
                foreach (var column in row.Columns)
                {
                    if (!string.Equals(column.Key, name, StringComparison.OrdinalIgnoreCase)) continue;
                    hasColumn = true;
                    var addresses = AddressesIn(column.Value);
                    if (addresses.Count > 0) return addresses.ToArray();
                }
            }
            return hasColumn ? Array.Empty<string>() : null;
        }

        /// <summary>The names of the row's destination columns that hold no address, in the row's order.</summary>
        public static List<string> EmptyColumns(InputRow row, IReadOnlyList<string> destinationColumns)
        {
            var empty = new List<string>();
            foreach (var column in row.Columns)
                if (Contains(destinationColumns, column.Key) && AddressesIn(column.Value).Count == 0) empty.Add(column.Key);
            return empty;
        }

        private static bool Contains(IReadOnlyList<string> names, string name)
        {
            foreach (var n in names)
                if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        /// <summary>
        /// The addresses a cell holds, as -To would bind them: text trimmed (as <see cref="ConnectDestination"/> trims it),
        /// a number in the invariant culture, an object by its text (Exchange's SmtpAddress), each item of a list; none for a
        /// hashtable or a custom object.
        /// </summary>
        private static List<string> AddressesIn(object? value)
        {
            var addresses = new List<string>(1);
            value = value is PSObject wrapped ? wrapped.BaseObject : value;
            if (value is IDictionary) return addresses;
            if (value is IEnumerable items && value is not string)
            {
                foreach (var item in items) Add(addresses, item is PSObject one ? one.BaseObject : item);
            }
            else Add(addresses, value);
            return addresses;
        }

        private static void Add(List<string> addresses, object? value)
        {
            // A hashtable or an object is no address (-To refuses it): never send to its type name.
            if (value is null || value is DBNull || value is IEnumerable and not string || value is PSCustomObject) return;
            var text = (SubstitutionText.TryOf(value, out var scalar) ? scalar : value.ToString() ?? "").Trim();
            if (text.Length > 0) addresses.Add(text);
        }
    }
}
