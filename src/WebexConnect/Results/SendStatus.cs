namespace WebexConnect.Results
{
    /// <summary>What happened to one destination. Every status but Queued, Scheduled and Skipped also writes an error.</summary>
    public enum SendStatus
    {
        /// <summary>The service accepted the request (201) and queued it for delivery.</summary>
        Queued,
        /// <summary>The service accepted a request with SendAt; it will go out later.</summary>
        Scheduled,
        /// <summary>The service refused it (a 4xx with a code and reason): fix the input and send again.</summary>
        Rejected,
        /// <summary>It was not sent: the failure happened before the service could have accepted it. Safe to send again.</summary>
        Failed,
        /// <summary>The request may or may not have been accepted (timeout, reset, 500/502/504, a web page instead of the API's answer). Not resent, to avoid a duplicate; check delivery reports before sending again.</summary>
        Unknown,
        /// <summary>Not sent on purpose: the -Journal shows an earlier run already had it accepted.</summary>
        Skipped,
        /// <summary>The input failed validation before anything was sent: the reason names the field.</summary>
        Invalid,
    }
}
