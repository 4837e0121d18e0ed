using System;
using System.Collections.Generic;
using System.Threading;
using WebexConnect.Results;

namespace WebexConnect.Sending
{
    /// <summary>
    /// The current session: what Connect-WebexConnect opened and the send cmdlets use without -Session.
    /// One per process (like the module assembly itself), so every runspace of a host shares it.
    /// A new Connect-WebexConnect closes the session it replaces, unless the user kept it (-PassThru): a kept
    /// session serves -Session (two tenants in one script) until Disconnect-WebexConnect -Session closes it.
    /// </summary>
    internal static class SessionState
    {
        private static ConnectSession? _current;
        private static string? _lastConnectFailure;

        // Weak: a kept session the script dropped is the garbage collector's to release, as any other object
        // it dropped; this list only lets Remove-Module close those still alive.
        private static readonly List<WeakReference<ConnectSession>> Kept = new List<WeakReference<ConnectSession>>();

        /// <summary>The current session, or null when not connected.</summary>
        public static ConnectSession? Current => Volatile.Read(ref _current);

        /// <summary>
        /// Makes <paramref name="session"/> current. The one it replaces is closed unless it was kept: nobody
        /// else can reach it, and a script that connects in a loop must not pile up connections.
        /// </summary>
        public static void Replace(ConnectSession session)
        {
            Volatile.Write(ref _lastConnectFailure, null);
            var previous = Interlocked.Exchange(ref _current, session);
            if (previous != null && !ReferenceEquals(previous, session) && !previous.IsKept) previous.Close(SessionEnd.Replaced);
        }

        /// <summary>Hands <paramref name="session"/> to the user (-PassThru): a later Connect-WebexConnect leaves it open.</summary>
        public static void Keep(ConnectSession session)
        {
            session.Keep();
            lock (Kept)
            {
                Kept.RemoveAll(k => !k.TryGetTarget(out var s) || s.IsClosed);
                Kept.Add(new WeakReference<ConnectSession>(session));
            }
        }

        /// <summary>Forgets the current session and closes it; returns it (Disconnect-WebexConnect -Verbose names it), or null when there was none.</summary>
        public static ConnectSession? Clear()
        {
            Volatile.Write(ref _lastConnectFailure, null);
            var previous = Interlocked.Exchange(ref _current, null);
            previous?.Close(SessionEnd.Disconnected);
            return previous;
        }

        /// <summary>Why the last Connect-WebexConnect failed, while no later one succeeded and no Disconnect followed; else null.</summary>
        public static string? LastConnectFailure => Volatile.Read(ref _lastConnectFailure);

        /// <summary>
        /// A Connect-WebexConnect failed (<paramref name="why"/>): the session that was current stops being current, and
        /// closes unless the user kept it (-PassThru). A script that goes on after the failed Connect (a terminating error
        /// ends only its statement) then sends nowhere, with NotConnected saying why, rather than to the tenant it
        /// connected to before. Returns true when there was a current session.
        /// </summary>
        public static bool DropAfterFailedConnect(string why)
        {
            Volatile.Write(ref _lastConnectFailure, why);
            var previous = Interlocked.Exchange(ref _current, null);
            if (previous != null && !previous.IsKept) previous.Close(SessionEnd.ConnectFailed);
            return previous != null;
        }

        /// <summary>
        /// Closes <paramref name="session"/> (Disconnect-WebexConnect -Session), and forgets it when it is the
        /// current one; returns false when it was already closed.
        /// </summary>
        public static bool Close(ConnectSession session)
        {
            Interlocked.CompareExchange(ref _current, null, session);
            return session.Close(SessionEnd.Disconnected);
        }

        /// <summary>
        /// Remove-Module: closes the current session and every kept one still open, so no connection, token or
        /// key outlives the module. Returns the current session it closed, or null.
        /// </summary>
        public static ConnectSession? CloseAll()
        {
            var current = Interlocked.Exchange(ref _current, null);
            current?.Close(SessionEnd.ModuleRemoved);
            lock (Kept)
            {
                foreach (var kept in Kept)
                    if (kept.TryGetTarget(out var session)) session.Close(SessionEnd.ModuleRemoved);
                Kept.Clear();
            }
            return current;
        }
    }
}
