using System.Threading;

namespace WebexConnect.Results
{
    /// <summary>
    /// What a send result keeps of the session that sent it: one link per session, shared by all its results, cut when the
    /// session closes. A result that held the session itself kept a closed one alive, engine and sandbox log with it, for
    /// as long as $r held the results: 100 bytes more per kept result of a sandbox run after Disconnect-WebexConnect.
    /// </summary>
    internal sealed class SessionLink
    {
        private ConnectSession? _session;

        public SessionLink(ConnectSession session) => _session = session;

        /// <summary>The session, while it is open; null once it closed.</summary>
        public ConnectSession? Session => Volatile.Read(ref _session);

        /// <summary>Lets go of the session: it has closed, and no lookup may use it.</summary>
        public void Cut() => Volatile.Write(ref _session, null);
    }
}
