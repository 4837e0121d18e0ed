using System;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A command after the send cmdlet ended the pipeline (Select-Object -First 5): the send cmdlet's WriteObject of the
    /// last result that command takes throws, and no later result can be written.
    /// </summary>
    /// <remarks>
    /// By then rows after the last result written were read, and many were already on their way: their results had no
    /// place to go, and nothing told the admin they existed. Sending is cancelled at once (no row leaves after the stop)
    /// and one warning (<see cref="StoppedRun"/>) says what became of the rows without a result.
    /// What WriteObject throws, as measured in pwsh 7.6.10: a PipelineStoppedException while the cmdlet is not Stopping
    /// (Ctrl+C sets Stopping first). Select-Object raises a StopUpstreamCommandsException, which not every PowerShell turns
    /// into that; it is not in the reference assemblies the module builds against, so it is known by its name.
    /// </remarks>
    internal static class DownstreamStop
    {
        /// <summary>
        /// True for what WriteObject throws when a downstream Select-Object -First (or any command that stops the commands
        /// before it) has what it wants; <paramref name="stopping"/> is the cmdlet's Stopping (Ctrl+C, a host's Stop()).
        /// </summary>
        public static bool Is(Exception exception, bool stopping) =>
            !stopping && (exception is System.Management.Automation.PipelineStoppedException || exception.GetType().Name == "StopUpstreamCommandsException");
    }
}
