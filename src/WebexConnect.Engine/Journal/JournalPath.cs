using System;
using System.Globalization;
using System.IO;
using WebexConnect.Messages.Validation;
using WebexConnect.Sending;

namespace WebexConnect.Engine.Journal
{
    /// <summary>
    /// Which paths can be a journal, and the error of each that cannot, each with its own ErrorId so a
    /// scheduled task's log says what to fix: the journal must be a regular file (or a path where one can
    /// be created) this run may write and lock.
    /// </summary>
    internal static class JournalPath
    {
        // errno values .NET gives as the HResult of an IOException on Unix, and the Win32 codes on Windows.
        private const int ErrnoWouldBlock = 11;            // EAGAIN/EWOULDBLOCK: flock held by another process (Linux)
        private const int ErrnoReadOnlyFileSystem = 30;    // EROFS (Linux and macOS)
        private const int ErrnoWouldBlockBsd = 35;         // EAGAIN on macOS
        private const int SharingViolation = unchecked((int)0x80070020);
        private const int LockViolation = unchecked((int)0x80070021);
        private const int WriteProtect = unchecked((int)0x80070013);

        /// <summary>The full path, or JournalPathInvalid for a path no file system can hold (a NUL, a bad character).</summary>
        public static string Full(string path)
        {
            var bad = path.IndexOfAny(Path.GetInvalidPathChars());
            if (bad >= 0)
                throw Invalid(path, $"holds the character U+{(int)path[bad]:X4} at position {bad + 1}, which no file name can hold");
            try
            {
                return Path.GetFullPath(path);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                throw Invalid(path, "is not a valid path (" + ex.Message + ")", ex);
            }
        }

        /// <summary>
        /// Refuses a folder (JournalIsDirectory), and a path ending with a folder separator that names no folder
        /// (JournalFolderMissing): opening it would say "permission denied" of a folder that is simply not there.
        /// </summary>
        public static void EnsureNotDirectory(string fullPath)
        {
            if (Directory.Exists(fullPath))
                throw new SessionFailureException("JournalIsDirectory",
                    $"The journal '{Shown(fullPath)}' is a folder: give the path of a file in it, e.g. '{Shown(Path.Combine(fullPath, "send.journal"))}'.");
            if (EndsWithSeparator(fullPath))
            {
                var folder = fullPath.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
                throw FolderMissing($"The journal '{Shown(fullPath)}' ends with '{fullPath[fullPath.Length - 1]}', so it names a folder, and the folder " +
                    $"'{Shown(folder)}' does not exist. Create the folder and give the path of a file in it, e.g. '{Shown(Path.Combine(folder, "send.journal"))}'.");
            }
        }

        /// <summary>
        /// Refuses a symbolic link in a folder every account may write, such as /tmp (JournalIsLink): another user could
        /// have made it before the run, to have the run create or write the file it names (a file of the admin's, or of
        /// root's under a root task). A link in a folder of one's own is one's own, and is followed. Linux and macOS, where
        /// the kernel's protected_symlinks may be off; Windows lets only administrators make such links.
        /// </summary>
        public static void EnsureNoLinkInSharedFolder(string fullPath)
        {
#if NET8_0_OR_GREATER
            if (OperatingSystem.IsWindows()) return;
            var link = new FileInfo(fullPath).LinkTarget;
            var folder = Path.GetDirectoryName(fullPath);
            if (link is null || folder is null) return;
            UnixFileMode mode;
            try
            {
                mode = File.GetUnixFileMode(folder);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return; // opening the journal will say what is wrong with the folder
            }
            if ((mode & UnixFileMode.OtherWrite) == 0) return;
            throw new SessionFailureException("JournalIsLink",
                $"The journal '{Shown(fullPath)}' is a symbolic link (to '{Shown(link)}') in '{Shown(folder)}', a folder every account may " +
                "write: another user could have made it, to have this run write the file it names. Nothing was written. " +
                "Give the path of a file in a folder of your own.");
#endif
        }

        /// <summary>Refuses what opened but is no regular file (JournalIsDevice, JournalIsPipe), closing it first.</summary>
        public static void EnsureRegularFile(FileStream file, string fullPath)
        {
            var kind = JournalFileKinds.Of(file);
            if (kind == JournalFileKind.Device)
                throw new SessionFailureException("JournalIsDevice",
                    $"The journal '{Shown(fullPath)}' is a device, not a file: a device cannot keep what this run sends " +
                    "(reading /dev/zero never ends, /dev/null forgets everything). Give the path of a regular file.");
            if (kind == JournalFileKind.Pipe)
                throw new SessionFailureException("JournalIsPipe",
                    $"The journal '{Shown(fullPath)}' is a pipe (FIFO) or a socket, not a file: it cannot be read back by a re-run. Give the path of a regular file.");
        }

