using System;
using System.Collections.Concurrent;

namespace WebexConnect.Engine.Journal
{
    /// <summary>
    /// The journals the send commands of this process hold open. A journal found in use by a command of the same process is
    /// not a second scheduled run: it is the same script's ForEach-Object -Parallel (or thread jobs, or runspaces), each call
    /// of which opens the journal for its one row. Before, each such call but one stopped with "in use by another send run
    /// ... wait for that run to end and run this again", advice a parallel loop cannot follow: 19 rows of 20 were not sent.
    /// </summary>
    internal static class JournalsHeldHere
    {
        // Windows file names ignore case; elsewhere two spellings are two files.
        private static readonly ConcurrentDictionary<string, byte> Held = new ConcurrentDictionary<string, byte>(
            Environment.OSVersion.Platform == PlatformID.Win32NT ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

        /// <summary>A command of this process opened the journal at this full path (and holds its lock).</summary>
        public static void Opened(string fullPath) => Held.TryAdd(fullPath, 0);

        /// <summary>It closed it.</summary>
        public static void Closed(string fullPath) => Held.TryRemove(fullPath, out _);

        /// <summary>Whether a command of this process holds the journal at this full path now.</summary>
        public static bool Holds(string fullPath) => Held.ContainsKey(fullPath);
    }
}
