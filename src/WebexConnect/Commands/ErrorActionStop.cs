using System;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Reflection;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Recognises the exception WriteError throws when -ErrorAction Stop (or Inquire, answered Halt) turns the
    /// error it writes into the end of the command.
    /// </summary>
    /// <remarks>
    /// PowerShell keeps the ActionPreferenceStopException for the caller and throws a plain
    /// PipelineStoppedException into the cmdlet ("upstream cmdlets see only that execution stopped"), so a
    /// catch of ActionPreferenceStopException around WriteError never runs in a real host. Ctrl+C also
    /// surfaces as PipelineStoppedException, but then the pipeline is stopping and nothing more can be written.
    /// </remarks>
    internal static class ErrorActionStop
    {
        /// <param name="exception">What WriteError threw.</param>
        /// <param name="pipelineStopping">The cmdlet's Stopping: true once Ctrl+C or a host's Stop() stops the pipeline.</param>
        /// <remarks>
        /// Inquire where no one can be asked ends the command the same way, with the host's refusal: a host without a
        /// UI (a thread job, [powershell]::Create()) throws HostException, and pwsh -NonInteractive (a scheduled task)
        /// PSInvalidOperationException, and the console host whose input is closed a NullReferenceException
        /// (<see cref="IsPromptWithoutInput"/>). Rows already sent must still be reported then, as under Stop.
        /// </remarks>
        public static bool IsStopOfThisCommand(Exception exception, bool pipelineStopping)
        {
            if (exception is null) throw new ArgumentNullException(nameof(exception));
            return !pipelineStopping && (exception is PipelineStoppedException || exception is ActionPreferenceStopException
                || exception is HostException || exception is PSInvalidOperationException || IsPromptWithoutInput(exception));
        }

        /// <summary>Error ID of the stop <see cref="Explained"/> gives for a prompt whose input is closed.</summary>
        public const string PromptWithoutInputErrorId = "PromptWithoutInput";

        /// <summary>
        /// True for what the console host throws when it must ask (-Confirm, Inquire) and its input is closed: pwsh
        /// started by cron or a service with stdin from /dev/null, without -NonInteractive. Its PromptForChoice reads
        /// no line and fails with a NullReferenceException of its own, which PowerShell shows as "Object reference not
        /// set to an instance of an object.", a message that reads as this module's defect.
        /// </summary>
        /// <remarks>Only the host's own: a NullReferenceException thrown in this module's code is a defect, and stays one.</remarks>
        public static bool IsPromptWithoutInput(Exception exception) =>
            exception is NullReferenceException && ThrownByHostUserInterface(exception);

        /// <summary>
        /// True for what the console host throws when it must ask and was started with -NonInteractive, as a scheduled
        /// task should be: "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.", which
        /// names neither the question nor what in the script asked it.
        /// </summary>
        /// <remarks>Only the host's own: a PSInvalidOperationException from PowerShell itself elsewhere keeps its message.</remarks>
        public static bool IsPromptRefusedNonInteractive(Exception exception) =>
            exception is PSInvalidOperationException && ThrownByHostUserInterface(exception);

        private static bool ThrownByHostUserInterface(Exception exception) =>
            exception.TargetSite?.DeclaringType is Type thrower
            && thrower.Assembly != typeof(ErrorActionStop).Assembly
            && thrower.Name.EndsWith("HostUserInterface", StringComparison.Ordinal);

        /// <summary>
        /// The stop to end the command with: the host's own, or for a prompt no one can answer (input closed, or
        /// -NonInteractive) one that says what asked and what to change in the script.
        /// </summary>
        public static Exception Explained(Exception stop)
        {
            string why;
            if (IsPromptWithoutInput(stop))
                why = "its input is closed (it was started with no console, as by a scheduled task or cron)";
            else if (IsPromptRefusedNonInteractive(stop))
                why = "it runs with -NonInteractive, which refuses every question";
            else
                return stop;
            // The results written before this error are not in "$r = Import-Csv ... | Send-ConnectSms": PowerShell assigns
            // nothing when a pipeline ends in an error, so the rows that went were lost to the script without a word; and
            // an admin who gave -Confirm to look before sending was not told that -WhatIf does that without a question.
            return new HostException(
                "PowerShell had to ask a question here (-Confirm, $ConfirmPreference set to Medium or Low, or Inquire as " +
                "-ErrorAction or -WarningAction), but " + why + ", so the command ended as Stop would. The results of the rows " +
                "already sent were written before this error, but a $results = ... assignment keeps none of them when the command " +
                "ends in an error: give -OutVariable results to keep them. In a script that runs unattended, leave out -Confirm " +
                "(or give -Confirm:$false; to see what a run would send, run it once with -WhatIf instead), leave " +
                "$ConfirmPreference at High, and use -ErrorAction Continue or Stop instead of Inquire.",
                stop, PromptWithoutInputErrorId, ErrorCategory.ResourceUnavailable);
        }

        /// <summary>
        /// The error action WriteError will follow: the command runtime's own (internal; it also knows what -Debug
        /// does to it in Windows PowerShell 5.1), else -ErrorAction, else the caller's $ErrorActionPreference.
        /// </summary>
        /// <param name="cmdlet">The cmdlet, after binding.</param>
        public static ActionPreference InEffect(PSCmdlet cmdlet)
        {
            if (cmdlet is null) throw new ArgumentNullException(nameof(cmdlet));
            var runtime = cmdlet.CommandRuntime;
            var property = runtime?.GetType().GetProperty("ErrorAction", BindingFlags.Instance | BindingFlags.NonPublic);
            if (property?.PropertyType == typeof(ActionPreference) && property.GetIndexParameters().Length == 0)
                return (ActionPreference)property.GetValue(runtime)!;
            var given = cmdlet.MyInvocation.BoundParameters.TryGetValue("ErrorAction", out var bound) ? bound : cmdlet.GetVariableValue("ErrorActionPreference");
            return LanguagePrimitives.TryConvertTo(given, out ActionPreference preference) ? preference : ActionPreference.Continue;
        }

        /// <summary>
        /// True when WriteError under <paramref name="preference"/> goes on without asking: it carries on, or it ends the
        /// command (Stop). Inquire (and the debugger's Break) wait for the user's answer instead.
        /// </summary>
        public static bool Decides(ActionPreference preference) =>
            preference == ActionPreference.Continue || preference == ActionPreference.SilentlyContinue
            || preference == ActionPreference.Ignore || preference == ActionPreference.Stop;
    }
}
