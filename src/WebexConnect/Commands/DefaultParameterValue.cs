using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// The $PSDefaultParameterValues key that gave a parameter its value, for an error about that value. A profile's
    /// $PSDefaultParameterValues['Send-Connect*:From'] = 'ACME' is long forgotten when Send-ConnectEmail refuses 'ACME' as
    /// its sender: "correct -From" alone sends the admin to a command line that has no -From.
    /// </summary>
    internal static class DefaultParameterValue
    {
        /// <summary>
        /// The key ("Send-Connect*:From") whose command pattern matches the cmdlet, whose parameter is <paramref name="parameter"/>
        /// and whose value is <paramref name="bound"/> (or a script block, which may have given it); null when none is, or
        /// when $PSDefaultParameterValues['Disabled'] turns them off.
        /// </summary>
        public static string? KeyThatGave(PSCmdlet cmdlet, string parameter, object? bound)
        {
            if (Unwrapped(cmdlet.SessionState.PSVariable.GetValue("PSDefaultParameterValues")) is not IDictionary defaults) return null;
            if (defaults.Contains("Disabled") && LanguagePrimitives.IsTrue(defaults["Disabled"])) return null;
            var command = cmdlet.MyInvocation.MyCommand.Name;
            var given = Text(bound);
            foreach (DictionaryEntry entry in defaults)
            {
                if (entry.Key is not string key) continue;
                var colon = key.LastIndexOf(':');
                if (colon <= 0 || !string.Equals(key.Substring(colon + 1).Trim(), parameter, StringComparison.OrdinalIgnoreCase)) continue;
                if (!WildcardPattern.Get(key.Substring(0, colon).Trim(), WildcardOptions.IgnoreCase).IsMatch(command)) continue;
                var value = Unwrapped(entry.Value);
                if (value is ScriptBlock || string.Equals(Text(value), given, StringComparison.Ordinal)) return key;
            }
            return null;
        }

        private static object? Unwrapped(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static string? Text(object? value) => Convert.ToString(Unwrapped(value), CultureInfo.InvariantCulture);
    }
}
