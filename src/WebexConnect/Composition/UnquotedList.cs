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
    }
}
