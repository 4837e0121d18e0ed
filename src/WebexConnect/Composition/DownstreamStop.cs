using System;
using System.Globalization;

namespace WebexConnect.Composition
{
    /// <summary>
    /// A command after the send cmdlet ended the pipeline (Select-Object -First 5): the send cmdlet's WriteObject of the
    /// last result that command takes throws, and no later result can be written.
    /// </summary>
    /// <remarks>
    /// By then rows after the last result written were read, and many were already on their way: their results had no
    /// place to go, and nothing told the admin they existed. Sending is cancelled at once (no row leaves after the stop)
    /// and one warning names the rows without a result, how many of them may have gone, and the journal that knows which.
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

        /// <summary>The warning, or null when every row read has its result written.</summary>
        /// <param name="commandName">"Send-ConnectSms".</param>
        /// <param name="lastRowWritten">The row of the last result the downstream command took.</param>
        /// <param name="rowsRead">The rows the run read.</param>
        /// <param name="mayHaveGone">Of the rows without a result, how many were handed over for sending before the stop.</param>
        /// <param name="journalPath">The -Journal file, or null.</param>
        public static string? Warning(string commandName, long lastRowWritten, long rowsRead, long mayHaveGone, string? journalPath)
        {
            var unreported = rowsRead - lastRowWritten;
            if (unreported <= 0) return null;
            var first = (lastRowWritten + 1).ToString("N0", CultureInfo.InvariantCulture);
            var rows = unreported == 1 ? "row " + first + " gets" : "rows " + first + "-" + rowsRead.ToString("N0", CultureInfo.InvariantCulture) + " (" +
                unreported.ToString("N0", CultureInfo.InvariantCulture) + " rows) get";
            var gone = Math.Max(0, Math.Min(mayHaveGone, unreported));
            return "A command after " + commandName + " (such as Select-Object -First) stopped the pipeline after the result of row " +
                lastRowWritten.ToString("N0", CultureInfo.InvariantCulture) + ", so " + rows + " no result. " +
                (gone == 0 ? (unreported == 1 ? "It was not sent." : "None of them was sent.")
                    : gone == unreported ? (unreported == 1 ? "It was on its way, and may have been sent before the stop." : "They were all on their way, and any of them may have been sent before the stop.")
                    : "Up to " + gone.ToString("N0", CultureInfo.InvariantCulture) + " of them were on their way, and may have been sent before the stop; the others were not sent.") + " " +
                (journalPath is null
                    ? "Nothing records which went: give -Journal to a run that may be cut short, so that running it again sends only what it did not send."
                    : "The journal '" + journalPath + "' records which went: run the same command with it again to send only the rows it did not send" +
                      (gone == 0 ? "." : " (a row whose request was on its way at the stop comes back Unknown, and goes again only with -ResendUnknown)."));
        }
    }
}
