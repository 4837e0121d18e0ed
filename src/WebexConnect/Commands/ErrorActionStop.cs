using System;
using System.Management.Automation;

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
        public static bool IsStopOfThisCommand(Exception exception, bool pipelineStopping)
        {
            if (exception is null) throw new ArgumentNullException(nameof(exception));
            return !pipelineStopping && (exception is PipelineStoppedException || exception is ActionPreferenceStopException);
        }
    }
}
