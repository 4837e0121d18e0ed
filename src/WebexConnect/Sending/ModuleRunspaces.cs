using System;
using System.Collections.Generic;
using System.Management.Automation.Runspaces;

namespace WebexConnect.Sending
{
    /// <summary>
    /// The runspaces that have imported the module. Sessions and receipt listeners belong to the process, shared by
    /// every runspace (see <see cref="SessionState"/>), so Remove-Module in one of them (a ForEach-Object -Parallel
    /// block or a thread job tidying up) must not close what a script in another still sends with: only the last
    /// open runspace to remove the module closes them. A runspace that closed without removing it no longer counts.
    /// </summary>
    internal static class ModuleRunspaces
    {
        // Weak: a runspace the host dropped is not kept alive by having imported the module once.
        private static readonly List<WeakReference<Runspace>> Importers = new List<WeakReference<Runspace>>();

        /// <summary>Import-Module in <paramref name="runspace"/> (null: a caller with no runspace, not counted).</summary>
        public static void Imported(Runspace? runspace)
        {
            if (runspace is null) return;
            lock (Importers)
            {
                Forget(runspace);
                Importers.Add(new WeakReference<Runspace>(runspace));
            }
        }

        /// <summary>
        /// Remove-Module in <paramref name="runspace"/>: forgets it, and returns true when no other open runspace still
        /// has the module, so the sessions and listeners are no one's any more and may be closed.
        /// </summary>
        public static bool RemovedFromLast(Runspace? runspace)
        {
            lock (Importers)
            {
                Forget(runspace);
                return Importers.Count == 0;
            }
        }

        // Drops the entry of the runspace (if any) and of every runspace that is gone or closed.
        private static void Forget(Runspace? runspace) =>
            Importers.RemoveAll(r => !r.TryGetTarget(out var other) || ReferenceEquals(other, runspace) || !IsOpen(other));

        private static bool IsOpen(Runspace runspace)
        {
            var state = runspace.RunspaceStateInfo.State;
            return state != RunspaceState.Closed && state != RunspaceState.Closing && state != RunspaceState.Broken;
        }
    }
}
