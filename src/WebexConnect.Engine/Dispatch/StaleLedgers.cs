using System;
using System.IO;

namespace WebexConnect.Engine.Dispatch
{
    /// <summary>
    /// Removes the ledgers of tenants this account has stopped sending to. Each endpoint and credential gets a
    /// ledger of its own, and none was ever removed: a test or trial against a loopback service on a new port
    /// each time left thousands in the folder (3,800 on one developer's computer). A ledger is removed when a Connect
    /// opens one, once nothing has been written to it for <see cref="UnusedFor"/> and no process holds it
    /// (<see cref="LedgerFile.TryRetire"/>); a tenant sent to again later just gets a new, empty one.
    /// </summary>
    /// <remarks>
    /// At most <see cref="MostPerConnect"/> a Connect: removing one costs an open, a lock, a write and a delete, and
    /// the first Connect on a computer with thousands of them took 0.4-1.7 s (a scheduled task pays every Connect
    /// in a new process). Each Connect that opens a shared ledger removes its share, not only one that makes a new
    /// ledger, so a task that sends to one tenant every few minutes still clears out the rest over its next runs.
    /// </remarks>
    internal static class StaleLedgers
    {
        /// <summary>
        /// Every grant a process takes rewrites its ledger, and nothing in one lasts past a request's timeout:
        /// a day unwritten is a ledger no send is counting on.
        /// </summary>
        public static readonly TimeSpan UnusedFor = TimeSpan.FromDays(1);

        /// <summary>
        /// How many stale ledgers one Connect tries to remove (held or not): a few milliseconds of the Connect
        /// however many there are, and 3,800 gone after some 190 runs of a task.
        /// </summary>
        public const int MostPerConnect = 20;

        /// <summary>The pattern of <see cref="SharedRateLedger.PathFor"/>'s names: nothing else in the folder is touched.</summary>
        public const string Pattern = "WebexConnect-tps-*.ledger";

        /// <summary>
        /// Removes stale ledgers in <paramref name="folder"/> but <paramref name="keep"/>, trying at most
        /// <paramref name="most"/> of them; returns how many it removed.
        /// </summary>
        public static int Remove(string folder, string keep, DateTime utcNow, int most = MostPerConnect)
        {
            var unusedSince = utcNow - UnusedFor;
            var keepPath = Path.GetFullPath(keep);
            var removed = 0;
            var tried = 0;
            try
            {
                foreach (var file in new DirectoryInfo(folder).EnumerateFiles(Pattern))
                {
                    // A link is not a ledger this module made; the folder is the account's own, so none should be there.
                    if ((file.Attributes & FileAttributes.ReparsePoint) != 0) continue;
                    if (file.LastWriteTimeUtc > unusedSince) continue;
                    if (string.Equals(file.FullName, keepPath, StringComparison.Ordinal)) continue;
                    // Counted whether or not it goes: one held by a live process costs the attempt all the same.
                    if (tried++ == most) break;
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
