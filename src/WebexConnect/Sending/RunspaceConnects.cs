using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using WebexConnect.Results;

namespace WebexConnect.Sending
{
    /// <summary>
    /// What the last Connect-WebexConnect of each runspace did: the session it made current, or that it failed. The current
    /// session is the process's (see <see cref="SessionState"/>), so in ForEach-Object -Parallel or thread jobs that connect
    /// a tenant each, one block's Connect-WebexConnect replaces another's, and that block's next send went, Queued and
    /// silent, through the other customer's tenant. A send without -Session checks here that the current session is still
    /// the one its own runspace connected (see <see cref="ConnectionResolver.SelectSession"/>).
    /// </summary>
    internal static class RunspaceConnects
    {
        // Weak keys: a runspace the host dropped (a finished parallel block's) takes its entry with it.
        private static readonly ConditionalWeakTable<Runspace, LastConnect> ByRunspace = new ConditionalWeakTable<Runspace, LastConnect>();

        /// <summary>The last Connect-WebexConnect of <paramref name="runspace"/>, or null when it has run none since its last Disconnect-WebexConnect.</summary>
        public static LastConnect? Of(Runspace? runspace) =>
            runspace != null && ByRunspace.TryGetValue(runspace, out var last) ? last : null;

        /// <summary>Connect-WebexConnect in <paramref name="runspace"/> made <paramref name="session"/> current.</summary>
        public static void Connected(Runspace? runspace, ConnectSession session) => Set(runspace, new LastConnect(session, null));

        /// <summary>Connect-WebexConnect in <paramref name="runspace"/> failed (<paramref name="why"/>): no session of its own is current.</summary>
        public static void Failed(Runspace? runspace, string why) => Set(runspace, new LastConnect(null, why));

        /// <summary>Disconnect-WebexConnect in <paramref name="runspace"/>: it uses whatever session is current again, as one that never connected.</summary>
        public static void Forget(Runspace? runspace)
        {
            if (runspace != null) ByRunspace.Remove(runspace);
        }

        private static void Set(Runspace? runspace, LastConnect last)
        {
            if (runspace is null) return;
            // Only the runspace's own pipeline thread writes its entry; the lock keeps Remove and Add one step.
            lock (ByRunspace)
            {
                ByRunspace.Remove(runspace);
                ByRunspace.Add(runspace, last);
            }
        }
    }

    /// <summary>What one runspace's last Connect-WebexConnect did (see <see cref="RunspaceConnects"/>).</summary>
    internal sealed class LastConnect
    {
        public LastConnect(ConnectSession? session, string? failure)
        {
            Session = session;
            Failure = failure;
        }

        /// <summary>The session it made current; null when it failed.</summary>
        public ConnectSession? Session { get; }

        /// <summary>Why it failed; null when it connected.</summary>
        public string? Failure { get; }
    }
}
