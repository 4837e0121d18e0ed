using System.Collections.Generic;
using System.Linq;

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

        public static void Add(ConnectReceiptListener listener)
        {
            lock (Gate) Listeners.Add(listener);
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
