using System;
using System.IO;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>
    /// Where this account's TPS ledgers live: a WebexConnect folder in the account's local application data
    /// (%LOCALAPPDATA% on Windows, ~/.local/share on Linux), made readable by the account only.
    /// </summary>
    /// <remarks>
    /// Not the temp folder: on Linux that is /tmp, which every account may write. A ledger's name is a hash of
    /// the endpoint and the Service ID, so another user of the server could plant a file or a symbolic link under
    /// it before the admin's first run; the run then opened whatever the link named and rewrote it with ledger
    /// bytes (a file of the admin's, or of root's under a root task), or shared a budget the other user could
    /// fill. Windows' temp folder of the SYSTEM account (C:\Windows\Temp) is open to every user in the same way.
    /// </remarks>
    internal static class LedgerFolder
    {
        public const string Name = "WebexConnect";

        /// <summary>
        /// What to set so that the budget is shared, said after why it is not. On Linux and macOS the folder comes from HOME
        /// (Linux: XDG_DATA_HOME first), which a service account or a cron line (env -i) often lacks or cannot write: before,
        /// the reason named the path alone, and not what the task should set. Windows takes it from the account's profile.
        /// </summary>
        public static string WhereToShare =>
#if NET8_0_OR_GREATER
            !OperatingSystem.IsWindows()
                ? " To share it, set HOME (or, on Linux, XDG_DATA_HOME) to a folder this account may write."
                :
#endif
                "";

        /// <summary>This account's ledger folder, created if missing; null (with the reason) when the account has none (no home folder).</summary>
        public static string? Ensure(out string? problem) =>
            Ensure(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), out problem);

        /// <summary>As <see cref="Ensure(out string?)"/>, in <paramref name="root"/> (tests).</summary>
        internal static string? Ensure(string? root, out string? problem)
        {
            problem = null;
            if (string.IsNullOrEmpty(root) || !Path.IsPathRooted(root))
            {
                problem = "this account has no local application data folder (no home folder)";
                return null;
            }
            var folder = Path.Combine(root, Name);
            try
            {
#if NET8_0_OR_GREATER
                if (!OperatingSystem.IsWindows())
                {
                    // Only this account may list the ledgers or put a file in the folder. Parents as well: a
                    // service account's ~/.local may not exist yet.
                    Directory.CreateDirectory(root);
                    Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                    return folder;
                }
#endif
                // Windows: %LOCALAPPDATA% is the account's own, and a folder made in it inherits that.
                Directory.CreateDirectory(folder);
                return folder;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                problem = folder + " cannot be created: " + ex.Message;
                return null;
            }
        }
    }
}
