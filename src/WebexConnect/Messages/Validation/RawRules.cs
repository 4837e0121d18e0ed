using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace WebexConnect.Messages.Validation
{
    /// <summary>
    /// The rules of a message whose content the caller wrote (Send-ConnectMessage): only those that hold for
    /// every channel. What a channel makes of its content (an SMS's length, a WhatsApp template's fields) is
    /// the service's to judge; its 400 comes back on the row with its code and message.
    /// </summary>
    internal static class RawRules
    {
        /// <summary>The largest message any channel takes (an email: 10 MB once encoded); content, options and other members together.</summary>
        internal const long MaxMessageBytes = 10L * 1024 * 1024;

        /// <summary>The most destinations one request may carry (code 7009), so the most addresses one destination object may hold.</summary>
        internal const int MaxAddressesPerDestination = 1000;

        /// <summary>The top-level members the cmdlet writes itself: -AdditionalProperty may not name them.</summary>
        internal static readonly IReadOnlyCollection<string> ReservedMembers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "channel", "from", "to", "substitutions", "sendAt", "expireAt", "validity", "callbackData", "notifyUrl",
            "requestedReceipts", "options", "content", "template", "contactPolicy",
        };

        /// <summary>The members of a destination object other than its addresses: -DestinationKey may not name them.</summary>
        internal static readonly IReadOnlyCollection<string> ReservedDestinationMembers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "correlationId", "substitutions", "gtrId",
        };

        internal static void Check(RawMessage message, ProblemList problems)
        {
            if (message.Template is not null)
            {
                if (message.Content is not null) problems.Add("Content", "Content and a template were both given: use one of them, not both");
            }
            else if (string.IsNullOrWhiteSpace(message.Content))
            {
                problems.Add("Content", "Content is required (or give a template)");
            }

            if (string.IsNullOrWhiteSpace(message.DestinationKey))
                problems.Add("DestinationKey", $"no destination key is known for the channel {InputEcho.Quote(message.ChannelName)}: " +
                    "give -DestinationKey, the member of each \"to\" object that holds the addresses (as the channel's API documents it)");
            else if (ReservedDestinationMembers.Contains(message.DestinationKey))
                problems.Add("DestinationKey", $"{InputEcho.Quote(message.DestinationKey)} is another member of a destination object: give the member that holds the addresses");
            CommonRules.CheckCharacters(message.DestinationKey, "DestinationKey", problems);

            CommonRules.CheckCharacters(message.Content, "Content", problems);
            CommonRules.CheckCharacters(message.Options, "Option", problems);
            foreach (var member in message.AdditionalProperties)
            {
                if (string.IsNullOrWhiteSpace(member.Key))
                    problems.Add("AdditionalProperty", "a member has an empty name");
                else if (ReservedMembers.Contains(member.Key))
                    problems.Add("AdditionalProperty", $"{InputEcho.Quote(member.Key)} is written from its own parameter: use that parameter instead");
                CommonRules.CheckCharacters(member.Key, "AdditionalProperty", problems, $"the name {InputEcho.Quote(member.Key)}");
                CommonRules.CheckCharacters(member.Value, "AdditionalProperty", problems, $"the value of {InputEcho.Quote(member.Key)}");
            }

            var bytes = Utf8Length(message.Content) + Utf8Length(message.Options) +
                message.AdditionalProperties.Sum(m => Utf8Length(m.Key) + Utf8Length(m.Value));
            if (bytes > MaxMessageBytes)
                problems.Add("Content", $"the content, options and other members take {bytes} bytes as UTF-8: at most {MaxMessageBytes} bytes (10 MB) are allowed");
        }

        /// <summary>
        /// The rule for one address under the message's destination key: an E.164 number for "msisdn", an email
        /// address for "email", and anything non-blank for a key of the channel's own.
        /// </summary>
        internal static string? CheckAddress(RawMessage message, string address) => message.DestinationKey switch
        {
            ChannelNames.Msisdn => PhoneNumberRule.Check(address),
            ChannelNames.Email => EmailAddressRule.Check(address),
            _ => string.IsNullOrWhiteSpace(address) ? $"the {message.DestinationKey} is empty" : null,
        };

        internal static void CheckDestinationCount(Recipient recipient, ProblemList problems)
        {
            if (recipient.Addresses.Count > MaxAddressesPerDestination)
                problems.Add("To", $"has {recipient.Addresses.Count} addresses: one request carries at most {MaxAddressesPerDestination} destinations, " +
                    "and the addresses of one row go in one request: give each its own row (... | ForEach-Object { [pscustomobject]@{ To = $_ } } | " +
                    "<the same command>), which go in as many requests as they need");
        }

        private static long Utf8Length(string? text) => string.IsNullOrEmpty(text) ? 0 : Encoding.UTF8.GetByteCount(text);
    }
}
