namespace WebexConnect.Sending
{
    /// <summary>What closed a session: the SessionClosed error tells the user which, and what to do next.</summary>
    internal enum SessionEnd
    {
        /// <summary>Disconnect-WebexConnect.</summary>
        Disconnected,

        /// <summary>A later Connect-WebexConnect replaced it, and nobody had kept it (-PassThru).</summary>
        Replaced,

        /// <summary>Remove-Module WebexConnect.</summary>
        ModuleRemoved,

        /// <summary>A later Connect-WebexConnect failed, and nobody had kept it (-PassThru): see SessionState.DropAfterFailedConnect.</summary>
        ConnectFailed,
    }
}
