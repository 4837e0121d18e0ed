using System;
using System.Collections.Generic;

namespace WebexConnect.Messages
{
    /// <summary>
    /// A message on any channel whose content the caller writes as JSON (Send-ConnectMessage): the shared
    /// fields travel as for the typed messages, the content, the options and any other top-level member as
    /// written. The module checks only what holds for every channel; the service checks the rest.
    /// </summary>
    public sealed class RawMessage : ConnectMessage
    {
        private readonly string _channelName = "";

        /// <summary>An empty message on <paramref name="channelName"/>, to fill with an object initializer.</summary>
        /// <param name="channelName">The JSON channel name; a known one in any casing ("WhatsApp" is sent as "whatsapp").</param>
        public RawMessage(string channelName)
        {
            ChannelName = channelName;
            DestinationKey = ChannelNames.DefaultDestinationKey(Channel) ?? "";
        }

        internal RawMessage(SharedPart shared, string channelName)
            : base(shared)
        {
            ChannelName = channelName;
            DestinationKey = ChannelNames.DefaultDestinationKey(Channel) ?? "";
        }

        /// <inheritdoc />
        public override MessageChannel Channel => ChannelNames.Parse(_channelName);

        /// <summary>The channel as the JSON "channel" member spells it.</summary>
        public string ChannelName
        {
            get => _channelName;
            private init
            {
                if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException("A channel name is required.", nameof(value));
                _channelName = ChannelNames.Normalize(value);
            }
        }

        /// <summary>
        /// The member of each destination object that holds its addresses: "msisdn", "email" or a key of the
        /// channel's own. Defaults to the known channel's key; empty for a channel whose key nobody documents.
        /// </summary>
        public string DestinationKey { get; init; } = "";

        /// <summary>The JSON object sent as "content" (its $(name) variables left for the service); null with a template.</summary>
        public string? Content { get; init; }

        /// <summary>The JSON object sent as "options", or null for none.</summary>
        public string? Options { get; init; }

        /// <summary>Other top-level members (e.g. "appid", "cc"), each name with its JSON value, written in this order.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> AdditionalProperties { get; init; } = Array.Empty<KeyValuePair<string, string>>();
    }
}
