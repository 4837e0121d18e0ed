namespace WebexConnect.Messages
{
    /// <summary>The v2 "contactPolicy" object: a policy group and at least one check that must be applied.</summary>
    public sealed class ContactPolicy
    {
        /// <summary>The contact policy group ID (required).</summary>
        public string Group { get; init; } = "";

        /// <summary>Require the recipient's channel consent (JSON channelCheckConsent).</summary>
        public bool CheckConsent { get; init; }

        /// <summary>Apply the group's frequency cap for the channel (JSON channelApplyFrequencyCap).</summary>
        public bool ApplyFrequencyCap { get; init; }
    }
}
