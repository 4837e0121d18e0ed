using System;
using System.Management.Automation;
using System.Reflection;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Makes a compiled cmdlet's <c>-Debug</c> mean what PowerShell 7 documents for it: show the debug (and the
    /// verbose) lines and carry on, without a prompt.
    /// </summary>
    /// <remarks>
    /// For a compiled cmdlet, the command runtime turns <c>-Debug</c> into the Inquire preference for the verbose
    /// and warning streams (and, in Windows PowerShell 5.1, for the debug stream too), whatever the caller's
    /// preference variables say. So the first WriteVerbose after a send asks "Continue with this operation?"
    /// interactively, and in a non-interactive host (a scheduled task, CI) throws "PowerShell is in
    /// NonInteractive mode" and ends the command before its results are written. Script cmdlets do not behave
    /// that way. The runtime has no public setter, so the preferences are set through its internal properties,
    /// which have the same names in 5.1 and 7; if a future PowerShell renames them, nothing changes here and
    /// the runtime's own behaviour applies.
    /// Only what <c>-Debug</c> changed is reset: an explicit <c>-Verbose</c>, <c>-WarningAction</c> or
    /// <c>-Debug:$false</c> is left to the runtime, and so are the caller's preference variables.
    /// </remarks>
    internal static class DebugSwitch
    {
        private const BindingFlags Internal = BindingFlags.Instance | BindingFlags.NonPublic;

        /// <summary>Call first thing in BeginProcessing of a cmdlet that writes verbose, warning or debug lines.</summary>
        public static void Apply(PSCmdlet cmdlet)
        {
            if (cmdlet is null) throw new ArgumentNullException(nameof(cmdlet));
            var bound = cmdlet.MyInvocation.BoundParameters;
            if (!bound.TryGetValue("Debug", out var debug) || !IsOn(debug)) return;

            var runtime = cmdlet.CommandRuntime;
            Set(runtime, "DebugPreference", ActionPreference.Continue);
            // The verbose preference has no setter; the flag behind -Verbose decides before -Debug does.
            if (!bound.ContainsKey("Verbose")) Set(runtime, "Verbose", true);
            if (!bound.ContainsKey("WarningAction")) Set(runtime, "WarningPreference", CallerPreference(cmdlet, "WarningPreference"));
        }

        private static bool IsOn(object value) =>
            value is SwitchParameter flag ? flag.IsPresent : LanguagePrimitives.IsTrue(value);

        /// <summary>The caller's preference variable, or Continue where it asks for a prompt or is not set.</summary>
        private static ActionPreference CallerPreference(PSCmdlet cmdlet, string variable)
        {
            var value = cmdlet.GetVariableValue(variable);
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            return value is ActionPreference preference && preference != ActionPreference.Inquire ? preference : ActionPreference.Continue;
        }

        private static void Set<T>(ICommandRuntime runtime, string property, T value)
        {
            var setter = runtime?.GetType().GetProperty(property, Internal)?.GetSetMethod(nonPublic: true);
            var parameters = setter?.GetParameters();
            if (setter is null || parameters!.Length != 1 || parameters[0].ParameterType != typeof(T)) return;
            setter.Invoke(runtime, new object?[] { value });
        }
    }
}
