using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace WebexConnect.Receipts
{
    /// <summary>
    /// The receipt listeners this module started and has not stopped. A listener whose variable is gone (a script
    /// that ended or failed before Stop-ConnectReceiptListener) still holds its port: Stop-ConnectReceiptListener finds it
    /// by its URL or port, Remove-Module stops these, and Start-ConnectReceiptListener names the one in the way when its
    /// port is taken.
    /// </summary>
    internal static class RunningListeners
    {
        private static readonly object Gate = new object();
        private static readonly List<ConnectReceiptListener> Listeners = new List<ConnectReceiptListener>();
        // The runspace each was started in. Without -Listener, Wait-ConnectDelivery and Stop-ConnectReceiptListener take
        // the caller's own: before, a bare Stop-ConnectReceiptListener in a script stopped the listener a thread job (or a
        // ForEach-Object -Parallel block) of the same process was waiting on.
        private static readonly ConditionalWeakTable<ConnectReceiptListener, Runspace> StartedIn =
            new ConditionalWeakTable<ConnectReceiptListener, Runspace>();

        /// <summary>Records a listener <paramref name="runspace"/> (the starting command's) started.</summary>
        public static void Add(ConnectReceiptListener listener, Runspace? runspace)
        {
            lock (Gate)
            {
                Listeners.Add(listener);
                if (runspace != null) StartedIn.Add(listener, runspace);
            }
        }

        /// <summary>Stops the listener and forgets it; nothing when it is already stopped.</summary>
        public static void Stop(ConnectReceiptListener listener)
        {
            listener.Listener.Dispose();
            lock (Gate) Listeners.Remove(listener);
        }

        /// <summary>The running listener of this session on <paramref name="port"/>, if any.</summary>
        public static ConnectReceiptListener? OnPort(int port)
        {
            lock (Gate) return Listeners.FirstOrDefault(l => l.IsRunning && l.Port == port);
        }

        /// <summary>
        /// The running listener of this session whose Url is <paramref name="url"/> (the host's case and the last slash
        /// aside), if any.
        /// </summary>
        public static ConnectReceiptListener? At(System.Uri url)
        {
            var wanted = url.AbsoluteUri.TrimEnd('/');
            lock (Gate)
                return Listeners.FirstOrDefault(l => l.IsRunning &&
                    string.Equals(l.Url.AbsoluteUri.TrimEnd('/'), wanted, System.StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>The listeners of this session still running, oldest first.</summary>
        public static IReadOnlyList<ConnectReceiptListener> Running()
        {
            lock (Gate) return Listeners.Where(l => l.IsRunning).ToArray();
        }

        /// <summary>The listeners <paramref name="runspace"/> started and that still run, oldest first.</summary>
        public static IReadOnlyList<ConnectReceiptListener> RunningIn(Runspace? runspace)
        {
            lock (Gate)
                return Listeners.Where(l => l.IsRunning && StartedIn.TryGetValue(l, out var started) && ReferenceEquals(started, runspace)).ToArray();
        }

        /// <summary>Stops every listener still running (Remove-Module).</summary>
        public static void StopAll()
        {
            ConnectReceiptListener[] running;
            lock (Gate)
            {
                running = Listeners.ToArray();
                Listeners.Clear();
            }
            foreach (var listener in running) listener.Listener.Dispose();
        }
    }
}
