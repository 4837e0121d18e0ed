using System.Threading;
using WebexConnect.Results;

namespace WebexConnect.Sending
{
    /// <summary>
    /// The current session: what Connect-WebexConnect opened and the send cmdlets use without -Session.
    /// One per process (like the module assembly itself), so every runspace of a host shares it.
    /// </summary>
    internal static class SessionState
    {
        private static ConnectSession? _current;

        /// <summary>The current session, or null when not connected.</summary>
        public static ConnectSession? Current => Volatile.Read(ref _current);

        /// <summary>Makes <paramref name="session"/> current and closes the one it replaces.</summary>
        public static void Replace(ConnectSession session)
        {
            var previous = Interlocked.Exchange(ref _current, session);
            if (previous != null && !ReferenceEquals(previous, session)) previous.Close();
        }

        /// <summary>Forgets the current session and closes it; returns false when there was none.</summary>
        public static bool Clear()
        {
            var previous = Interlocked.Exchange(ref _current, null);
            previous?.Close();
            return previous != null;
        }
    }
}
