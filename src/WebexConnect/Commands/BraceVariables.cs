using System.Collections.Generic;
using System.Management.Automation;
using System.Text.RegularExpressions;
using WebexConnect.Composition;

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

        /// <summary>
        /// The warning for every one of <paramref name="parameters"/> given as text with a ${name} or {{name}} in it (its
        /// first), or null. Before, only the first such parameter was named: a newsletter whose -Subject, -Text and -Html
        /// all wrote {{FirstName}} was warned of -Text alone, and went out again with the subject and HTML unmended.
        /// </summary>
        public static string? Warning(IDictionary<string, object> bound, string[] parameters)
        {
            var found = new List<string>();
            var written = new List<string>();
            Match? first = null;
            foreach (var parameter in parameters)
            {
                if (!bound.TryGetValue(parameter, out var value)) continue;
                if ((value is PSObject wrapped ? wrapped.BaseObject : value) is not string text) continue;
                var match = Variable.Match(text);
                if (!match.Success) continue;
                first ??= match;
                found.Add($"-{parameter} has {match.Value}");
                var name = $"$({match.Groups["name"].Value})";
                if (!written.Contains(name)) written.Add(name);
            }
            if (first is null) return null;
            if (found.Count == 1)
                return $"{found[0]}: the service fills variables written {written[0]}, so {first.Value} goes out " +
                    $"as written to every recipient. Write {written[0]} instead, in single quotes.";
            return $"{WordList.And(found)}: the service fills variables written $(name), so these go out as written to every recipient. " +
                $"Write {WordList.And(written)} instead, in single quotes.";
        }
    }
}
