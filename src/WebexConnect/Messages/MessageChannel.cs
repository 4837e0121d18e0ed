namespace WebexConnect.Messages
{
    /// <summary>The channels the Messaging API v2 sends on. The JSON value is the lower-case name.</summary>
    public enum MessageChannel
    {
        /// <summary>SMS to an E.164 number (JSON "sms").</summary>
        Sms,
        /// <summary>Email to an address on a verified sender domain (JSON "email").</summary>
        Email,
        /// <summary>RCS business messaging to an E.164 number (JSON "rcs").</summary>
        Rcs,
    }
}
