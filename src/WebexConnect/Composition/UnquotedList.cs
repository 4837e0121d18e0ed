using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A list PowerShell made of an unquoted comma (-Validity 1,5h, -Latitude 51,5074): its values as text again, so an
    /// error can show what the admin typed and how to write it.
    /// </summary>
    internal static class UnquotedList
    {
        public static string[] Items(IList list)
        {
            var items = new string[list.Count];
            for (var i = 0; i < list.Count; i++)
                items[i] = Convert.ToString(list[i] is PSObject o ? o.BaseObject : list[i], CultureInfo.InvariantCulture) ?? "";
            return items;
        }

        /// <summary>"-Latitude 51,5074 reached the command as a list of 2 values (51 and 5074): ...": what PowerShell did, for the advice that follows.</summary>
        public static string ReachedAsList(string parameter, string[] items) =>
            $"-{parameter} {string.Join(",", items)} reached the command as a list of {items.Length} values ({string.Join(" and ", items)}): " +
            "PowerShell reads a comma outside quotes as a list separator.";
    }
}
