using System.Collections.Generic;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Finds a ${name} variable in a text the service fills: the vendor's smsMessage example writes
    /// "Hi $(name), this is a text message ${field2}", but the Messaging API documents variables as $(name) only, so an
    /// admin who copies the second form would send "${field2}" to every customer, and the module's check for a $(name)
    /// that nothing fills does not see it. The same for {{name}}, how SendGrid, Mailchimp's Handlebars and most mail
    /// template tools write a variable: an HTML newsletter brought from one of them went out with "Dear {{FirstName}}".
    /// A warning, not an error: the text may mean it literally.
    /// </summary>
    internal static class BraceVariables
    {
        private static readonly Regex Variable = new Regex(
            @"\$\{(?<name>[A-Za-z_][A-Za-z0-9_.\-]*)\}|\{\{\s*(?<name>[A-Za-z_][A-Za-z0-9_.\-]*)\s*\}\}", RegexOptions.CultureInvariant);

        /// <summary>The warning for the first of <paramref name="parameters"/> given as text with a ${name} in it, or null.</summary>
        public static string? Warning(IDictionary<string, object> bound, string[] parameters)
        {
            foreach (var parameter in parameters)
            {
                if (!bound.TryGetValue(parameter, out var value)) continue;
                if ((value is PSObject wrapped ? wrapped.BaseObject : value) is not string text) continue;
                var match = Variable.Match(text);
                if (!match.Success) continue;
                var name = match.Groups["name"].Value;
                return $"-{parameter} has {match.Value}: the service fills variables written $({name}), so {match.Value} goes out " +
                    $"as written to every recipient. Write $({name}) instead, in single quotes.";
            }
            return null;
        }
    }
}
