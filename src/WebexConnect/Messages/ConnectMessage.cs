using System;
using System.Collections.Generic;

namespace WebexConnect.Messages
{
    /// <summary>
    /// The shared part of a v2 send request: everything except "to". Records whose shared part is equal
    /// travel in one request; the engine serialises it once per batch shape.
    /// </summary>
    public abstract class ConnectMessage
    {
        private protected static readonly IReadOnlyDictionary<string, string> NoSubstitutions = new Dictionary<string, string>();

        private protected ConnectMessage()
        {
        }

        /// <summary>A message whose shared fields are <paramref name="shared"/>'s; the channel's own fields follow in an initializer.</summary>
        private protected ConnectMessage(SharedPart shared)
        {
            From = shared.From;
            Substitutions = shared.Substitutions;
            SendAt = shared.SendAt;
            ExpireAt = shared.ExpireAt;
            Validity = shared.Validity;
            CallbackData = shared.CallbackData;
            NotifyUrl = shared.NotifyUrl;
            RequestedReceipts = shared.RequestedReceipts;
            Template = shared.Template;
            ContactPolicy = shared.ContactPolicy;
        }

        /// <summary>This message's shared fields, to build another message from.</summary>
        internal SharedPart Shared =>
            new SharedPart(From, Substitutions, SendAt, ExpireAt, Validity, CallbackData, NotifyUrl, RequestedReceipts, Template, ContactPolicy);

        /// <summary>The channel this message is sent on.</summary>
        public abstract MessageChannel Channel { get; }

        /// <summary>SMS: sender ID, short code or long code; email: sender address; RCS: the app ID.</summary>
        public string From { get; init; } = "";

        /// <summary>Global values for $(name) variables; a destination's own values win.</summary>
        public IReadOnlyDictionary<string, string> Substitutions { get; init; } = NoSubstitutions;

        /// <summary>When to send (at most 7 days ahead); written as UTC with milliseconds.</summary>
        public DateTimeOffset? SendAt { get; init; }

        /// <summary>When an undelivered message expires. Never together with <see cref="Validity"/>.</summary>
        public DateTimeOffset? ExpireAt { get; init; }

        /// <summary>How long the message stays valid (whole seconds, sent as a string). Never together with <see cref="ExpireAt"/>.</summary>
        public TimeSpan? Validity { get; init; }

        /// <summary>Up to 2000 characters echoed in every delivery webhook.</summary>
        public string? CallbackData { get; init; }

        /// <summary>The HTTPS URL that receives delivery webhooks.</summary>
        public string? NotifyUrl { get; init; }

        /// <summary>Which webhooks to send, in the channel's own casing (see <see cref="ReceiptTypes"/>).</summary>
        public IReadOnlyList<string> RequestedReceipts { get; init; } = Array.Empty<string>();

        /// <summary>A template configured in Webex Connect; when set, the message carries no content.</summary>
        public MessageTemplate? Template { get; init; }

        /// <summary>The contact policy to apply.</summary>
        public ContactPolicy? ContactPolicy { get; init; }
    }
}
