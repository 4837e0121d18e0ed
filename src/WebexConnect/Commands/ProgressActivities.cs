using System.Collections.Generic;

namespace WebexConnect.Commands
{
    /// <summary>
    /// The progress activity ID of each send run (and each Wait-ConnectDelivery and Get-ConnectMessage) in this process. Runs at the same time
    /// (ForEach-Object -Parallel, thread jobs writing to one console) need an ID each: the host keeps one bar per ID, so
    /// with a shared one the runs took turns on a single bar and the first to finish removed it while the others still
    /// sent. A run takes the lowest ID free from its command's first, so runs one after another keep the same bar.
    /// </summary>
    internal static class ProgressActivities
    {
        /// <summary>The first send run's ID; later concurrent runs take the next ones.</summary>
        public const int First = 0x5EDC;

        /// <summary>The first Wait-ConnectDelivery's ID.</summary>
        public const int FirstWait = 14;

        /// <summary>The first Get-ConnectMessage's ID.</summary>
        public const int FirstLookup = 0x100C;

        private static readonly HashSet<int> Taken = new HashSet<int>();

        /// <summary>The lowest ID from <paramref name="first"/> on that no running command holds; give it back with <see cref="Release"/>.</summary>
        public static int Take(int first = First)
        {
            lock (Taken)
            {
                var id = first;
                while (!Taken.Add(id)) id++;
                return id;
            }
        }

        /// <summary>Frees <paramref name="id"/> for the next run.</summary>
        public static void Release(int id)
        {
            lock (Taken) Taken.Remove(id);
        }
    }
}
