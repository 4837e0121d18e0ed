using WebexConnect.Results;

namespace WebexConnect.Sending
{
    // PLACEHOLDER written by the send-cmdlets branch only so that it compiles; the session branch owns
    // this file and its version replaces this one. The send cmdlets read Current only.
    /// <summary>The session that Connect-WebexConnect made current for this process.</summary>
    internal static class SessionState
    {
        public static ConnectSession? Current { get; set; }
    }
}
