namespace WebexConnect.Messages
{
    /// <summary>The v2 "template" object: a template configured in Webex Connect, used instead of content.</summary>
    public sealed class MessageTemplate
    {
        /// <summary>The template ID from the Webex Connect UI.</summary>
        public string Id { get; init; } = "";

        /// <summary>Email only: character encoding of the template text, e.g. utf-8.</summary>
        public string? Encoding { get; init; }

        /// <summary>Email only: the subject, overriding the template's.</summary>
        public string? Subject { get; init; }
    }
}
