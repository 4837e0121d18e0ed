namespace WebexConnect.Messages
{
    /// <summary>
    /// The channels the Messaging API v2 sends on. SMS, email and RCS have their own cmdlets; the others are
    /// sent with Send-ConnectMessage, whose JSON channel name is the one the caller gave.
    /// </summary>
    public enum MessageChannel
    {
        /// <summary>SMS to an E.164 number (JSON "sms").</summary>
        Sms,
        /// <summary>Email to an address on a verified sender domain (JSON "email").</summary>
        Email,
        /// <summary>RCS business messaging to an E.164 number (JSON "rcs").</summary>
        Rcs,
        /// <summary>WhatsApp (JSON "whatsapp").</summary>
        WhatsApp,
        /// <summary>Voice (JSON "voice").</summary>
        Voice,
        /// <summary>Push notifications for Android, iOS and web (JSON "push").</summary>
        Push,
        /// <summary>In-app (real-time app) messaging (JSON "rt").</summary>
        InApp,
        /// <summary>Facebook Messenger (JSON "messenger").</summary>
        Messenger,
        /// <summary>Apple Messages for Business (JSON "applebusinesschat").</summary>
        AppleBusinessChat,
        /// <summary>A channel name the module does not know; Send-ConnectMessage sends it as given.</summary>
        Other,
    }
}
