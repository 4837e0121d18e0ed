using System;
using System.Collections.Generic;

namespace WebexConnect.Messages
{
    /// <summary>
    /// The fields every channel's message shares, in one value: what the send cmdlets compute once from their
    /// common parameters and what a message copies when it is rebuilt with one thing changed.
    /// </summary>
    internal sealed class SharedPart
    {
        public SharedPart(string from, IReadOnlyDictionary<string, string> substitutions, DateTimeOffset? sendAt, DateTimeOffset? expireAt,
            TimeSpan? validity, string? callbackData, string? notifyUrl, IReadOnlyList<string> requestedReceipts,
            MessageTemplate? template, ContactPolicy? contactPolicy)
        {
            From = from;
            Substitutions = substitutions;
            SendAt = sendAt;
            ExpireAt = expireAt;
            Validity = validity;
            CallbackData = callbackData;
            NotifyUrl = notifyUrl;
            RequestedReceipts = requestedReceipts;
            Template = template;
            ContactPolicy = contactPolicy;
        }

        public string From { get; }
        public IReadOnlyDictionary<string, string> Substitutions { get; }
        public DateTimeOffset? SendAt { get; }
        public DateTimeOffset? ExpireAt { get; }
        public TimeSpan? Validity { get; }
        public string? CallbackData { get; }
        public string? NotifyUrl { get; }
        public IReadOnlyList<string> RequestedReceipts { get; }

        /// <summary>Set when the message uses a template instead of content.</summary>
        public MessageTemplate? Template { get; }

        public ContactPolicy? ContactPolicy { get; }
    }
}
