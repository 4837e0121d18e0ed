using System.Text.RegularExpressions;

namespace WebexConnect.Messages.Validation
{
    /// <summary>
    /// An Active Directory distinguished name ('CN=Boss One,OU=Users,DC=contoso,DC=com'), which is what Get-ADUser's Manager
    /// holds: an admin who copies each user's manager (-Cc from @{ n = 'Cc'; e = { $_.Manager } }) gets one in place of an
    /// address. Its commas are not a list's, and it is no address at all.
    /// </summary>
    internal static class DistinguishedNameRule
    {
        // A leaf (CN=, OU= or UID=), then at least a domain component: escaped commas ('CN=Doe\, John') stay inside.
        private static readonly Regex Pattern = new Regex(@"^\s*(?:CN|OU|UID)=.+,\s*DC=[^,]+\s*$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);

        /// <summary>True when <paramref name="value"/> is a distinguished name; no '=' costs no regex.</summary>
        internal static bool IsOne(string? value) => value is not null && value.IndexOf('=') > 0 && Pattern.IsMatch(value);
    }
}
