using System;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;
using WebexConnect.Messages.Validation;

namespace WebexConnect.Commands
{
    /// <summary>
    /// The file -Journal names, resolved as PowerShell's own cmdlets resolve a path: against the current location
    /// (not the process's directory), through the provider of its drive, which must be the file system. Another
    /// provider's path ('variable:/x', or a relative one while the location is HKLM:\) has no file behind it; taken
    /// as it is, it would be written relative to the process's directory, C:\Windows\System32 for a scheduled task.
    /// </summary>
    internal static class JournalLocation
    {
        private const string PathInvalidErrorId = "JournalPathInvalid";
        private const string NotFileSystemErrorId = "JournalNotFileSystem";

        /// <summary>The journal's file system path; a blank path or one that names no file ends the command first.</summary>
        public static string Resolve(PSCmdlet cmdlet, string journal)
        {
            var shown = InputEcho.Visible(journal);
            if (string.IsNullOrWhiteSpace(journal))
                Refuse(cmdlet, PathInvalidErrorId, $"The journal path '{shown}' is blank: give the path of a regular file, e.g. './send.journal'.", journal);

            string path;
            ProviderInfo provider;
            try
            {
                path = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(journal, out provider, out _);
            }
            // PSInvalidOperationException: a path starting with ~ in a process without a home folder (cron or a systemd unit
            // started with no HOME). Before, it ended the command as a bare "Home location for this provider is not set"
            // under PowerShell's InvalidOperation ErrorId, which named neither -Journal nor what to give instead.
            catch (Exception ex) when (ex is DriveNotFoundException || ex is ProviderNotFoundException || ex is NotSupportedException ||
                                       ex is ArgumentException || ex is PSInvalidOperationException)
            {
                var noHome = journal.TrimStart().StartsWith("~", StringComparison.Ordinal) && ex is PSInvalidOperationException
                    ? " ~ stands for the home folder, and this process has none (HOME is not set: a systemd unit or a crontab can start it so)."
                    : "";
                Refuse(cmdlet, PathInvalidErrorId, $"The journal path '{shown}' cannot be resolved: {ex.Message}{noHome} Give the full path of a regular file.", journal, ex);
                throw; // Not reached: Refuse throws.
            }

            if (!typeof(FileSystemProvider).IsAssignableFrom(provider.ImplementingType))
            {
                var relative = cmdlet.SessionState.Path.IsPSAbsolute(journal, out _)
                    ? ""
                    : $" (a relative path follows the current location, '{cmdlet.SessionState.Path.CurrentLocation}')";
                Refuse(cmdlet, NotFileSystemErrorId,
                    $"The journal path '{shown}' is on the {provider.Name} provider{relative}, not the file system: a journal is a file. " +
                    "Give a file system path, e.g. \"$HOME/send.journal\".", journal);
            }

            return path;
        }

        /// <summary>The ErrorId of a journal another run holds (the engine's, JournalPath.Refusal).</summary>
        public const string InUseErrorId = "JournalInUse";

        /// <summary>
        /// -WhatIf met a journal another run is writing now, which this system does not let even a reader open: the dry
        /// run lists every row, and a run started now would stop at once.
        /// </summary>
        public static string InUseUnderWhatIf(string path) =>
            $"-WhatIf could not read the journal '{InputEcho.Visible(path)}': another send run is using it now. The requests listed " +
            "include the rows that run and earlier ones sent, which a run after it skips (Skipped); a run started while it lasts stops with JournalInUse.";

        private static void Refuse(PSCmdlet cmdlet, string errorId, string message, string journal, Exception? inner = null) =>
            cmdlet.ThrowTerminatingError(new ErrorRecord(new ArgumentException(message, inner), errorId, ErrorCategory.InvalidArgument, journal));
    }
}
