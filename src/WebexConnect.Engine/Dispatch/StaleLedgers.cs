using System;
using System.IO;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>
    /// Removes the ledgers of tenants this account has stopped sending to. Each endpoint and credential gets a
    /// ledger of its own, and none was ever removed: a test or trial against a loopback service on a new port
    /// each time left thousands in the folder (3,800 on one developer's computer). A ledger is removed when a new
    /// one is made, once nothing has been written to it for <see cref="UnusedFor"/> and no process holds it
    /// (<see cref="LedgerFile.TryRetire"/>); a tenant sent to again later just gets a new, empty one.
    /// </summary>
    internal static class StaleLedgers
    {
        /// <summary>
        /// Every grant a process takes rewrites its ledger, and nothing in one lasts past a request's timeout:
        /// a day unwritten is a ledger no send is counting on.
        /// </summary>
        public static readonly TimeSpan UnusedFor = TimeSpan.FromDays(1);

        /// <summary>The pattern of <see cref="SharedRateLedger.PathFor"/>'s names: nothing else in the folder is touched.</summary>
        public const string Pattern = "WebexConnect-tps-*.ledger";

        /// <summary>Removes the stale ledgers in <paramref name="folder"/> but <paramref name="keep"/>; returns how many.</summary>
        public static int Remove(string folder, string keep, DateTime utcNow)
        {
            var unusedSince = utcNow - UnusedFor;
            var removed = 0;
            try
            {
                foreach (var file in new DirectoryInfo(folder).EnumerateFiles(Pattern))
                {
                    // A link is not a ledger this module made; the folder is the account's own, so none should be there.
                    if ((file.Attributes & FileAttributes.ReparsePoint) != 0) continue;
                    if (file.LastWriteTimeUtc > unusedSince) continue;
                    if (string.Equals(file.FullName, Path.GetFullPath(keep), StringComparison.Ordinal)) continue;
                    if (LedgerFile.TryRetire(file.FullName, unusedSince)) removed++;
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // The folder went away or cannot be listed: what is left stays for the next new ledger.
            }
            return removed;
        }
    }
}
