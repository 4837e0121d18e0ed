using System;
using System.Collections;
using System.Management.Automation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Which $PSDefaultParameterValues key gave a parameter its value, when the command line did not: what an error about
    /// that parameter must say, or the admin looks for a value they never typed.
    /// </summary>
    /// <remarks>
    /// PowerShell does not tell a cmdlet where a bound value came from. A key applies when its command part and parameter
    /// part (wildcards allowed) match, the dictionary is not Disabled, and its value is the one bound (a script block's
    /// value is made per call, so a matching script block counts). A value typed on the command line that happens to be
    /// the same object is taken for the default: the note then names where that object is set, which is still true.
    /// </remarks>
    internal static class DefaultParameterValues
    {
        /// <summary>The key ("*:Credential"), or null when the value did not come from $PSDefaultParameterValues.</summary>
        public static string? KeyThatGave(PSCmdlet cmdlet, string parameter)
        {
            if (cmdlet is null) throw new ArgumentNullException(nameof(cmdlet));
            if (!cmdlet.MyInvocation.BoundParameters.TryGetValue(parameter, out var bound)) return null;
            if (!(Unwrap(cmdlet.GetVariableValue("PSDefaultParameterValues")) is IDictionary defaults)) return null;
            if (defaults.Contains("Disabled") && LanguagePrimitives.IsTrue(defaults["Disabled"])) return null;

            // PowerShell matches a key against the cmdlet's own name, not the one Import-Module -Prefix gave it: under
            // -Prefix Wx, 'Send-ConnectSms:Session' gives Send-WxConnectSms its -Session and 'Send-WxConnectSms:Session' does not.
            var command = ImportedCommandNames.OwnName(cmdlet);
            var given = Unwrap(bound);
            foreach (DictionaryEntry entry in defaults)
            {
                if (!(entry.Key is string key)) continue;
                var colon = key.IndexOf(':');
                if (colon <= 0) continue;
                if (!Matches(key.Substring(0, colon), command) || !Matches(key.Substring(colon + 1), parameter)) continue;
                var value = Unwrap(entry.Value);
                // A text default by its text too: the binder may have converted it ('https://...' to the Uri of -NotifyUrl).
                if (value is ScriptBlock || ReferenceEquals(value, given) || Equals(value, given) ||
                    (value is string text && string.Equals(text, Text(given), StringComparison.Ordinal))) return key;
            }

            return null;
        }

        /// <summary>
        /// What to add to an error about the credential when -Credential came from $PSDefaultParameterValues (a script's
        /// '*:Credential' for its remoting or AD commands); null when the command line gave it, or none was bound.
        /// </summary>
        public static string? CredentialNote(PSCmdlet cmdlet) =>
            KeyThatGave(cmdlet, "Credential") is string key
                ? "-Credential was not on the command line: $PSDefaultParameterValues['" + key + "'] gave it, as it gives one to " +
                  "every command it names, and its user name was read as a Service ID and its password as a service secret. Give " +
                  cmdlet.MyInvocation.MyCommand.Name + " its own credential (-ServiceKey, or -Credential with the Service ID and secret)."
                : null;

        /// <summary>
        /// What to add to the error about a closed session when -Session came from $PSDefaultParameterValues (a script's
        /// 'Send-Connect*:Session' = $session): the key goes on giving that closed session to every command it names, so
        /// "Run Connect-WebexConnect again" alone ends in the same error. Null when the command line gave it, or none was bound.
        /// </summary>
        public static string? SessionNote(PSCmdlet cmdlet) =>
            KeyThatGave(cmdlet, "Session") is string key
                ? "-Session was not on the command line: $PSDefaultParameterValues['" + key + "'] gave it, and goes on giving this " +
                  "closed session to every command it names. Set it to the new session ($PSDefaultParameterValues['" + key + "'] = " +
                  ImportedCommandNames.In(cmdlet, "Connect-WebexConnect") + " ... -PassThru), or remove it ($PSDefaultParameterValues.Remove('" + key + "')) to use the " +
                  "current session."
                : null;

        private static bool Matches(string pattern, string name) =>
            WildcardPattern.Get(pattern.Trim(), WildcardOptions.IgnoreCase).IsMatch(name);

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static string? Text(object? value) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
