using WebexConnect.Sending;

namespace WebexConnect.Results
{
    // PLACEHOLDER written by the send-cmdlets branch only so that it compiles; the session branch owns
    // this file and its version replaces this one. The send cmdlets rely on Engine and EngineHost only.
    /// <summary>An open connection to Webex Connect (or the sandbox), as Connect-WebexConnect returns it.</summary>
    public sealed class ConnectSession
    {
        internal ConnectSession(IConnectEngine engineHost, IEngineSession engine)
        {
            EngineHost = engineHost;
            Engine = engine;
        }

        /// <summary>The open engine connection that sends.</summary>
        internal IEngineSession Engine { get; }

        /// <summary>The loaded engine, for work that needs no connection (rendering payloads).</summary>
        internal IConnectEngine EngineHost { get; }
    }
}