        /// <summary>The session failure for an exception of opening the journal, or null when it is not an opening failure.</summary>
        /// <remarks>
        /// A cause this names in full (no access, no folder, read-only, in use) keeps no inner exception: Get-Error would
        /// print the file system's exception and its stack trace under a message that already says what to do. Only
        /// JournalUnreadable, whose cause is not known, keeps it.
        /// </remarks>
        /// <param name="heldHere">A send command of this process holds the journal (<see cref="JournalsHeldHere"/>).</param>
        public static SessionFailureException? Refusal(Exception ex, string fullPath, bool heldHere = false)
        {
            var shown = Shown(fullPath);
            switch (ex)
            {
                case UnauthorizedAccessException denied:
                    return new SessionFailureException("JournalAccessDenied",
                        $"The journal '{shown}' cannot be written by {Environment.UserName}: {WhyDenied(denied)}. " +
                        "Give a path this account may create and write (a scheduled task's account too), or change the permissions.");
                case DirectoryNotFoundException _:
                    return FolderMissing(FileInPath(fullPath) is string file
                        ? $"The journal '{shown}' cannot be created: '{Shown(file)}' in its path is a file, not a folder. " +
                          $"Give the path of a file in a folder, e.g. '{Shown(Path.Combine(Path.GetDirectoryName(file) ?? file, "send.journal"))}'."
                        : $"The journal '{shown}' cannot be created: its folder '{Shown(Path.GetDirectoryName(fullPath) ?? fullPath)}' " +
                          "does not exist. Create the folder first, or give the path of a file in an existing folder.");
                case IOException io when io.HResult == ErrnoReadOnlyFileSystem || io.HResult == WriteProtect:
                    return new SessionFailureException("JournalReadOnly",
                        $"The journal '{shown}' is on a read-only file system (or write-protected media): a journal must be written as the run goes. " +
                        "Give a path on a writable drive.");
                case IOException io when IsLockHeld(io) && File.Exists(fullPath) && heldHere:
                    return new SessionFailureException("JournalInUse",
                        $"The journal '{shown}' is in use by another send command of this PowerShell process (ForEach-Object -Parallel, a " +
                        "thread job or another runspace), and one journal serves one command at a time: this command sent nothing. " +
                        "Pipe the rows into one call of the command instead, with this -Journal: it sends them many to a request, as fast " +
                        "as the tenant's TPS allows, which parallel calls of one row each cannot beat.");
                case IOException io when IsLockHeld(io) && File.Exists(fullPath):
                    return new SessionFailureException("JournalInUse",
                        $"The journal '{shown}' is in use by another send run (or another program). Wait for that run to end and run this again: " +
                        "what it sent is then Skipped. Give this run a journal of its own only if it sends other rows: with the same rows, " +
                        "another journal knows nothing of that run, and they would be sent a second time.");
                case IOException _:
                case NotSupportedException _:
                case ArgumentException _:
                    return new SessionFailureException("JournalUnreadable", $"The journal '{shown}' cannot be opened: {ex.Message}", inner: ex);
                default:
                    return null;
            }
        }

        /// <summary>
        /// The file that stands where the path needs a folder (-Journal C:\Jobs\sms.csv\run.journal), or null: the system
        /// says only "path not found" of it, and "its folder does not exist" sent the admin looking for a folder that
        /// Test-Path finds.
        /// </summary>
        private static string? FileInPath(string fullPath)
        {
            for (var part = Path.GetDirectoryName(fullPath); !string.IsNullOrEmpty(part); part = Path.GetDirectoryName(part))
            {
                if (File.Exists(part)) return part;
                if (Directory.Exists(part)) return null;
            }

            return null;
        }

        /// <summary>
        /// The operating system's own words for a refusal, with its errno, when .NET kept them: on Linux and macOS the
        /// exception holds them as an inner IOException ("Permission denied", 13; "Operation not permitted", 1, for a file
        /// marked immutable, which no change of permissions lets anyone write). The refusal keeps no inner exception, so
        /// without this they were nowhere, for the admin or for support. Windows says no more than "permission denied".
        /// </summary>
        private static string WhyDenied(UnauthorizedAccessException denied) =>
            denied.InnerException is IOException os && os.HResult > 0 && !string.IsNullOrWhiteSpace(os.Message)
                ? Shown(os.Message.TrimEnd('.', ' ')) + " (errno " + os.HResult.ToString(CultureInfo.InvariantCulture) + ")"
                : "permission denied";

        private static bool EndsWithSeparator(string path) =>
            path.Length > 0 && (path[path.Length - 1] == Path.DirectorySeparatorChar || path[path.Length - 1] == Path.AltDirectorySeparatorChar);

        private static SessionFailureException FolderMissing(string message) =>
            new SessionFailureException("JournalFolderMissing", message);

        private static bool IsLockHeld(IOException io) =>
            io.HResult == ErrnoWouldBlock || io.HResult == ErrnoWouldBlockBsd || io.HResult == SharingViolation || io.HResult == LockViolation;

        private static SessionFailureException Invalid(string path, string why, Exception? inner = null) =>
            new SessionFailureException("JournalPathInvalid", $"The journal path '{Shown(path)}' {why}: give the path of a regular file.", inner: inner);

        /// <summary>The path with invisible characters written as \uXXXX, so a NUL or a line break cannot cut the error.</summary>
        private static string Shown(string path) => InputEcho.Visible(path);
    }
}
